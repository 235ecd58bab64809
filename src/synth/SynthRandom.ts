import {fnv1a} from "./fnv1a.js";

/**
 * A small deterministic random generator (sfc32, seeded through splitmix32) with the helpers the
 * synthesiser needs. `SynthRandom.forKey(seed, "train:17")` gives an independent stream per key,
 * so an item depends only on the seed and its own key, never on what was generated before it.
 */
export class SynthRandom {
    private a: number;
    private b: number;
    private c: number;
    private d: number;

    public constructor(seed: number) {
        let state = seed >>> 0;
        const next = (): number => {
            state = (state + 0x9e3779b9) >>> 0;
            let z = state;
            z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
            z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
            return (z ^ (z >>> 16)) >>> 0;
        };
        this.a = next();
        this.b = next();
        this.c = next();
        this.d = next();
        for (let i = 0; i < 8; i++) this.uint32();
    }

    /** A generator for `key` under `seed` (any safe integer seed). */
    public static forKey(seed: number, key: string): SynthRandom {
        const high = Math.floor(seed / 0x100000000) >>> 0;
        return new SynthRandom((fnv1a(key) ^ Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(high, 0x85ebca77)) >>> 0);
    }

    public uint32(): number {
        const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
        this.d = (this.d + 1) >>> 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) >>> 0;
        this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
        this.c = (this.c + t) >>> 0;
        return t;
    }

    /** Uniform in [0, 1). */
    public float(): number {
        return this.uint32() / 0x100000000;
    }

    /** Uniform integer in [min, max] (inclusive). */
    public int(min: number, max: number): number {
        if (max < min) throw new RangeError(`empty range ${min}..${max}`);
        return min + Math.floor(this.float() * (max - min + 1));
    }

    /** True with probability `p`. */
    public chance(p: number): boolean {
        return this.float() < p;
    }

    /** One element of a non-empty array. */
    public pick<T>(items: readonly T[]): T {
        if (items.length === 0) throw new RangeError("pick from an empty array");
        return items[Math.floor(this.float() * items.length)] as T;
    }

    /** An index chosen with probability proportional to `weights` (non-negative, not all zero). */
    public weighted(weights: readonly number[]): number {
        const total = weights.reduce((sum, w) => sum + w, 0);
        if (!(total > 0)) throw new RangeError("weights must not all be zero");
        let r = this.float() * total;
        for (let i = 0; i < weights.length; i++) {
            r -= weights[i] as number;
            if (r < 0) return i;
        }
        return weights.length - 1;
    }

    /** A shuffled copy (Fisher-Yates). */
    public shuffle<T>(items: readonly T[]): T[] {
        const out = [...items];
        for (let i = out.length - 1; i > 0; i--) {
            const j = Math.floor(this.float() * (i + 1));
            [out[i], out[j]] = [out[j] as T, out[i] as T];
        }
        return out;
    }

    /** `count` distinct elements (fewer when the array is shorter), in random order. */
    public sample<T>(items: readonly T[], count: number): T[] {
        if (count * 4 >= items.length) return this.shuffle(items).slice(0, count);
        const chosen = new Set<number>();
        while (chosen.size < count) chosen.add(Math.floor(this.float() * items.length));
        return [...chosen].map((index) => items[index] as T);
    }
}
