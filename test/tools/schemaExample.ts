/**
 * Test helper: a deterministic valid value for a normalised schema, written independently of the
 * grammar compiler. `minimal` leaves out optional properties and empty-able array items; `full`
 * includes every property and at least one item where allowed.
 */
import type {JsonSchema} from "../../src/tools/JsonSchema.js";
import type {JsonValue} from "../../src/tools/JsonValue.js";
import {schemaNode} from "../../src/tools/schemaNode.js";
import {validateValue} from "../../src/tools/validateValue.js";

export function schemaExample(schema: JsonSchema, mode: "minimal" | "full"): JsonValue {
    const node = schemaNode(schema);
    switch (node.kind) {
        case "enum": return node.schema.enum[0] as JsonValue;
        case "anyOf": return schemaExample(node.schema.anyOf[0] as JsonSchema, mode);
        case "any": return mode === "minimal" ? "x" : {k: [1, "v"]};
        case "null": return null;
        case "boolean": return true;
        case "string": {
            const {minLength = 0, maxLength, format} = node.schema;
            // Values of the formats the grammar enforces (a pattern's example is left to the tests that give one).
            const formatted: Record<string, string> = {date: "2024-02-29", time: "12:30:00Z", "date-time": "2024-02-29T12:30:00Z", email: "a@b.io", uuid: "123e4567-e89b-12d3-a456-426614174000", ipv4: "10.0.0.1", ipv6: "::1", hostname: "example.org", uri: "https://example.org/a", duration: "P1D"};
            if (node.schema.pattern === undefined && format !== undefined && formatted[format] !== undefined) return formatted[format]!;
            return "a".repeat(Math.min(Math.max(minLength, 1), maxLength ?? Infinity));
        }
        case "integer":
        case "number": {
            const candidates = node.kind === "integer" ? [1, -3, 0] : [0.5, 2.25, -1.5, 1];
            const s = node.schema as {minimum?: number, maximum?: number, exclusiveMinimum?: number, exclusiveMaximum?: number};
            for (const bound of [s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum])
                if (bound !== undefined) candidates.push(bound, bound + 1, bound - 1, bound + 0.5, bound - 0.5);
            const valid = candidates.find((value) => validateValue(schema, value).length === 0);
            if (valid === undefined) throw new Error(`no example for ${JSON.stringify(schema)}`);
            return valid;
        }
        case "array": {
            const {minItems = 0, maxItems} = node.schema;
            const count = mode === "minimal" ? minItems : Math.min(Math.max(minItems, 1), maxItems ?? Infinity);
            return Array.from({length: count}, () => schemaExample(node.schema.items, mode));
        }
        case "object": {
            if (node.schema.additionalProperties) return mode === "minimal" ? {} : {key: "value"};
            const out: Record<string, JsonValue> = {};
            for (const [name, property] of Object.entries(node.schema.properties))
                if (mode === "full" || node.schema.required.includes(name)) out[name] = schemaExample(property, mode);
            return out;
        }
    }
}
