import {TrainError} from "../train/TrainError.js";

/**
 * The unbiased pass@k estimate of one item from `n` samples of which `c` are correct
 * (Chen et al. 2021): the probability that at least one of k samples drawn without replacement
 * from the n is correct, `1 - C(n-c, k) / C(n, k)`, computed as a product to stay exact for large
 * n. pass@1 is c/n; with k = n it is 1 when any sample is correct. Throws TrainError
 * `train_invalid_options` unless 0 <= c <= n and 1 <= k <= n (integers).
 */
export function passAtK(n: number, c: number, k: number): number {
    if (![n, c, k].every(Number.isSafeInteger) || c < 0 || c > n || k < 1 || k > n) {
        throw new TrainError("train_invalid_options", `pass@k needs integers 0 <= c <= n and 1 <= k <= n, got n=${n} c=${c} k=${k}`, {n, c, k});
    }
    if (n - c < k) return 1;
    let allWrong = 1;
    for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
    return 1 - allWrong;
}

/** The mean pass@k over items given as `{n, c}` (0 for no items). */
export function meanPassAtK(items: readonly {readonly n: number, readonly c: number}[], k: number): number {
    if (items.length === 0) return 0;
    return items.reduce((sum, item) => sum + passAtK(item.n, item.c, Math.min(k, item.n)), 0) / items.length;
}
