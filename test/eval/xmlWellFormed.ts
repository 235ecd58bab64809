/**
 * A small XML 1.0 well-formedness check for the generated SVG (no XML parser is a dependency):
 * an optional declaration, comments, one root element, balanced tags, quoted and unique
 * attributes, only the predefined or numeric entities, no stray `<` or `&`. Returns the root
 * element's name and the count of each element, or throws with the offending position.
 */
export function checkXmlWellFormed(xml: string): {root: string, elements: Record<string, number>} {
    const NAME = /^[A-Za-z_:][\w.:-]*/;
    const stack: string[] = [];
    const elements: Record<string, number> = {};
    let root: string | undefined;
    let pos = 0;
    const fail = (message: string): never => {
        throw new Error(`${message} at ${pos}: ${JSON.stringify(xml.slice(pos, pos + 40))}`);
    };
    const checkText = (text: string): void => {
        if (text.includes("<")) fail("stray <");
        for (const match of text.matchAll(/&([^;\s]*);?/g)) {
            if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(match[0])) fail(`bad entity ${match[0]}`);
        }
    };
    if (xml.startsWith("<?xml")) {
        const end = xml.indexOf("?>");
        if (end < 0) fail("unclosed declaration");
        pos = end + 2;
    }
    while (pos < xml.length) {
        const next = xml.indexOf("<", pos);
        const text = xml.slice(pos, next < 0 ? xml.length : next);
        if (stack.length === 0 && text.trim() !== "") fail("text outside the root element");
        checkText(text);
        if (next < 0) break;
        pos = next;
        if (xml.startsWith("<!--", pos)) {
            const end = xml.indexOf("-->", pos + 4);
            if (end < 0) fail("unclosed comment");
            pos = end + 3;
            continue;
        }
        if (xml.startsWith("</", pos)) {
            const name = NAME.exec(xml.slice(pos + 2))?.[0] ?? fail("bad closing tag");
            const close = pos + 2 + name.length;
            const end = xml.indexOf(">", close);
            if (end < 0 || xml.slice(close, end).trim() !== "") fail("bad closing tag");
            if (stack.pop() !== name) fail(`closing ${name} does not match`);
            pos = end + 1;
            continue;
        }
        const name = NAME.exec(xml.slice(pos + 1))?.[0] ?? fail("bad tag name");
        if (stack.length === 0) {
            if (root !== undefined) fail("second root element");
            root = name;
        }
        elements[name] = (elements[name] ?? 0) + 1;
        pos += 1 + name.length;
        const seen = new Set<string>();
        for (;;) {
            const rest = xml.slice(pos);
            const space = /^\s*/.exec(rest)![0].length;
            pos += space;
            if (xml.startsWith("/>", pos)) {
                pos += 2;
                break;
            }
            if (xml[pos] === ">") {
                pos += 1;
                stack.push(name);
                break;
            }
            if (space === 0) fail("attributes need white space between them");
            const attribute = /^([A-Za-z_:][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(pos)) ?? fail("bad attribute");
            if (seen.has(attribute[1]!)) fail(`repeated attribute ${attribute[1]}`);
            seen.add(attribute[1]!);
            checkText(attribute[3] ?? attribute[4] ?? "");
            pos += attribute[0].length;
        }
    }
    if (stack.length > 0) fail(`unclosed ${stack.join(" > ")}`);
    if (root === undefined) fail("no root element");
    return {root: root as string, elements};
}
