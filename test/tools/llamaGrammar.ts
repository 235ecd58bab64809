/**
 * Test helper: llama.cpp's own GBNF parser and matcher through node-llama-cpp (CPU only, no
 * model needed). `compileGrammar` throws with llama.cpp's parse error; `grammarAccepts` asks
 * llama.cpp whether a whole text matches (node-llama-cpp's `isTextCompatible`, which feeds the
 * text's code points to `llama_grammar_accept` and checks that a stack completed).
 */
import {getLlama, type Llama, LlamaLogLevel, type LlamaGrammar} from "node-llama-cpp";

let llama: Promise<Llama> | undefined;
const logs: string[] = [];

function sharedLlama(): Promise<Llama> {
    llama ??= getLlama({
        gpu: false,
        logLevel: LlamaLogLevel.error,
        logger: (_level, message) => {
            logs.push(message);
            if (logs.length > 50) logs.shift();
        }
    });
    return llama;
}

export async function compileGrammar(grammar: string): Promise<LlamaGrammar> {
    const instance = await sharedLlama();
    logs.length = 0;
    try {
        return await instance.createGrammar({grammar});
    } catch (error) {
        throw new Error(`llama.cpp rejected the grammar: ${logs.join(" ").trim() || String(error)}\n${grammar.slice(0, 2000)}`);
    }
}

/** Whether llama.cpp's grammar engine accepts exactly `text`. */
export function grammarAccepts(grammar: LlamaGrammar, text: string): boolean {
    return (grammar as unknown as {_testText(text: string): boolean})._testText(text);
}
