import {suite} from "uvu";
import * as assert from "uvu/assert";
import {chooseThreads, libuvPoolSize} from "../../src/engine/chooseThreads.js";

const t = suite("chooseThreads");
const MiB = 1024 * 1024;

t("one thread for tiny models; every core from 32 MiB with a pool of one thread, from 128 MiB with Node's default pool", () => {
    assert.is(chooseThreads(7 * MiB, 2, 1), 1);
    assert.is(chooseThreads(98 * MiB, 2, 1), 2);
    assert.is(chooseThreads(98 * MiB, 2, 4), 1);
    assert.is(chooseThreads(253 * MiB, 2, 4), 2);
    assert.is(chooseThreads(253 * MiB, 8, 1), 8);
});

t("libuvPoolSize reads UV_THREADPOOL_SIZE, else Node's default of 4", () => {
    assert.is(libuvPoolSize({UV_THREADPOOL_SIZE: "1"}), 1);
    assert.is(libuvPoolSize({UV_THREADPOOL_SIZE: "16"}), 16);
    assert.is(libuvPoolSize({}), 4);
    assert.is(libuvPoolSize({UV_THREADPOOL_SIZE: "lots"}), 4);
});

t.run();
