import type {ToolCall} from "../protocol/ChatMessage.js";
import {REFINEMENT_INSTRUCTION} from "../protocol/refinementProtocol.js";
import type {OpenAITool, SynthItem} from "../synth/SynthItem.js";
import {TrainError} from "../train/TrainError.js";
import {synthItemConversation} from "../train/synthItemConversation.js";
import type {SampleRecord} from "./sampleItems.js";

/**
 * What a corpus conversation teaches: `sft` the request → the expected answer; `fix` the model's
 * own wrong call → the expected answer; `stop` a correct call → the same call (the adaptive stop);
 * `fix_stop` wrong → expected → expected again (stopping after a correction); `fix_fix` wrong →
 * another wrong → expected (refining more than once).
 */
export type CorpusKind = "sft" | "fix" | "stop" | "fix_stop" | "fix_fix";

export const corpusKinds: readonly CorpusKind[] = ["sft", "fix", "stop", "fix_stop", "fix_fix"];

/** An OpenAI-style message of a corpus conversation. */
export type CorpusMessage =
    | {role: "system" | "user" | "tool", content: string}
    | {role: "assistant", content: string | null, tool_calls?: ToolCall[]};

/**
 * One training conversation, one line of `corpus.jsonl`: `{messages, tools}` as `train sft` reads
 * them (the last message is the target; earlier assistant messages are previous rounds), with the
 * item it came from and what it teaches.
 */
export interface CorpusEntry {
    readonly id: string;
    readonly item: string;
    readonly kind: CorpusKind;
    readonly messages: readonly CorpusMessage[];
    readonly tools: readonly OpenAITool[];
}

export interface RefinementCorpusOptions {
    /** Add the self-refinement conversations (default true); without it only the `sft` one. */
    readonly refinement?: boolean;
    /** Most distinct wrong calls turned into `fix` conversations per item (default 2). */
    readonly maxFixes?: number;
    /** Add the three-round chains `fix_stop` and `fix_fix` (default true). */
    readonly chains?: boolean;
}

type Answer = Extract<CorpusMessage, {role: "assistant"}>;

const refinementRequest: CorpusMessage = {role: "user", content: REFINEMENT_INSTRUCTION};

function answerOf(sample: SampleRecord): Answer {
    return {role: "assistant", content: null, tool_calls: sample.tool_calls.map((call) => ({...call, function: {...call.function}}))};
}

/**
 * The training conversations of one selected item from its k samples, in the layout of the
 * refinement protocol (refinementProtocol.ts): the item's messages, then rounds, each later round
 * answering a user turn that holds REFINEMENT_INSTRUCTION, exactly as runRefinement puts them in the
 * context at inference (renderTrainingSample renders such chains through renderRefinementChain).
 *
 * - `sft`: the item's messages → its expected answer;
 * - `fix` (per distinct wrong call, at most `maxFixes`): the model's own wrong previous call → the
 *   expected answer. Only calls qualify as previous rounds: a text answer at round 0 ends refinement;
 * - `stop`: a correct previous call (the model's own correct sample, else the expected calls) → the
 *   same call, which teaches the adaptive stop (none when the expected answer is text);
 * - `fix_stop`: wrong → expected → expected; `fix_fix`: wrong → another wrong → expected.
 *
 * Pure and deterministic (samples are taken in order). Train with loss on the last assistant turn.
 */
export function buildRefinementCorpus(item: SynthItem, samples: readonly SampleRecord[], options: RefinementCorpusOptions = {}): CorpusEntry[] {
    const maxFixes = options.maxFixes ?? 2;
    if (!Number.isSafeInteger(maxFixes) || maxFixes < 0) {
        throw new TrainError("train_invalid_options", `the most fix conversations per item must be a non-negative integer, got ${String(maxFixes)}`, {option: "max-fixes"});
    }
    const sft = synthItemConversation(item);
    const context = item.messages as CorpusMessage[];
    const expected = sft.messages[sft.messages.length - 1] as Answer;
    const entries: CorpusEntry[] = [];
    const add = (kind: CorpusKind, rounds: readonly Answer[]): void => {
        const messages: CorpusMessage[] = [...context];
        rounds.forEach((round, index) => {
            if (index > 0) messages.push(refinementRequest);
            messages.push(round);
        });
        const count = entries.filter((entry) => entry.kind === kind).length;
        entries.push({id: `${item.id}:${kind}${count === 0 ? "" : `:${count}`}`, item: item.id, kind, messages, tools: item.tools});
    };
    add("sft", [expected]);
    if (options.refinement === false) return entries;

    const seen = new Set<string>();
    const wrong: SampleRecord[] = [];
    for (const sample of samples) {
        if (sample.correct || sample.error !== undefined || sample.tool_calls.length === 0 || seen.has(sample.callSet)) continue;
        seen.add(sample.callSet);
        wrong.push(sample);
    }
    for (const sample of wrong.slice(0, maxFixes)) add("fix", [answerOf(sample), expected]);
    const expectsCalls = (expected.tool_calls ?? []).length > 0;
    if (expectsCalls) {
        const right = samples.find((sample) => sample.correct && sample.error === undefined && sample.tool_calls.length > 0);
        const previous = right === undefined ? expected : answerOf(right);
        add("stop", [previous, previous]);
    }
    if (options.chains !== false) {
        const [first, second] = wrong;
        if (first !== undefined) add("fix_stop", [answerOf(first), expected, expected]);
        if (first !== undefined && second !== undefined) add("fix_fix", [answerOf(first), answerOf(second), expected]);
    }
    return entries;
}
