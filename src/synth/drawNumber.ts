/**
 * A random number in `[min, max]` with `decimals` decimal places, as a value whose JavaScript
 * text (`String(value)`) is exactly what a request should show. With decimals, the value has a
 * non-zero fractional part whenever the range allows it, so that JSON keeps it visibly a float.
 */
export function drawNumber(min: number, max: number, decimals: number, unit: number): number {
    const scale = Math.pow(10, decimals);
    const low = Math.ceil(min * scale);
    const high = Math.floor(max * scale);
    if (high < low) return Number(min.toFixed(decimals));
    let scaled = low + Math.floor(unit * (high - low + 1));
    if (decimals > 0 && scaled % scale === 0) {
        if (scaled + 5 * Math.pow(10, decimals - 1) <= high) scaled += 5 * Math.pow(10, decimals - 1);
        else if (scaled - 5 * Math.pow(10, decimals - 1) >= low) scaled -= 5 * Math.pow(10, decimals - 1);
    }
    return Number((scaled / scale).toFixed(decimals));
}
