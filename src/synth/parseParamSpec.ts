import type {JsonValue} from "../tools/JsonValue.js";
import type {ParamHint} from "./ParamHint.js";
import {SynthError} from "./SynthError.js";
import type {ParamSpec} from "./ToolSpec.js";
import {valueKinds} from "./valueKinds.js";

/** A parameter read from its spec: raw JSON Schema (OpenAI tools form) and generation hint. */
export interface ParsedParam {
    name: string;
    required: boolean;
    schema: {[key: string]: JsonValue};
    hint: ParamHint;
}

const headPattern = /^([A-Za-z_][A-Za-z0-9_]*)(\?)?(?:=(.*?))?: (.+)$/;

/** Reads one parameter line (see `ToolSpec`); throws `SynthError` on a malformed line. */
export function parseParamSpec(spec: ParamSpec, where: string): ParsedParam {
    const line = typeof spec === "string" ? spec : spec.param;
    const parts = line.split(" | ");
    if (parts.length !== 3) throw new SynthError(`${where}: a parameter line needs "head | mention | description": ${line}`, {where});
    const [head, mention, description] = parts as [string, string, string];
    const match = headPattern.exec(head.trim());
    if (match === null) throw new SynthError(`${where}: malformed parameter head ${JSON.stringify(head)}`, {where});
    const name = match[1] as string;
    const context = `${where}.${name}`;
    const required = match[2] === undefined;
    let typeText = (match[4] as string).trim();

    let array: {minItems?: number, maxItems?: number} | undefined;
    const arrayMatch = /\[\](?:\{(\d+),(\d+)\})?$/.exec(typeText);
    if (arrayMatch !== null) {
        array = arrayMatch[1] === undefined ? {} : {minItems: Number(arrayMatch[1]), maxItems: Number(arrayMatch[2])};
        typeText = typeText.slice(0, arrayMatch.index);
    }

    const hint: ParamHint = {};
    let element: {[key: string]: JsonValue};
    const fail = (problem: string): never => {
        throw new SynthError(`${context}: ${problem}`, {where: context});
    };
    const scalar = /^(str|int|num|bool|obj)(?:<([a-z_0-9]+)>)?(?:\[(-?[\d.]+)\.\.(-?[\d.]+)\])?(?:\((-?[\d.]+)\.\.(-?[\d.]+)\))?(?:\/(\d))?$/.exec(typeText);
    const enumMatch = /^enum\((.+)\)$/.exec(typeText);
    if (enumMatch !== null) {
        const values = (enumMatch[1] as string).split(",").map((value) => value.trim());
        if (values.some((value) => value === "")) fail("empty enum value");
        const numeric = values.every((value) => /^-?\d+(\.\d+)?$/.test(value));
        element = numeric
            ? {type: values.every((value) => /^-?\d+$/.test(value)) ? "integer" : "number", enum: values.map(Number)}
            : {type: "string", enum: values};
    } else if (scalar !== null) {
        const base = scalar[1] as string;
        const kind = scalar[2];
        if (kind !== undefined) {
            if (base !== "str") fail("a value kind <...> is only for str");
            if (!Object.hasOwn(valueKinds, kind)) fail(`unknown value kind ${kind}`);
            hint.kind = kind;
        } else if (base === "str") fail("a str parameter needs a value kind: str<kind>");
        const schemaLow = scalar[3];
        const schemaHigh = scalar[4];
        const low = scalar[5] ?? schemaLow;
        const high = scalar[6] ?? schemaHigh;
        if (low !== undefined && high !== undefined) {
            if (base !== "int" && base !== "num") fail("ranges are for int and num");
            hint.min = Number(low);
            hint.max = Number(high);
        }
        if (scalar[7] !== undefined) hint.decimals = Number(scalar[7]);
        switch (base) {
            case "str": element = {type: "string"}; break;
            case "int": element = {type: "integer"}; break;
            case "num": element = {type: "number"}; break;
            case "bool": element = {type: "boolean"}; break;
            default: {
                if (typeof spec === "string") fail("an obj parameter needs fields");
                const fields = (spec as {fields: ParamSpec[]}).fields.map((field) => parseParamSpec(field, context));
                const properties: {[key: string]: JsonValue} = {};
                hint.fields = {};
                for (const field of fields) {
                    properties[field.name] = field.schema;
                    hint.fields[field.name] = field.hint;
                }
                element = {type: "object", properties, required: fields.filter((field) => field.required).map((field) => field.name)};
            }
        }
        if (schemaLow !== undefined && schemaHigh !== undefined) {
            element.minimum = Number(schemaLow);
            element.maximum = Number(schemaHigh);
            if (!Number.isInteger(element.minimum) || !Number.isInteger(element.maximum)) fail("schema bounds must be integers");
        }
    } else {
        return fail(`unknown type ${JSON.stringify(typeText)}`);
    }

    const schema: {[key: string]: JsonValue} = array === undefined
        ? {...element, description: description.trim()}
        : {type: "array", items: element, ...array, description: description.trim()};
    const defaultText = match[3];
    if (defaultText !== undefined) {
        if (required) fail("a parameter with a default must be optional (?=)");
        let value: JsonValue;
        try {
            value = JSON.parse(defaultText) as JsonValue;
        } catch {
            value = defaultText;
        }
        if (schema.type === "string" && typeof value !== "string") value = defaultText;
        schema.default = value;
    }
    const mentionText = mention.trim();
    if (mentionText !== "") {
        if (schema.type === "boolean") {
            const [whenTrue, whenFalse] = mentionText.split(" / ");
            if (whenTrue === undefined || whenFalse === undefined) fail("a boolean mention is \"if true / if false\"");
            hint.mentionTrue = whenTrue;
            hint.mentionFalse = whenFalse;
        } else {
            if (!mentionText.includes("{}")) fail("a mention needs {} where the value goes");
            hint.mention = mentionText;
        }
    }
    return {name, required, schema, hint};
}
