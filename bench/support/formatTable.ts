/**
 * A plain-text table for a benchmark's human-readable output: a header row, a rule, then the rows,
 * columns padded to their widest cell; numbers right-aligned, text left-aligned.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
    const cells = [headers.map(String), ...rows.map((row) => headers.map((_, i) => cellText(row[i])))];
    const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === "number"));
    const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
    const line = (row: readonly string[]): string =>
        row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
    return [line(cells[0]!), widths.map((width) => "-".repeat(width)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

function cellText(value: string | number | undefined): string {
    if (value === undefined) return "";
    if (typeof value === "string") return value;
    if (!Number.isFinite(value)) return String(value);
    return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
}
