import {suite} from "uvu";
import * as assert from "uvu/assert";
import {bfclAggregates} from "../../src/eval/bfclAggregates.js";
import {buildEvalReport} from "../../src/eval/buildEvalReport.js";
import type {EvalItemRecord, EvalRoundRecord} from "../../src/eval/EvalItemRecord.js";
import type {EvalRunConfig} from "../../src/eval/EvalRunConfig.js";
import {renderReportChart} from "../../src/eval/renderReportChart.js";
import {renderReportMarkdown} from "../../src/eval/renderReportMarkdown.js";
import {reportEvalErrors} from "../../src/eval/reportEvalErrors.js";
import {checkXmlWellFormed} from "./xmlWellFormed.js";

const t = suite("buildEvalReport");
const config: EvalRunConfig = {benchmark: "bfcl", model: "/m/<model>&.gguf", mode: "fc", toolChoice: "auto", refine: "adaptive", maxRounds: 3, seed: 7, temperature: null, maxTokens: null, oracle: false};

function round(k: number, correct: boolean, callSet: string, tokens = 100): EvalRoundRecord {
    return {round: k, calls: [], content: null, callSet, correct, inputTokens: tokens, outputTokens: 10 * (k + 1), ms: 1000};
}
function item(category: string, id: string, rounds: EvalRoundRecord[], stop = "converged"): EvalItemRecord {
    return {id, category, correct: rounds[rounds.length - 1]?.correct ?? false, rounds, stop, ms: 5};
}

const records: EvalItemRecord[] = [
    item("simple_python", "s0", [round(0, false, "A"), round(1, true, "B"), round(2, true, "B")]),
    item("simple_python", "s1", [round(0, true, "A")], "text"),
    item("multiple", "m0", [round(0, true, "A"), round(1, false, "C")], "max_rounds"),
    item("multiple", "m1", [], "x"),
    item("parallel", "p0", [round(0, false, "A"), round(1, false, "D"), round(2, false, "D")]),
    item("parallel_multiple", "pm0", [round(0, true, "A"), round(1, true, "A")]),
    item("irrelevance", "i0", [round(0, true, "[]")], "text")
];
records[3] = {...records[3]!, stop: null, error: {code: "context_overflow", message: "too | long"}};

t("accuracy after every round: earlier stops keep their final answer; errors count wrong", () => {
    const report = buildEvalReport(records, {config, categories: ["simple_python", "multiple", "parallel", "parallel_multiple", "irrelevance"], limit: 2, aggregates: bfclAggregates});
    assert.is(report.rounds, 3);
    assert.equal(report.categories.simple_python, {accuracy: 1, correct: 2, total: 2, byRound: [0.5, 1, 1], correctByRound: [1, 2, 2], errors: 0});
    assert.equal(report.categories.multiple, {accuracy: 0, correct: 0, total: 2, byRound: [0.5, 0, 0], correctByRound: [1, 0, 0], errors: 1});
    assert.equal(report.categories.parallel!.byRound, [0, 0, 0]);
    assert.equal(report.aggregates.non_live!.byRound, [(0.5 + 0.5 + 0 + 1) / 4, (1 + 0 + 0 + 1) / 4, (1 + 0 + 0 + 1) / 4]);
    assert.is(report.aggregates.non_live!.accuracy, 0.5);
    assert.equal(report.aggregates.irrelevance!.parts, ["irrelevance"]);
    assert.is(report.aggregates.live, undefined);
    assert.equal(report.refinement, {items: 6, changed: 3, unchanged: 3, wrongToRight: 1, rightToWrong: 1, wrongToWrong: 1, rightToRight: 0, meanRounds: 2, stops: {converged: 3, text: 2, max_rounds: 1}});
    assert.equal(report.perRound.map((cost) => [cost.round, cost.items, cost.meanOutputTokens, cost.meanSeconds]), [[0, 6, 10, 1], [1, 4, 20, 1], [2, 2, 30, 1]]);
    assert.equal(report.errors.byCode, {context_overflow: 1});
    assert.equal([report.model, report.seed, report.limit, report.items], ["/m/<model>&.gguf", 7, 2, 7]);
});

t("non_live needs all four groups; live is entry-weighted", () => {
    const partial = buildEvalReport(records.filter((r) => r.category !== "parallel"), {config, categories: ["simple_python", "multiple", "parallel_multiple"], limit: null, aggregates: bfclAggregates});
    assert.is(partial.aggregates.non_live, undefined);
    const live = [item("live_simple", "a", [round(0, true, "A")]), item("live_simple", "b", [round(0, true, "A")]), item("live_simple", "c", [round(0, false, "A")]),
        item("live_multiple", "d", [round(0, false, "A")]), item("live_parallel", "e", [round(0, true, "A")]), item("live_parallel_multiple", "f", [round(0, false, "A")])];
    const report = buildEvalReport(live, {config, categories: ["live_simple", "live_multiple", "live_parallel", "live_parallel_multiple"], limit: null, aggregates: bfclAggregates});
    assert.is(report.aggregates.live!.accuracy, 3 / 6);
});

t("markdown has a row per category and aggregate and a column per round; the chart is well-formed SVG with every series", () => {
    const report = buildEvalReport(records, {config, categories: ["simple_python", "multiple", "parallel", "parallel_multiple", "irrelevance"], limit: 2, aggregates: bfclAggregates});
    const markdown = renderReportMarkdown(report);
    assert.match(markdown, /\| category \| correct \| total \| accuracy \| after round 0 \| after round 1 \| after round 2 \| errors \|/);
    assert.match(markdown, /\| simple_python \| 2 \| 2 \| 100\.00% \| 50\.00% \| 100\.00% \| 100\.00% \| 0 \|/);
    assert.match(markdown, /\| \*\*non_live\*\* /);
    assert.match(markdown, /context_overflow\]: too \\\| long/);
    const svg = renderReportChart(report);
    const {root, elements} = checkXmlWellFormed(svg);
    assert.is(root, "svg");
    assert.is(elements.polyline, 5 + 3, "a line per category and aggregate");
    assert.is(elements.rect, 1 + 2 * 3 + 2, "background, two bars per round, legend");
    assert.match(svg, /&lt;model&gt;&amp;\.gguf/);
});

t("one round: points instead of lines, still valid", () => {
    const report = buildEvalReport([item("irrelevance", "i0", [round(0, true, "[]")], "off")], {config, categories: ["irrelevance"], limit: null, aggregates: bfclAggregates});
    const {elements} = checkXmlWellFormed(renderReportChart(report));
    assert.is(elements.polyline, undefined);
    assert.is(elements.circle, 2);
});

t("reportEvalErrors says how many items failed, by code, with the first message; nothing without errors", () => {
    const lines: string[] = [];
    const sink = {write: (text: string) => lines.push(text)};
    reportEvalErrors(buildEvalReport(records, {config, categories: ["multiple"], limit: null}), sink);
    assert.equal(lines, ["toolace-r: 1 of 7 items failed and count as wrong (context_overflow 1); first: multiple/m1: too | long\n"]);
    reportEvalErrors(buildEvalReport(records.slice(0, 2), {config, categories: ["simple_python"], limit: null}), sink);
    assert.is(lines.length, 1);
});

t("the XML check used above rejects broken documents", () => {
    for (const broken of ["<svg><g></svg>", "<svg a=\"1\" a=\"2\"/>", "<svg>&nbsp;</svg>", "<svg><text>a < b</text></svg>", "<svg/><svg/>", "<svg x=1/>"]) {
        assert.throws(() => checkXmlWellFormed(broken), broken);
    }
    assert.equal(checkXmlWellFormed("<?xml version=\"1.0\"?>\n<svg a='1'><!-- c --><g>&amp;&#38;</g></svg>\n"), {root: "svg", elements: {svg: 1, g: 1}});
});

t.run();
