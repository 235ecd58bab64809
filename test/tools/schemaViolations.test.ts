import {suite} from "uvu";
import * as assert from "uvu/assert";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {schemaViolations} from "../../src/tools/schemaViolations.js";

const t = suite("schemaViolations");

function tool(parameters: unknown) {
    return normalizeTools([{type: "function", function: {name: "f", parameters}}])[0]!;
}

t("checks calls against the original schema where the grammar relaxed it, naming the path", () => {
    const f = tool({type: "object", properties: {
        zip: {type: "string", pattern: "^[0-9]{5}$"},
        when: {type: "string", format: "date"},
        tags: {type: "array", items: {type: "string"}, uniqueItems: true},
        "odd key": {type: "number", minimum: 0.5}
    }, required: ["zip"]});
    assert.equal(schemaViolations(f, {zip: "12345", when: "2026-12-07", tags: ["a", "b"], "odd key": 1}), []);
    assert.equal(schemaViolations(f, {zip: "1234x", when: "yesterday", tags: ["a", "a"], "odd key": 0}), [
        `$.zip: must match pattern "^[0-9]{5}$"`,
        `$.when: must match format "date"`,
        "$.tags: must NOT have duplicate items (items ## 1 and 0 are identical)",
        `$["odd key"]: must be >= 0.5`
    ]);
});

t("a tool with nothing relaxed is never checked again; a schema the validator cannot compile says so", () => {
    assert.equal(schemaViolations(tool({type: "object", properties: {a: {type: "string"}}}), {a: 3}), []);
    assert.is(schemaViolations(tool({type: "object", properties: {a: {type: "string", pattern: "("}}}), {a: "x"}), undefined);
});

t("draft-04 boolean exclusive bounds are read as draft 4 meant them", () => {
    // Seven fraction digits: beyond what the grammar enforces exactly, so widened and checked.
    const f = tool({type: "object", properties: {n: {type: "number", minimum: 0.1234567, exclusiveMinimum: true}}});
    assert.equal(schemaViolations(f, {n: 0.75}), []);
    assert.equal(schemaViolations(f, {n: 0.1234567}), ["$.n: must be > 0.1234567"]);
});

t.run();
