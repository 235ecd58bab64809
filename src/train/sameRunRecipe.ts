import type {DefaultModelRecipe, RefineStage} from "./defaultModelRecipe.js";

/**
 * The refinement stages of a recipe as stored in a work folder: recipes written before stages
 * existed hold one stage as an object.
 */
export function refineStagesOf(recipe: DefaultModelRecipe): readonly RefineStage[] {
    const refine = recipe.refine as readonly RefineStage[] | RefineStage | undefined;
    if (refine === undefined) return [];
    return Array.isArray(refine) ? refine : [refine as RefineStage];
}

/**
 * Whether a work folder made with `stored` may continue under `recipe`. The two must be equal except
 * that `recipe` may add refinement stages after the stored ones, and the last stored stage may change
 * its `iterations` (trainIterate continues after its last finished iteration and stops at the new
 * count). An earlier stage's count is fixed: the stages after it started from its best model.
 */
export function sameRunRecipe(stored: DefaultModelRecipe, recipe: DefaultModelRecipe): boolean {
    const {refine: _storedRefine, ...storedRest} = stored;
    const {refine: _refine, ...rest} = recipe;
    if (JSON.stringify(storedRest) !== JSON.stringify(rest)) return false;
    const before = refineStagesOf(stored);
    const now = refineStagesOf(recipe);
    if (now.length < before.length) return false;
    return before.every((stage, index) => {
        const last = index === before.length - 1;
        const other = now[index]!;
        return JSON.stringify(last ? {...stage, iterations: 0} : stage) === JSON.stringify(last ? {...other, iterations: 0} : other);
    });
}
