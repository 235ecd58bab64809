import {mkdtemp, readdir, readFile, rm, stat} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {suite} from "uvu";
import * as assert from "uvu/assert";
import {readGguf} from "../../src/model/readGguf.js";
import {defaultModelRecipe, type DefaultModelRecipe} from "../../src/train/defaultModelRecipe.js";
import {trainDefaultModel} from "../../src/train/trainDefaultModel.js";
import {TrainError} from "../../src/train/TrainError.js";

const t = suite("trainDefaultModel");

/** A tiny recipe of the same structure: every stage runs in seconds. */
const recipe: DefaultModelRecipe = {
    ...defaultModelRecipe,
    synth: {count: 100, seed: 3},
    tokenizer: {size: 512},
    model: {dim: 32, layers: 1, heads: 2, ffn: 64, ctx: 2048, seed: 1, ropeFreqBase: 10000, induction: false},
    train: {...defaultModelRecipe.train, passes: 3, passPeaks: [1e-3, 5e-4, 2.5e-4], windows: [512, 1024], warmupSteps: 5, copyCurriculum: {fromPass: 2, share: 0.5, length: 512}},
    refine: [{pool: {count: 60, firstIndex: 300}, poolLimit: 3, k: 2, iterations: 1, learningRate: 1e-4, devLimit: 2, maxStringLength: 8, maxTokens: 48, seed: 0}]
};
const stage = recipe.refine![0]!;

t("stopped mid-training it ships the checkpoint's weights; run again it resumes, finishes every phase and evaluates", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "toolace-default-model-"));
    try {
        const work = path.join(dir, "work");
        const modelOut = path.join(dir, "models", "default.gguf");
        const common = {workDir: work, modelOut, evalItems: 3, checkpointEvery: 4, recipe, sourcesDir: path.join(dir, "none")};
        const stop = new AbortController();
        const lines: string[] = [];
        const first = await trainDefaultModel({...common, signal: stop.signal, log: (line) => {
            lines.push(line);
            const progress = /^train: .* step (\d+)\/(\d+) /.exec(line);
            if (progress !== null && progress[1] !== progress[2]) stop.abort(); // in the middle of a phase
        }});
        assert.is(first.state, "paused");
        assert.ok(first.step >= 25 && first.step < first.totalSteps, `paused at ${first.step} of ${first.totalSteps}`);
        assert.ok(first.shipped?.source.includes(".checkpoint"), first.shipped?.source);
        assert.is((await stat(modelOut)).size, first.shipped?.bytes);
        assert.is(first.shipped?.quantization, "Q8_0");
        assert.ok((await readGguf(modelOut)).tensors.some((tensor) => tensor.typeName === "Q8_0"));
        assert.is(first.evaluation?.items, 3);
        assert.ok(lines.some((line) => line.startsWith("tokenizer: 512 tokens")));
        assert.ok(lines.some((line) => /^copy curriculum \(pass 2\): \d+ samples/.test(line)), "a recipe's copy curriculum joins its passes from fromPass on");
        assert.not.ok(lines.some((line) => /^copy curriculum \(pass [01]\)/.test(line)));
        assert.ok(lines.some((line) => /^phase \d+ \(pass 0\): .* lr 1\.00e-3 → /.test(line)), "pass 0 starts at its peak");

        const resumed: string[] = [];
        const second = await trainDefaultModel({...common, log: (line) => resumed.push(line)});
        assert.is(second.state, "done");
        assert.is(second.step, second.totalSteps);
        assert.is(second.totalSteps, first.totalSteps);
        for (const [pass, peak] of [[1, "5.00e-4"], [2, "2.50e-4"]] as const) {
            assert.ok([...lines, ...resumed].some((line) => line.includes(`(pass ${pass}): `) && line.includes(`lr ${peak} → `)), `pass ${pass} restarts its curve at its peak ${peak}`);
        }
        assert.not.ok(resumed.some((line) => line.startsWith("synth:") || line.startsWith("tokenizer:") || line.startsWith("init:")), "earlier stages are reused");
        assert.not.ok(lines.some((line) => line.startsWith("refine:")), "no refinement stage before SFT is done");
        assert.ok(resumed.some((line) => line.startsWith("synth (refinement pool): 60 items")));
        assert.ok(resumed.some((line) => /^refine: iteration 1: /.test(line)), "the refinement stage runs an iteration");
        assert.match(resumed.find((line) => line.startsWith("refine: best on dev is iteration")) ?? "", /iteration [01] \(/);
        assert.is(second.shipped?.source, path.join(work, "refine", "best.gguf"), "the refinement stage's best model is shipped");
        const report = JSON.parse(await readFile(path.join(work, "refine", "report.json"), "utf8")) as {base: string, iterations: unknown[]};
        assert.ok(report.base.endsWith("-1024.gguf") || report.base.endsWith("-512.gguf"), "it starts from the last SFT phase");
        assert.is(report.iterations.length, 2);

        const again: string[] = [];
        const third = await trainDefaultModel({...common, evalItems: 0, log: (line) => again.push(line)});
        assert.is(third.state, "done");
        assert.is(third.shipped?.source, second.shipped?.source);
        assert.not.ok(again.some((line) => /^refine: iteration 1: (sampling|training)/.test(line)), "a finished refinement stage is not run again");

        const more: string[] = [];
        const fourth = await trainDefaultModel({...common, evalItems: 0, recipe: {...recipe, refine: [{...stage, iterations: 2}]}, log: (line) => more.push(line)});
        assert.is(fourth.state, "done");
        assert.ok(more.some((line) => line.startsWith("recipe: refinement iterations 1 → 2")), more.join("\n"));
        assert.not.ok(more.some((line) => /^refine: iteration 1: (sampling|training)/.test(line)), "iteration 1 is reused");
        const grown = JSON.parse(await readFile(path.join(work, "refine", "report.json"), "utf8")) as {iterations: unknown[], state: string};
        assert.ok(grown.iterations.length === 3 || grown.state !== "iterations", `a second iteration ran or the run stopped by itself (${grown.state})`);

        // A second stage on the same pool (more of its items) starts from the first stage's best model.
        const staged: string[] = [];
        const fifth = await trainDefaultModel({...common, evalItems: 0, recipe: {...recipe, refine: [{...stage, iterations: 2}, {...stage, poolLimit: 4, seed: 1, refinementCorpus: false}]}, log: (line) => staged.push(line)});
        assert.is(fifth.state, "done");
        assert.ok(staged.some((line) => line.startsWith("recipe: refinement stages 1 → 2")), staged.join("\n"));
        assert.not.ok(staged.some((line) => line.startsWith("synth (refinement pool")), "the stages share the pool");
        assert.ok(staged.some((line) => line.startsWith(`refine-2: stage 2 of 2 from ${path.join(work, "refine", "best.gguf")}`)), staged.join("\n"));
        assert.is(fifth.shipped?.source, path.join(work, "refine-2", "best.gguf"), "the last stage's best model is shipped");
        const stage2 = JSON.parse(await readFile(path.join(work, "refine-2", "report.json"), "utf8")) as {base: string, pool: {items: number}};
        assert.is(stage2.base, path.join(work, "refine", "best.gguf"));
        assert.is(stage2.pool.items, 4);
        const stage2Config = JSON.parse(await readFile(path.join(work, "refine-2", "config.json"), "utf8")) as {refinementCorpus: boolean};
        assert.is(stage2Config.refinementCorpus, false, "a stage may leave out the self-refinement conversations");
        try {
            await trainDefaultModel({...common, evalItems: 0, recipe: {...recipe, refine: [{...stage, iterations: 3}, {...stage, poolLimit: 4, seed: 1, refinementCorpus: false}]}});
            assert.unreachable("an earlier stage's iteration count changed after a later stage ran");
        } catch (error) {
            assert.instance(error, TrainError);
            assert.is((error as TrainError).code, "train_recipe_mismatch");
        }
        // A third stage on a pool of its own: synthesised into its own folder, from stage 2's best model.
        const thirdLog: string[] = [];
        const stages = [{...stage, iterations: 2}, {...stage, poolLimit: 4, seed: 1, refinementCorpus: false}, {...stage, pool: {count: 60, firstIndex: 400}, seed: 2, refinementCorpus: false, select: "all" as const, minLearningRate: 1e-5}];
        const sixth = await trainDefaultModel({...common, evalItems: 0, recipe: {...recipe, refine: stages}, log: (line) => thirdLog.push(line)});
        assert.is(sixth.state, "done");
        assert.ok(thirdLog.some((line) => line.startsWith("synth (refinement pool of stage 3")), thirdLog.join("\n"));
        const stage3 = JSON.parse(await readFile(path.join(work, "refine-3", "report.json"), "utf8")) as {base: string, pool: {file: string}};
        assert.is(stage3.base, path.join(work, "refine-2", "best.gguf"));
        assert.is(sixth.shipped?.source, path.join(work, "refine-3", "best.gguf"));
        assert.ok((await readdir(path.join(work, "refine-pool-3"))).includes("train.jsonl"));
        const stage3Config = JSON.parse(await readFile(path.join(work, "refine-3", "config.json"), "utf8")) as {select: string, minLearningRate: number};
        assert.is(stage3Config.select, "all", "a stage may train every pool item (plain SFT on fresh items)");
        assert.is(stage3Config.minLearningRate, 1e-5);
        const files = await readdir(work);
        assert.ok(files.includes(`eval-step-${second.step}.json`));
        assert.not.ok(files.some((file) => file.endsWith(".checkpoint")), "finished phases remove their checkpoints");
        const evaluation = JSON.parse(await readFile(path.join(work, `eval-step-${second.step}.json`), "utf8")) as {items: number, state: string};
        assert.is(evaluation.items, 3);
        assert.is(evaluation.state, "done");

        try {
            await trainDefaultModel({...common, workDir: path.join(dir, "other"), recipe: {...recipe, train: {...recipe.train, passPeaks: [1e-3]}}});
            assert.unreachable("one peak for three passes");
        } catch (error) {
            assert.instance(error, TrainError);
            assert.is((error as TrainError).code, "train_invalid_options");
            assert.match((error as TrainError).message, /passPeaks/);
        }
        try {
            await trainDefaultModel({...common, recipe: {...recipe, synth: {count: 101, seed: 3}}});
            assert.unreachable("another recipe in the same folder");
        } catch (error) {
            assert.instance(error, TrainError);
            assert.is((error as TrainError).code, "train_recipe_mismatch");
        }
    } finally {
        await rm(dir, {recursive: true, force: true});
    }
});

t.run();
