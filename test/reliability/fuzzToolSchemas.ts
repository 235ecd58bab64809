/**
 * Test helper: the seeded schema fuzzing run shared by the `npm test` suite and the reliability
 * benchmark: schema `i` of seed `s` is `randomToolSchema` drawn from its own random stream, so a
 * failure reported as `seed s schema i` reproduces alone. Half the schemas compile with caps on
 * strings and arrays (as weak models use), half without.
 */
import type {GrammarOptions} from "../../src/tools/GrammarOptions.js";
import {seededRandom} from "../tools/gbnfSample.js";
import {randomToolSchema} from "./randomToolSchema.js";
import {type FuzzTally, SchemaFuzzer} from "./SchemaFuzzer.js";

export interface FuzzRun {
    count: number;
    seed: number;
    /** Texts drawn from each compiled grammar. */
    samplesPerSchema: number;
    /** llama.cpp parses the grammar of every `llamaEvery`-th schema and checks its texts (1: all). */
    llamaEvery: number;
    /** Starts at this schema index (to reproduce one). */
    first?: number;
}

const capped: GrammarOptions = {maxStringLength: 8, maxArrayItems: 3};

/** The random stream of schema `index` of `seed`. */
export function schemaRandom(seed: number, index: number): () => number {
    return seededRandom((Math.imul(seed, 0x9e3779b1) + Math.imul(index, 0x85ebca6b)) >>> 0);
}

export async function fuzzToolSchemas(run: FuzzRun): Promise<FuzzTally> {
    const fuzzer = new SchemaFuzzer(run.samplesPerSchema);
    const first = run.first ?? 0;
    for (let index = first; index < first + run.count; index++) {
        const random = schemaRandom(run.seed, index);
        const raw = randomToolSchema(random);
        const options = random() < 0.5 ? {} : capped;
        await fuzzer.check(raw, random, `seed ${run.seed} schema ${index}`, index % run.llamaEvery === 0, options);
    }
    return fuzzer.tally;
}
