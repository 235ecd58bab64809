import type {EvalReport} from "./EvalReport.js";

/** Writes one stderr line when items failed (they count wrong): how many, by error code, and the first message. */
export function reportEvalErrors(report: EvalReport, stream: {write(text: string): unknown} = process.stderr): void {
    if (report.errors.count === 0) return;
    const codes = Object.entries(report.errors.byCode).map(([code, n]) => `${code} ${n}`).join(", ");
    const example = report.errors.examples[0];
    stream.write(`toolace-r: ${report.errors.count} of ${report.items} items failed and count as wrong (${codes})${example === undefined ? "" : `; first: ${example.category}/${example.id}: ${example.message}`}\n`);
}
