import {suite} from "uvu";
import * as assert from "uvu/assert";
import {loadBfclCategory} from "../../src/eval/bfclData.js";
import {checkCalls} from "../../src/eval/checkCalls.js";
import {decodedCallsToPyValue} from "../../src/eval/DecodedCall.js";
import {parseGroundTruth} from "../../src/eval/GroundTruthCall.js";
import {groundTruthToCalls} from "../../src/eval/groundTruthToCalls.js";
import {parseLosslessJson} from "../../src/eval/parseLosslessJson.js";
import {pyRepr} from "../../src/eval/pyRepr.js";
import {sharedBfclData} from "./sharedBfclData.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("groundTruthToCalls");

t("takes each parameter's first alternative that is not \"\", leaves out parameters without one, resolves dict alternatives", () => {
    const gt = parseGroundTruth(parseLosslessJson(`[
        {"f": {"a": [5, 6], "b": ["", "x"], "z": [""], "c": [2.0], "d": [{"k": ["v", "w"], "o": ["", 1]}], "e": [[{"p": [1]}, {"p": [2, 3]}]], "g": [[1, 2], ""], "h": []}},
        {"m.n": {}}
    ]`));
    assert.is(pyRepr(decodedCallsToPyValue(groundTruthToCalls(gt))),
        "[{'f': {'a': 5, 'b': 'x', 'c': 2.0, 'd': {'k': 'v', 'o': 1}, 'e': [{'p': 1}, {'p': 2}], 'g': [1, 2]}}, {'m.n': {}}]");
});

const dataDir = sharedBfclData("groundTruthToCalls oracle");
withShared(t, dataDir, "the shared BFCL data")("an oracle scores 100% on simple_python, multiple, parallel, parallel_multiple and irrelevance, except the two entries BFCL's checker rejects", () => {
    const failing: string[] = [];
    const counts: Record<string, number> = {};
    for (const category of ["simple_python", "multiple", "parallel", "parallel_multiple", "irrelevance"]) {
        const entries = loadBfclCategory(dataDir as string, category);
        counts[category] = entries.length;
        for (const entry of entries) {
            const calls = entry.groundTruth === undefined ? [] : groundTruthToCalls(entry.groundTruth);
            const result = checkCalls({category, functions: entry.functions, ...(entry.groundTruth ? {groundTruth: entry.groundTruth} : {}), calls});
            if (!result.valid) failing.push(entry.id);
        }
    }
    assert.equal(counts, {simple_python: 400, multiple: 200, parallel: 200, parallel_multiple: 200, irrelevance: 240});
    assert.equal(failing, ["parallel_multiple_12", "parallel_multiple_26"]);
});

t.run();
