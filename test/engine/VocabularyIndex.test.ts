import {suite} from "uvu";
import * as assert from "uvu/assert";
import {getLlama, LlamaGrammar, LlamaLogLevel, type LlamaModel, type Token} from "node-llama-cpp";
import {GrammarProbe} from "../../src/engine/GrammarProbe.js";
import {DEFAULT_MODEL_PATH} from "../../src/engine/resolveModelPath.js";
import {FEW_TOKENS, VocabularyIndex} from "../../src/engine/VocabularyIndex.js";
import {createTestModel} from "../helpers/testModels.js";

const t = suite("VocabularyIndex");
const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const models = new Map<string, LlamaModel>();
const load = async (path: string): Promise<LlamaModel> => {
    const cached = models.get(path);
    if (cached != null) return cached;
    const model = await llama.loadModel({modelPath: path});
    models.set(path, model);
    return model;
};

/** Every token the grammar allows, asked one by one (what allowedTokens must equal). */
function bruteForce(probe: GrammarProbe, size: number): Set<Token> {
    const allowed = new Set<Token>();
    for (let token = 0 as Token; token < size; token++) if (probe.allows(token)) allowed.add(token);
    return allowed;
}

const GRAMMAR = String.raw`root ::= "{\"name\": \"" ( "search_flights" | "book_hotel" | "convert_currency" ) "\", \"city\": \"" [^"\\]* "\"}"`;
const TEXT = '{"name": "book_hotel", "city": "Zürich 2026"}';

t("default model (byte-level BPE): allowedTokens and allowedTokensIfFew agree with asking every token, along a text", async () => {
    const model = await load(DEFAULT_MODEL_PATH);
    const index = VocabularyIndex.for(model);
    assert.ok(index != null);
    assert.is(VocabularyIndex.for(model), index, "one index per model");
    const probe = GrammarProbe.create(model, new LlamaGrammar(llama, {grammar: GRAMMAR}));
    assert.ok(probe != null);
    const tokens = model.tokenize(TEXT);
    let few = 0;
    for (const [position, token] of tokens.entries()) {
        const expected = bruteForce(probe, index.size);
        assert.equal([...index.allowedTokens(probe)!].sort((a, b) => a - b), [...expected].sort((a, b) => a - b), `position ${position}`);
        const listed = index.allowedTokensIfFew(probe);
        assert.is(index.allowedTokensIfFew(probe), listed, "the answer is remembered for this grammar and path");
        if (listed != null) {
            few++;
            assert.equal([...listed].sort((a, b) => a - b), [...expected].sort((a, b) => a - b), `few at position ${position}`);
            assert.ok(listed.size <= FEW_TOKENS);
        }
        // A copy moves on its own.
        const copy = probe.clone();
        assert.ok(copy.accept([token]));
        assert.ok(probe.accept([token]), `the text follows the grammar at position ${position}`);
    }
    assert.ok(few >= 3, `positions with few allowed tokens listed: ${few}`);
});

t("SentencePiece vocabularies: every token is asked (texts are not the grammar's pieces), and no short lists", async () => {
    const model = await load(await createTestModel("spm-tiny"));
    const index = VocabularyIndex.for(model)!;
    const probe = GrammarProbe.create(model, new LlamaGrammar(llama, {grammar: GRAMMAR}))!;
    const expected = bruteForce(probe, index.size);
    assert.ok(expected.size >= 1);
    assert.equal([...index.allowedTokens(probe)!].sort((a, b) => a - b), [...expected].sort((a, b) => a - b));
    assert.is(index.allowedTokensIfFew(probe), undefined);
});

t("prefixTokens: the tokens that spell the beginning of a text", async () => {
    const model = await load(DEFAULT_MODEL_PATH);
    const index = VocabularyIndex.for(model)!;
    const prefixes = index.prefixTokens("destination\": \"Paris\"");
    assert.ok(prefixes.length >= 2, `${prefixes.length} prefixes`);
    for (const token of prefixes) assert.ok("destination\": \"Paris\"".startsWith(index.text(token)), index.text(token));
    const tokens = model.tokenize("destination");
    assert.is(index.textOf(tokens, 0), "destination");
    assert.ok(index.prefixTokens("destination").includes(tokens[0]!), "the tokenizer's own first token is among them");
    assert.equal(index.prefixTokens(""), []);
});

t.after(async () => {
    for (const model of models.values()) await model.dispose();
});

t.run();
