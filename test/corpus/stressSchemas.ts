/**
 * Hand-written stress cases for the schema corpus: each exercises keywords real-world tool schemas
 * carry (the kinds a grammar can enforce, the kinds it cannot, and annotations), one parameters
 * schema per case, so coverage and soundness can be told per keyword.
 */
const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> =>
    ({type: "object", properties, required: Object.keys(properties), ...extra});

export const stressSchemas: Record<string, unknown> = {
    "annotations": object({a: {type: "string", title: "A", description: "d", examples: ["x"], example: "x", default: "x", readOnly: true, deprecated: false, $comment: "c", "x-order": 1, "x-kubernetes-int-or-string": true, self: {link: "l"}, id: "a"}}, {$schema: "http://json-schema.org/draft-07/schema#", $id: "urn:x"}),
    "pattern anchored": object({zip: {type: "string", pattern: "^[0-9]{5}(?:-[0-9]{4})?$"}}),
    "pattern unanchored": object({code: {type: "string", pattern: "[A-Z]{2}[0-9]+"}}),
    "pattern classes": object({id: {type: "string", pattern: "^[\\w.-]+@[^\\s@]+\\.[a-z]{2,}$"}}),
    "pattern alternation": object({level: {type: "string", pattern: "^(debug|info|warn(ing)?|error)$"}}),
    "pattern escapes": object({p: {type: "string", pattern: "^C:\\\\[^\"<>|]{1,20}\\.txt$"}}),
    "pattern lookahead": object({pw: {type: "string", pattern: "^(?=.*[0-9])[a-z0-9]{8,}$"}}),
    "pattern backreference": object({r: {type: "string", pattern: "^(a+)b\\1$"}}),
    ...Object.fromEntries(["date", "time", "date-time", "duration", "uuid", "email", "hostname", "ipv4", "ipv6", "uri"]
        .map((format) => [`format ${format}`, object({v: {type: "string", format}})])),
    "format unknown": object({v: {type: "string", format: "phone"}}),
    "format uri-reference": object({v: {type: "string", format: "uri-reference"}}),
    "map of strings": object({headers: {type: "object", additionalProperties: {type: "string"}}}),
    "map bounded": object({m: {type: "object", additionalProperties: {type: "integer", minimum: 0}, minProperties: 1, maxProperties: 3}}),
    "map propertyNames": object({labels: {type: "object", propertyNames: {pattern: "^[a-z][a-z0-9-]{0,15}$"}, additionalProperties: {type: "string"}}}),
    "patternProperties": object({env: {type: "object", patternProperties: {"^[A-Z][A-Z0-9_]*$": {type: "string"}}, additionalProperties: false}}),
    "additionalProperties beside properties": object({o: {type: "object", properties: {a: {type: "string"}}, additionalProperties: {type: "number"}}}),
    "minProperties one of": object({filter: {type: "object", properties: {name: {type: "string"}, id: {type: "integer"}}, minProperties: 1}}),
    "const and enum of any values": object({c: {const: {k: [1, null]}}, e: {enum: [1, "a", null, true, [1, 2], {x: 1}]}}),
    "allOf objects": object({o: {allOf: [{type: "object", properties: {a: {type: "string"}}, required: ["a"]}, {properties: {b: {type: "integer"}}}]}}),
    "allOf strings": object({s: {allOf: [{type: "string", minLength: 2}, {maxLength: 4}]}}),
    "anyOf beside properties": {type: "object", properties: {q: {type: "object", properties: {a: {type: "string"}, b: {type: "integer"}}, anyOf: [{required: ["a"]}, {required: ["b"]}]}}, required: ["q"]},
    "oneOf beside type": object({id: {type: "string", oneOf: [{format: "uuid"}, {pattern: "^[0-9]+$"}]}}),
    "anyOf at the top": {type: "object", properties: {a: {type: "string"}, b: {type: "string"}}, anyOf: [{required: ["a"]}, {required: ["b"]}]},
    "$ref definitions": {type: "object", definitions: {point: {type: "object", properties: {x: {type: "number"}, y: {type: "number"}}, required: ["x", "y"]}}, properties: {from: {$ref: "#/definitions/point"}, to: {$ref: "#/definitions/point"}}, required: ["from", "to"]},
    "$ref recursive": {type: "object", $defs: {node: {type: "object", properties: {name: {type: "string"}, children: {type: "array", items: {$ref: "#/$defs/node"}}}, required: ["name"]}}, properties: {tree: {$ref: "#/$defs/node"}}, required: ["tree"]},
    "$ref with siblings": {type: "object", $defs: {n: {type: "integer"}}, properties: {count: {$ref: "#/$defs/n", minimum: 1, maximum: 10}}, required: ["count"]},
    "decimal bounds": object({ratio: {type: "number", minimum: 0.5, exclusiveMaximum: 2.5}}),
    "integer bounds": object({n: {type: "integer", exclusiveMinimum: 0, maximum: 100}}),
    "tuple prefixItems": object({point: {type: "array", prefixItems: [{type: "number"}, {type: "number"}], items: false, minItems: 2}}),
    "tuple draft-7 items": object({pair: {type: "array", items: [{type: "string"}, {type: "integer"}], additionalItems: false}}),
    "array bounds": object({tags: {type: "array", items: {type: "string", maxLength: 8}, minItems: 1, maxItems: 3}}),
    "uniqueItems": object({tags: {type: "array", items: {enum: ["a", "b", "c"]}, uniqueItems: true}}),
    "not": object({s: {type: "string", not: {const: "x"}}}),
    "dependentRequired": {type: "object", properties: {a: {type: "string"}, b: {type: "string"}}, dependentRequired: {a: ["b"]}},
    "multipleOf decimal": object({step: {type: "number", multipleOf: 0.25}}),
    "if then else": {type: "object", properties: {kind: {enum: ["a", "b"]}, v: {type: "string"}}, required: ["kind"], if: {properties: {kind: {const: "a"}}}, then: {required: ["v"]}},
    "nullable (OpenAPI)": object({v: {type: "string", nullable: true}}),
    "type arrays": object({v: {type: ["string", "integer", "null"]}}),
    "deep nesting": object({a: object({b: object({c: object({d: object({e: {type: "string"}})})})})}),
    "empty parameters": {type: "object", properties: {}},
    "contradiction": object({n: {type: "integer", minimum: 5, maximum: 1}})
};
