import {suite} from "uvu";
import * as assert from "uvu/assert";
import {defaultModelRecipe, type DefaultModelRecipe} from "../../src/train/defaultModelRecipe.js";
import {sameRunRecipe} from "../../src/train/sameRunRecipe.js";

const t = suite("sameRunRecipe");
const refine = defaultModelRecipe.refine!;

t("a work folder continues when only the refinement stage's iteration count differs", () => {
    assert.ok(sameRunRecipe(defaultModelRecipe, defaultModelRecipe));
    assert.ok(sameRunRecipe(defaultModelRecipe, {...defaultModelRecipe, refine: {...refine, iterations: refine.iterations + 2}}));
    const {refine: _omitted, ...withoutRefine} = defaultModelRecipe;
    assert.ok(sameRunRecipe(withoutRefine as DefaultModelRecipe, withoutRefine as DefaultModelRecipe), "recipes without a refinement stage compare whole");
});

t("any other change is another run", () => {
    const changes: DefaultModelRecipe[] = [
        {...defaultModelRecipe, refine: {...refine, k: refine.k + 1}},
        {...defaultModelRecipe, refine: {...refine, pool: {...refine.pool, firstIndex: refine.pool.firstIndex + 1}}},
        {...defaultModelRecipe, train: {...defaultModelRecipe.train, passes: defaultModelRecipe.train.passes + 1}},
        {...defaultModelRecipe, synth: {...defaultModelRecipe.synth, seed: defaultModelRecipe.synth.seed + 1}}
    ];
    for (const changed of changes) assert.not.ok(sameRunRecipe(defaultModelRecipe, changed), JSON.stringify(changed));
    const {refine: _omitted, ...withoutRefine} = defaultModelRecipe;
    assert.not.ok(sameRunRecipe(withoutRefine as DefaultModelRecipe, defaultModelRecipe), "adding a refinement stage");
});

t.run();
