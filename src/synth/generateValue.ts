import type {JsonSchema} from "../tools/JsonSchema.js";
import type {JsonValue} from "../tools/JsonValue.js";
import {jsonEquals} from "../tools/jsonEquals.js";
import {schemaNode} from "../tools/schemaNode.js";
import {clipProfile} from "./clipProfile.js";
import {drawNumber} from "./drawNumber.js";
import {fillPattern} from "./fillPattern.js";
import type {GeneratedValue} from "./GeneratedValue.js";
import {inferNumberProfile} from "./inferNumberProfile.js";
import {inferValueKind} from "./inferValueKind.js";
import {joinList} from "./joinList.js";
import {nameWords} from "./nameWords.js";
import type {ParamHint} from "./ParamHint.js";
import type {SynthRandom} from "./SynthRandom.js";
import {valueKinds} from "./valueKinds.js";

/** What a value is for: the parameter (or field) it fills and how freely it may be written. */
export interface ValueContext {
    name: string;
    description: string;
    /** The tool's description: context for guessing what a loosely named string is. */
    toolDescription?: string;
    hint?: ParamHint;
    /** Write every value verbatim (exact-copy items): no paraphrased dates. */
    literalOnly?: boolean;
    /** A value to avoid when others are possible (an optional parameter's default). */
    avoid?: JsonValue;
}

const freeFormPairs: ReadonlyArray<readonly [string, string]> = [
    ["color", "red"], ["size", "large"], ["priority", "high"], ["status", "active"], ["region", "EU"],
    ["source", "web"], ["channel", "email"], ["tier", "gold"], ["env", "staging"], ["team", "platform"]
];

const formatStated = /yyyy|iso|format|e\.g\.|\d{4}-\d{2}-\d{2}/i;

/**
 * A random value that satisfies `schema` (a normalised JSON Schema), shaped by the parameter's
 * name, description and hint (value kind, number range), with the text a request shows for it.
 */
export function generateValue(schema: JsonSchema, context: ValueContext, rng: SynthRandom): GeneratedValue {
    const node = schemaNode(schema);
    const hint = context.hint;
    switch (node.kind) {
        case "enum": {
            const options = node.schema.enum;
            const preferred = context.avoid === undefined ? options : options.filter((option) => !jsonEquals(option, context.avoid as JsonValue));
            const value = rng.pick(preferred.length > 0 ? preferred : options);
            return {value, text: value === null ? "none" : typeof value === "string" ? value : JSON.stringify(value), literal: true, exact: false};
        }
        case "anyOf": {
            const options = node.schema.anyOf.filter((option) => schemaNode(option).kind !== "null");
            return generateValue(rng.pick(options.length > 0 ? options : node.schema.anyOf), context, rng);
        }
        case "null":
            return {value: null, text: "none", literal: true, exact: false};
        case "boolean": {
            const value = context.avoid === undefined ? rng.chance(0.5) : context.avoid !== true || rng.chance(0.15);
            return {value, text: value ? "yes" : "no", literal: true, exact: false};
        }
        case "integer":
        case "number": {
            const integer = node.kind === "integer";
            const bounds = node.schema as {minimum?: number, maximum?: number, exclusiveMinimum?: number, exclusiveMaximum?: number};
            const profile = hint?.min !== undefined && hint.max !== undefined
                ? clipProfile({min: hint.min, max: hint.max, decimals: integer ? 0 : hint.decimals ?? 2}, bounds, integer)
                : inferNumberProfile(context.name, integer, bounds);
            let value = drawNumber(profile.min, profile.max, profile.decimals, rng.float());
            if (context.avoid !== undefined && value === context.avoid && profile.max > profile.min)
                value = drawNumber(profile.min, profile.max, profile.decimals, rng.float());
            if (Object.is(value, -0)) value = 0;
            return {value, text: String(value), literal: true, exact: profile.decimals > 0};
        }
        case "string": {
            const kindName = hint?.kind ?? inferValueKind(context.name, context.description, context.toolDescription);
            const kind = valueKinds[kindName] ?? valueKinds.keyword;
            if (kind === undefined) throw new Error(`unknown value kind ${kindName}`);
            const {minLength, maxLength} = node.schema;
            let value = kind.generate(rng);
            for (let attempt = 0; attempt < 6 && !fits(value, minLength, maxLength); attempt++) value = kind.generate(rng);
            if (!fits(value, minLength, maxLength)) {
                const length = Math.max(minLength ?? 1, Math.min(maxLength ?? 8, 8));
                value = fillPattern("a".repeat(length), rng);
            }
            if (!context.literalOnly && kind.paraphrase !== undefined && formatStated.test(context.description) && rng.chance(0.35)) {
                const text = kind.paraphrase(value, rng);
                return {value, text, literal: text.includes(value), exact: kind.exact};
            }
            return {value, text: value, literal: true, exact: kind.exact};
        }
        case "array": {
            const {items, minItems, maxItems} = node.schema;
            const low = Math.max(minItems ?? 1, 1);
            const high = Math.max(low, Math.min(maxItems ?? low + 2, low + 2, 4));
            const count = rng.int(low, high);
            const itemContext: ValueContext = {
                name: singular(context.name),
                description: context.description,
                toolDescription: context.toolDescription,
                literalOnly: context.literalOnly,
                hint: hint === undefined ? undefined : {...hint, mention: undefined}
            };
            const values: GeneratedValue[] = [];
            for (let attempt = 0; values.length < count && attempt < count * 8; attempt++) {
                const item = generateValue(items, itemContext, rng);
                if (!values.some((known) => jsonEquals(known.value, item.value))) values.push(item);
            }
            while (values.length < low) values.push(generateValue(items, itemContext, rng));
            const objects = schemaNode(items).kind === "object";
            const texts = values.map((item) => (objects ? `(${item.text})` : item.text));
            return {
                value: values.map((item) => item.value),
                text: joinList(texts, "and", rng.chance(0.3)),
                literal: values.every((item) => item.literal),
                exact: values.some((item) => item.exact)
            };
        }
        case "object": {
            const {properties, required, additionalProperties} = node.schema;
            const names = Object.keys(properties);
            if (names.length === 0 && additionalProperties) {
                const pairs = rng.sample(freeFormPairs, rng.int(1, 2));
                const value: {[key: string]: JsonValue} = {};
                for (const [key, item] of pairs) value[key] = item;
                return {value, text: pairs.map(([key, item]) => `${key}: ${item}`).join(", "), literal: true, exact: false};
            }
            const value: {[key: string]: JsonValue} = {};
            const parts: string[] = [];
            let literal = true;
            let exact = false;
            for (const field of names) {
                const fieldSchema = properties[field] as JsonSchema;
                if (!required.includes(field) && !rng.chance(0.4)) continue;
                const fieldHint = hint?.fields?.[field];
                const description = (fieldSchema as {description?: string}).description ?? "";
                const item = generateValue(fieldSchema, {name: field, description, toolDescription: context.toolDescription, hint: fieldHint, literalOnly: context.literalOnly, avoid: (fieldSchema as {default?: JsonValue}).default}, rng);
                value[field] = item.value;
                parts.push(mentionField(field, fieldHint, item));
                literal &&= item.literal;
                exact ||= item.exact;
            }
            return {value, text: parts.join(", "), literal, exact};
        }
        case "any": {
            const kind = valueKinds.keyword;
            const value = kind === undefined ? "value" : kind.generate(rng);
            return {value, text: value, literal: true, exact: false};
        }
    }
}

function fits(value: string, minLength: number | undefined, maxLength: number | undefined): boolean {
    const length = [...value].length;
    return (minLength === undefined || length >= minLength) && (maxLength === undefined || length <= maxLength);
}

function singular(name: string): string {
    if (/ies$/.test(name)) return name.slice(0, -3) + "y";
    if (/(ches|shes|sses|xes)$/.test(name)) return name.slice(0, -2);
    if (/[^s]s$/.test(name)) return name.slice(0, -1);
    return name;
}

function mentionField(field: string, hint: ParamHint | undefined, item: GeneratedValue): string {
    if (typeof item.value === "boolean") {
        const phrase = item.value ? hint?.mentionTrue : hint?.mentionFalse;
        if (phrase !== undefined) return phrase;
    }
    if (hint?.mention !== undefined) return hint.mention.replace("{}", item.text);
    return `${nameWords(field).join(" ")}: ${item.text}`;
}
