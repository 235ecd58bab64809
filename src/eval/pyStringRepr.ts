const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** Python `repr(str)`: single quotes unless the text has `'` and no `"`; non-printables escaped. */
export function pyStringRepr(text: string): string {
    const quote = text.includes("'") && !text.includes("\"") ? "\"" : "'";
    let out = quote;
    for (const ch of text) {
        const code = ch.codePointAt(0) as number;
        if (ch === quote || ch === "\\") out += `\\${ch}`;
        else if (ch === "\t") out += "\\t";
        else if (ch === "\n") out += "\\n";
        else if (ch === "\r") out += "\\r";
        else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
        else if (code < 0x7f) out += ch;
        else if (!NON_PRINTABLE.test(ch)) out += ch;
        else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
        else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
        else out += `\\U${hex(code, 8)}`;
    }
    return out + quote;
}

function hex(code: number, width: number): string {
    return code.toString(16).padStart(width, "0");
}
