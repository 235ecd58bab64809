/**
 * The tokens our vocabulary adds to the learned BPE tokens. Control tokens are ChatML's
 * (`tokenize` parses them only in control text); user-defined tokens are the Hermes tool-call
 * envelope tags of the ChatML format (llama.cpp matches them in any text, so a call's
 * `<tool_call>` is one token the model writes, not five pieces).
 */
export const chatmlSpecialTokens = {
    /** End of text: BOS, padding. */
    endOfText: "<|endoftext|>",
    imStart: "<|im_start|>",
    /** End of turn: EOS and EOT. */
    imEnd: "<|im_end|>",
    control: ["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
    userDefined: ["<tool_call>", "</tool_call>", "<tool_response>", "</tool_response>"],
    /** Control then user-defined tokens, in the id order they get after the learned tokens. */
    all: ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<tool_call>", "</tool_call>", "<tool_response>", "</tool_response>"]
} as const;
