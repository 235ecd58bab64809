import type {PoolTool} from "./PoolTool.js";
import type {SourceReport} from "./SourceReport.js";

/**
 * Every tool the synthesiser can use, with what was learnt building it. `neighbours` lists, per
 * tool, the most similar tools of the same split and another family (best first: distractors);
 * `tokens` holds each tool's content words (to tell unrelated tools apart).
 */
export interface SynthToolPool {
    tools: PoolTool[];
    /** One report per training source, in reading order (also for absent sources). */
    sources: SourceReport[];
    /** Hand-written specs expanded into the generated tools. */
    generatedSpecs: number;
    /** Generated tools renamed (namespace prefix) because a source tool had their name. */
    generatedRenamed: number;
    notices: string[];
    neighbours: Map<PoolTool, PoolTool[]>;
    tokens: Map<PoolTool, Set<string>>;
}
