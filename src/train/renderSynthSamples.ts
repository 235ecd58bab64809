import type {Llama} from "node-llama-cpp";
import {chatmlFormat} from "../protocol/formats/chatmlFormat.js";
import type {SynthItem} from "../synth/SynthItem.js";
import type {LossOn} from "./parseTrainingConversation.js";
import {renderTrainingSample} from "./renderTrainingSample.js";
import {synthItemConversation} from "./synthItemConversation.js";
import type {TrainSample} from "./trainData.js";

/**
 * Training samples of synthetic items, tokenized by the vocabulary of `model` (loaded vocab-only)
 * and laid out in ChatML exactly as ToolCallEngine prompts (see `renderTrainingSample`); one
 * sample per item, in item order.
 */
export async function renderSynthSamples(llama: Llama, model: string, items: readonly SynthItem[], lossOn: LossOn): Promise<TrainSample[]> {
    const vocab = await llama.loadModel({modelPath: model, vocabOnly: true});
    try {
        return items.map((item) => renderTrainingSample(vocab, chatmlFormat, synthItemConversation(item), {lossOn}));
    } finally {
        await vocab.dispose();
    }
}
