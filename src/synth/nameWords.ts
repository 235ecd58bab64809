/**
 * The words of an identifier or phrase, lower-case: `startDate`, `start_date`, `math.start-date`
 * and `Start date` all give `["start", "date"]` (after the namespace for dotted names: the last
 * segment only when `lastSegment`).
 */
export function nameWords(name: string, lastSegment = false): string[] {
    const base = lastSegment && name.includes(".") ? name.slice(name.lastIndexOf(".") + 1) : name;
    return base
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter((word) => word !== "")
        .map((word) => word.toLowerCase());
}
