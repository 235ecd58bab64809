import {suite} from "uvu";
import * as assert from "uvu/assert";
import {BenchArgs} from "../../bench/support/BenchArgs.js";

const t = suite("BenchArgs");

t("flags, numbers and strings with defaults", () => {
    const args = new BenchArgs(["--json", "--rounds", "4", "--model", "/tmp/m.gguf", "--no-larger"]);
    assert.ok(args.flag("json"));
    assert.not.ok(args.flag("larger"));
    assert.not.ok(args.flag("verbose"));
    assert.is(args.number("rounds", 3), 4);
    assert.is(args.number("repeat", 2), 2);
    assert.is(args.string("model"), "/tmp/m.gguf");
    assert.is(args.string("vocab"), undefined);
    assert.is(args.string("vocab", "qwen2"), "qwen2");
});

t("bad values say which option is wrong", () => {
    assert.throws(() => new BenchArgs(["--rounds", "many"]).number("rounds", 3), /--rounds must be a number of at least 0/);
    assert.throws(() => new BenchArgs(["--rounds", "0"]).number("rounds", 3, 1), /at least 1/);
    assert.throws(() => new BenchArgs(["--rounds"]).number("rounds", 3), /--rounds needs a value/);
    assert.throws(() => new BenchArgs(["--model", "--json"]).string("model"), /--model needs a value/);
});

t.run();
