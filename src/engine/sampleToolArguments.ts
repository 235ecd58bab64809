import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {ToolaceError} from "../errors/ToolaceError.js";
import {compileArgumentsGrammar} from "../tools/compileArgumentsGrammar.js";
import {GbnfRuleSet} from "../tools/GbnfRuleSet.js";
import {normalizeTools} from "../tools/normalizeTools.js";
import {violationsOf} from "../tools/schemaViolations.js";
import {validateArguments} from "../tools/validateArguments.js";
import {GrammarSampler} from "./GrammarSampler.js";
import {resolveModelPath} from "./resolveModelPath.js";

export type ToolArgumentsSample = {
    /** The arguments object as the grammar wrote it. */
    arguments: unknown,
    /** How it breaks the tool's original schema (empty: sound); undefined when the original schema cannot be compiled by the validator. */
    violations: string[] | undefined
};

/**
 * `n` argument objects of one tool drawn from its call grammar through llama.cpp's grammar engine
 * (GrammarSampler over the vocabulary of `model`, loaded without weights), each checked against
 * the tool's original schema: a sample with violations shows an unsound grammar (or a keyword the
 * grammar relaxes, listed by `tools check`).
 */
export async function sampleToolArguments(options: {tools: unknown, name: string, n: number, seed: number, model?: string}): Promise<ToolArgumentsSample[]> {
    if (!Number.isInteger(options.n) || options.n < 1) throw new ToolaceError("usage", `--n must be a positive integer, got ${options.n}`, {option: "n"});
    if (!Number.isInteger(options.seed)) throw new ToolaceError("usage", `--seed must be an integer, got ${options.seed}`, {option: "seed"});
    const tools = normalizeTools(options.tools);
    const tool = tools.find((candidate) => candidate.name === options.name);
    if (tool === undefined) throw new ToolaceError("usage", `no tool named "${options.name}" (the tools are ${tools.map((candidate) => candidate.name).join(", ")})`, {name: options.name});
    const rules = new GbnfRuleSet();
    const grammar = rules.render(compileArgumentsGrammar(tool, {}, rules));
    const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
    const model = await llama.loadModel({modelPath: await resolveModelPath(options.model), vocabOnly: true});
    try {
        const texts = GrammarSampler.create(model).sample(llama, grammar, options.n, {seed: options.seed});
        return texts.map((text) => {
            const args = JSON.parse(text) as unknown;
            const original = tool.originalParameters;
            if (original !== undefined) return {arguments: args, violations: violationsOf(original, args)};
            // Tools whose grammar enforces their schema as written keep no original: the normalised schema is the same schema.
            const verdict = validateArguments(tool, args);
            return {arguments: args, violations: verdict.valid ? [] : verdict.errors};
        });
    } finally {
        await model.dispose();
    }
}
