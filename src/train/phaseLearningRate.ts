import {globalLearningRate} from "./globalLearningRate.js";

/** The learning-rate fields of a recipe that shape the curve (see DefaultModelRecipe.train). */
export interface PhaseScheduleRecipe {
    learningRate: number;
    minLearningRate: number;
    warmupSteps: number;
    /** Absent: one curve over the whole run. Present: pass p runs its own curve from `passPeaks[p]`. */
    passPeaks?: readonly number[];
}

/** Where a training phase sits: global steps [start, end) of pass `pass`, whose steps are [passStart, passEnd). */
export interface PhasePosition {
    pass: number;
    start: number;
    end: number;
    passStart: number;
    passEnd: number;
    totalSteps: number;
}

/**
 * The `linear` schedule a phase trains with so that the phases together follow the recipe's curve.
 * Without `passPeaks`: warmup over `warmupSteps` then linear decay from `learningRate` to
 * `minLearningRate` at the run's last step (globalLearningRate). With `passPeaks`: every pass is its
 * own curve over its own steps, from `passPeaks[p]` down to `minLearningRate · passPeaks[p] /
 * learningRate`, with the warmup on pass 0 only; so adding a pass to a recipe leaves the schedule
 * of the earlier passes, and their trained outputs, unchanged.
 */
export function phaseLearningRate(recipe: PhaseScheduleRecipe, phase: PhasePosition): {learningRate: number, minLearningRate: number, warmupSteps: number} {
    let curve: {peak: number, min: number, warmupSteps: number};
    let [start, end, total] = [phase.start, phase.end, phase.totalSteps];
    if (recipe.passPeaks === undefined) {
        curve = {peak: recipe.learningRate, min: recipe.minLearningRate, warmupSteps: recipe.warmupSteps};
    } else {
        const peak = recipe.passPeaks[phase.pass];
        if (peak === undefined || !(peak > 0)) throw new RangeError(`passPeaks has no positive peak for pass ${phase.pass}`);
        curve = {peak, min: recipe.minLearningRate * peak / recipe.learningRate, warmupSteps: phase.pass === 0 ? recipe.warmupSteps : 0};
        [start, end, total] = [phase.start - phase.passStart, phase.end - phase.passStart, phase.passEnd - phase.passStart];
    }
    const first = start === 0;
    const learningRate = first ? curve.peak : globalLearningRate(start, total, curve);
    const minLearningRate = Math.min(learningRate, globalLearningRate(end, total, curve));
    return {learningRate, minLearningRate, warmupSteps: first ? curve.warmupSteps : 0};
}
