import type {DefaultModelRecipe} from "./defaultModelRecipe.js";

/**
 * Whether a work folder made with `stored` may continue under `recipe`: the two must be equal except
 * for `refine.iterations` (trainIterate continues after its last finished iteration, and stops at
 * the new count), so more refinement iterations can be added to a finished run.
 */
export function sameRunRecipe(stored: DefaultModelRecipe, recipe: DefaultModelRecipe): boolean {
    const identity = (value: DefaultModelRecipe): string => JSON.stringify(
        value.refine === undefined ? value : {...value, refine: {...value.refine, iterations: 0}}
    );
    return identity(stored) === identity(recipe);
}
