/**
 * Time to the first answer delta of a streamed chat completion: from sending the request to the
 * first server-sent chunk that carries `content` text or a `tool_calls` delta (role chunks and
 * other events do not count), and to the end of the stream. Throws on a non-200 answer.
 */
export async function streamFirstDelta(url: string, body: Record<string, unknown>): Promise<{firstMs: number | undefined, totalMs: number}> {
    const started = performance.now();
    const response = await fetch(url, {method: "POST", headers: {"content-type": "application/json"}, body: JSON.stringify({...body, stream: true})});
    if (response.status !== 200) throw new Error(`streamed request answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let firstMs: number | undefined;
    for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, {stream: true});
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (firstMs !== undefined) continue;
            const data = event.split("\n").filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).join("");
            if (data === "" || data === "[DONE]") continue;
            const delta = (JSON.parse(data) as {choices?: {delta?: {content?: string | null, tool_calls?: unknown[]}}[]}).choices?.[0]?.delta;
            if ((typeof delta?.content === "string" && delta.content !== "") || (delta?.tool_calls?.length ?? 0) > 0) firstMs = performance.now() - started;
        }
    }
    return {firstMs, totalMs: performance.now() - started};
}
