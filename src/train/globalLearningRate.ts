/**
 * The learning rate at global step `step` of a run of `totalSteps` split into phases: linear warmup
 * over `warmupSteps` to `peak`, then linear decay to `min` at the last step. A phase covering global
 * steps [start, end) reproduces this curve with a `linear` schedule from `globalLearningRate(start)`
 * down to `globalLearningRate(end)`.
 */
export function globalLearningRate(step: number, totalSteps: number, schedule: {peak: number, min: number, warmupSteps: number}): number {
    const {peak, min, warmupSteps} = schedule;
    if (step < warmupSteps) return peak * (step + 1) / warmupSteps;
    const progress = Math.min(1, (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
    return peak - (peak - min) * progress;
}
