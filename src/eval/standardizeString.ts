/**
 * BFCL's `standardize_string`: drops spaces and the characters `,./-_*^`, lowercases, and turns
 * `'` into `"`, so "April 1, 2024" and "april 1 2024" compare equal.
 */
export function standardizeString(text: string): string {
    return text.replace(/[ ,./\-_*^]/g, "").toLowerCase().replace(/'/g, "\"");
}
