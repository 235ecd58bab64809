import {readFileSync} from "node:fs";
import type {CommandModule} from "yargs";
import {ToolaceError} from "../../errors/ToolaceError.js";
import {ChatTemplate} from "../../template/ChatTemplate.js";
import {initModel, type InitModelTemplate} from "../../model/initModel.js";

interface ModelInitArgs {
    arch: string;
    vocab: string;
    dim: number;
    layers: number;
    heads: number;
    "kv-heads"?: number;
    ffn: number;
    ctx: number;
    out: string;
    seed: number;
    template: string;
    "chat-template-file"?: string;
    "tie-embeddings": boolean;
    name?: string;
    "rope-freq-base": number;
    induction: boolean;
}

/** `toolace-r model init`: writes a random-weight llama GGUF and prints a JSON summary. */
export const ModelInitCommand: CommandModule<object, ModelInitArgs> = {
    command: "init",
    describe: "Write a new random-weight llama GGUF (F32) with the tokenizer of a vocab file or llama.cpp vocab name",
    builder: (yargs) => yargs
        .option("arch", {type: "string", choices: ["llama"], default: "llama", describe: "Architecture"})
        .option("vocab", {type: "string", demandOption: true, describe: "Vocab GGUF path, or llama.cpp vocab name (llama-spm, qwen2, llama-bpe, phi-3...)"})
        .option("dim", {type: "number", demandOption: true, describe: "Embedding width"})
        .option("layers", {type: "number", demandOption: true, describe: "Number of blocks"})
        .option("heads", {type: "number", demandOption: true, describe: "Attention heads"})
        .option("kv-heads", {type: "number", describe: "Key/value heads (default: heads)"})
        .option("ffn", {type: "number", demandOption: true, describe: "Feed-forward width"})
        .option("ctx", {type: "number", demandOption: true, describe: "Training context length"})
        .option("out", {type: "string", demandOption: true, describe: "GGUF file to write"})
        .option("seed", {type: "number", default: 0, describe: "Seed of the random weights"})
        .option("template", {type: "string", choices: ["vocab", "chatml", "llama3", "none"], default: "vocab", describe: "Chat template"})
        .option("tie-embeddings", {type: "boolean", default: false, describe: "No output.weight: reuse token_embd"})
        .option("name", {type: "string", describe: "general.name"})
        .option("rope-freq-base", {type: "number", default: 10000, describe: "RoPE frequency base (rope.freq_base)"})
        .option("chat-template-file", {type: "string", describe: "Jinja chat template file for tokenizer.chat_template (overrides --template; checked by rendering a request)"})
        .option("induction", {
            type: "boolean", default: false,
            describe: "Plant an induction (copying) circuit into the random weights; needs ≥ 2 layers and heads, no --kv-heads, a head size dim/heads ≥ 32, dim ≥ 3·(dim/heads) + 1"
        }),
    handler: async (args) => {
        const chatTemplateSource = args["chat-template-file"] === undefined ? undefined : checkedTemplate(args["chat-template-file"]);
        const result = await initModel({
            ...(chatTemplateSource !== undefined ? {chatTemplateSource} : {}),
            arch: args.arch as "llama",
            vocab: args.vocab,
            dim: args.dim,
            layers: args.layers,
            heads: args.heads,
            kvHeads: args["kv-heads"],
            ffn: args.ffn,
            ctx: args.ctx,
            out: args.out,
            seed: args.seed,
            template: args.template as InitModelTemplate,
            tieEmbeddings: args["tie-embeddings"],
            name: args.name,
            ropeFreqBase: args["rope-freq-base"],
            induction: args.induction
        });
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
};

/** A template file's text, once it renders a plain request (a TemplateError names its problem otherwise). */
function checkedTemplate(file: string): string {
    let source: string;
    try {
        source = readFileSync(file, "utf8");
    } catch (error) {
        throw new ToolaceError("usage", `cannot read the chat template file ${file}: ${(error as Error).message}`, {path: file});
    }
    new ChatTemplate(source, file, "", "").render([{role: "user", content: "Hello"}], [], {addGenerationPrompt: true});
    return source;
}
