import {suite} from "uvu";
import * as assert from "uvu/assert";
import {roundTo} from "../../bench/support/roundTo.js";

const t = suite("roundTo");

t("rounds to the given decimal places", () => {
    assert.is(roundTo(0.71849, 3), 0.718);
    assert.is(roundTo(825.84, 1), 825.8);
    assert.is(roundTo(20.2849, 2), 20.28);
    assert.is(roundTo(7.5, 0), 8);
});

t.run();
