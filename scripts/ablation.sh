#!/usr/bin/env bash
# The ToolACE-R ablation on a model (issue: model-aware iterative training), reported like the paper's:
#   (a) plain SFT on the pool, (b) + model-aware iterative selection, (c) + the self-refinement corpus;
# each evaluated without refinement (round 0) and with adaptive refinement on the held-out synthetic
# test split (unseen tools) and on BFCL non-live. Every step is resumable: run it again to continue.
#
#   scripts/ablation.sh BASE.gguf SYNTH_DIR POOL_DIR OUT_DIR
#
# BASE.gguf   F32 model to start from (model dequantize turns a shipped Q8_0 into one)
# SYNTH_DIR   synth output whose test.jsonl is the held-out test (the base model's own data)
# POOL_DIR    synth output of fresh training items (synth --first-index), its train.jsonl is the pool
# Sizes: ABL_POOL (pool items, default 600), ABL_K (8), ABL_ITER (2), ABL_DEV (100 dev items), ABL_TEST (200; "all": the
#        whole test split), ABL_BFCL (20 per category; "all": every item), ABL_LR (1e-4), ABL_THREADS (1: small models generate fastest on one thread),
#        ABL_TRAIN_THREADS (threads of the training steps; default ABL_THREADS).
set -euo pipefail
base=$1; synth=$2; pool=$3; out=$4
POOL=${ABL_POOL:-600}; K=${ABL_K:-8}; ITER=${ABL_ITER:-2}; DEV=${ABL_DEV:-100}; TEST=${ABL_TEST:-200}; BFCL=${ABL_BFCL:-20}; LR=${ABL_LR:-1e-4}; THREADS=${ABL_THREADS:-1}; TRAIN_THREADS=${ABL_TRAIN_THREADS:-$THREADS}
test_limit=(); [ "$TEST" = all ] || test_limit=(--limit "$TEST")
bfcl_limit=(); [ "$BFCL" = all ] || bfcl_limit=(--limit "$BFCL")
cli="node $(dirname "$0")/../dist/src/cli/main.js"
mkdir -p "$out/eval"
common=(--pool "$pool/train.jsonl" --dev "$pool/dev.jsonl" -k "$K" --pool-limit "$POOL" --dev-limit "$DEV" --lr "$LR" --threads "$THREADS" --train-threads "$TRAIN_THREADS" --max-string-length 64)
run_arm() {  # name, then train iterate flags
    local name=$1; shift
    $cli train iterate "${common[@]}" --model "$base" --out "$out/$name" "$@" >&2
}
run_arm a-sft --select all --no-refinement-corpus --iterations 1
run_arm b-model-aware --select model-aware --no-refinement-corpus --iterations "$ITER"
run_arm c-refinement --select model-aware --iterations "$ITER"
for arm in base a-sft b-model-aware c-refinement; do
    model=$base
    # The arm's last trained model (best.gguf may be the base itself when no iteration beat it on dev).
    if [ "$arm" != base ]; then
        trained=$(ls "$out/$arm"/iter-*/model.gguf 2>/dev/null | sort -V | tail -1 || true)
        if [ -n "$trained" ]; then model=$trained
        else echo "ablation: arm $arm trained no model (see $out/$arm/report.md: a model that solves no pool item selects none); evaluating the base" >&2
        fi
    fi
    $cli eval synth --model "$model" --items "$synth/test.jsonl" "${test_limit[@]}" --out "$out/eval/$arm-synth" --max-rounds 3 --threads "$THREADS" --max-string-length 64 > "$out/eval/$arm-synth.json"
    # One adaptive run gives both columns: its round 0 is the answer without refinement (same greedy tokens).
    $cli eval bfcl --model "$model" --categories simple_python,multiple,parallel,parallel_multiple,irrelevance "${bfcl_limit[@]}" \
        --refine adaptive --max-tokens 384 --threads "$THREADS" --no-progress --out "$out/eval/$arm-bfcl" > "$out/eval/$arm-bfcl.json"
done
node -e '
const fs = require("fs"), path = require("path");
const dir = path.join(process.argv[1], "eval");
const pct = (x) => (100 * x).toFixed(1);
const rows = ["base", "a-sft", "b-model-aware", "c-refinement"].map((arm) => {
    const s = JSON.parse(fs.readFileSync(path.join(dir, `${arm}-synth.json`), "utf8"));
    const bfcl = JSON.parse(fs.readFileSync(path.join(dir, `${arm}-bfcl.json`), "utf8"));
    const right = (v, r) => r === "off" ? Math.round(v.byRound[0] * v.total) : v.correct;
    const cats = (r) => Object.entries(bfcl.categories).map(([c, v]) => `${c} ${right(v, r)}/${v.total}`).join(", ");
    // Extra tokens per item of adaptive refinement: rounds >= 1, input and output, over every item evaluated.
    const report = JSON.parse(fs.readFileSync(path.join(dir, `${arm}-synth`, "report.json"), "utf8"));
    const extra = report.perRound.filter((r) => r.round >= 1).reduce((sum, r) => sum + r.items * (r.meanInputTokens + r.meanOutputTokens), 0) / s.items;
    return `| ${arm} | ${pct(s.accuracyOff)} | ${pct(s.accuracyAdaptive)} | ${(100 * (s.accuracyAdaptive - s.accuracyOff)).toFixed(1)} | ${s.meanRounds.toFixed(2)} | ${extra.toFixed(0)} | ${s.wrongToRight}/${s.rightToWrong} | ${cats("off")} | ${cats("adaptive")} |`;
});
console.log("| model | synth test off % | adaptive % | adaptive − off (points) | mean rounds | extra tokens/item | wrong→right / right→wrong | BFCL off | BFCL adaptive |");
console.log("|---|---|---|---|---|---|---|---|---|");
console.log(rows.join("\n"));
' "$out"
