import {suite} from "uvu";
import * as assert from "uvu/assert";
import {peakRssBytes} from "../../bench/support/peakRssBytes.js";

const t = suite("peakRssBytes");

t("this process: a positive byte count", () => {
    assert.ok(peakRssBytes()! > 1024 * 1024);
});

t("another process: VmHWM of its status, in bytes; undefined when unreadable", () => {
    const status = "Name:\tnode\nVmPeak:\t 2000 kB\nVmHWM:\t  176000 kB\nVmRSS:\t  150000 kB\n";
    assert.is(peakRssBytes(42, () => status), 176000 * 1024);
    assert.is(peakRssBytes(42, () => "Name:\tnode\n"), undefined);
    assert.is(peakRssBytes(42, () => {
        throw new Error("ENOENT");
    }), undefined);
});

t.run();
