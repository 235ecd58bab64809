import path from "node:path";
import type {CommandModule} from "yargs";
import {loadCheckerVectors} from "../../eval/CheckerVector.js";
import {resolveBfclDataDir} from "../../eval/resolveBfclDataDir.js";
import {scoreCheckerVectors} from "../../eval/scoreCheckerVectors.js";

interface EvalCheckArgs {
    data?: string;
    vectors?: string;
    show: number;
}

/**
 * `toolace-r eval check --data DIR --vectors FILE`: replays BFCL's golden checker verdicts through
 * this scorer. Prints `{"agree": N, "total": M}`; the first disagreements go to stderr; exits 0
 * only when every row agrees.
 */
export const EvalCheckCommand: CommandModule<object, EvalCheckArgs> = {
    command: "check",
    describe: "Check the BFCL scorer against BFCL's own verdicts (golden checker vectors)",
    builder: (yargs) => yargs
        .option("data", {type: "string", describe: "BFCL data folder (default: $TOOLACE_SHARED/data/bfcl or ../shared/data/bfcl)"})
        .option("vectors", {type: "string", describe: "Vector file (default: DATA/golden_checker_vectors.jsonl)"})
        .option("show", {type: "number", default: 5, describe: "How many disagreements to print on stderr"}),
    // async: yargs hands a rejected handler's error to reportCliError (a synchronous throw escapes it).
    handler: async (args) => {
        const dataDir = resolveBfclDataDir(args.data);
        const report = scoreCheckerVectors(dataDir, loadCheckerVectors(args.vectors ?? path.join(dataDir, "golden_checker_vectors.jsonl")));
        process.stdout.write(`${JSON.stringify({agree: report.agree, total: report.total})}\n`);
        process.stderr.write(`error_type also agrees on ${report.errorTypeAgree} of ${report.total}\n`);
        for (const row of report.disagreements.slice(0, args.show)) {
            process.stderr.write(`disagree: ${row.id} (${row.variant}) expected ${JSON.stringify(row.expected)} got ${JSON.stringify(row.got)}\n`);
        }
        if (report.agree !== report.total) process.exitCode = 1;
    }
};
