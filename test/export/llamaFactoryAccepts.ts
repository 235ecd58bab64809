import type {ShareGptExample} from "../../src/export/toShareGpt.js";

/**
 * Test helper: the checks of LLaMA-Factory's SharegptDatasetConverter with its default tags, which
 * skips an example that fails them: turns at even positions are human/observation, at odd ones
 * gpt/function_call, and there is an even number of turns.
 */
export function llamaFactoryAccepts(example: ShareGptExample): boolean {
    const accept = [["human", "observation"], ["gpt", "function_call"]];
    return example.conversations.every((turn, index) => accept[index % 2]!.includes(turn.from)) && example.conversations.length % 2 === 0;
}
