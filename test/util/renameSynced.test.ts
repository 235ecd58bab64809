import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {renameSynced} from "../../src/util/renameSynced.js";

const t = suite("renameSynced");

t("moves the finished file into place; a missing file is refused and the target left alone", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "toolace-rename-"));
    try {
        const temp = path.join(dir, "out.partial");
        const target = path.join(dir, "out");
        writeFileSync(target, "old");
        writeFileSync(temp, "new");
        await renameSynced(temp, target);
        assert.is(readFileSync(target, "utf8"), "new");
        assert.not.ok(existsSync(temp));
        await renameSynced(temp, target).then(() => assert.unreachable("renamed a missing file"), (error: NodeJS.ErrnoException) => assert.is(error.code, "ENOENT"));
        assert.is(readFileSync(target, "utf8"), "new");
    } finally {
        rmSync(dir, {recursive: true, force: true});
    }
});

t.run();
