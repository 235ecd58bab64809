import {existsSync} from "node:fs";
import {expandToolSpec} from "./expandToolSpec.js";
import {normalizeSourceTool} from "./normalizeSourceTool.js";
import type {PoolTool} from "./PoolTool.js";
import type {ToolSourceName} from "./ToolSourceName.js";
import {readApiBankTools} from "./readApiBankTools.js";
import {readGlaiveTools} from "./readGlaiveTools.js";
import {readReasonTools} from "./readReasonTools.js";
import {readToolAlpacaCatalog} from "./readToolAlpacaCatalog.js";
import {readToolAlpacaTools} from "./readToolAlpacaTools.js";
import type {SourceRead} from "./SourceRead.js";
import type {SourceReport} from "./SourceReport.js";
import {domainSpecs} from "./specs/domainSpecs.js";
import type {SynthToolPool} from "./SynthToolPool.js";
import {toolTokens} from "./toolTokens.js";
import {camelCase} from "./camelCase.js";

export interface ToolPoolOptions {
    /** Directory of the training sources (`data/train` layout); undefined or missing: generated tools only. */
    sourcesDir?: string;
    seed: number;
}

const readers: ReadonlyArray<readonly [ToolSourceName, (dir: string) => SourceRead]> = [
    ["glaive", readGlaiveTools],
    ["reason", readReasonTools],
    ["api-bank", readApiBankTools],
    ["toolalpaca", readToolAlpacaTools],
    ["toolalpaca-catalog", readToolAlpacaCatalog]
];

/** How many neighbours each tool keeps, and the similarity above which two tools count as the same function. */
const neighbourCount = 12;
const sameFunction = 0.6;

/**
 * Builds the tool pool: tools read from the training sources (each source parsed robustly;
 * what cannot be normalised is skipped and counted, repeated names kept once) and the tools
 * expanded from the hand-written domain specs (renamed with their namespace where a source tool
 * already has the name). Each tool's split comes from its name (source) or family (generated)
 * and the seed. Missing sources leave a notice and a generated-only pool.
 */
export function toolPool(options: ToolPoolOptions): SynthToolPool {
    const {sourcesDir, seed} = options;
    const tools: PoolTool[] = [];
    const names = new Set<string>();
    const notices: string[] = [];
    const sources: SourceReport[] = [];
    const haveSources = sourcesDir !== undefined && existsSync(sourcesDir);
    if (sourcesDir === undefined) notices.push("no sources directory given: the pool has generated tools only");
    else if (!haveSources) notices.push(`sources directory ${sourcesDir} not found: the pool has generated tools only`);

    for (const [source, read] of readers) {
        const report: SourceReport = {source, files: [], candidates: 0, kept: 0, duplicates: 0, skipped: 0, skipReasons: {}};
        sources.push(report);
        if (!haveSources) continue;
        let found: SourceRead;
        try {
            found = read(sourcesDir);
        } catch (error) {
            report.skipped++;
            report.skipReasons[`unreadable: ${(error as Error).message.slice(0, 60)}`] = 1;
            notices.push(`${source}: could not read (${(error as Error).message})`);
            continue;
        }
        report.files = found.files;
        if (found.files.length === 0) notices.push(`${source}: no files found under ${sourcesDir}`);
        for (const problem of found.problems) {
            report.skipped++;
            report.skipReasons[problem] = (report.skipReasons[problem] ?? 0) + 1;
        }
        report.candidates = found.candidates.length;
        for (const candidate of found.candidates) {
            if (typeof candidate.name === "string" && names.has(candidate.name)) {
                report.duplicates++;
                continue;
            }
            const tool = normalizeSourceTool(candidate, seed);
            if ("skip" in tool) {
                report.skipped++;
                report.skipReasons[tool.skip] = (report.skipReasons[tool.skip] ?? 0) + 1;
                continue;
            }
            names.add(tool.definition.name);
            tools.push(tool);
            report.kept++;
        }
    }

    let generatedSpecs = 0;
    let generatedRenamed = 0;
    for (const domain of domainSpecs) {
        for (const spec of domain.tools) {
            generatedSpecs++;
            for (const tool of expandToolSpec(domain, spec, seed)) {
                let name = tool.definition.name;
                if (names.has(name)) {
                    name = name.includes(".") ? `${domain.namespace}_${name.replace(/\./g, "_")}` : /_/.test(name) || name === spec.name ? `${domain.namespace}_${name}` : camelCase(`${domain.namespace}_${name}`);
                    generatedRenamed++;
                }
                if (names.has(name)) continue;
                names.add(name);
                tools.push({...tool, definition: {...tool.definition, name}});
            }
        }
    }

    const tokens = new Map<PoolTool, Set<string>>();
    for (const tool of tools) tokens.set(tool, toolTokens(tool.definition));
    return {tools, sources, generatedSpecs, generatedRenamed, notices, neighbours: findNeighbours(tools, tokens), tokens};
}

/** Per tool, the most similar tools (Jaccard of content words) of its split and another family. */
function findNeighbours(tools: readonly PoolTool[], tokens: ReadonlyMap<PoolTool, Set<string>>): Map<PoolTool, PoolTool[]> {
    const neighbours = new Map<PoolTool, PoolTool[]>();
    const postings = new Map<string, number[]>();
    tools.forEach((tool, index) => {
        for (const token of tokens.get(tool) ?? []) {
            const list = postings.get(`${tool.split}:${token}`);
            if (list === undefined) postings.set(`${tool.split}:${token}`, [index]);
            else list.push(index);
        }
    });
    tools.forEach((tool, index) => {
        const own = tokens.get(tool) ?? new Set<string>();
        const shared = new Map<number, number>();
        for (const token of own) {
            const list = postings.get(`${tool.split}:${token}`) ?? [];
            if (list.length > 400) continue;
            for (const other of list) if (other !== index) shared.set(other, (shared.get(other) ?? 0) + 1);
        }
        const scored: Array<[number, number]> = [];
        for (const [other, count] of shared) {
            const candidate = tools[other] as PoolTool;
            if (candidate.family === tool.family) continue;
            const size = (tokens.get(candidate)?.size ?? 0) + own.size - count;
            const score = size === 0 ? 0 : count / size;
            if (score >= sameFunction) continue;
            scored.push([other, score]);
        }
        scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        neighbours.set(tool, scored.slice(0, neighbourCount).map(([other]) => tools[other] as PoolTool));
    });
    return neighbours;
}
