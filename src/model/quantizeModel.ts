import {randomBytes} from "node:crypto";
import {rm, stat} from "node:fs/promises";
import path from "node:path";
import {getLlama, type Llama, LlamaLogLevel} from "node-llama-cpp";
import {loadTrainerAddon} from "../train/nativeAddon.js";
import {TrainError} from "../train/TrainError.js";
import type {GgufFile} from "./GgufFile.js";
import {quantizationTypes, type QuantizationType} from "./QuantizationType.js";
import {QuantizeError} from "./QuantizeError.js";
import {readGguf} from "./readGguf.js";
import {renameSynced} from "../util/renameSynced.js";

export interface QuantizeModelOptions {
    input: string;
    output: string;
    type: QuantizationType;
    /** Default: every core. */
    threads?: number;
    /**
     * Quantize tensors that are quantized already (quality loss on top of quality loss; llama.cpp
     * refuses by default). Always on for f32 and f16, which dequantize.
     */
    allowRequantize?: boolean;
    /** node-llama-cpp instance whose llama.cpp runs the quantizer; default getLlama() on the CPU, never building from source. */
    llama?: Llama;
}

export interface QuantizeModelResult {
    output: string;
    type: QuantizationType;
    inputBytes: number;
    outputBytes: number;
    /** Tensor count per ggml type in the output, e.g. {Q8_0: 14, F32: 5}. */
    tensorTypes: Record<string, number>;
    seconds: number;
}

async function readModel(file: string, what: string): Promise<GgufFile> {
    try {
        return await readGguf(file);
    } catch (error) {
        throw new QuantizeError(what === "input" ? "quantize_input" : "quantize_io", `cannot read the ${what} ${file}: ${(error as Error).message}`,
            {file}, {cause: error});
    }
}

function countTypes(gguf: GgufFile): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const tensor of gguf.tensors) counts[tensor.typeName] = (counts[tensor.typeName] ?? 0) + 1;
    return counts;
}

/**
 * Converts a GGUF model with llama.cpp's own quantizer (llama_model_quantize, from the libllama
 * node-llama-cpp loaded, through the native addon), into a temporary file beside `output` that is
 * checked (readable GGUF; for f32 every tensor F32), fsynced and renamed into place: `output` is
 * either the complete new model or untouched. `type: "f32"` dequantizes, e.g. a Q8_0 model back to
 * the F32 weights that training needs. Throws QuantizeError.
 */
export async function quantizeModel(options: QuantizeModelOptions): Promise<QuantizeModelResult> {
    if (!quantizationTypes.includes(options.type)) {
        throw new QuantizeError("quantize_invalid_options", `type must be one of ${quantizationTypes.join(", ")}, got ${JSON.stringify(options.type)}`, {option: "type"});
    }
    const threads = options.threads ?? 0;
    if (!Number.isSafeInteger(threads) || threads < 0) {
        throw new QuantizeError("quantize_invalid_options", `threads must be a non-negative integer, got ${threads}`, {option: "threads"});
    }
    const input = path.resolve(options.input);
    const output = path.resolve(options.output);
    if (input === output) throw new QuantizeError("quantize_invalid_options", "the output must be another file than the input", {option: "output"});
    const source = await readModel(input, "input");
    if (source.architecture === undefined) throw new QuantizeError("quantize_input", `${input} is a GGUF file without general.architecture, not a model`, {file: input});

    let addon;
    try {
        addon = await loadTrainerAddon(options.llama ?? await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error}));
    } catch (error) {
        if (!(error instanceof TrainError)) throw error;
        throw new QuantizeError("quantize_unavailable", error.message, {...error.context}, {cause: error});
    }
    const started = Date.now();
    const temp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
        const dequantize = options.type === "f32" || options.type === "f16";
        try {
            await addon.quantize(input, temp, {type: options.type, threads, allowRequantize: dequantize || options.allowRequantize === true});
        } catch (error) {
            throw new QuantizeError("quantize_failed", (error as Error).message, {input, type: options.type}, {cause: error});
        }
        const written = await readModel(temp, "quantized model");
        if (options.type === "f32") {
            const other = written.tensors.filter((tensor) => tensor.typeName !== "F32");
            if (other.length > 0) {
                throw new QuantizeError("quantize_failed", `llama.cpp left ${other.length} tensors that are not F32 (${other[0]!.name}: ${other[0]!.typeName})`, {input, type: options.type});
            }
        }
        try {
            await renameSynced(temp, output);
        } catch (error) {
            throw new QuantizeError("quantize_io", `cannot move the result to ${output}: ${(error as Error).message}`, {file: output}, {cause: error});
        }
        return {
            output, type: options.type, inputBytes: (await stat(input)).size, outputBytes: written.fileSize, tensorTypes: countTypes(written),
            seconds: (Date.now() - started) / 1000
        };
    } finally {
        await rm(temp, {force: true});
    }
}
