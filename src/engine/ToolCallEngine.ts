import {createHash} from "node:crypto";
import {getLlama, type Llama, type LlamaContext, LlamaGrammar, type LlamaModel, LlamaLogLevel, type Token} from "node-llama-cpp";
import {ToolaceError} from "../errors/ToolaceError.js";
import {readGguf} from "../model/readGguf.js";
import type {ChatFormat} from "../protocol/ChatFormat.js";
import type {ToolCall} from "../protocol/ChatMessage.js";
import {type AssistantOutput, parseAssistantOutput} from "../protocol/AssistantOutput.js";
import {DEFAULT_SYSTEM_PROMPT, renderPrompt} from "../protocol/renderPrompt.js";
import {refinementTurn} from "../protocol/refinementProtocol.js";
import {type ChatStyleName, resolveChatStyle} from "./resolveChatStyle.js";
import type {TemplateChat} from "../template/TemplateChat.js";
import type {TemplateRendering} from "../template/renderTemplateSegments.js";
import {buildLayoutGrammar} from "../template/buildLayoutGrammar.js";
import {chatmlFormat} from "../protocol/formats/chatmlFormat.js";
import {type Segment, control, output} from "../protocol/Segment.js";
import {buildCallGrammar} from "../protocol/buildCallGrammar.js";
import type {GrammarOptions} from "../tools/GrammarOptions.js";
import {validateArguments} from "../tools/validateArguments.js";
import {runRefinement, type RoundOutcome} from "../refine/runRefinement.js";
import type {CallRequest} from "./CallRequest.js";
import type {CallResult, CallViolation, FinishReason, RoundReport} from "./CallResult.js";
import {schemaViolations} from "../tools/schemaViolations.js";
import {TextAnswerStream} from "./TextAnswerStream.js";
import {generateTurn, type TurnResult} from "./generateTurn.js";
import {longestTokenBytes} from "./longestTokenBytes.js";
import {MAX_PARALLEL_CALLS, parseCallRequest} from "./parseCallRequest.js";
import {resolveModelPath} from "./resolveModelPath.js";
import {NativeMemoryReclaimer} from "./NativeMemoryReclaimer.js";
import {SequencePool} from "./SequencePool.js";
import {tokenizeSegments} from "./tokenizeSegments.js";
import {chooseThreads} from "./chooseThreads.js";
import {draftChecksPayOff} from "./draftChecksPayOff.js";
import {DraftCheckPolicy} from "./DraftCheckPolicy.js";
import {DraftMargins} from "./DraftMargins.js";
import type {CallEnvelope} from "./repeatedCallCut.js";
import {tokensText} from "./tokensText.js";

export type EngineOptions = {
    /** GGUF path or `hf:` URI; default: the embedded `models/default.gguf`. */
    model?: string,
    /** Tokens per context sequence (default: the model's training context, at most 4096). */
    contextSize?: number,
    /** Parallel sequences per context (requests served at once, batched into one decode; default 1). */
    sequences?: number,
    /**
     * Contexts, each with its own `threads` and `sequences` (default 1). Requests on different
     * contexts decode in parallel on separate cores: for small models, which generate fastest on one
     * thread, `contexts: cores, threads: 1` serves (and evaluates) that many requests at once.
     */
    contexts?: number,
    /** Evaluation threads (default: by model size, see chooseThreads). */
    threads?: number,
    /** `"auto"` uses a GPU when one is available; `false` forces CPU. */
    gpu?: "auto" | false,
    /**
     * How conversations are laid out (see ChatStyleName): by default the model's own chat
     * template, or a hand-written format where the template is plain ChatML or Llama 3.
     */
    chatFormat?: ChatStyleName,
    /** A Jinja chat template file to use instead of the model's `tokenizer.chat_template`. */
    chatTemplateFile?: string,
    /** Caps on generated strings and arrays (for random or weak models). */
    grammar?: GrammarOptions,
    /** Default output tokens per round. */
    maxTokens?: number,
    /**
     * `false`: free generation, no call grammar (the output is parsed as the model wrote it, and
     * calls are not re-validated): for comparing against constrained decoding. Default true.
     */
    constrained?: boolean,
    /**
     * Check a refinement round's draft (the previous round's output) in batches, so that a round
     * confirming the previous call costs a few evaluations (see verifyDraft). Greedy output is the
     * same tokens either way. `true`: every refinement round; `false`: never; default: for models
     * where it can pay off (draftChecksPayOff), while checks keep deciding rounds (DraftCheckPolicy).
     * The first checks of an engine also measure its context's decision margins (DraftMargins) and
     * cost about one more plain decoding of their round each (three or four rounds).
     */
    speculative?: boolean,
    /** An existing Llama instance to share (tests, benchmarks). */
    llama?: Llama,
    /** Called with every decoded round: its token ids and how much of its draft was checked and accepted (tests, benchmarks). */
    onTurn?: (turn: TurnObservation) => void
};

/** What a caller may follow or stop of one request (the server streams and cancels through these). */
export type CallHooks = {
    /** Cancels the request: waiting for a sequence or decoding stops, and `call` rejects with an `aborted` error. */
    signal?: AbortSignal,
    /**
     * A text answer as it is generated, in pieces (stop sequences and trailing whitespace held back
     * until they are decided). Only a text answer is streamed: it ends refinement, so round 0's text
     * is the final answer; calls are returned once the rounds have decided them.
     */
    onText?: (delta: string) => void,
    /** Each round's report as soon as the round is decided. */
    onRound?: (report: RoundReport) => void
};

/** What `onTurn` sees of a decoded round. */
export type TurnObservation = {round: number, generated: readonly Token[], draftTokens: number, draftAccepted: number, inputTokens: number, repeatsCut: number};

const DEFAULT_MAX_TOKENS = 512;
const GRAMMAR_CACHE_SIZE = 32;
/** Prompts over this many bytes per token of room are first checked against a lower bound of their token count. */
const PRECHECK_BYTES_PER_TOKEN = 8;

/**
 * A loaded model that answers tool-calling requests: renders the conversation in the model's chat
 * format, constrains generation with the call grammar of the request's tools, and runs adaptive
 * self-refinement on the same context sequence, so each extra round evaluates only its new tokens.
 */
export class ToolCallEngine {
    public readonly llama: Llama;
    public readonly model: LlamaModel;
    /** The first context (all have the same size and settings). */
    public readonly context: LlamaContext;
    /** Every context of the engine (EngineOptions.contexts). */
    public readonly contexts: readonly LlamaContext[];
    /** Requests the engine runs at once: contexts × sequences per context. */
    public readonly slots: number;
    public readonly modelPath: string;
    /** The hand-written format in use, or the one training data for this model would use when a template is in use. */
    public readonly format: ChatFormat;
    /** The model's chat template in use, if any (see TemplateChat). */
    public readonly template: TemplateChat | undefined;
    /** The layout's name: a hand-written format's, or `template:FAMILY`. */
    public readonly formatName: string;
    public readonly formatReason: string;
    public readonly threads: number;
    /** Whether refinement rounds may check their draft in batches (EngineOptions.speculative). */
    public readonly speculative: boolean;
    /** Without `speculative: true`, checks go on only while they decide rounds (DraftCheckPolicy). */
    private readonly draftPolicy: DraftCheckPolicy | undefined;
    /** Decision margins of draft checks, measured on this engine's context by its first checks. */
    private readonly draftMargins = new DraftMargins();
    private readonly pool: SequencePool;
    private readonly options: EngineOptions;
    private readonly grammars = new Map<string, LlamaGrammar>();
    private readonly reclaimer = new NativeMemoryReclaimer();
    private readonly ownsLlama: boolean;
    private longestToken: {bytes: number | undefined} | undefined;
    /** The repeated-call stop of generateTurn (see repeatStop), when this format and model allow it. */
    private readonly repeatStop: (CallEnvelope & {endToken: Token}) | undefined;

    private constructor(init: {llama: Llama, ownsLlama: boolean, model: LlamaModel, contexts: readonly LlamaContext[], modelPath: string, threads: number, options: EngineOptions}) {
        this.llama = init.llama;
        this.ownsLlama = init.ownsLlama;
        this.model = init.model;
        this.context = init.contexts[0]!;
        this.contexts = init.contexts;
        this.modelPath = init.modelPath;
        this.threads = init.threads;
        this.options = init.options;
        const style = resolveChatStyle(init.model, {...(init.options.chatFormat !== undefined ? {style: init.options.chatFormat} : {}),
            ...(init.options.chatTemplateFile !== undefined ? {templateFile: init.options.chatTemplateFile} : {})});
        const format = style.format;
        this.format = format;
        this.template = style.chat;
        this.formatName = style.name;
        this.formatReason = style.reason;
        this.pool = new SequencePool(init.contexts, init.options.sequences ?? 1);
        this.slots = this.pool.size;
        const vocabulary = init.model.fileInfo.metadata.tokenizer?.ggml?.tokens;
        this.speculative = init.options.speculative ?? draftChecksPayOff(Array.isArray(vocabulary) ? vocabulary.length : 0, init.model.size);
        this.draftPolicy = this.speculative && init.options.speculative !== true ? new DraftCheckPolicy() : undefined;
        // Hermes calls in a template's turns are cut at a repeated call as the ChatML format's are.
        this.repeatStop = style.chat === undefined ? repeatStop(init.model, format)
            : style.chat.mode === "hermes" ? repeatStop(init.model, {...chatmlFormat, assistantEnd: this.templateEndToken(style.chat)}) : undefined;
    }

    public static async load(options: EngineOptions = {}): Promise<ToolCallEngine> {
        const count = options.contexts ?? 1;
        if (!Number.isInteger(count) || count < 1)
            throw new ToolaceError("usage", `contexts must be a positive integer, got ${count}`, {option: "contexts", contexts: count});
        const modelPath = await resolveModelPath(options.model);
        const llama = options.llama ?? await getLlama({gpu: options.gpu ?? "auto", build: "never", logLevel: LlamaLogLevel.error});
        let model: LlamaModel;
        try {
            model = await llama.loadModel({modelPath});
        } catch (err) {
            // llama.cpp only says "Failed to load model"; the GGUF reader says what is wrong with the file, if anything.
            const problem = await readGguf(modelPath).then(() => undefined, (ggufError: unknown) => (ggufError as Error).message);
            const reason = problem === undefined ? (err as Error).message : problem.startsWith(`${modelPath}: `) ? problem.slice(modelPath.length + 2) : problem;
            throw new ToolaceError("model_load", `llama.cpp could not load ${modelPath}: ${reason}`, {path: modelPath}, {cause: err});
        }
        const sequences = options.sequences ?? 1;
        const threads = options.threads ?? chooseThreads(model.size);
        const contextSize = options.contextSize ?? Math.min(model.trainContextSize || 4096, 4096);
        const contexts: LlamaContext[] = [];
        try {
            for (let index = 0; index < count; index++)
                contexts.push(await model.createContext({contextSize, sequences, threads, batchSize: Math.min(512, contextSize)}));
        } catch (error) {
            for (const context of contexts) await context.dispose();
            await model.dispose();
            throw error;
        }
        return new ToolCallEngine({llama, ownsLlama: options.llama == null, model, contexts, modelPath, threads, options});
    }

    /** Answers one request (raw objects are validated first, see parseCallRequest). */
    public async call(input: CallRequest | Record<string, unknown>, hooks: CallHooks = {}): Promise<CallResult> {
        try {
            return await this.answer(input, hooks);
        } finally {
            this.reclaimer.check();
        }
    }

    private async answer(input: CallRequest | Record<string, unknown>, hooks: CallHooks): Promise<CallResult> {
        const request = isCallRequest(input) ? input : parseCallRequest(input);
        const maxTokens = request.maxTokens ?? this.options.maxTokens ?? DEFAULT_MAX_TOKENS;
        if (maxTokens >= this.context.contextSize)
            throw new ToolaceError("bad_request", `max_tokens (${maxTokens}) must be less than the context size (${this.context.contextSize} tokens)`,
                {field: "max_tokens", maxTokens, contextSize: this.context.contextSize});
        const promptBudget = this.context.contextSize - maxTokens;
        const template = this.template;
        const first = template === undefined ? undefined : this.templateSegments(template.render(request.messages, request.tools));
        const segments = first?.segments ?? renderPrompt(this.format, request.messages, request.tools);
        this.rejectFarTooLong(segments, promptBudget, maxTokens);
        const prompt = this.tokenize(segments, true);
        if (prompt.length > promptBudget)
            throw new ToolaceError("context_overflow",
                `the conversation and tools take ${prompt.length} tokens, but the context of ${this.context.contextSize} tokens leaves ${promptBudget} for them after ${maxTokens} output tokens`,
                {promptTokens: prompt.length, contextSize: this.context.contextSize, maxTokens});
        const grammar = this.options.constrained === false ? undefined : this.grammarFor(request);
        const refinementTokens = template === undefined ? this.tokenize(refinementTurn(this.format), false) : [];
        const endText = template === undefined ? this.format.assistantEnd : this.templateEndToken(template);

        const {signal} = hooks;
        const {sequence, release} = await this.pool.acquire(prompt, signal);
        try {
            let history: Token[] = prompt;
            let historyText = first?.text ?? "";
            const turns: TurnResult[] = [];
            const violations: CallViolation[][] = [];
            const outputs: AssistantOutput[] = [];
            const {rounds, stop} = await runRefinement(request.refine, async (round): Promise<RoundOutcome> => {
                if (round > 0) {
                    const previous = turns[round - 1]!;
                    const findings = request.refineFeedback === "validator" ? violations.slice(0, round).map(violationFindings) : [];
                    const turnTokens = (findings[round - 1]?.length ?? 0) > 0 ? this.tokenize(refinementTurn(this.format, findings[round - 1]), false) : refinementTokens;
                    // A text answer cut at max_tokens gets its end-of-turn token, as the protocol lays it out.
                    const closing = previous.ended === "eog" ? [] : this.tokenize([output(endText, true)], false);
                    if (template === undefined) history = [...history, ...previous.generated, ...closing, ...turnTokens];
                    else {
                        const rendering = this.templateSegments(template.renderRefinement(request.messages, request.tools,
                            outputs.map((parsed, index) => ({output: parsed, text: turns[index]!.text, findings: findings[index] ?? []}))));
                        // Where the template renders the earlier round as the model wrote it, the tokens it wrote stay; else the
                        // rendering is tokenized anew and the context keeps what it shares with it (generateTurn).
                        const written = historyText + previous.text + endText;
                        history = rendering.text.startsWith(written)
                            ? [...history, ...previous.generated, ...closing, ...this.tokenize(dropTextPrefix(rendering.segments, written.length), false)]
                            : this.tokenize(rendering.segments, true);
                        historyText = rendering.text;
                    }
                }
                const draftSource = round === 0 ? prompt : turns[round - 1]!.generated;
                // A refinement round that confirms the previous call reproduces it: checked in a few batches.
                const draft = round > 0 && this.speculative && (this.draftPolicy?.shouldCheck() ?? true) ? turns[round - 1]!.generated : undefined;
                const calibrating = !this.draftMargins.calibrated;
                // Round 0's text answer is the final answer: streamed as it comes, and cut at a stop sequence.
                const text = round === 0 && (hooks.onText !== undefined || (request.stop?.length ?? 0) > 0)
                    ? new TextAnswerStream({stop: request.stop ?? [], textOpen: this.template?.layout.textOpen ?? "", opensCall: (written) => this.opensCall(written), onText: hooks.onText})
                    : undefined;
                // The text so far, extended token by token (the settled part is kept: a character may still span the last byte tokens).
                let settled = {tokens: 0, text: ""};
                const stopWhen = text === undefined ? undefined : (generated: readonly Token[]): boolean => {
                    const tokens = generated.filter((token) => !this.model.isEogToken(token));
                    const tail = tokensText(this.model, tokens.slice(settled.tokens), true, tokens.slice(0, settled.tokens));
                    const written = settled.text + tail;
                    if (!tail.endsWith("\uFFFD")) settled = {tokens: tokens.length, text: written};
                    return text.push(written);
                };
                const turn = await generateTurn(sequence, history, {grammar, maxTokens, sampling: request.sampling, draftSource, draft, draftMargins: this.draftMargins,
                    stopRepeatedCall: this.repeatStop, stopWhen, signal});
                if (signal?.aborted === true) throw new ToolaceError("aborted", `the request was cancelled during round ${round}`, {round});
                // Checks made with the conservative margins of an uncalibrated context say little of later ones.
                if (turn.draftTokens > 0 && !calibrating) this.draftPolicy?.record(turn.draftAccepted === turn.generated.length);
                this.options.onTurn?.({round, generated: turn.generated, draftTokens: turn.draftTokens, draftAccepted: turn.draftAccepted, inputTokens: turn.inputTokens, repeatsCut: turn.repeatsCut});
                // A text answer cut at max_tokens is still an answer; a cut call is not.
                const parsed = turn.ended === "eog" || !this.opensCall(turn.text) ? this.parseOutput(turn.text, request.tools) : undefined;
                if (parsed == null || (turn.ended !== "eog" && parsed.kind !== "text"))
                    throw new ToolaceError("output_truncated", `round ${round} reached max_tokens (${maxTokens}) in the middle of a tool call`, {round, maxTokens, text: turn.text.slice(0, 200)});
                const answer = parsed.kind === "text" && text !== undefined ? {kind: "text" as const, text: text.finish(parsed.text)} : parsed;
                turns.push(turn);
                outputs.push(answer);
                if (grammar != null) this.checkCalls(request, answer);
                violations[round] = this.violations(request, answer);
                const outcome = {output: answer, inputTokens: turn.inputTokens, outputTokens: turn.outputTokens, ms: turn.ms};
                hooks.onRound?.(roundReport(outcome, round, violations[round]!));
                return outcome;
            });
            const reports = rounds.map((outcome, round) => roundReport(outcome, round, violations[round]!));
            const last = reports[reports.length - 1]!;
            const ended = turns[turns.length - 1]!.ended;
            const finish: FinishReason = last.tool_calls.length > 0 ? "tool_calls" : ended === "length" ? "length" : "stop";
            const usage = {
                promptTokens: prompt.length,
                cachedTokens: turns[0]!.reusedTokens,
                completionTokens: turns.reduce((sum, turn) => sum + turn.generated.length, 0),
                evaluatedTokens: turns.reduce((sum, turn) => sum + turn.inputTokens, 0)
            };
            return {tool_calls: last.tool_calls, content: last.content, rounds: reports, stop, model: this.modelPath, finish_reason: finish, usage,
                ...(last.violations !== undefined ? {violations: last.violations} : {})};
        } finally {
            release();
        }
    }

    /** Whether calls are constrained by the call grammar (EngineOptions.constrained). */
    public get constrained(): boolean {
        return this.options.constrained !== false;
    }

    /**
     * The prompt the engine evaluates for a conversation: its text (the BOS token's text first
     * where the tokenizer adds one), its tokens, and what toolace-r added to the conversation
     * (a tools prompt and system prompt of its own, for layouts whose template has none).
     */
    public renderPromptText(messages: CallRequest["messages"], tools: CallRequest["tools"]): {text: string, tokens: Token[], added: string[]} {
        const segments = this.template === undefined ? renderPrompt(this.format, messages, tools) : this.templateSegments(this.template.render(messages, tools)).segments;
        const tokens = this.tokenize(segments, true);
        const bos = tokens.length > 0 && tokens[0] === this.model.tokens.bos && this.model.tokens.shouldPrependBosToken ? this.model.tokens.bosString ?? "" : "";
        const added: string[] = [];
        const native = this.template?.mode === "native";
        if (tools.length > 0 && !native) added.push(this.template === undefined ? `tools prompt (the ${this.format.name} format's)` : "tools prompt (Hermes <tool_call> envelopes)");
        if (tools.length > 0 && this.template === undefined && messages[0]?.role !== "system") added.push(`system prompt "${DEFAULT_SYSTEM_PROMPT}"`);
        return {text: bos + segments.map((segment) => segment.text).join(""), tokens, added};
    }

    /** The tokens of a conversation's prompt, as the engine evaluates it (BOS included). */
    public promptTokens(messages: CallRequest["messages"], tools: CallRequest["tools"]): Token[] {
        const segments = this.template === undefined ? renderPrompt(this.format, messages, tools) : this.templateSegments(this.template.render(messages, tools)).segments;
        return this.tokenize(segments, true);
    }

    /**
     * A template's rendering, ready to tokenize: its leading BOS text dropped where the tokenizer
     * adds BOS itself (as llama.cpp's server does), and, where the template's text could not be told
     * from the conversation's, a refusal of conversation text that holds control tokens.
     */
    private templateSegments(rendering: TemplateRendering): TemplateRendering {
        if (!rendering.segmented)
            for (const text of rendering.userStrings)
                if (this.model.tokenize(text, true).some((token) => this.model.isSpecialToken(token)))
                    throw new ToolaceError("bad_request", "a message or tool description holds control-token text, and this chat template's rendering cannot keep it apart from the template's own", {text: text.slice(0, 200)});
        const bos = this.model.tokens.bosString;
        const head = rendering.segments[0];
        if (bos == null || bos === "" || !this.model.tokens.shouldPrependBosToken || head === undefined || !head.special || !head.text.startsWith(bos)) return rendering;
        return {...rendering, text: rendering.text.slice(bos.length), segments: [control(head.text.slice(bos.length)), ...rendering.segments.slice(1)]};
    }

    /** The end-of-turn token a template's turns end with (the first token of its end text). */
    private templateEndToken(template: TemplateChat): string {
        const tokens = this.model.tokenize(template.end, true);
        return tokens.length > 0 && this.model.isEogToken(tokens[0]) ? this.model.detokenize([tokens[0]!], true) : (this.model.tokens.eotString ?? this.model.tokens.eosString ?? "");
    }

    private parseOutput(text: string, tools: CallRequest["tools"]): AssistantOutput {
        return this.template === undefined ? parseAssistantOutput(this.format, text) : this.template.parseOutput(text, tools);
    }

    /** Tokenizes rendered segments for this model (BOS first when `atStart`). */
    public tokenize(segments: readonly Segment[], atStart: boolean): Token[] {
        return tokenizeSegments(this.model, segments, {bos: atStart}).tokens;
    }

    public async dispose(): Promise<void> {
        this.pool.dispose();
        for (const context of this.contexts) await context.dispose();
        await this.model.dispose();
        if (this.ownsLlama) await this.llama.dispose();
    }

    /**
     * Rejects a prompt that cannot fit without tokenizing it: llama.cpp's tokenizers take time and
     * memory in proportion to the text (about a second and 100 MB for a megabyte), which a request
     * of several megabytes would turn into a stall. The count given is a lower bound.
     */
    private rejectFarTooLong(segments: readonly Segment[], promptBudget: number, maxTokens: number): void {
        let bytes = 0;
        for (const segment of segments) bytes += Buffer.byteLength(segment.text);
        if (bytes <= promptBudget * PRECHECK_BYTES_PER_TOKEN) return;
        this.longestToken ??= {bytes: longestTokenBytes(this.model)};
        const longest = this.longestToken.bytes;
        if (longest === undefined || Math.ceil(bytes / longest) <= promptBudget) return;
        const atLeast = Math.ceil(bytes / longest);
        throw new ToolaceError("context_overflow",
            `the conversation and tools take at least ${atLeast} tokens (${bytes} bytes; no token of this model stands for more than ${longest}), ` +
            `but the context of ${this.context.contextSize} tokens leaves ${promptBudget} for them after ${maxTokens} output tokens`,
            {promptTokensAtLeast: atLeast, promptBytes: bytes, contextSize: this.context.contextSize, maxTokens});
    }

    private grammarFor(request: CallRequest): LlamaGrammar | undefined {
        const options = {maxParallelCalls: request.maxParallelCalls ?? MAX_PARALLEL_CALLS, ...this.options.grammar};
        const text = this.template === undefined
            ? buildCallGrammar(this.format, request.tools, request.toolChoice, options)
            : buildLayoutGrammar(this.template.layout, request.tools, request.toolChoice, options);
        const cached = this.grammars.get(text);
        if (cached != null) {
            this.grammars.delete(text);
            this.grammars.set(text, cached);
            return cached;
        }
        const grammar = new LlamaGrammar(this.llama, {grammar: text});
        this.grammars.set(text, grammar);
        if (this.grammars.size > GRAMMAR_CACHE_SIZE) this.grammars.delete(this.grammars.keys().next().value!);
        return grammar;
    }

    private opensCall(text: string): boolean {
        if (this.template !== undefined) return this.template.opensCall(text);
        const {prefix} = this.format.envelope;
        return prefix !== "" ? text.startsWith(prefix.slice(0, Math.min(prefix.length, text.length))) && text.length > 0 : text.startsWith("{");
    }

    /** The calls that break their tool's original schema where the grammar relaxed it (see RelaxedKeyword). */
    private violations(request: CallRequest, output: AssistantOutput): CallViolation[] {
        if (output.kind === "text") return [];
        const found: CallViolation[] = [];
        output.calls.forEach((call, index) => {
            const tool = request.tools.find((t) => t.name === call.name);
            if (tool?.originalParameters === undefined) return;
            let args: unknown;
            try {
                args = JSON.parse(call.argumentsText);
            } catch {
                return;
            }
            const errors = schemaViolations(tool, args) ?? ["not checked: the tool's original schema could not be compiled by the validator"];
            if (errors.length > 0) found.push({call: index, tool: tool.name, errors});
        });
        return found;
    }

    /** The grammar guarantees valid calls; this re-checks them so that a grammar bug can never pass silently. */
    private checkCalls(request: CallRequest, output: AssistantOutput): void {
        if (output.kind === "text") return;
        for (const call of output.calls) {
            const tool = request.tools.find((t) => t.name === call.name);
            const verdict = tool == null ? {valid: false as const, errors: ["unknown tool"]} : validateArguments(tool, JSON.parse(call.argumentsText));
            if (!verdict.valid)
                throw new ToolaceError("grammar_violation", `the model produced an invalid call to "${call.name}": ${verdict.errors.join("; ")}`, {call});
        }
    }
}

/**
 * The repeated-call stop of generateTurn: the format's call envelope and its end-of-turn token,
 * only when that is one end-of-generation token of this model and calls have an envelope.
 */
function repeatStop(model: LlamaModel, format: ChatFormat): (CallEnvelope & {endToken: Token}) | undefined {
    const end = tokenizeSegments(model, [output(format.assistantEnd, true)], {bos: false}).tokens;
    const {prefix, suffix} = format.envelope;
    return end.length === 1 && model.isEogToken(end[0]!) && prefix !== "" && suffix !== "" ? {prefix, suffix, endToken: end[0]!} : undefined;
}

/** A round's violations as the validator's findings a refinement turn carries: `call 1 (book): $.zip: must match pattern "…"`. */
function violationFindings(violations: readonly CallViolation[] | undefined): string[] {
    return (violations ?? []).map((violation) => `call ${violation.call + 1} (${violation.tool}): ${violation.errors.slice(0, 4).join(", ")}`);
}

function roundReport(outcome: RoundOutcome, round: number, violations: readonly CallViolation[]): RoundReport {
    return {round, ...toMessage(outcome.output), inputTokens: outcome.inputTokens, outputTokens: outcome.outputTokens, ms: Math.round(outcome.ms * 10) / 10,
        ...(violations.length > 0 ? {violations: [...violations]} : {})};
}

function isCallRequest(input: unknown): input is CallRequest {
    return typeof input === "object" && input !== null && "refine" in input && typeof (input as {refine: unknown}).refine === "object"
        && "toolChoice" in input;
}

function toMessage(output: AssistantOutput): {tool_calls: ToolCall[], content: string | null} {
    if (output.kind === "text") return {tool_calls: [], content: output.text};
    return {
        tool_calls: output.calls.map((call, index) => ({
            id: call.id ?? "call_" + createHash("sha256").update(`${index}\u0000${call.name}\u0000${call.argumentsText}`).digest("hex").slice(0, 16),
            type: "function",
            function: {name: call.name, arguments: call.argumentsText}
        })),
        content: null
    };
}

/** The segments after the first `length` characters of their text. */
function dropTextPrefix(segments: readonly Segment[], length: number): Segment[] {
    const rest: Segment[] = [];
    let skipped = 0;
    for (const segment of segments) {
        const end = skipped + segment.text.length;
        if (end > length) rest.push(skipped >= length ? segment : {...segment, text: segment.text.slice(length - skipped)});
        skipped = end;
    }
    return rest;
}
