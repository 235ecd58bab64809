import {suite} from "uvu";
import * as assert from "uvu/assert";
import {copyCurriculumSamples, type CopyCurriculumOptions} from "../../src/train/copyCurriculumSamples.js";
import {TrainError} from "../../src/train/TrainError.js";

const t = suite("copyCurriculumSamples");
const options: CopyCurriculumOptions = {count: 6, tokens: Array.from({length: 200}, (_, i) => 100 + i), bos: 1, separator: 2, end: 3, maxLength: 256, seed: 9};

t("deterministic, bounded, BOS first, a copy under every trained token", () => {
    const samples = copyCurriculumSamples(options);
    assert.equal(copyCurriculumSamples(options), samples, "same options, same samples");
    assert.not.equal(copyCurriculumSamples({...options, seed: 10}), samples);
    assert.is(samples.length, 6);
    for (const [index, sample] of samples.entries()) {
        assert.is(sample.tokens.length, sample.trainMask.length);
        assert.ok(sample.tokens.length <= 256 && sample.tokens.length > 128, `sample ${index}: ${sample.tokens.length} tokens`);
        assert.is(sample.tokens[0], 1);
        assert.is(sample.trainMask[0], false);
        const trained = sample.trainMask.filter(Boolean).length;
        assert.ok(trained > 40, `sample ${index} trains ${trained} tokens`);
    }
});

t("repeat samples: each trained token repeats the token one segment back", () => {
    const sample = copyCurriculumSamples(options)[0]!;
    // Walk the segments: a segment of n tokens is followed by its copy.
    let p = 1;
    while (p < sample.tokens.length) {
        let n = 1;
        while (sample.trainMask[p + n + 1] !== true) n++;
        const first = sample.tokens.slice(p, p + n);
        const second = sample.tokens.slice(p + n, p + 2 * n);
        assert.equal(second, first, `segment at ${p}`);
        assert.equal(sample.trainMask.slice(p, p + 2 * n), [...first.map(() => false), false, ...first.slice(1).map(() => true)]);
        p += 2 * n;
    }
});

t("lookup samples: each trained value is the one its key has in the dictionary", () => {
    const sample = copyCurriculumSamples(options)[1]!;
    const text = sample.tokens.slice(1);
    const mask = sample.trainMask.slice(1);
    const firstTrained = mask.indexOf(true);
    // Dictionary entries: key SEP value END.
    const dictionary = new Map<string, string>();
    let entry: number[] = [];
    const queryStart = text.lastIndexOf(3, firstTrained) + 1;
    for (const token of text.slice(0, queryStart)) {
        if (token !== 3) { entry.push(token); continue; }
        const sep = entry.indexOf(2);
        dictionary.set(entry.slice(0, sep).join(), entry.slice(sep + 1).join());
        entry = [];
    }
    assert.ok(dictionary.size >= 10, `${dictionary.size} pairs`);
    let queries = 0;
    let p = queryStart;
    while (p < text.length) {
        const sep = text.indexOf(2, p);
        const end = text.indexOf(3, sep);
        assert.is(dictionary.get(text.slice(p, sep).join()), text.slice(sep + 1, end).join(), `query at ${p}`);
        assert.ok(mask.slice(p, sep + 1).every((m) => !m) && mask.slice(sep + 1, end + 1).every(Boolean));
        queries++;
        p = end + 1;
    }
    assert.ok(queries >= 5, `${queries} queries`);
});

t("bad options are refused", () => {
    assert.throws(() => copyCurriculumSamples({...options, count: -1}), (error: unknown) => error instanceof TrainError && /count/.test(error.message));
    assert.throws(() => copyCurriculumSamples({...options, tokens: [5, 6]}), /at least 16 tokens/);
    assert.throws(() => copyCurriculumSamples({...options, maxLength: 10}), /maxLength/);
});

t.run();
