import {nameWords} from "./nameWords.js";
import type {NumberProfile} from "./NumberProfile.js";
import {clipProfile} from "./clipProfile.js";

type Rule = readonly [RegExp, NumberProfile, NumberProfile];

/** [name pattern, profile for integer parameters, profile for number parameters]. */
const rules: readonly Rule[] = [
    [/\byear\b/, {min: 1990, max: 2031, decimals: 0}, {min: 1990, max: 2031, decimals: 0}],
    [/\bage\b/, {min: 1, max: 95, decimals: 0}, {min: 1, max: 95, decimals: 0}],
    [/\b(lat|latitude)\b/, {min: -60, max: 70, decimals: 0}, {min: -60, max: 70, decimals: 4}],
    [/\b(lon|lng|long|longitude)\b/, {min: -170, max: 170, decimals: 0}, {min: -170, max: 170, decimals: 4}],
    [/\bport\b/, {min: 1024, max: 65535, decimals: 0}, {min: 1024, max: 65535, decimals: 0}],
    [/\b(rate|interest|percent|percentage|tip|discount|tax|apr|growth|ratio|probability|humidity)\b/, {min: 2, max: 30, decimals: 0}, {min: 0.5, max: 30, decimals: 2}],
    [/\b(price|amount|cost|salary|income|budget|balance|revenue|total|bill|payment|fee|loan|principal|value|deposit|investment|expenses|profit|spend|capital|rent)\b/, {min: 5, max: 5000, decimals: 0}, {min: 5, max: 5000, decimals: 2}],
    [/\b(weight|mass)\b/, {min: 1, max: 150, decimals: 0}, {min: 0.5, max: 150, decimals: 1}],
    [/\bheight\b/, {min: 140, max: 200, decimals: 0}, {min: 1.45, max: 2.05, decimals: 2}],
    [/\b(temperature|temp)\b/, {min: -20, max: 45, decimals: 0}, {min: -20, max: 45, decimals: 1}],
    [/\b(speed|velocity)\b/, {min: 1, max: 300, decimals: 0}, {min: 0.5, max: 300, decimals: 1}],
    [/\b(distance|length|width|radius|side|base|depth|diameter|perimeter|altitude|elevation|area)\b/, {min: 1, max: 500, decimals: 0}, {min: 0.5, max: 500, decimals: 2}],
    [/\b(duration|hours|minutes|seconds|days|months|weeks|term|period|time|years|nights|interval|timeout)\b/, {min: 1, max: 60, decimals: 0}, {min: 0.5, max: 48, decimals: 1}],
    [/\b(page|offset)\b/, {min: 1, max: 12, decimals: 0}, {min: 1, max: 12, decimals: 0}],
    [/\b(limit|max|results|top|size)\b/, {min: 3, max: 50, decimals: 0}, {min: 3, max: 50, decimals: 0}],
    [/\b(count|number|num|quantity|guests|people|persons|passengers|players|copies|servings|rooms|seats|adults|children|items|n)\b/, {min: 1, max: 12, decimals: 0}, {min: 1, max: 12, decimals: 0}],
    [/\b(score|rating|stars)\b/, {min: 1, max: 10, decimals: 0}, {min: 1, max: 5, decimals: 1}],
    [/\b(volume|pressure|energy|force|power|voltage|current|resistance|frequency|density|concentration|charge|ph)\b/, {min: 1, max: 1000, decimals: 0}, {min: 0.1, max: 1000, decimals: 2}]
];

/**
 * A plausible range for a numeric parameter, from its name (integer or not), clipped to the
 * schema's bounds. Number parameters get decimals unless the quantity is a count or a year.
 */
export function inferNumberProfile(name: string, integer: boolean, bounds: {minimum?: number, maximum?: number, exclusiveMinimum?: number, exclusiveMaximum?: number} = {}): NumberProfile {
    const words = nameWords(name, true).join(" ");
    const rule = rules.find(([pattern]) => pattern.test(words));
    const base: NumberProfile = rule !== undefined ? {...(integer ? rule[1] : rule[2])} : integer ? {min: 1, max: 100, decimals: 0} : {min: 0.5, max: 250, decimals: 2};
    return clipProfile(base, bounds, integer);
}
