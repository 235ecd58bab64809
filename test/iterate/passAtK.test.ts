import {suite} from "uvu";
import * as assert from "uvu/assert";
import {meanPassAtK, passAtK} from "../../src/iterate/passAtK.js";
import {TrainError} from "../../src/train/TrainError.js";

const t = suite("passAtK");

/** 1 - C(n-c, k) / C(n, k) by counting subsets, for small n. */
function bruteForce(n: number, c: number, k: number): number {
    let all = 0;
    let hit = 0;
    for (let mask = 0; mask < 1 << n; mask++) {
        let bits = 0;
        let right = false;
        for (let i = 0; i < n; i++) {
            if ((mask & (1 << i)) === 0) continue;
            bits++;
            if (i < c) right = true;
        }
        if (bits !== k) continue;
        all++;
        if (right) hit++;
    }
    return hit / all;
}

t("equals the subset count 1 - C(n-c, k) / C(n, k) for every small case", () => {
    for (let n = 1; n <= 8; n++) {
        for (let c = 0; c <= n; c++) {
            for (let k = 1; k <= n; k++) assert.ok(Math.abs(passAtK(n, c, k) - bruteForce(n, c, k)) < 1e-12, `n=${n} c=${c} k=${k}`);
        }
    }
});

t("pass@1 is c/n; pass@n is 1 once any sample is right; none right is 0", () => {
    assert.ok(Math.abs(passAtK(8, 3, 1) - 3 / 8) < 1e-12);
    assert.is(passAtK(8, 1, 8), 1);
    assert.is(passAtK(8, 0, 8), 0);
    assert.is(passAtK(8, 8, 1), 1);
    assert.ok(passAtK(1000, 1, 10) > 0.0099 && passAtK(1000, 1, 10) < 0.0101, "large n stays exact");
});

t("the mean over items; bad counts are refused", () => {
    assert.ok(Math.abs(meanPassAtK([{n: 4, c: 0}, {n: 4, c: 2}, {n: 4, c: 4}], 1) - 0.5) < 1e-12);
    assert.ok(Math.abs(meanPassAtK([{n: 4, c: 0}, {n: 4, c: 2}, {n: 4, c: 4}], 4) - 2 / 3) < 1e-12);
    assert.is(meanPassAtK([], 4), 0);
    for (const [n, c, k] of [[4, 5, 1], [4, -1, 1], [4, 2, 0], [4, 2, 5], [4.5, 2, 1]] as const) {
        assert.throws(() => passAtK(n, c, k), (error: unknown) => error instanceof TrainError && error.code === "train_invalid_options", `n=${n} c=${c} k=${k}`);
    }
});

t.run();
