import type {ToolCall} from "../protocol/ChatMessage.js";
import {callSetKey} from "../eval/callSetKey.js";
import {checkCalls} from "../eval/checkCalls.js";
import {decodeBfclRound} from "../eval/decodeBfclRound.js";
import type {FunctionDoc} from "../eval/FunctionDoc.js";
import {functionDocsFromTools} from "../eval/functionDocsFromTools.js";
import {type GroundTruthCall, parseGroundTruth} from "../eval/GroundTruthCall.js";
import {parseLosslessJson} from "../eval/parseLosslessJson.js";
import type {EvalRoundScore} from "../eval/runEvalItems.js";
import type {SynthItem} from "../synth/SynthItem.js";
import {type SynthCategory, synthCategory} from "./synthCategory.js";

/** What the BFCL checker needs to score answers to one item, prepared once per item. */
export interface ItemScoring {
    readonly category: SynthCategory;
    readonly functions: readonly FunctionDoc[];
    readonly groundTruth: readonly GroundTruthCall[];
}

/** The item's BFCL category (synthCategory), its tools as BFCL function docs and its ground truth read losslessly. */
export function itemScoring(item: Pick<SynthItem, "kind" | "tools" | "ground_truth">): ItemScoring {
    return {
        category: synthCategory(item),
        functions: functionDocsFromTools(item.tools),
        groundTruth: parseGroundTruth(parseLosslessJson(JSON.stringify(item.ground_truth)))
    };
}

/**
 * Scores one answer (a round's `tool_calls` and `content`) BFCL-exactly: the calls are decoded as
 * BFCL's function-calling mode does (arguments parsed losslessly) and checked by checkCalls under
 * the item's category; names are compared as given (no `_` for `.`). `callSet` is the canonical
 * form of the decoded calls (callSetKey), to tell answers apart.
 */
export function scoreSample(scoring: ItemScoring, answer: {readonly tool_calls: readonly ToolCall[], readonly content: string | null}): EvalRoundScore {
    const decoded = decodeBfclRound("fc", answer);
    const result = checkCalls({category: scoring.category, functions: scoring.functions, groundTruth: scoring.groundTruth, calls: decoded.calls, underscoreToDot: false});
    const callSet = callSetKey(decoded.calls);
    return result.valid ? {correct: true, callSet} : {correct: false, callSet, errorType: result.errorType ?? "invalid"};
}
