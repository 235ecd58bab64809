/**
 * Splits a byte stream into lines (LF, optional CR before it) without decoding, so that invalid
 * UTF-8 is reported per line instead of being silently replaced. Lines longer than `maxBytes`
 * are reported as `{tooLong: bytes}` and skipped up to their end.
 */
export async function* splitLines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<{line: Buffer} | {tooLong: number}> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let skipping = false;
    for await (const chunk of input) {
        let data = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
        for (;;) {
            const newline = data.indexOf(0x0a);
            const piece = newline < 0 ? data : data.subarray(0, newline);
            if (!skipping) {
                pending.push(piece);
                pendingBytes += piece.length;
            } else pendingBytes += piece.length;
            if (!skipping && pendingBytes > maxBytes) {
                skipping = true;
                pending = [];
            }
            if (newline < 0) break;
            if (skipping) yield {tooLong: pendingBytes};
            else yield {line: stripCr(Buffer.concat(pending))};
            pending = [];
            pendingBytes = 0;
            skipping = false;
            data = data.subarray(newline + 1);
        }
    }
    if (skipping) yield {tooLong: pendingBytes};
    else if (pendingBytes > 0) yield {line: stripCr(Buffer.concat(pending))};
}

function stripCr(line: Buffer): Buffer {
    return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
}
