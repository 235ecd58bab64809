import {suite} from "uvu";
import * as assert from "uvu/assert";
import {SeededRandom} from "../../src/model/SeededRandom.js";

const t = suite("SeededRandom");

const take = (random: SeededRandom, n: number) => Array.from({length: n}, () => random.nextUint32());

t("the same seed and key give the same stream; others differ", () => {
    assert.equal(take(new SeededRandom(42), 8), take(new SeededRandom(42), 8));
    assert.not.equal(take(new SeededRandom(42), 8), take(new SeededRandom(43), 8));
    assert.equal(take(SeededRandom.forKey(1, "blk.0.attn_q.weight"), 8), take(SeededRandom.forKey(1, "blk.0.attn_q.weight"), 8));
    assert.not.equal(take(SeededRandom.forKey(1, "blk.0.attn_q.weight"), 8), take(SeededRandom.forKey(1, "blk.0.attn_k.weight"), 8));
    assert.not.equal(take(SeededRandom.forKey(1, "w"), 8), take(SeededRandom.forKey(2 ** 32 + 1, "w"), 8), "seeds beyond 32 bits matter");
    // a fixed value guards against accidental changes of the generator (test models are cached by options)
    assert.equal(take(new SeededRandom(0), 3), [3809008728, 1133695204, 53579671]);
});

t("uniform floats stay in [0, 1); normal samples have mean 0 and the requested deviation", () => {
    const random = new SeededRandom(7);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
        const value = random.nextFloat();
        min = Math.min(min, value);
        max = Math.max(max, value);
    }
    assert.ok(min >= 0 && min < 0.001 && max < 1 && max > 0.999);
    const samples = new Float32Array(200_000);
    new SeededRandom(9).fillNormal(samples, 0.02);
    const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
    const std = Math.sqrt(samples.reduce((sum, value) => sum + (value - mean) ** 2, 0) / samples.length);
    assert.ok(Math.abs(mean) < 0.0002, `mean ${mean}`);
    assert.ok(Math.abs(std - 0.02) < 0.0002, `std ${std}`);
    const beyond3 = samples.filter((value) => Math.abs(value) > 0.06).length / samples.length;
    assert.ok(Math.abs(beyond3 - 0.0027) < 0.0008, `tail mass ${beyond3}`);
    assert.ok(samples.every(Number.isFinite));
});

t.run();
