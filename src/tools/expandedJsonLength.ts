/**
 * The length of `JSON.stringify(value)` for a JSON value whose objects and arrays may be shared
 * (a normalised schema inlines every `$ref` to the same object), computed without writing it:
 * each shared object is measured once (`memo`), so a value that would expand exponentially is
 * measured in time linear in its distinct objects.
 */
export function expandedJsonLength(value: unknown, memo: WeakMap<object, number>): number {
    if (value === null) return 4;
    switch (typeof value) {
        case "string":
            return JSON.stringify(value).length;
        case "number":
        case "boolean":
            return JSON.stringify(value).length;
        case "object": {
            const known = memo.get(value);
            if (known !== undefined) return known;
            let length: number;
            if (Array.isArray(value)) {
                length = 2 + Math.max(0, value.length - 1);
                for (const item of value) length += expandedJsonLength(item, memo);
            } else {
                const entries = Object.entries(value).filter(([, item]) => item !== undefined);
                length = 2 + Math.max(0, entries.length - 1);
                for (const [key, item] of entries) length += JSON.stringify(key).length + 1 + expandedJsonLength(item, memo);
            }
            memo.set(value, length);
            return length;
        }
        default:
            return 0;
    }
}
