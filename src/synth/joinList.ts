/** `a`, `a and b`, `a, b and c` (or with an Oxford comma, or `or`), for lists in requests. */
export function joinList(items: readonly string[], conjunction = "and", oxford = false): string {
    if (items.length <= 1) return items[0] ?? "";
    if (items.length === 2) return `${items[0]} ${conjunction} ${items[1]}`;
    return `${items.slice(0, -1).join(", ")}${oxford ? "," : ""} ${conjunction} ${items[items.length - 1]}`;
}
