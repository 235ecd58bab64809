import {suite} from "uvu";
import * as assert from "uvu/assert";
import {formatTable} from "../../bench/support/formatTable.js";

const t = suite("formatTable");

t("pads columns, right-aligns numbers, rounds fractions by size", () => {
    const table = formatTable(["model", "tok/s", "ratio"], [["default", 462.4, 0.9012], ["larger", 146, 12.345]]);
    assert.is(table, [
        "model    tok/s  ratio",
        "-------  -----  -----",
        "default    462   0.90",
        "larger     146   12.3"
    ].join("\n"));
});

t("missing cells are empty and non-finite numbers are written out", () => {
    assert.is(formatTable(["a", "b"], [["x"], ["y", Number.NaN]]), ["a  b", "-  ---", "x", "y  NaN"].join("\n"));
});

t.run();
