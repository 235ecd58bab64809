/** Every catalog entry against its pulled file: the facts it states are the file's own metadata. */
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {findCatalogModel, modelCatalog} from "../../src/catalog/modelCatalog.js";
import {readGguf} from "../../src/model/readGguf.js";
import {realModel, withRealModel} from "../helpers/realModels.js";

const t = suite("model catalog");

t("names are unique, checksums and hf: sources well formed, and findCatalogModel finds each", () => {
    assert.is(new Set(modelCatalog.map((model) => model.name)).size, modelCatalog.length);
    for (const model of modelCatalog) {
        assert.match(model.sha256, /^[0-9a-f]{64}$/, model.name);
        assert.match(model.hfUri, /^hf:[^/]+\/[^/]+/, model.name);
        assert.ok(model.wheels.length > 0 && model.bytes > 0, model.name);
        assert.is(findCatalogModel(model.name), model);
    }
    assert.is(findCatalogModel("no-such-model"), undefined);
});

for (const model of modelCatalog) {
    const file = await realModel(model.name);
    withRealModel(t, file, model.name)(`${model.name}: the stated facts are the pulled file's metadata`, async () => {
        const gguf = await readGguf(file!);
        const arch = gguf.architecture;
        assert.equal({
            architecture: arch,
            parameters: gguf.getString("general.size_label"),
            licenseTag: gguf.getString("general.license"),
            instructionTuned: gguf.getString("tokenizer.chat_template") !== undefined,
            vocabulary: gguf.getStringArray("tokenizer.ggml.tokens")?.length,
            layers: gguf.getNumber(`${arch}.block_count`)
        }, {...model.facts});
    });
}

t.run();
