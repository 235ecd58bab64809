import {joinList} from "./joinList.js";
import {nameWords} from "./nameWords.js";
import type {PlannedArgument, PlannedCall} from "./PlannedCall.js";
import {requestPhrases} from "./requestPhrases.js";
import type {SynthRandom} from "./SynthRandom.js";

/**
 * What a request asks for: one call; the same tool several times (`varying` names the
 * parameters whose values differ between the calls, the others are shared); or several calls
 * of different tools, in order.
 */
export type RequestShape =
    | {shape: "single", call: PlannedCall}
    | {shape: "repeat", calls: PlannedCall[], varying: string[]}
    | {shape: "many", calls: PlannedCall[]};

/** Phrases joined by spaces, except before a phrase that starts with a comma or semicolon. */
const joinPhrases = (phrases: readonly string[]): string => phrases.reduce((out, phrase) => (out === "" ? phrase : /^[,;]/.test(phrase) ? `${out}${phrase}` : `${out} ${phrase}`), "");
const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const words = (name: string): string => nameWords(name).join(" ") || name;

function valueText(arg: PlannedArgument, rng: SynthRandom, quotable = true): string {
    const {text, exact, value} = arg.value;
    if (quotable && exact && typeof value === "string" && !/["']/.test(text) && rng.chance(0.3)) return rng.chance(0.5) ? `"${text}"` : `'${text}'`;
    return text;
}

/** True when the mention writes the value against other characters ("@{}", "{}th"): no quotes then. */
function glued(arg: PlannedArgument): boolean {
    return arg.hint?.mention !== undefined && /[^\s(]\{\}|\{\}[^\s,.;:?!)]/.test(arg.hint.mention);
}

function fluentMention(arg: PlannedArgument, rng: SynthRandom, text?: string): string {
    const w = words(arg.name);
    if (typeof arg.value.value === "boolean") {
        const phrase = arg.value.value ? arg.hint?.mentionTrue : arg.hint?.mentionFalse;
        if (phrase !== undefined) return phrase;
        return arg.value.value ? rng.pick([`with ${w} enabled`, `with ${w} set to true`]) : rng.pick([`with ${w} disabled`, `with ${w} set to false`]);
    }
    const t = text ?? valueText(arg, rng, !glued(arg));
    if (arg.hint?.mention !== undefined) {
        const mention = t === "1" ? arg.hint.mention.replace(/\{\} (\w+?)s\b/, "{} $1") : arg.hint.mention;
        return mention.replace("{}", t);
    }
    return rng.pick([`with ${w} ${t}`, `where the ${w} is ${t}`, `using ${t} as the ${w}`, `(${w}: ${t})`]);
}

function pair(arg: PlannedArgument, rng: SynthRandom, raw: boolean): string {
    const key = raw ? arg.name : words(arg.name);
    if (typeof arg.value.value === "boolean") return `${key}: ${raw ? String(arg.value.value) : arg.value.value ? "yes" : "no"}`;
    return `${key}: ${valueText(arg, rng)}`;
}

function pairs(args: readonly PlannedArgument[], rng: SynthRandom): string {
    const raw = rng.chance(0.25);
    const items = args.map((arg) => pair(arg, rng, raw));
    const layout = rng.int(0, 2);
    return layout === 0 ? items.join(", ") : layout === 1 ? items.join("; ") : joinList(items);
}

function opener(core: string, rng: SynthRandom): string {
    const template = rng.chance(0.45) ? rng.pick(requestPhrases.questions) : rng.pick(requestPhrases.statements);
    return capitalize(template.replace("{a}", core));
}

function useFluent(call: PlannedCall, rng: SynthRandom): boolean {
    if (!call.tool.fluentAction) return false;
    const hinted = call.args.every((arg) => arg.hint?.mention !== undefined || arg.hint?.mentionTrue !== undefined);
    return rng.chance(hinted ? 0.75 : 0.4);
}

function singleSentence(call: PlannedCall, rng: SynthRandom): string {
    const chained = call.args.some((arg) => /^(and|or|[,;]|\(|—)/.test(arg.hint?.mention ?? "") || /^[,;]/.test(arg.hint?.mention ?? ""));
    const args = !chained && rng.chance(0.2) ? rng.shuffle(call.args) : call.args;
    if (useFluent(call, rng)) {
        const mentions = args.map((arg) => fluentMention(arg, rng));
        return opener(joinPhrases([call.tool.action, ...mentions]), rng);
    }
    const head = opener(call.tool.standalone ?? call.tool.action, rng);
    if (args.length === 0) return head;
    if (rng.chance(0.25)) {
        const raw = rng.chance(0.25);
        return `${head}\n${args.map((arg) => `- ${pair(arg, rng, raw)}`).join("\n")}`;
    }
    return `${head} ${rng.pick(requestPhrases.detailIntros).replace("{p}", pairs(args, rng))}`;
}

function repeatSentence(calls: readonly PlannedCall[], varying: readonly string[], rng: SynthRandom): string {
    const first = calls[0] as PlannedCall;
    const tool = first.tool;
    const shared = first.args.filter((arg) => !varying.includes(arg.name));
    const varied = (call: PlannedCall): PlannedArgument[] => call.args.filter((arg) => varying.includes(arg.name));
    const connected = (arg: PlannedArgument): boolean => /^(and|or|[,;])/.test(arg.hint?.mention ?? "");
    const listable = varying.length === 1 && !shared.some(connected) && calls.every((call) => {
        const only = varied(call);
        const value = only[0]?.value.value;
        return only.length === 1 && (typeof value === "string" || typeof value === "number") && !/ and |,/.test(only[0]?.value.text ?? "");
    });
    const fluent = useFluent(first, rng);
    if (fluent && listable && rng.chance(0.6)) {
        const arg = varied(first)[0] as PlannedArgument;
        const texts = calls.map((call) => valueText(varied(call)[0] as PlannedArgument, rng, !glued(arg)));
        const mention = fluentMention(arg, rng, joinList(texts, "and", rng.chance(0.3)));
        return opener(joinPhrases([tool.action, mention, ...shared.map((item) => fluentMention(item, rng))]), rng);
    }
    if (fluent && rng.chance(0.6)) {
        const head = joinPhrases([tool.action, ...first.args.map((arg) => fluentMention(arg, rng))]);
        const rest = calls.slice(1).map((call) => joinPhrases(varied(call).map((arg) => fluentMention(arg, rng))).replace(/^[,;] /, ""));
        const tail = rest.length === 1 ? `and also ${rest[0]}` : `and also ${rest.slice(0, -1).join(", ")}, and ${rest[rest.length - 1]}`;
        return opener(`${head}, ${tail}`, rng);
    }
    const lead = capitalize(`${rng.pick(["please ", "I need you to ", "could you ", "", "I'd like to "])}${tool.standalone ?? tool.action} ${rng.pick(requestPhrases.repeatIntros)}`);
    const raw = rng.chance(0.25);
    const lines = calls.map((call, i) => `${i + 1}. ${varied(call).map((arg) => pair(arg, rng, raw)).join(", ")}`);
    const common = shared.length === 0 ? "" : `\n${rng.pick(["For all of them use", "In every case use", "Same for each:"])} ${shared.map((arg) => pair(arg, rng, raw)).join(", ")}.`;
    return `${lead}\n${lines.join("\n")}${common}`;
}

function lowerFirst(sentence: string): string {
    return /^(I\b|I'|[A-Z]{2})/.test(sentence) ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function manySentences(calls: readonly PlannedCall[], rng: SynthRandom): string {
    const sentences = calls.map((call) => singleSentence(call, rng));
    if (rng.chance(0.35) || sentences.some((sentence) => sentence.includes("\n")))
        return `${rng.pick(requestPhrases.manyIntros)}\n${sentences.map((sentence, i) => `${i + 1}. ${sentence}`).join("\n")}`;
    return sentences.map((sentence, i) => (i === 0 ? sentence : `${rng.pick(requestPhrases.connectors)} ${lowerFirst(sentence)}`)).join(" ");
}

/**
 * The user's request for planned calls, written so that every argument can be read off it:
 * fluent phrasings built from the tool's action and each parameter's mention, or the action
 * followed by `name: value` details, sometimes with a greeting or a thanks around it.
 */
export function renderRequest(request: RequestShape, rng: SynthRandom): string {
    let body: string;
    switch (request.shape) {
        case "single": body = singleSentence(request.call, rng); break;
        case "repeat": body = repeatSentence(request.calls, request.varying, rng); break;
        case "many": body = manySentences(request.calls, rng); break;
    }
    if (rng.chance(0.15)) body = `${rng.pick(requestPhrases.prefixes)} ${body}`;
    if (rng.chance(0.1)) body = `${body}${body.endsWith("\n") ? "" : " "}${rng.pick(requestPhrases.suffixes)}`;
    return body;
}
