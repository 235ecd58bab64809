/**
 * GPT-2's byte-to-unicode table: every byte maps to one printable character (printable Latin-1
 * bytes to themselves, the others to U+0100 onwards), so byte-level BPE tokens are written as
 * strings without spaces or control characters. llama.cpp's "gpt2" tokenizer reads tokens and
 * merges in this form.
 */
function buildTable(): string[] {
    const direct: number[] = [];
    for (let b = 0x21; b <= 0x7e; b++) direct.push(b);
    for (let b = 0xa1; b <= 0xac; b++) direct.push(b);
    for (let b = 0xae; b <= 0xff; b++) direct.push(b);
    const table = new Array<string>(256);
    for (const b of direct) table[b] = String.fromCodePoint(b);
    let next = 0;
    for (let b = 0; b < 256; b++) {
        if (table[b] === undefined) table[b] = String.fromCodePoint(256 + next++);
    }
    return table;
}

const table = buildTable();
const encoder = new TextEncoder();

export const byteLevel = {
    /** The character byte `b` is written as. */
    char(b: number): string {
        return table[b]!;
    },
    /** The byte-level form of a string's UTF-8 bytes. */
    encode(text: string): string {
        let out = "";
        for (const b of encoder.encode(text)) out += table[b]!;
        return out;
    },
    /** The bytes of a byte-level string (the inverse of `encode`; throws on a character outside the table). */
    decode(text: string): Uint8Array {
        const bytes: number[] = [];
        for (const char of text) {
            const b = reverse.get(char);
            if (b === undefined) throw new RangeError(`${JSON.stringify(char)} is not a byte-level character`);
            bytes.push(b);
        }
        return Uint8Array.from(bytes);
    }
} as const;

const reverse = new Map(table.map((char, b) => [char, b]));
