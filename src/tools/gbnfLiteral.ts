/**
 * A GBNF string literal (llama.cpp dialect) that matches exactly `text`. Quotes, backslashes and
 * control characters are escaped; other characters, non-ASCII included, are written as they are.
 */
export function gbnfLiteral(text: string): string {
    let out = "\"";
    for (const char of text) {
        const code = char.codePointAt(0) as number;
        if (char === "\"" || char === "\\") out += "\\" + char;
        else if (char === "\n") out += "\\n";
        else if (char === "\r") out += "\\r";
        else if (char === "\t") out += "\\t";
        else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0").toUpperCase();
        else if (code >= 0xd800 && code <= 0xdfff) out += "\\u" + code.toString(16).toUpperCase();
        else out += char;
    }
    return out + "\"";
}
