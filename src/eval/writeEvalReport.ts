import {writeFileSync} from "node:fs";
import path from "node:path";
import type {EvalReport} from "./EvalReport.js";
import {renderReportChart} from "./renderReportChart.js";
import {renderReportMarkdown} from "./renderReportMarkdown.js";

/** The files a run writes next to `items.jsonl`. */
export const EVAL_OUTPUT_FILES = {items: "items.jsonl", report: "report.json", markdown: "report.md", chart: "chart.svg"} as const;

/** Writes `report.json`, `report.md` and `chart.svg` into `outDir`. */
export function writeEvalReport(outDir: string, report: EvalReport): void {
    writeFileSync(path.join(outDir, EVAL_OUTPUT_FILES.report), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(outDir, EVAL_OUTPUT_FILES.markdown), renderReportMarkdown(report));
    writeFileSync(path.join(outDir, EVAL_OUTPUT_FILES.chart), renderReportChart(report));
}
