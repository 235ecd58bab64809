import {BfclDataError} from "./BfclDataError.js";
import type {BfclEntry} from "./BfclEntry.js";
import {loadBfclCategory} from "./bfclData.js";
import {checkCalls} from "./checkCalls.js";
import type {CheckerVector} from "./CheckerVector.js";
import type {CheckResult} from "./CheckResult.js";
import {decodedCallsFromPyValue} from "./DecodedCall.js";

export interface VectorDisagreement {
    readonly id: string;
    readonly variant: string;
    readonly expected: {readonly valid: boolean, readonly errorType: string | null};
    readonly got: {readonly valid: boolean, readonly errorType: string | null, readonly error?: string};
}

export interface VectorAgreement {
    /** Rows whose `valid` this checker reproduces. */
    readonly agree: number;
    readonly total: number;
    /** Rows whose `valid` and `error_type` both match. */
    readonly errorTypeAgree: number;
    /** Rows where `valid` differs, in file order. */
    readonly disagreements: readonly VectorDisagreement[];
    /** Rows where `valid` matches but `error_type` does not. */
    readonly errorTypeDisagreements: readonly VectorDisagreement[];
}

/**
 * Scores every vector with {@link checkCalls} against the questions and answers of its category
 * in `dataDir`, and compares with BFCL's recorded verdict. A decoded output that is not a list of
 * `{name: {args}}` gets BFCL's `ast_decoder:decoder_wrong_output_format`. Throws
 * {@link BfclDataError} when a vector names an entry the data does not have.
 */
export function scoreCheckerVectors(dataDir: string, vectors: readonly CheckerVector[]): VectorAgreement {
    const entries = new Map<string, BfclEntry>();
    for (const category of new Set(vectors.map((v) => v.category))) {
        for (const entry of loadBfclCategory(dataDir, category)) entries.set(entry.id, entry);
    }
    let agree = 0;
    let errorTypeAgree = 0;
    const disagreements: VectorDisagreement[] = [];
    const errorTypeDisagreements: VectorDisagreement[] = [];
    for (const vector of vectors) {
        const entry = entries.get(vector.id);
        if (entry === undefined) {
            throw new BfclDataError("bfcl_misaligned", `vector ${vector.id} (${vector.variant}) names no entry of category ${vector.category} in ${dataDir}`,
                {id: vector.id, category: vector.category});
        }
        const result = scoreVector(entry, vector);
        const got = {valid: result.valid, errorType: result.errorType ?? null, ...(result.error === undefined ? {} : {error: result.error})};
        const row = {id: vector.id, variant: vector.variant, expected: {valid: vector.valid, errorType: vector.errorType}, got};
        if (result.valid !== vector.valid) {
            disagreements.push(row);
            continue;
        }
        agree++;
        if (got.errorType === vector.errorType) errorTypeAgree++;
        else errorTypeDisagreements.push(row);
    }
    return {agree, total: vectors.length, errorTypeAgree, disagreements, errorTypeDisagreements};
}

function scoreVector(entry: BfclEntry, vector: CheckerVector): CheckResult {
    const calls = decodedCallsFromPyValue(vector.decoded);
    if (calls === undefined) {
        return {valid: false, errorType: "ast_decoder:decoder_wrong_output_format", error: "Did not output in the specified format."};
    }
    return checkCalls({
        category: vector.category,
        functions: entry.functions,
        ...(entry.groundTruth === undefined ? {} : {groundTruth: entry.groundTruth}),
        calls,
        underscoreToDot: vector.underscoreToDot,
    });
}
