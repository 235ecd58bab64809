import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {runCli} from "../helpers/runCli.js";

const t = suite("toolace-r tools sample");

t("prints N argument objects a line, valid against the schema; exit 1 when a relaxed keyword is broken; bad input is a clear error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "toolace-sample-"));
    try {
        const file = path.join(dir, "tools.json");
        writeFileSync(file, JSON.stringify([
            {type: "function", function: {name: "book", parameters: {type: "object", properties: {
                when: {type: "string", format: "date"}, zip: {type: "string", pattern: "^[0-9]{5}$"}, seats: {type: "integer", minimum: 1, maximum: 9}
            }, required: ["when", "zip", "seats"]}}},
            {type: "function", function: {name: "tag", parameters: {type: "object", properties: {tags: {type: "array", items: {enum: ["a", "b"]}, minItems: 2, uniqueItems: true}}, required: ["tags"]}}}
        ]));
        const ok = await runCli(["tools", "sample", "--tools", file, "--name", "book", "--n", "12", "--seed", "4"]);
        assert.is(ok.code, 0, ok.stderr);
        const lines = ok.stdout.trim().split("\n").map((line) => JSON.parse(line) as {when: string, zip: string, seats: number});
        assert.is(lines.length, 12);
        for (const args of lines) {
            assert.match(args.when, /^\d{4}-\d{2}-\d{2}$/);
            assert.match(args.zip, /^\d{5}$/);
            assert.ok(args.seats >= 1 && args.seats <= 9);
        }
        const again = await runCli(["tools", "sample", "--tools", file, "--name", "book", "--n", "12", "--seed", "4"]);
        assert.is(again.stdout, ok.stdout, "the same seed draws the same objects");

        const relaxed = await runCli(["tools", "sample", "--tools", file, "--name", "tag", "--n", "30", "--seed", "1"]);
        assert.is(relaxed.code, 1, "uniqueItems is relaxed: some draws repeat an item");
        assert.match(relaxed.stderr, /samples break the tool's schema.*duplicate items/);

        const missing = await runCli(["tools", "sample", "--tools", file, "--name", "nope"]);
        assert.is.not(missing.code, 0);
        assert.match(missing.stderr, /no tool named "nope" \(the tools are book, tag\)/);
        const badN = await runCli(["tools", "sample", "--tools", file, "--name", "book", "--n", "0"]);
        assert.is.not(badN.code, 0);
        assert.match(badN.stderr, /--n must be a positive integer/);
    } finally {
        rmSync(dir, {recursive: true, force: true});
    }
});

t.run();
