/**
 * Architectures whose llama.cpp graph puts GELU (plain or gated: GEGLU) in every feed-forward
 * (src/models/*.cpp of the bundled llama.cpp: bert, bloom, codeshell, falcon, the gemma family,
 * gpt2, gptneox, grok, mpt, phi2, starcoder, starcoder2, t5). ggml has no backward pass for GELU, and
 * llama_opt_epoch aborts the whole process on the first training step of such a model (found on
 * Gemma 3 270M: "unsupported glu op for backward pass: GEGLU"). The local build adds that backward
 * pass (native/patches/llama-gelu-backward.diff); with a library that lacks it (the prebuilt
 * binaries) the trainer refuses these architectures first. SwiGLU models (llama, mistral,
 * qwen2/3, smollm, granite, phi3, ...) train everywhere.
 */
export const GELU_ARCHITECTURES: ReadonlySet<string> = new Set([
    "bert", "nomic-bert", "nomic-bert-moe", "jina-bert-v2", "bloom", "codeshell", "falcon",
    "gemma", "gemma2", "gemma3", "gemma3n", "gemma-embedding", "gemma4",
    "gpt2", "gptneox", "grok", "mpt", "phi2", "starcoder", "starcoder2", "t5", "t5encoder"
]);
