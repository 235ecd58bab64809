import type {ChatTemplate} from "./ChatTemplate.js";
import type {ToolDefinition} from "../tools/ToolDefinition.js";
import {type CallLayout, type LayoutPart, type LayoutText, renderLayoutCalls} from "./CallLayout.js";
import {parseLayoutCalls} from "./parseLayoutCalls.js";
import {PROBE_CALLS, PROBE_TEXT, PROBE_TOOLS, PROBE_USER, probeMessages} from "./probeConversation.js";
import {TemplateError} from "./TemplateError.js";

export type InferredLayout = {
    layout: CallLayout,
    /** What follows a turn's calls or text in history: its end-of-turn token and the template's text after it. */
    end: string,
    /** Text the generation prompt has that the same turn in history lacks (a `<think>` opened for the model, say); "" mostly. */
    promptOnly: string
};

export type LayoutInference = {ok: true, inferred: InferredLayout} | {ok: false, reason: string};

/** Most parallel calls a layout that writes them takes (the engine's own cap applies on top). */
const MANY = 64;

function commonPrefixLength(a: string, b: string): number {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
}

function commonSuffixLength(a: string, b: string): number {
    let i = 0;
    while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
    return i;
}

/**
 * Moves a cut at `index` back to the start of the bracketed control token it falls in
 * (`<|im_start|>`, `<｜tool▁sep｜>`, `[TOOL_CALLS]`…), so that pieces split where tokens split.
 */
function snapToTokenStart(text: string, index: number): number {
    const opener = Math.max(text.lastIndexOf("<", index - 1), text.lastIndexOf("[", index - 1));
    if (opener < 0 || index - opener > 48) return index;
    const closer = text[opener] === "<" ? ">" : "]";
    const between = text.slice(opener, index);
    if (between.includes(closer) || /\s/.test(between)) return index;
    const closes = text.indexOf(closer, index);
    return closes >= 0 && !/\s/.test(text.slice(index, closes)) ? opener : index;
}

/** The assistant turn's text in a rendering of the probe conversation, after the generation prompt. */
function turnText(prompt: string, rendered: string): {text: string, promptOnly: string} {
    const shared = snapToTokenStart(rendered, commonPrefixLength(prompt, rendered));
    const promptOnly = prompt.slice(shared);
    let text = rendered.slice(shared);
    if (promptOnly !== "" && text.startsWith(promptOnly)) text = text.slice(promptOnly.length);
    return {text, promptOnly: text === rendered.slice(shared) ? promptOnly : ""};
}

/** Where the first of the model's end-of-generation tokens stands in `text`, or -1. */
function firstEndToken(text: string, endTokens: readonly string[]): number {
    const positions = endTokens.filter((token) => token !== "").map((token) => text.indexOf(token)).filter((at) => at >= 0);
    return positions.length > 0 ? Math.min(...positions) : -1;
}

/**
 * Length of the text that ends a calls turn (its end-of-turn token and what follows): from the
 * first of the model's end-of-generation tokens in it when they are known, else the text calls and
 * text answers end with alike, cut where a control token starts.
 */
function turnEndLength(tail: string, textTail: string, endTokens: readonly string[]): number {
    const at = firstEndToken(tail, endTokens);
    if (at >= 0) return tail.length - at;
    const shared = commonSuffixLength(tail, textTail);
    if (shared === 0) return 0;
    return tail.length - snapToTokenStart(tail, tail.length - shared);
}

type Located = {nameStart: number, nameEnd: number, argsStart: number, argsEnd: number};

/** Finds each probe call's name and arguments in order, in the spaced or compact JSON style. */
function locateCalls(text: string, count: number): {calls: Located[], argsStyle: "spaced" | "compact"} | undefined {
    for (const argsStyle of ["spaced", "compact"] as const) {
        const calls: Located[] = [];
        let pos = 0;
        for (const call of PROBE_CALLS.slice(0, count)) {
            const nameStart = text.indexOf(call.name, pos);
            if (nameStart < 0) break;
            const args = argsStyle === "spaced" ? `{"q": ${JSON.stringify(call.arguments.q)}}` : JSON.stringify(call.arguments);
            const argsStart = text.indexOf(args, nameStart + call.name.length);
            if (argsStart < 0) break;
            const next = PROBE_CALLS[calls.length + 1];
            if (next != null && text.indexOf(next.name, nameStart) >= 0 && text.indexOf(next.name, nameStart) < argsStart) break;
            calls.push({nameStart, nameEnd: nameStart + call.name.length, argsStart, argsEnd: argsStart + args.length});
            pos = argsStart + args.length;
        }
        if (calls.length === count) return {calls, argsStyle};
    }
    return undefined;
}

/**
 * A piece of text between calls, with the calls' ids as id parts and, when `digitsAreIndexes`,
 * each number as the call position it stands for (`previous` is the index of the call before it).
 */
function generalize(text: string, previous: number, digitsAreIndexes: boolean): LayoutPart[] {
    const parts: LayoutPart[] = [];
    const ids = [PROBE_CALLS[previous]?.id, PROBE_CALLS[previous + 1]?.id];
    let literal = "";
    for (let i = 0; i < text.length;) {
        const idAt = ids.findIndex((id) => id != null && text.startsWith(id, i));
        if (idAt >= 0) {
            if (literal !== "") parts.push(literal);
            literal = "";
            parts.push({id: idAt === 0 ? "previous" : "next", length: ids[idAt]!.length});
            i += ids[idAt]!.length;
            continue;
        }
        const digits = /^\d+/.exec(text.slice(i))?.[0];
        if (digitsAreIndexes && digits !== undefined) {
            if (literal !== "") parts.push(literal);
            literal = "";
            parts.push({index: Number(digits) - previous});
            i += digits.length;
            continue;
        }
        literal += text[i];
        i++;
    }
    if (literal !== "") parts.push(literal);
    return parts;
}

/** One layout piece for several instances of it (call i follows `previous[i]`): all alike with numbers literal, or with numbers as positions. */
function unify(instances: readonly string[], previous: readonly number[]): LayoutText | undefined {
    for (const digitsAreIndexes of [false, true]) {
        const forms = instances.map((text, i) => JSON.stringify(generalize(text, previous[i]!, digitsAreIndexes)));
        if (forms.every((form) => form === forms[0])) return JSON.parse(forms[0]!) as LayoutPart[];
    }
    return undefined;
}

/** The probe conversation with `count` calls, or the template's refusal of it. */
function probeRender(template: ChatTemplate, count: number): string | TemplateError {
    try {
        return template.render(probeMessages(count), PROBE_TOOLS, {addGenerationPrompt: false});
    } catch (error) {
        if (error instanceof TemplateError && error.code !== "template_limit") return error;
        throw error;
    }
}

export type TextTurn = {
    ok: true,
    /** The generation prompt of the probe request. */
    prompt: string,
    /** Text before a text answer. */
    textOpen: string,
    /** What follows a text answer in history (its end-of-turn token first). */
    textTail: string,
    /** The end-of-turn text of a text answer: from the first end-of-generation token on, or all of textTail. */
    end: string,
    promptOnly: string
};

/** How the template lays out a text answer after its generation prompt (the probe request, with probe tools unless `withTools` is false). */
export function inferTextTurn(template: ChatTemplate, endTokens: readonly string[] = [], withTools = true): TextTurn | {ok: false, reason: string} {
    const tools = withTools ? PROBE_TOOLS : [];
    let prompt: string;
    let rendered: string;
    try {
        prompt = template.render([{role: "user", content: PROBE_USER}], tools, {addGenerationPrompt: true});
    } catch (error) {
        if (error instanceof TemplateError && error.code !== "template_limit") return {ok: false, reason: `the template fails on a plain request${withTools ? " with tools" : ""}: ${error.message}`};
        throw error;
    }
    try {
        rendered = template.render(probeMessages(0), tools, {addGenerationPrompt: false});
    } catch (error) {
        if (error instanceof TemplateError && error.code !== "template_limit") return {ok: false, reason: `the template fails on a text answer: ${error.message}`};
        throw error;
    }
    const text = turnText(prompt, rendered);
    const textAt = text.text.indexOf(PROBE_TEXT);
    if (textAt < 0) return {ok: false, reason: "a text answer in history does not follow the generation prompt"};
    const textTail = text.text.slice(textAt + PROBE_TEXT.length);
    const endAt = firstEndToken(textTail, endTokens);
    const end = endAt >= 0 ? textTail.slice(endAt) : textTail;
    return {ok: true, prompt, textOpen: text.text.slice(0, textAt), textTail, end, promptOnly: text.promptOnly};
}

/**
 * Infers how a chat template writes tool calls, the way llama.cpp's chat-diff analyzer does:
 * renders a probe conversation with one, two and three calls and with a text answer, and reads
 * the text around each call's name and arguments. Templates that write arguments as JSON are
 * inferred (Hermes/Qwen, Llama 3.x, Mistral, DeepSeek, Command R7B, Kimi K2, gpt-oss…); those
 * that write them otherwise (XML parameters, Python calls) or not at all are reported, not guessed.
 */
export function inferCallLayout(template: ChatTemplate, endTokens: readonly string[] = []): LayoutInference {
    const textTurn = inferTextTurn(template, endTokens);
    if (!textTurn.ok) return textTurn;
    const {prompt, textTail} = textTurn;
    let found: {count: number, turn: {text: string, promptOnly: string}, located: NonNullable<ReturnType<typeof locateCalls>>} | undefined;
    const turns = new Map<number, {text: string, located: NonNullable<ReturnType<typeof locateCalls>>}>();
    let failure = "the template does not write the calls of an assistant turn";
    for (const count of [3, 2, 1]) {
        const rendered = probeRender(template, count);
        if (rendered instanceof TemplateError) {
            failure = `the template refuses calls in history: ${rendered.message}`;
            continue;
        }
        const turn = turnText(prompt, rendered);
        const located = locateCalls(turn.text, count);
        if (located === undefined) continue;
        turns.set(count, {text: turn.text, located});
        found ??= {count, turn, located};
    }
    if (found === undefined) {
        const keyed = inferKeyedLayout(template, textTurn, endTokens);
        return keyed.ok ? keyed : {ok: false, reason: `${failure}; ${keyed.reason}`};
    }
    const {count, located: {calls, argsStyle}} = found;
    const turn = found.turn.text;
    const last = calls[calls.length - 1]!;
    const tail = turn.slice(last.argsEnd);
    const endLength = turnEndLength(tail, textTail, endTokens);
    // Templates whose turns end with nothing (GLM's: the next turn's role token ends them) leave the end to the model's end-of-generation token.
    if (endLength === 0 && textTail !== "") return {ok: false, reason: "calls and text answers end their turn differently"};
    const end = tail.slice(tail.length - endLength);

    const open = unify([...turns.values()].map((t) => t.text.slice(0, t.located.calls[0]!.nameStart)), [...turns.values()].map(() => -1));
    const mid = unify(calls.map((c) => turn.slice(c.nameEnd, c.argsStart)), calls.map((_, i) => i));
    const closes = [...turns.entries()].map(([n, t]) => t.text.slice(t.located.calls[n - 1]!.argsEnd, t.text.length - endLength));
    const close = unify(closes, [...turns.keys()].map((n) => n - 1));
    const between = count > 1 ? unify(calls.slice(1).map((c, i) => turn.slice(calls[i]!.argsEnd, c.nameStart)), calls.slice(1).map((_, i) => i)) : [];
    if (open === undefined || mid === undefined || close === undefined || between === undefined)
        return {ok: false, reason: "the text around calls changes from call to call in a way toolace-r does not model"};
    const layout: CallLayout = {open, mid, between, close, argsStyle, maxCalls: count === 1 ? 1 : MANY, textOpen: textTurn.textOpen};

    // The layout must write the probe turn exactly as the template does, and read it back.
    const probe = PROBE_CALLS.slice(0, count).map((call) => ({
        name: call.name, id: call.id,
        argumentsText: argsStyle === "spaced" ? `{"q": ${JSON.stringify(call.arguments.q)}}` : JSON.stringify(call.arguments)
    }));
    const written = renderLayoutCalls(layout, probe);
    if (written + end !== turn) return {ok: false, reason: "the inferred layout does not reproduce the template's own rendering"};
    const parsed = parseLayoutCalls(layout, written);
    if (JSON.stringify(parsed.map((c) => c.name)) !== JSON.stringify(probe.map((c) => c.name)))
        return {ok: false, reason: "the inferred layout does not read back the template's own rendering"};
    return {ok: true, inferred: {layout, end, promptOnly: found.turn.promptOnly}};
}

/** Parameter names in alphabetical order, since some templates (Gemma 4's) sort them. */
const KEYED_TOOLS: ToolDefinition[] = PROBE_CALLS.map((call) => ({
    name: call.name,
    description: `Probe function ${call.name}.`,
    parameters: {type: "object", properties: {key_a: {type: "string"}, key_b: {type: "integer"}, key_c: {type: "boolean"}}, required: ["key_a"], additionalProperties: false}
}));

/**
 * The layout of templates that write arguments one parameter at a time (see KeyedArgs), read from
 * renderings of one call with no, one and three arguments (text, integer, boolean), then of one,
 * two and three calls.
 */
function inferKeyedLayout(template: ChatTemplate, textTurn: TextTurn, endTokens: readonly string[]): LayoutInference {
    const user = {role: "user" as const, content: PROBE_USER};
    let prompt: string;
    try {
        prompt = template.render([user], KEYED_TOOLS, {addGenerationPrompt: true});
    } catch {
        return {ok: false, reason: "the template fails with parameters it writes one at a time"};
    }
    const turnOf = (calls: {name: string, args: Record<string, unknown>}[]): string | undefined => {
        try {
            const rendered = template.render([user, {role: "assistant", content: null, tool_calls: calls.map((call, i) => ({
                id: PROBE_CALLS[i]!.id, type: "function" as const, function: {name: call.name, arguments: JSON.stringify(call.args)}
            }))}], KEYED_TOOLS, {addGenerationPrompt: false});
            return turnText(prompt, rendered).text;
        } catch {
            return undefined;
        }
    };
    const name = PROBE_CALLS[0]!.name;
    const turns = [{}, {key_a: "value alpha"}, {key_a: "value alpha", key_b: 537, key_c: true}].map((args) => turnOf([{name, args}]));
    if (turns.some((turn) => turn === undefined || !turn.includes(name))) return {ok: false, reason: "nor does it write one parameter at a time"};
    const [t0, t1, t3] = turns as [string, string, string];
    const open = t1.slice(0, t1.indexOf(name));
    const endLength = turnEndLength(t1, textTurn.textTail, endTokens);
    const end = t1.slice(t1.length - endLength);
    // A calls turn may end with nothing of the template's (Gemma 4's, GLM's): the model's end-of-generation token ends it.
    if (!t0.endsWith(end) || !t3.endsWith(end))
        return {ok: false, reason: "its calls end their turn in a way toolace-r does not model"};
    const after = (turn: string): string => turn.slice(turn.indexOf(name) + name.length, turn.length - endLength);
    const [x0, x1, x3] = [after(t0), after(t1), after(t3)];
    const keyAt = x1.indexOf("key_a");
    const valueAt = x1.indexOf("value alpha", keyAt);
    const countAt = x3.indexOf("key_b");
    const countValueAt = x3.indexOf("537", countAt);
    if (keyAt < 0 || valueAt < 0 || countAt < 0 || countValueAt < 0) return {ok: false, reason: "nor does it write one parameter at a time"};
    const before = x1.slice(0, keyAt);
    const cut = snapToTokenStart(x0, commonPrefixLength(x0, before));
    const mid = before.slice(0, cut);
    const close = x0.slice(cut);
    // A text value's own quotes (Gemma 4's <|"|>) are what its name-to-value text has beyond a number's.
    const textMid = x1.slice(keyAt + "key_a".length, valueAt);
    const numberMid = x3.slice(countAt + "key_b".length, countValueAt);
    if (!textMid.startsWith(numberMid) || numberMid === "") return {ok: false, reason: "it writes parameter values in a way toolace-r does not model"};
    const quote = textMid.slice(numberMid.length);
    const keyed = {open: before.slice(cut), mid: numberMid, close: "", separator: "", quote, booleans: "json" as "json" | "python"};
    const valueTail = x1.slice(valueAt + "value alpha".length);
    if (!x0.startsWith(mid) || !valueTail.startsWith(quote) || !valueTail.endsWith(close)) return {ok: false, reason: "its parameters have no markers toolace-r can read"};
    keyed.close = valueTail.slice(quote.length, valueTail.length - close.length);
    // Between two arguments: the first's close, the separator, the next one's open.
    const textEnd = x3.indexOf("value alpha") + "value alpha".length + quote.length + keyed.close.length;
    const joint = x3.slice(textEnd, countAt);
    if (!joint.endsWith(keyed.open)) return {ok: false, reason: "its parameters are joined in a way toolace-r does not model"};
    keyed.separator = joint.slice(0, joint.length - keyed.open.length);
    if (keyed.open === "" && keyed.separator === "") return {ok: false, reason: "its parameters have no markers toolace-r can read"};
    if (keyed.close === "" && keyed.separator === "" && quote === "") return {ok: false, reason: "its parameters have no closing marker"};
    const three = (flag: string): string => mid + [["key_a", quote + "value alpha" + quote], ["key_b", "537"], ["key_c", flag]]
        .map(([key, value]) => keyed.open + key + keyed.mid + value + keyed.close).join(keyed.separator) + close;
    if (x3 === three("True")) keyed.booleans = "python";
    else if (x3 !== three("true")) return {ok: false, reason: "it writes parameter values in a way toolace-r does not model"};

    // Several calls: what comes between them, and how many the template takes.
    let count = 3;
    let many: string | undefined;
    for (; count >= 1; count--) {
        many = turnOf(PROBE_CALLS.slice(0, count).map((call) => ({name: call.name, args: {key_a: call.arguments.q}})));
        if (many !== undefined && PROBE_CALLS.slice(0, count).every((call) => many!.includes(call.name))) break;
    }
    if (many === undefined || count < 1) return {ok: false, reason: "it refuses calls in history"};
    const betweens: string[] = [];
    let pos = 0;
    for (const [index, call] of PROBE_CALLS.slice(0, count).entries()) {
        const at = many.indexOf(call.name, pos);
        if (index === 0 && many.slice(0, at) !== open) return {ok: false, reason: "its calls open differently one by one"};
        if (index > 0) betweens.push(many.slice(pos, at));
        const args = mid + keyed.open + "key_a" + keyed.mid + keyed.quote + call.arguments.q + keyed.quote + keyed.close;
        if (!many.startsWith(args, at + call.name.length)) return {ok: false, reason: "its calls' parameters change from call to call"};
        pos = at + call.name.length + args.length;
    }
    if (many.slice(pos) !== close + end) return {ok: false, reason: "its calls close differently one by one"};
    const between = count > 1 ? unify(betweens, betweens.map((_, i) => i)) : [];
    if (between === undefined) return {ok: false, reason: "the text between its calls changes from call to call"};
    const layout: CallLayout = {open: [open], mid: [mid], between, close: [close], argsStyle: "spaced", maxCalls: count === 1 ? 1 : MANY, textOpen: textTurn.textOpen, keyed};
    const probe = PROBE_CALLS.slice(0, count).map((call) => ({name: call.name, argumentsText: JSON.stringify({key_a: call.arguments.q})}));
    const written = renderLayoutCalls(layout, probe);
    if (written + end !== many) return {ok: false, reason: "the inferred layout does not reproduce the template's own rendering"};
    const parsed = parseLayoutCalls(layout, written, KEYED_TOOLS);
    if (JSON.stringify(parsed) !== JSON.stringify(probe)) return {ok: false, reason: "the inferred layout does not read back the template's own rendering"};
    return {ok: true, inferred: {layout, end, promptOnly: ""}};
}
