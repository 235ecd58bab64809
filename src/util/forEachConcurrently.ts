/**
 * Runs `work` on every item, at most `limit` at once, starting them in item order. When a call
 * throws, no further item starts; the calls in flight finish and the first error is thrown. A
 * `shouldStop` that returns true also stops new items from starting (the ones in flight finish).
 * Returns how many items were started.
 */
export async function forEachConcurrently<T>(
    items: readonly T[],
    limit: number,
    work: (item: T, index: number) => Promise<void>,
    shouldStop: () => boolean = () => false
): Promise<number> {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`the concurrency limit must be a positive integer, got ${limit}`);
    let next = 0;
    let failure: {error: unknown} | undefined;
    const lane = async (): Promise<void> => {
        while (failure === undefined && next < items.length && !shouldStop()) {
            const index = next++;
            try {
                await work(items[index]!, index);
            } catch (error) {
                failure ??= {error};
            }
        }
    };
    await Promise.all(Array.from({length: Math.min(limit, items.length)}, lane));
    if (failure !== undefined) throw failure.error;
    return next;
}
