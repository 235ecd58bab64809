import type {GbnfRuleSet} from "./GbnfRuleSet.js";
import {gbnfRepetition} from "./gbnfRepetition.js";

/**
 * One character of a JSON string: anything but `"`, `\` and control characters, or an escape.
 * `\u` escapes of UTF-16 surrogates are excluded, so every character is one code point (what
 * JSON Schema's length counts) and no lone surrogate can appear.
 */
const jsonCharBody = String.raw`[^"\\\x00-\x1F\x7F] | "\\" (["\\/bfnrt] | "u" ([0-9a-cA-Ce-fE-F] [0-9a-fA-F]{3} | [dD] [0-7] [0-9a-fA-F]{2}))`;

/** Adds (once) the rule for one character of a JSON string (written as itself or escaped) and returns its name. */
export function jsonCharRule(rules: GbnfRuleSet): string {
    return rules.add("json-char", jsonCharBody);
}

/** Adds (once) the rule for a JSON string of `min` to `max` characters and returns its name. */
export function jsonStringRule(rules: GbnfRuleSet, min: number, max: number | undefined): string {
    const char = jsonCharRule(rules);
    const name = min === 0 && max === undefined ? "json-string" : `json-string-${min}-${max ?? "up"}`;
    return rules.add(name, `"\\"" ${gbnfRepetition(char, min, max)} "\\""`.replace("  ", " "));
}
