import {corpusKinds} from "./buildRefinementCorpus.js";
import type {IterationReport, TrainIterateReport} from "./IterationReport.js";

const percent = (value: number | null | undefined): string => (value == null ? "–" : `${(value * 100).toFixed(1)}%`);
const number = (value: number | null | undefined, digits = 3): string => (value == null ? "–" : value.toFixed(digits));
const row = (cells: readonly (string | number)[]): string => `| ${cells.join(" | ")} |`;

/** `report.md` of a `train iterate` run: one row per iteration for selection, dev scores, tokens and corpus. */
export function renderIterationReport(report: TrainIterateReport): string {
    const iterations = report.iterations;
    const lines = [
        "# train iterate",
        "",
        `Base model \`${report.base}\`, pool \`${report.pool.file}\` (${report.pool.items} items), dev \`${report.dev.file}\` (${report.dev.items} items).`,
        `Selection: ${String(report.settings.select)}; k = ${String(report.settings.k)}, temperature ${String(report.settings.temperature)}; refinement corpus ${report.settings.refinementCorpus === false ? "off" : "on"}.`,
        `State: ${report.state}.${report.best === null ? "" : ` Best: iteration ${report.best.iteration} (${percent(report.best.accuracyAdaptive)} adaptive, ${percent(report.best.accuracyOff)} without refinement), \`best.gguf\`.`}`,
        "",
        "## Selection and dev accuracy",
        "",
        "pass@1 and pass@k are the model the iteration starts from, on the pool; dev scores are the model it trained (iteration 0: the base model).",
        "",
        row(["iteration", "unsolved / learnable / solved", "pass@1", "pass@k", "selected", "dev off", "dev adaptive", "dev by round", "mean rounds", "wrong→right", "right→wrong", "steps", "final loss"]),
        row(Array.from({length: 13}, () => "---")),
        ...iterations.map((it) => row([
            it.iteration,
            it.sampling === null ? "–" : `${it.sampling.difficulty.unsolved} / ${it.sampling.difficulty.learnable} / ${it.sampling.difficulty.solved}`,
            percent(it.sampling?.passAt1), percent(it.sampling?.passAtK),
            it.selection === null ? "–" : `${it.selection.selected}${it.selection.previous === null ? "" : ` (was ${it.selection.previous})`}`,
            percent(it.dev?.accuracyOff), percent(it.dev?.accuracyAdaptive),
            it.dev === null ? "–" : it.dev.byRound.map((value) => percent(value)).join(" → "),
            number(it.dev?.meanRounds, 2), it.dev?.wrongToRight ?? "–", it.dev?.rightToWrong ?? "–",
            it.training?.steps ?? "–", number(it.training?.finalLoss)
        ])),
        "",
        ...stops(iterations),
        "## Shared-prompt sampling (token meter)",
        "",
        "The k samples of an item share its evaluated prompt: evaluated ≈ prompt + k × completion, not k × (prompt + completion).",
        "",
        row(["iteration", "items", "samples", "prompt tokens", "completion tokens", "evaluated", "k × (prompt + completion)", "saved", "max prompt tokens of a repeat sample"]),
        row(Array.from({length: 9}, () => "---")),
        ...iterations.filter((it) => it.sampling !== null).map((it) => {
            const t = it.sampling!.tokens;
            return row([it.iteration, t.items, t.samples, t.promptTokens, t.completionTokens, t.evaluatedTokens, t.separateTokens, percent(t.savedFraction), t.maxRepeatInputTokens]);
        }),
        "",
        "## Training corpus",
        "",
        row(["iteration", "conversations", ...corpusKinds, "dropped (too long)", "context"]),
        row(Array.from({length: corpusKinds.length + 4}, () => "---")),
        ...iterations.filter((it) => it.corpus !== null).map((it) => row([
            it.iteration, it.corpus!.conversations, ...corpusKinds.map((kind) => it.corpus!.byKind[kind]), it.corpus!.dropped, it.corpus!.contextSize
        ])),
        ""
    ];
    return `${lines.join("\n")}\n`;
}

function stops(iterations: readonly IterationReport[]): string[] {
    const stopped = iterations.filter((it) => it.stop !== null);
    return stopped.length === 0 ? [] : [...stopped.map((it) => `Iteration ${it.iteration} stopped: ${it.stop!.message}`), ""];
}
