import type {PoolTool} from "./PoolTool.js";
import type {ToolSourceName} from "./ToolSourceName.js";
import type {SynthRandom} from "./SynthRandom.js";
import type {SynthSplit} from "./SynthSplit.js";
import type {SynthToolPool} from "./SynthToolPool.js";
import {toolTokens} from "./toolTokens.js";

/** How often each source provides an item's main tool (renormalised over the sources present). */
export const sourceWeights: Readonly<Record<ToolSourceName, number>> = {
    "generated": 0.5, "glaive": 0.1, "reason": 0.08, "api-bank": 0.16, "toolalpaca": 0.08, "toolalpaca-catalog": 0.08
};

/**
 * Draws tools of one split: main tools by source weight, distractors among a tool's
 * neighbours (then its domain, then anything), and tools unrelated to a given set.
 */
export class ToolSampler {
    private readonly groups: PoolTool[][];
    private readonly weights: number[];
    private readonly all: PoolTool[];
    private readonly byDomain = new Map<string, PoolTool[]>();

    public constructor(private readonly pool: SynthToolPool, public readonly split: SynthSplit) {
        this.all = pool.tools.filter((tool) => tool.split === split);
        const bySource = new Map<ToolSourceName, PoolTool[]>();
        for (const tool of this.all) {
            const group = bySource.get(tool.source);
            if (group === undefined) bySource.set(tool.source, [tool]);
            else group.push(tool);
            const domain = this.byDomain.get(tool.domain);
            if (domain === undefined) this.byDomain.set(tool.domain, [tool]);
            else domain.push(tool);
        }
        this.groups = [...bySource.values()];
        this.weights = [...bySource.keys()].map((source) => sourceWeights[source]);
    }

    public get size(): number {
        return this.all.length;
    }

    /** A main tool satisfying `accept` (up to 40 draws), or undefined. */
    public target(rng: SynthRandom, accept: (tool: PoolTool) => boolean = () => true): PoolTool | undefined {
        if (this.all.length === 0) return undefined;
        for (let attempt = 0; attempt < 40; attempt++) {
            const tool = rng.pick(this.groups[rng.weighted(this.weights)] as PoolTool[]);
            if (accept(tool)) return tool;
        }
        return undefined;
    }

    /** `count` tools similar to `tool` (none of the excluded families or names), best candidates first, shuffled among themselves. */
    public distractors(tool: PoolTool, count: number, rng: SynthRandom, exclude: readonly PoolTool[]): PoolTool[] {
        const families = new Set([tool.family, ...exclude.map((item) => item.family)]);
        const names = new Set([tool.definition.name, ...exclude.map((item) => item.definition.name)]);
        const out: PoolTool[] = [];
        const take = (candidates: readonly PoolTool[]): void => {
            for (const candidate of candidates) {
                if (out.length >= count) return;
                if (families.has(candidate.family) || names.has(candidate.definition.name)) continue;
                if (candidate.source === "toolalpaca-catalog" && tool.source !== "toolalpaca-catalog") continue;
                if (this.sameJob(tool, candidate)) continue;
                families.add(candidate.family);
                names.add(candidate.definition.name);
                out.push(candidate);
            }
        };
        const neighbours = this.pool.neighbours.get(tool) ?? [];
        take(rng.shuffle(neighbours.slice(0, Math.max(count * 2, 4))));
        take(rng.shuffle(this.byDomain.get(tool.domain) ?? []));
        for (let attempt = 0; out.length < count && attempt < 4; attempt++) take(rng.sample(this.all, count * 3));
        return out;
    }

    /**
     * True when `b` looks like it does `a`'s job under another name: the content words of their
     * names are equal, or one contains the other and their descriptions overlap a lot. Such a
     * tool would make a "choose the right tool" item ambiguous.
     */
    public sameJob(a: PoolTool, b: PoolTool): boolean {
        const nameA = toolTokens({...a.definition, description: ""});
        const nameB = toolTokens({...b.definition, description: ""});
        if (nameA.size === 0 || nameB.size === 0) return false;
        const aInB = [...nameA].every((token) => nameB.has(token));
        const bInA = [...nameB].every((token) => nameA.has(token));
        if (aInB && bInA) return true;
        if (!aInB && !bInA) return false;
        const tokensA = this.pool.tokens.get(a) ?? new Set<string>();
        const tokensB = this.pool.tokens.get(b) ?? new Set<string>();
        let shared = 0;
        for (const token of tokensA) if (tokensB.has(token)) shared++;
        return shared / (tokensA.size + tokensB.size - shared || 1) > 0.3;
    }

    /** True when `a` and `b` share no content word and no domain: neither can serve the other's requests. */
    public unrelated(a: PoolTool, b: PoolTool): boolean {
        if (a.domain === b.domain || a.family === b.family) return false;
        const tokens = this.pool.tokens.get(a);
        const other = this.pool.tokens.get(b);
        if (tokens === undefined || other === undefined) return false;
        for (const token of tokens) if (other.has(token)) return false;
        return true;
    }
}
