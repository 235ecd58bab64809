import type {CallResult} from "../engine/CallResult.js";
import type {BfclEntry} from "./BfclEntry.js";
import type {BfclMode} from "./decodeBfclRound.js";
import {groundTruthToCalls} from "./groundTruthToCalls.js";
import {oracleCallResult} from "./oracleCallResult.js";
import {pyJsonDumps} from "./pyJsonDumps.js";
import {pyRepr} from "./pyRepr.js";
import {PyDict} from "./PyValue.js";

/**
 * What a perfect model would answer to a BFCL entry, written the way the mode's model writes:
 * the first ground-truth alternative ({@link groundTruthToCalls}) as tool calls with `.` in names
 * written `_` and JSON arguments (`fc`), or as one Python call list in text (`prompt`). Entries
 * without ground truth: irrelevance gets an answer with no call; live_relevance, which only asks
 * for some call, a call of its first function without arguments.
 */
export function bfclOracleAnswer(entry: BfclEntry, mode: BfclMode): CallResult {
    const first = entry.functions[0];
    const calls = entry.groundTruth !== undefined ? groundTruthToCalls(entry.groundTruth)
        : !entry.category.includes("irrelevance") && first !== undefined ? [{name: first.name, args: PyDict.empty}] : [];
    if (mode === "fc") {
        if (calls.length === 0) return oracleCallResult({text: "None of the functions applies."});
        return oracleCallResult({calls: calls.map((call) => ({name: call.name.replace(/\./g, "_"), arguments: pyJsonDumps(call.args)}))});
    }
    const text = calls.map((call) => `${call.name}(${call.args.entries().map(([key, value]) => `${String(key)}=${pyRepr(value)}`).join(", ")})`);
    return oracleCallResult({text: `[${text.join(", ")}]`});
}
