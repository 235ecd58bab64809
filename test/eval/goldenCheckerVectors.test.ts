import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {loadCheckerVectors} from "../../src/eval/CheckerVector.js";
import {scoreCheckerVectors, type VectorDisagreement} from "../../src/eval/scoreCheckerVectors.js";
import {sharedBfclData} from "./sharedBfclData.js";
import {withShared} from "../helpers/sharedData.js";

const t = suite("golden checker vectors");
const dataDir = sharedBfclData("golden checker vectors");

function show(rows: readonly VectorDisagreement[]): string {
    return rows.slice(0, 5).map((row) => `${row.id} (${row.variant}): expected ${JSON.stringify(row.expected)} got ${JSON.stringify(row.got)}`).join("\n");
}

withShared(t, dataDir, "the shared BFCL data")("every one of BFCL's 11,545 verdicts is reproduced, valid and error_type", () => {
    const dir = dataDir as string;
    const vectors = loadCheckerVectors(path.join(dir, "golden_checker_vectors.jsonl"));
    assert.is(vectors.length, 11545);
    const report = scoreCheckerVectors(dir, vectors);
    assert.is(report.agree, report.total, `valid disagrees on ${report.total - report.agree} rows:\n${show(report.disagreements)}`);
    assert.is(report.errorTypeAgree, report.total, `error_type disagrees on ${report.total - report.errorTypeAgree} rows:\n${show(report.errorTypeDisagreements)}`);
});

t.run();
