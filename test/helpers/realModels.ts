/**
 * Real pretrained models for test suites: the catalog's pulled files (`.ci/run` pulls them before
 * the tests; a suite pulls what is missing, which is a no-op when cached). When a model cannot be
 * had (no pip, no registry), its tests fail under CI (`CI=true`) and are skipped visibly elsewhere,
 * never passed.
 */
import type {Test} from "uvu";
import {findCatalogModel} from "../../src/catalog/modelCatalog.js";
import {catalogModelPath, isCatalogModelPulled, pullModel} from "../../src/catalog/pullModel.js";
import {isCi, withShared} from "./sharedData.js";

/** The path of catalog model `name`, pulled when missing; undefined (with a notice) when it cannot be pulled. */
export async function realModel(name: string): Promise<string | undefined> {
    const entry = findCatalogModel(name);
    if (entry == null) throw new Error(`no catalog model ${name}`);
    if (isCatalogModelPulled(entry)) return catalogModelPath(entry);
    try {
        return (await pullModel(entry, {progress: (line) => process.stderr.write(`  ${line}\n`)})).path;
    } catch (error) {
        console.log(`NOTICE: catalog model ${name} could not be pulled (${(error as Error).message}); ${isCi() ? "failing (CI=true)" : "skipping its tests"}.`);
        return undefined;
    }
}

/** The registrar for tests that need `model`: a failure under CI, a visible skip elsewhere, when it is missing. */
export function withRealModel<T>(t: Test<T>, model: string | undefined, name: string): ReturnType<typeof withShared<T>> {
    return withShared(t, model, `the real model ${name}`);
}
