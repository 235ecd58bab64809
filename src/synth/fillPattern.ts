import type {SynthRandom} from "./SynthRandom.js";

const upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const lower = "abcdefghijkmnpqrstuvwxyz";
const hex = "0123456789abcdef";

/**
 * A random string shaped by `pattern`: `#` a digit, `A` an upper-case letter, `a` a lower-case
 * letter, `x` a lower-case hex digit, `X` an upper-case hex digit, `\\c` the character `c`; any
 * other character stands for itself. (I and O are left out of letters: they read like 1 and 0.)
 */
export function fillPattern(pattern: string, rng: SynthRandom): string {
    let out = "";
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i] as string;
        if (char === "\\" && i + 1 < pattern.length) {
            out += pattern[++i];
            continue;
        }
        switch (char) {
            case "#": out += String(rng.int(0, 9)); break;
            case "A": out += rng.pick([...upper]); break;
            case "a": out += rng.pick([...lower]); break;
            case "x": out += rng.pick([...hex]); break;
            case "X": out += rng.pick([...hex]).toUpperCase(); break;
            default: out += char;
        }
    }
    return out;
}
