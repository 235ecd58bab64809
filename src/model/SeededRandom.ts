/**
 * A small deterministic random generator (xoshiro128**, seeded through splitmix32) with normal
 * samples by Box-Muller. `SeededRandom.forKey(seed, "blk.0.attn_q.weight")` gives an independent
 * stream per key, so a tensor's values depend only on the seed and its name, not on write order.
 */
export class SeededRandom {
    private s0: number;
    private s1: number;
    private s2: number;
    private s3: number;
    private spareNormal: number | undefined;

    public constructor(seed: number) {
        let state = seed >>> 0;
        const splitmix32 = (): number => {
            state = (state + 0x9e3779b9) >>> 0;
            let z = state;
            z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
            z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
            return (z ^ (z >>> 16)) >>> 0;
        };
        this.s0 = splitmix32();
        this.s1 = splitmix32();
        this.s2 = splitmix32();
        this.s3 = splitmix32();
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    }

    /** A generator for `key` under `seed` (the key is hashed with FNV-1a and mixed with the seed). */
    public static forKey(seed: number, key: string): SeededRandom {
        let hash = 0x811c9dc5;
        for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
        const high = Math.floor(seed / 0x100000000);
        return new SeededRandom((hash ^ Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(high >>> 0, 0x85ebca77)) >>> 0);
    }

    public nextUint32(): number {
        const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
        const t = this.s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = rotl(this.s3, 11);
        return result;
    }

    /** Uniform in [0, 1). */
    public nextFloat(): number {
        return this.nextUint32() / 0x100000000;
    }

    /** Standard normal sample. */
    public nextNormal(): number {
        if (this.spareNormal !== undefined) {
            const spare = this.spareNormal;
            this.spareNormal = undefined;
            return spare;
        }
        const u = 1 - this.nextFloat(); // (0, 1]: log(u) is finite
        const v = this.nextFloat();
        const radius = Math.sqrt(-2 * Math.log(u));
        this.spareNormal = radius * Math.sin(2 * Math.PI * v);
        return radius * Math.cos(2 * Math.PI * v);
    }

    /** Fills `target` with normal samples of standard deviation `std` (mean 0). */
    public fillNormal(target: Float32Array, std: number): void {
        for (let i = 0; i < target.length; i++) target[i] = this.nextNormal() * std;
    }
}

function rotl(x: number, k: number): number {
    return (x << k) | (x >>> (32 - k));
}
