import {chatmlFormat} from "../protocol/formats/chatmlFormat.js";
import {refinementTurn} from "../protocol/refinementProtocol.js";
import {renderPrompt} from "../protocol/renderPrompt.js";
import {mergeSegments, type Segment} from "../protocol/Segment.js";
import type {SynthItem} from "../synth/SynthItem.js";
import {parseTrainingConversation} from "../train/parseTrainingConversation.js";
import {synthItemConversation} from "../train/synthItemConversation.js";

/** A text run a tokenizer sees: each run is tokenized on its own; `special` runs are control text and may hold control tokens. */
export type CorpusRun = {text: string, special: boolean};

/**
 * The text of a synthetic item as our model sees it in training and inference: the ChatML prompt
 * (system turn with the Hermes tools prompt and tool documents, the user request), the expected
 * assistant turn (tool-call envelopes or text) and one refinement turn, as merged segment runs
 * (the units `tokenizeSegments` tokenizes one by one).
 */
export function itemCorpusRuns(item: SynthItem): CorpusRun[] {
    const {messages, tools} = parseTrainingConversation(synthItemConversation(item), chatmlFormat, "all");
    const segments: Segment[] = [...renderPrompt(chatmlFormat, messages, tools), ...refinementTurn(chatmlFormat)];
    return mergeSegments(segments).map((segment) => ({text: segment.text, special: segment.special}));
}
