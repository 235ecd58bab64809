/**
 * BFCL function docs through the real call path (engine, grammar, generated model): a forced call
 * to each is sampled and must validate against the tool's schema, checked by ajv (independent of
 * the project's validator). Every 4th distinct doc by default (about 3 minutes on 2 cores);
 * TOOLACE_FULL_TESTS=1 takes all of them. test/tools/bfclToolGrammars checks every doc's grammar
 * directly with llama.cpp's grammar engine.
 */
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {Ajv} from "ajv";
import {getLlama} from "node-llama-cpp";
import {ToolCallEngine} from "../../src/engine/ToolCallEngine.js";
import {normalizeTools} from "../../src/tools/normalizeTools.js";
import {loadBfclFunctionDocs} from "../tools/bfclFunctionDocs.js";
import {createTestModel} from "../helpers/testModels.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("BFCL function docs through the engine");
const stride = process.env.TOOLACE_FULL_TESTS === "1" ? 1 : 4;
const docs = loadBfclFunctionDocs("BFCL function docs through the engine")?.filter((_, index) => index % stride === 0);

withShared(t, docs, "the shared BFCL data")(`a sampled call to ${stride === 1 ? "every" : `every ${stride}th`} BFCL function doc validates against its schema (ajv)`, async () => {
    if (docs == null) return;
    assert.ok(docs.length > 500, `${docs.length} docs`);
    const llama = await getLlama({gpu: false, build: "never"});
    const engine = await ToolCallEngine.load({model: await createTestModel("spm-tiny"), llama, contextSize: 4096, grammar: {maxStringLength: 8, maxArrayItems: 2}});
    const ajv = new Ajv({strict: false, validateFormats: false});
    let calls = 0;
    try {
        for (const [index, {doc, origin}] of docs.entries()) {
            const [tool] = normalizeTools([doc]);
            const result = await engine.call({
                messages: [{role: "user", content: "Please help."}],
                tools: [doc],
                tool_choice: {type: "function", function: {name: tool!.name}},
                parallel_tool_calls: false,
                refine: "off",
                temperature: 1,
                seed: index,
                max_tokens: 1500
            });
            const validate = ajv.compile(tool!.parameters);
            assert.is(result.tool_calls.length, 1, origin);
            for (const call of result.tool_calls) {
                assert.is(call.function.name, tool!.name, origin);
                const args: unknown = JSON.parse(call.function.arguments);
                assert.ok(validate(args), `${origin}: ${call.function.arguments} — ${ajv.errorsText(validate.errors)}`);
                calls++;
            }
        }
    } finally {
        await engine.dispose();
    }
    assert.is(calls, docs.length);
    console.log(`  ${calls} calls to ${docs.length} BFCL function docs validated`);
});

t.run();
