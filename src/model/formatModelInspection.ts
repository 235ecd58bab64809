import type {ModelInspection} from "./inspectModel.js";

/** The readable (non-JSON) form of `model inspect`. */
export function formatModelInspection(inspection: ModelInspection): string {
    const lines: string[] = [];
    const row = (label: string, value: string): void => {
        lines.push(`${label.padEnd(14)}${value}`);
    };
    const count = (n: number): string => n.toLocaleString("en-US");
    const known = (n: number | null): string => n === null ? "?" : String(n);

    row("file", `${inspection.file} (${formatBytes(inspection.bytes)}, GGUF v${inspection.ggufVersion})`);
    row("architecture", `${inspection.architecture ?? "(none)"}${inspection.name === null ? "" : ` — ${inspection.name}`}`);
    row("file type", inspection.fileType === null ? "(not set)" : `${inspection.fileType.name} (${inspection.fileType.id})`);
    const types = Object.entries(inspection.tensorTypes).map(([type, n]) => `${type} ${n}`).join(", ");
    row("parameters", `${count(inspection.params)} in ${inspection.tensors} tensors${types === "" ? "" : ` (${types})`}`);
    const headSize = inspection.dim !== null && inspection.heads ? `, head size ${inspection.dim / inspection.heads}` : "";
    row("sizes", `layers ${known(inspection.layers)}, dim ${known(inspection.dim)}, heads ${known(inspection.heads)} (kv ${known(inspection.kvHeads)}${headSize}), ffn ${known(inspection.ffn)}, ctx ${known(inspection.ctx)}`);
    if (inspection.tiedEmbeddings !== null) row("embeddings", inspection.tiedEmbeddings ? "tied (output uses token_embd)" : "separate output.weight");

    const tokenizer = inspection.tokenizer;
    if (tokenizer === null) {
        row("tokenizer", "(none)");
    } else {
        const flags = [
            tokenizer.addBos === null ? "" : `add_bos ${tokenizer.addBos}`,
            tokenizer.addEos === null ? "" : `add_eos ${tokenizer.addEos}`
        ].filter((flag) => flag !== "").join(", ");
        row("tokenizer", `${tokenizer.model}${tokenizer.pre === null ? "" : ` (pre ${tokenizer.pre})`}, ${count(tokenizer.vocabSize)} tokens, ${tokenizer.controlTokens} control${flags === "" ? "" : `, ${flags}`}`);
        const special = Object.entries(tokenizer.specialTokens).map(([label, token]) => `${label} ${token.id} ${token.text === null ? "(out of range)" : JSON.stringify(token.text)}`);
        row("special", special.length === 0 ? "(none)" : special.join(", "));
    }

    const template = inspection.chatTemplate;
    if (template === null) {
        row("chat template", "(none)");
    } else {
        row("chat template", `${template.lines} ${template.lines === 1 ? "line" : "lines"}, ${count(template.chars)} chars${template.named.length === 0 ? "" : `; also named: ${template.named.join(", ")}`}`);
        for (const line of template.head) lines.push(`  | ${line}`);
        if (template.lines > template.head.length) lines.push(`  | … ${template.lines - template.head.length} more lines`);
    }
    return `${lines.join("\n")}\n`;
}

function formatBytes(bytes: number): string {
    if (bytes < 1024) return `${bytes} B`;
    const units = ["KiB", "MiB", "GiB", "TiB"];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
