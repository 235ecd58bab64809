/**
 * Gradients read back from models saved after one SGD step (w1 = w0 - rate·g, so g = (w0 - w1)/rate),
 * for tests that compare two ways of computing the same gradient.
 */
import {readGguf} from "../../src/model/readGguf.js";
import {readGgufTensorData} from "../../src/model/readGgufTensorData.js";
import {toDatapoint, type Datapoint} from "../../src/train/trainData.js";

/** The F32 values of tensor `name` of the GGUF `file`. */
export async function tensorValues(file: string, name: string): Promise<Float32Array> {
    const bytes = await readGgufTensorData(await readGguf(file), name);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

export type GradientDifference = {name: string, largest: number, difference: number};

/** Per tensor of `base`: the largest gradient of the step that wrote `first` and its largest difference from the step that wrote `second`. */
export async function gradientDifferences(base: string, first: string, second: string, rate: number): Promise<GradientDifference[]> {
    const out: GradientDifference[] = [];
    for (const info of (await readGguf(base)).tensors) {
        const w0 = await tensorValues(base, info.name);
        const a = await tensorValues(first, info.name);
        const b = await tensorValues(second, info.name);
        let largest = 0;
        let difference = 0;
        for (let i = 0; i < w0.length; i++) {
            const gFirst = (w0[i]! - a[i]!) / rate;
            largest = Math.max(largest, Math.abs(gFirst));
            difference = Math.max(difference, Math.abs((w0[i]! - b[i]!) / rate - gFirst));
        }
        out.push({name: info.name, largest, difference});
    }
    return out;
}

/** BOS, `prompt` masked positions, then `answer` trained positions, padded to `contextSize`. */
export function promptAnswerPoint(prompt: number, answer: number, contextSize: number): Datapoint {
    const tokens = [1];
    const trainMask = [false];
    for (let i = 0; i < prompt; i++) { tokens.push(300 + ((i * 13) % 97)); trainMask.push(false); }
    for (let i = 0; i < answer; i++) { tokens.push(900 + ((i * 7) % 31)); trainMask.push(true); }
    return toDatapoint({tokens, trainMask}, contextSize, 0);
}
