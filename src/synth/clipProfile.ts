import type {NumberProfile} from "./NumberProfile.js";

/** `profile` restricted to the schema bounds; the bounds alone when the two do not overlap. */
export function clipProfile(profile: NumberProfile, bounds: {minimum?: number, maximum?: number, exclusiveMinimum?: number, exclusiveMaximum?: number}, integer: boolean): NumberProfile {
    const step = integer ? 1 : Math.pow(10, -Math.max(profile.decimals, 1));
    let low = bounds.minimum ?? (bounds.exclusiveMinimum !== undefined ? bounds.exclusiveMinimum + step : undefined);
    let high = bounds.maximum ?? (bounds.exclusiveMaximum !== undefined ? bounds.exclusiveMaximum - step : undefined);
    if (integer) {
        if (low !== undefined) low = Math.ceil(low);
        if (high !== undefined) high = Math.floor(high);
    }
    let min = Math.max(profile.min, low ?? -Infinity);
    let max = Math.min(profile.max, high ?? Infinity);
    if (min > max) {
        min = low ?? (high !== undefined ? high - 100 : profile.min);
        max = high ?? min + 100;
    }
    const decimals = integer ? 0 : profile.decimals;
    return {min, max, decimals};
}
