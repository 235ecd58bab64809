import type {EvalReport} from "./EvalReport.js";

const TITLES: Readonly<Record<EvalReport["benchmark"], string>> = {"bfcl": "BFCL", "api-bank": "API-Bank", "synth": "Synthetic dev set"};

/** `report.md`: the report's tables (accuracy per category and round, aggregates, refinement, cost per round, errors). */
export function renderReportMarkdown(report: EvalReport): string {
    const rounds = Array.from({length: report.rounds}, (_, k) => k);
    const refine = report.refine === "adaptive" && report.maxRounds !== null ? `adaptive (at most ${report.maxRounds} refinement rounds)` : report.refine;
    const lines: string[] = [
        `# ${TITLES[report.benchmark]} evaluation`,
        "",
        `- model: \`${report.oracle ? "oracle (first ground-truth alternative)" : report.model}\``,
        `- mode: ${report.mode}; tool_choice: ${report.toolChoice}; refine: ${refine}; seed: ${report.seed ?? "none"}; temperature: ${report.temperature ?? "default (greedy)"}; limit: ${report.limit ?? "none"} per category`,
        `- items: ${report.items}; errors: ${report.errors.count}`,
        "",
        "## Accuracy",
        "",
        `| category | correct | total | accuracy | ${rounds.map((k) => `after round ${k}`).join(" | ")} | errors |`,
        `|---|---:|---:|---:|${rounds.map(() => "---:").join("|")}|---:|`
    ];
    for (const [name, score] of Object.entries(report.categories)) {
        lines.push(`| ${name} | ${score.correct} | ${score.total} | ${percent(score.accuracy)} | ${score.byRound.map(percent).join(" | ")} | ${score.errors} |`);
    }
    for (const [name, aggregate] of Object.entries(report.aggregates)) {
        lines.push(`| **${name}** (${aggregate.method}) | | | **${percent(aggregate.accuracy)}** | ${aggregate.byRound.map(percent).join(" | ")} | |`);
    }
    const r = report.refinement;
    lines.push(
        "",
        "## Refinement (round 0 → final answer)",
        "",
        "| items answered | call set changed | unchanged | wrong → right | right → wrong | wrong → wrong | right → right (changed) | mean rounds |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        `| ${r.items} | ${r.changed} | ${r.unchanged} | ${r.wrongToRight} | ${r.rightToWrong} | ${r.wrongToWrong} | ${r.rightToRight} | ${r.meanRounds} |`,
        "",
        `Stops: ${Object.entries(r.stops).map(([stop, n]) => `${stop} ${n}`).join(", ") || "none"}.`,
        "",
        "## Cost per round",
        "",
        "| round | items | mean input tokens | mean output tokens | mean seconds |",
        "|---:|---:|---:|---:|---:|",
        ...report.perRound.map((cost) => `| ${cost.round} | ${cost.items} | ${cost.meanInputTokens} | ${cost.meanOutputTokens} | ${cost.meanSeconds} |`),
        "",
        `Totals: ${report.totals.inputTokens} input tokens, ${report.totals.outputTokens} output tokens, ${report.totals.seconds} s generating, ${report.totals.itemSeconds} s per-item wall time.`
    );
    if (report.errors.count > 0) {
        lines.push("", "## Errors (counted wrong)", "", "| code | items |", "|---|---:|",
            ...Object.entries(report.errors.byCode).map(([code, n]) => `| ${code} | ${n} |`), "",
            ...report.errors.examples.map((example) => `- ${example.category}/${example.id} [${example.code}]: ${cell(example.message)}`));
    }
    if (Object.keys(report.notes).length > 0) {
        lines.push("", "## Notes", "", ...Object.entries(report.notes).map(([key, value]) => `- ${key}: ${cell(JSON.stringify(value))}`));
    }
    return `${lines.join("\n")}\n`;
}

function percent(x: number): string {
    return `${(100 * x).toFixed(2)}%`;
}

/** Text safe inside a Markdown line: one line, pipes escaped, at most 300 characters. */
function cell(text: string): string {
    const flat = text.replace(/\s+/g, " ").replace(/\|/g, "\\|");
    return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
