/**
 * Grammar fuzzing (the `npm test` size; `npm run bench -- reliability` runs 10,000): seeded
 * random tool schemas are each either rejected with a clear ToolSchemaError or compiled to a
 * grammar whose drawn texts are valid for ajv (raw and normalised schema) and validateArguments, or,
 * where the grammar relaxed the raw schema, break it only with a violation schemaViolations reports,
 * and accepted by llama.cpp's grammar engine (which also parses every grammar here).
 */
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {seededRandom} from "../tools/gbnfSample.js";
import {fuzzToolSchemas} from "./fuzzToolSchemas.js";
import {SchemaFuzzer} from "./SchemaFuzzer.js";

const t = suite("reliability: grammar fuzzing");

t("1,000 seeded random schemas: clear rejections or grammars whose every drawn text is valid", async () => {
    const tally = await fuzzToolSchemas({count: 1000, seed: 2025, samplesPerSchema: 4, llamaEvery: 1});
    assert.equal(tally.failures, [], `${tally.crashes} crashes, ${tally.invalidOutputs} invalid outputs`);
    assert.is(tally.crashes, 0);
    assert.is(tally.invalidOutputs, 0);
    // the run covers both outcomes and the interesting rejections
    assert.is(tally.compiled + tally.rejected, 1000);
    assert.ok(tally.compiled >= 350 && tally.rejected >= 350, `${tally.compiled} compiled, ${tally.rejected} rejected`);
    assert.ok(tally.llamaGrammars === tally.compiled && tally.textsChecked >= 4 * tally.compiled - 10, `${tally.llamaGrammars} grammars, ${tally.textsChecked} texts`);
    const reasons = Object.keys(tally.rejections).join("\n");
    for (const reason of [/recurses without end/, /nests deeper than N levels/, /does not resolve/, /range is empty|range \[N, N\] is empty/])
        assert.match(reasons, reason);
});

t("the fuzzer catches a grammar that lets invalid texts through, a compiler that throws, and a grammar llama.cpp refuses", async () => {
    const raw = {type: "object", properties: {n: {type: "integer", minimum: 1, maximum: 3}}, required: ["n"]};
    const correct = new SchemaFuzzer(20);
    await correct.check(raw, seededRandom(1), "correct", true);
    assert.equal([correct.tally.compiled, correct.tally.crashes, correct.tally.invalidOutputs], [1, 0, 0]);

    const dropsRequired = new SchemaFuzzer(20, (_tool, _options, rules) => rules.add("args", `"{" ("\\"n\\":" [0-3])? "}"`));
    await dropsRequired.check(raw, seededRandom(1), "drops required", true);
    assert.ok(dropsRequired.tally.invalidOutputs >= 5, `${dropsRequired.tally.invalidOutputs} invalid texts caught`);
    assert.match(dropsRequired.tally.failures.join("\n"), /validateArguments rejects it/);

    const throws = new SchemaFuzzer(1, () => { throw new TypeError("boom"); });
    await throws.check(raw, seededRandom(1), "throws", false);
    assert.is(throws.tally.crashes, 1);

    const refused = new SchemaFuzzer(1, (_tool, _options, rules) => rules.add("args", `"{" "\\"n\\":" [1-3] "}" " "{2001}`));
    await refused.check(raw, seededRandom(1), "refused", true);
    assert.match(refused.tally.failures.join("\n"), /llama\.cpp refuses the grammar/);

    const rejected = new SchemaFuzzer(1);
    await rejected.check({type: "object", properties: {a: {type: "string", minLength: 3, maxLength: 2}}}, seededRandom(1), "rejected", false);
    assert.equal([rejected.tally.rejected, rejected.tally.crashes], [1, 0]);

    // A relaxed pattern (a lookahead): drawn texts break it, and each is reported by schemaViolations, so none counts as invalid.
    const relaxed = new SchemaFuzzer(20);
    await relaxed.check({type: "object", properties: {a: {type: "string", pattern: "^(?=x)"}}, required: ["a"]}, seededRandom(1), "relaxed", false);
    assert.equal([relaxed.tally.relaxedSchemas, relaxed.tally.invalidOutputs, relaxed.tally.crashes], [1, 0, 0]);
    assert.ok(relaxed.tally.reportedViolations >= 10, `${relaxed.tally.reportedViolations} violations reported`);
});

t.run();
