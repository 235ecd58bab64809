/**
 * Prints a benchmark's result: the human-readable report, then with `json` the result object as
 * one JSON line, the last line of stdout (what `npm run bench -- NAME --json` consumers parse).
 */
export function printBenchResult(report: string, result: Record<string, unknown>, json: boolean): void {
    process.stdout.write(`${report.trimEnd()}\n`);
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
}
