import type {Llama} from "node-llama-cpp";
import {readGguf} from "../model/readGguf.js";
import {TrainError} from "./TrainError.js";

/** What copyCurriculumSamples draws from and separates with, for one vocabulary. */
export interface CopyCurriculumTokens {
    /** The vocabulary's normal tokens (llama.cpp token type 1), BOS excluded. */
    tokens: number[];
    bos: number;
    /** The ":" token (between a key and its value) and the newline token (after a value). */
    separator: number;
    end: number;
}

/** The copy-curriculum tokens of the model (or vocab-only GGUF) `file`. Throws TrainError when it lacks them. */
export async function copyCurriculumTokens(llama: Llama, file: string): Promise<CopyCurriculumTokens> {
    const types = (await readGguf(file)).get("tokenizer.ggml.token_type");
    if (types?.type !== "array" || types.itemType !== "int32") throw new TrainError("train_model_unsupported", `${file} has no token types`, {model: file});
    const normal: number[] = [];
    Array.from(types.value as ArrayLike<number>).forEach((type, id) => { if (type === 1) normal.push(id); });
    const model = await llama.loadModel({modelPath: file, vocabOnly: true});
    try {
        const single = (text: string): number => {
            const ids = model.tokenize(text, false, "trimLeadingSpace");
            if (ids.length !== 1) throw new TrainError("train_model_unsupported", `${file}: ${JSON.stringify(text)} is not one token`, {model: file});
            return ids[0]!;
        };
        const bos = model.tokens.bos;
        if (bos == null) throw new TrainError("train_model_unsupported", `${file} has no BOS token`, {model: file});
        return {tokens: normal.filter((id) => id !== bos), bos, separator: single(":"), end: single("\n")};
    } finally {
        await model.dispose();
    }
}
