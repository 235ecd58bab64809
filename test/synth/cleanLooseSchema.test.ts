import {suite} from "uvu";
import * as assert from "uvu/assert";
import {cleanLooseSchema} from "../../src/synth/cleanLooseSchema.js";
import {LooseSchemaError} from "../../src/synth/LooseSchemaError.js";

const t = suite("cleanLooseSchema");

t("maps Python type names, generics and optional markers", () => {
    const {schema} = cleanLooseSchema({type: "dict", properties: {
        a: {type: "str", description: "A."}, b: {type: "int, optional", default: "10"}, c: {type: "List[float]"},
        d: {type: "Optional[bool]", default: "true"}, e: {type: "datetime"}, f: {type: "list"}, g: {type: "Array[Object{x}]"}
    }, required: ["a", "b", "missing"]});
    assert.equal(schema, {type: "object", properties: {
        a: {type: "string", description: "A."}, b: {type: "integer", default: 10}, c: {type: "array", items: {type: "number"}},
        d: {type: "boolean", default: true}, e: {type: "string"}, f: {type: "array", items: {type: "string"}}, g: {type: "array", items: {type: "object"}}
    }, required: ["a"]});
});

t("drops unknown keywords and defaults of the wrong type, keeps enums and integer bounds", () => {
    const {schema} = cleanLooseSchema({type: "integer", minimum: 1, maximum: 9.5, default: "many", example: 3, enum: [1, 2]});
    assert.equal(schema, {type: "integer", enum: [1, 2], minimum: 1});
    assert.equal(cleanLooseSchema({properties: {x: {}}}).schema, {type: "object", properties: {x: {type: "string"}}, required: []});
});

t("unknown type names are typed errors", () => {
    assert.throws(() => cleanLooseSchema({type: "HMO"}), (error: unknown) => error instanceof LooseSchemaError && /HMO/.test(error.message));
});

t.run();
