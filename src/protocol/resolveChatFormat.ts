import {type LlamaModel, resolveChatWrapper} from "node-llama-cpp";
import type {ChatFormat, ChatFormatName} from "./ChatFormat.js";
import {chatmlFormat} from "./formats/chatmlFormat.js";
import {llama3Format} from "./formats/llama3Format.js";
import {genericFormat} from "./formats/genericFormat.js";
import {ToolaceError} from "../errors/ToolaceError.js";

/** Is `text` a single special token of this model's vocabulary? */
function isSingleToken(model: LlamaModel, text: string): boolean {
    return model.tokenize(text, true).length === 1;
}

/**
 * Picks the chat format of a model: from its Jinja chat template when it has one (ChatML or
 * Llama 3 markers), else from node-llama-cpp's chat-wrapper detection, else the generic
 * fallback, which ends assistant turns with the model's own end-of-generation token.
 */
export function resolveChatFormat(model: LlamaModel, override?: ChatFormatName): {format: ChatFormat, reason: string} {
    const chatml = isSingleToken(model, "<|im_start|>") && isSingleToken(model, "<|im_end|>");
    const llama3 = isSingleToken(model, "<|start_header_id|>") && isSingleToken(model, "<|eot_id|>");
    const fallback = (): ChatFormat => {
        const end = model.tokens.eotString ?? model.tokens.eosString;
        if (end == null || end === "")
            throw new ToolaceError("no_end_token", "the model has no end-of-generation token, so no chat format can end an assistant turn");
        return genericFormat(end);
    };
    if (override != null) {
        if (override === "chatml" && !chatml) throw new ToolaceError("chat_format", "chat format chatml needs <|im_start|> and <|im_end|> tokens, which this model lacks");
        if (override === "llama3" && !llama3) throw new ToolaceError("chat_format", "chat format llama3 needs <|start_header_id|> and <|eot_id|> tokens, which this model lacks");
        const format = override === "chatml" ? chatmlFormat : override === "llama3" ? llama3Format : fallback();
        return {format, reason: "requested"};
    }
    const template = model.fileInfo.metadata.tokenizer?.chat_template;
    if (typeof template === "string" && template !== "") {
        if (template.includes("<|im_start|>") && chatml) return {format: chatmlFormat, reason: "chat template uses ChatML"};
        if (template.includes("<|start_header_id|>") && llama3) return {format: llama3Format, reason: "chat template uses Llama 3 headers"};
    }
    let wrapperName = "";
    try {
        wrapperName = resolveChatWrapper(model, {noJinja: true, warningLogs: false}).wrapperName;
    } catch {
        // detection is best effort; the fallback below covers every model
    }
    if (/chatml|qwen/i.test(wrapperName) && chatml) return {format: chatmlFormat, reason: `node-llama-cpp detects ${wrapperName}`};
    if (/llama ?3/i.test(wrapperName) && llama3) return {format: llama3Format, reason: `node-llama-cpp detects ${wrapperName}`};
    if (template == null && chatml) return {format: chatmlFormat, reason: "no chat template; the vocabulary has ChatML tokens"};
    return {format: fallback(), reason: template == null ? "no chat template" : `unknown chat template (${wrapperName || "undetected"})`};
}
