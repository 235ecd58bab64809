import {suite} from "uvu";
import * as assert from "uvu/assert";
import {splitCommandLine} from "../../src/mcp/splitCommandLine.js";

const t = suite("splitCommandLine");

t("splits with shell quoting", () => {
    assert.equal(splitCommandLine(`npx -y @modelcontextprotocol/server-filesystem "/my dir" 'it''s'`, "--mcp"), {command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/my dir", "its"]});
    assert.equal(splitCommandLine("  node   server.js  ", "--mcp"), {command: "node", args: ["server.js"]});
});

t("refuses what needs a shell, and empty lines", () => {
    for (const line of ["a | b", "a > log", "a && b", "a $HOME", "a *.js", "", "   "])
        assert.throws(() => splitCommandLine(line, "--mcp"), (error: Error) => /--mcp/.test(error.message), line);
});

t.run();
