/**
 * How well a model copies, the skill a tool call needs most (names from the tools, values from the
 * request):
 *   npm run bench -- copy [--json] [--model PATH] [--items test.jsonl] [--limit N] [--copy-samples N]
 *
 * 1. Answer tokens of synthetic items (default: the held-out test split of a generated synth, seed
 *    5, no ../shared needed; `--items` takes a synth test.jsonl), rendered as in training: the loss
 *    (−log p of the right token, teacher-forced) and greedy top-1 accuracy per role — tool names,
 *    names an earlier call of the same answer already wrote (`repeatedName`: copying from the
 *    answer itself), argument values, and structure.
 * 2. Copy-curriculum samples (copyCurriculumSamples: random tokens, so only copying predicts them):
 *    loss on repeats and on key lookups against the uniform loss ln(tokens drawn from).
 * `repeatOverUniform` and `lookupOverUniform` near 1 mean the model does not copy at all; a model
 * that copies drives them towards 0.
 */
import {type ControlledEvaluateInputItem, getLlama, LlamaLogLevel, type LlamaContextSequence, type LlamaModel, type Token} from "node-llama-cpp";
import {synthesize} from "../src/synth/synthesize.js";
import type {SynthItem} from "../src/synth/SynthItem.js";
import {toolPool} from "../src/synth/toolPool.js";
import {readSynthItems} from "../src/tokenizer/readSynthItems.js";
import {copyCurriculumSamples} from "../src/train/copyCurriculumSamples.js";
import {copyCurriculumTokens} from "../src/train/copyCurriculumTokens.js";
import {renderSynthSamples} from "../src/train/renderSynthSamples.js";
import type {TrainSample} from "../src/train/trainData.js";
import {type AnswerTokenRole, answerTokenRoles} from "./support/answerTokenRoles.js";
import {BenchArgs} from "./support/BenchArgs.js";
import {benchModels} from "./support/benchModels.js";
import {formatTable} from "./support/formatTable.js";
import {peakRssBytes} from "./support/peakRssBytes.js";
import {printBenchResult} from "./support/printBenchResult.js";
import {roundTo} from "./support/roundTo.js";

const args = new BenchArgs(process.argv.slice(2));
const json = args.flag("json");
const limit = args.number("limit", 60, 1);
const copySamples = args.number("copy-samples", 8, 2);
const itemsFile = args.string("items");
const log = (line: string): void => {
    process.stderr.write(`bench copy: ${line}\n`);
};

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const [model] = await benchModels({model: args.string("model"), larger: false});
const started = performance.now();

async function testItems(): Promise<SynthItem[]> {
    if (itemsFile === undefined) {
        return synthesize(toolPool({sourcesDir: "/nonexistent/toolace-sources", seed: 5}), {count: 2000, seed: 5}).items.test.slice(0, limit);
    }
    const items: SynthItem[] = [];
    for await (const item of readSynthItems(itemsFile, limit)) items.push(item);
    return items;
}

/** −log p and greedy correctness of every trained position of `sample` (teacher-forced, one evaluation). */
async function positionLosses(sequence: LlamaContextSequence, sample: TrainSample): Promise<{position: number, loss: number, top1: boolean}[]> {
    await sequence.clearHistory();
    const input = sample.tokens.slice(0, -1);
    const probe = {generateNext: {probabilities: true}};
    const results = await sequence.controlledEvaluate(input.map((token, p): ControlledEvaluateInputItem =>
        (sample.trainMask[p + 1] === true ? [token as Token, probe] : token as Token)));
    const out: {position: number, loss: number, top1: boolean}[] = [];
    for (let p = 1; p < sample.tokens.length; p++) {
        if (sample.trainMask[p] !== true) continue;
        const probabilities = results[p - 1]?.next.probabilities;
        if (probabilities === undefined) throw new Error(`no probabilities at position ${p}`);
        const gold = sample.tokens[p]!;
        let best = -1;
        let bestProbability = -1;
        for (const [token, probability] of probabilities) if (probability > bestProbability) { best = token; bestProbability = probability; }
        out.push({position: p, loss: -Math.log(Math.max(probabilities.get(gold as Token) ?? 0, 1e-30)), top1: best === gold});
    }
    return out;
}

function summary(values: {loss: number, top1: boolean}[]): {tokens: number, loss: number, top1: number} {
    const tokens = values.length;
    return {
        tokens,
        loss: tokens === 0 ? Number.NaN : roundTo(values.reduce((sum, value) => sum + value.loss, 0) / tokens, 3),
        top1: tokens === 0 ? Number.NaN : roundTo(values.filter((value) => value.top1).length / tokens, 3)
    };
}

const items = await testItems();
const samples = await renderSynthSamples(llama, model!.path, items, "last");
const loaded: LlamaModel = await llama.loadModel({modelPath: model!.path});
const context = await loaded.createContext({contextSize: 2048, threads: 1});
const sequence = context.getSequence();
const byRole: Record<AnswerTokenRole, {loss: number, top1: boolean}[]> = {name: [], repeatedName: [], value: [], structure: []};
const all: {loss: number, top1: boolean}[] = [];
for (const [index, sample] of samples.entries()) {
    if (sample.tokens.length > 2048) continue;
    const losses = await positionLosses(sequence, sample);
    const roles = answerTokenRoles(losses.map((entry) => loaded.detokenize([sample.tokens[entry.position]! as Token], true)));
    losses.forEach((entry, i) => { byRole[roles[i]!].push(entry); all.push(entry); });
    if ((index + 1) % 20 === 0) log(`${index + 1}/${samples.length} items`);
}

const copyTokens = await copyCurriculumTokens(llama, model!.path);
const curriculum = copyCurriculumSamples({...copyTokens, count: copySamples, maxLength: 512, seed: 20260401});
const repeat: {loss: number, top1: boolean}[] = [];
const lookup: {loss: number, top1: boolean}[] = [];
for (const [index, sample] of curriculum.entries()) (index % 2 === 0 ? repeat : lookup).push(...await positionLosses(sequence, sample));
await context.dispose();
await loaded.dispose();

const uniform = Math.log(copyTokens.tokens.length);
const roles = Object.fromEntries(Object.entries(byRole).map(([role, values]) => [role, summary(values)]));
const result = {
    model: model!.name, modelNote: model!.note, items: samples.length, itemsSource: itemsFile ?? "generated synth (seed 5), test split",
    answer: summary(all), roles,
    copy: {repeat: summary(repeat), lookup: summary(lookup), uniformLoss: roundTo(uniform, 3), drawnTokens: copyTokens.tokens.length},
    repeatOverUniform: roundTo(summary(repeat).loss / uniform, 3),
    lookupOverUniform: roundTo(summary(lookup).loss / uniform, 3),
    seconds: roundTo((performance.now() - started) / 1000, 1),
    peakRssBytes: peakRssBytes()
};
const rows = [
    ["all answer tokens", result.answer.tokens, result.answer.loss, result.answer.top1],
    ...Object.entries(roles).map(([role, value]) => [role, value.tokens, value.loss, value.top1]),
    ["copy: repeat", result.copy.repeat.tokens, result.copy.repeat.loss, result.copy.repeat.top1],
    ["copy: lookup", result.copy.lookup.tokens, result.copy.lookup.loss, result.copy.lookup.top1]
];
printBenchResult([
    `copy ability of ${result.model} (${result.items} items from ${result.itemsSource}; uniform loss over the ${copyTokens.tokens.length} drawn tokens ${result.copy.uniformLoss})`,
    formatTable(["tokens", "count", "loss", "top-1"], rows),
    `repeatOverUniform ${result.repeatOverUniform}, lookupOverUniform ${result.lookupOverUniform} (1: no copying; 0: perfect), ${result.seconds} s`
].join("\n"), result, json);
