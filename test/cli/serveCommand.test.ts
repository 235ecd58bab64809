import {spawn} from "node:child_process";
import {createServer} from "node:net";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {cliPath, runCli} from "../helpers/runCli.js";

const t = suite("toolace-r serve");

t("listens on a loopback port, answers, and closes cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [cliPath, "serve", "--port", "0", "--api-key", "k1"], {stdio: ["ignore", "pipe", "pipe"]});
    let stderr = "";
    const address = await new Promise<string>((resolve, reject) => {
        child.stderr.on("data", (data: Buffer) => {
            stderr += data.toString("utf8");
            const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
            if (match) resolve(match[1]!);
        });
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    try {
        const response = await fetch(`${address}/v1/chat/completions`, {
            method: "POST", headers: {"content-type": "application/json", authorization: "Bearer k1"},
            body: JSON.stringify({messages: [{role: "user", content: "weather in Oslo"}], tools: [{type: "function", function: {name: "get_weather", parameters: {type: "object", properties: {city: {type: "string"}}, required: ["city"]}}}], tool_choice: "required", refine: "off"})
        });
        assert.is(response.status, 200);
        const body = await response.json() as {choices: {message: {tool_calls: {function: {name: string}}[]}}[]};
        assert.is(body.choices[0]!.message.tool_calls[0]!.function.name, "get_weather");
    } finally {
        const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
        child.kill("SIGTERM");
        assert.is(await exited, 0, stderr);
    }
    assert.match(stderr, /1 requests admitted, 0 refused as busy, 0 cancelled/);
});

t("a port in use and bad flags are clear errors with a non-zero exit", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as {port: number}).port;
    try {
        const busy = await runCli(["serve", "--port", String(port)]);
        assert.is.not(busy.code, 0);
        assert.match(busy.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}.*EADDRINUSE`));
    } finally {
        blocker.close();
    }
    const bad = await runCli(["serve", "--parallel", "0"]);
    assert.is(bad.code, 2);
    assert.match(bad.stderr, /--parallel must be an integer/);
});

t.run();
