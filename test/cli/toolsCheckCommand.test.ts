import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {runCli} from "../helpers/runCli.js";

const t = suite("toolace-r tools check");

t("prints every tool's verdict as JSON; exit 0 only when all compile", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "toolace-tools-check-"));
    try {
        const good = path.join(dir, "good.json");
        writeFileSync(good, JSON.stringify([{type: "function", function: {name: "find", parameters: {type: "object", properties: {zip: {type: "string", pattern: "^[0-9]{5}\\b"}}}}}]));
        const ok = await runCli(["tools", "check", "--tools", good]);
        assert.is(ok.code, 0, ok.stderr);
        assert.equal(JSON.parse(ok.stdout), {tools: [{name: "find", ok: true, relaxed: [{path: "$.parameters.properties.zip", keyword: "pattern", action: "ignored"}]}]});
        const bad = path.join(dir, "bad.json");
        writeFileSync(bad, JSON.stringify([{type: "function", function: {name: "f", parameters: {type: "object", properties: {a: {$ref: "#/$defs/none"}}}}}]));
        const refused = await runCli(["tools", "check", "--tools", bad]);
        assert.is(refused.code, 1);
        assert.match(JSON.parse(refused.stdout).tools[0].error, /does not resolve/);
        const missing = await runCli(["tools", "check", "--tools", path.join(dir, "none.json")]);
        assert.is.not(missing.code, 0);
        assert.match(missing.stderr, /none\.json/);
    } finally {
        rmSync(dir, {recursive: true, force: true});
    }
});

t.run();
