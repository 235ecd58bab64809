import {suite} from "uvu";
import * as assert from "uvu/assert";
import {defaultModelRecipe, type DefaultModelRecipe, type RefineStage} from "../../src/train/defaultModelRecipe.js";
import {refineStagesOf, sameRunRecipe} from "../../src/train/sameRunRecipe.js";

const t = suite("sameRunRecipe");
const stages = defaultModelRecipe.refine!;
const first = stages[0]!;
const second = stages[1]!;
const withStages = (...refine: RefineStage[]): DefaultModelRecipe => ({...defaultModelRecipe, refine});

t("a work folder continues when the last stored stage changes its iteration count or stages are added", () => {
    assert.ok(sameRunRecipe(defaultModelRecipe, defaultModelRecipe));
    assert.ok(sameRunRecipe(defaultModelRecipe, withStages(first, {...second, iterations: second.iterations + 2})));
    assert.ok(sameRunRecipe(withStages(first), withStages({...first, iterations: 1}, second)), "the last stored stage's count, and a new stage");
    assert.ok(sameRunRecipe(withStages(), defaultModelRecipe), "refinement stages after a finished SFT run");
    const {refine: _omitted, ...withoutRefine} = defaultModelRecipe;
    assert.ok(sameRunRecipe(withoutRefine as DefaultModelRecipe, withoutRefine as DefaultModelRecipe), "recipes without a refinement stage compare whole");
});

t("a recipe stored with one stage as an object (before stages) reads as that one stage", () => {
    const legacy = {...defaultModelRecipe, refine: {...first, iterations: 1}} as unknown as DefaultModelRecipe;
    assert.equal(refineStagesOf(legacy), [{...first, iterations: 1}]);
    assert.ok(sameRunRecipe(legacy, withStages(first)));
    assert.ok(sameRunRecipe(legacy, defaultModelRecipe));
    assert.not.ok(sameRunRecipe(legacy, withStages({...first, k: first.k + 1})));
});

t("any other change is another run", () => {
    const changes: DefaultModelRecipe[] = [
        withStages({...first, k: first.k + 1}, second),
        withStages(first, {...second, pool: {...second.pool, firstIndex: second.pool.firstIndex + 1}}),
        withStages({...first, iterations: first.iterations + 1}, second),
        withStages(first),
        withStages(second, first),
        {...defaultModelRecipe, train: {...defaultModelRecipe.train, passes: defaultModelRecipe.train.passes + 1}},
        {...defaultModelRecipe, synth: {...defaultModelRecipe.synth, seed: defaultModelRecipe.synth.seed + 1}}
    ];
    for (const changed of changes) assert.not.ok(sameRunRecipe(defaultModelRecipe, changed), JSON.stringify(changed.refine));
});

t.run();
