/**
 * Chat templates `initModel` can put into `tokenizer.chat_template`, with the tokens a vocabulary
 * must have (as single tokens) for the template to make sense.
 */
export const chatTemplates = {
    /** The common ChatML template (`<|im_start|>role\ncontent<|im_end|>\n`). */
    chatml: {
        template: "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}",
        requiredTokens: ["<|im_start|>", "<|im_end|>"]
    },
    /** Meta-Llama-3-Instruct's template (`<|start_header_id|>role<|end_header_id|>\n\ncontent<|eot_id|>`). */
    llama3: {
        template: "{% set loop_messages = messages %}{% for message in loop_messages %}"
            + "{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}"
            + "{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}",
        requiredTokens: ["<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]
    }
} as const;

export type ChatTemplateName = keyof typeof chatTemplates;
