import {suite} from "uvu";
import * as assert from "uvu/assert";
import type {Token} from "node-llama-cpp";
import {greedyChoice} from "../../src/engine/greedyChoice.js";

const t = suite("greedyChoice");
const tok = (n: number): Token => n as Token;
const ranked = (...pairs: [number, number][]): [Token, number][] => pairs.map(([token, logit]) => [tok(token), logit]);
const all = (): boolean => true;
const only = (...tokens: number[]) => (token: Token): boolean => tokens.includes(token);

t("picks the highest logit when every token is allowed, in any input order", () => {
    assert.is(greedyChoice(ranked([3, 1.0], [7, 5.0], [2, 2.0]), all, {margin: 0.5}), tok(7));
    assert.is(greedyChoice(new Map(ranked([7, 5.0], [3, 1.0], [2, 2.0])), all, {margin: 0.5}), tok(7));
});

t("skips tokens the grammar refuses and picks the best allowed one", () => {
    assert.is(greedyChoice(ranked([1, 9.0], [2, 8.0], [3, 4.0], [4, 1.0]), only(3, 4), {margin: 0.5}), tok(3));
});

t("undecided when an allowed rival is within the margin (refused rivals do not count)", () => {
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.9], [3, 1.0]), all, {margin: 0.5}), undefined);
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.9], [3, 1.0]), only(1, 3), {margin: 0.5}), tok(1));
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.4], [3, 1.0]), all, {margin: 0.5}), tok(1));
});

t("equal logits go to the lowest token id, and only with a zero margin", () => {
    assert.is(greedyChoice(ranked([9, 3.0], [4, 3.0], [1, 0.0]), all, {margin: 0}), tok(4));
    assert.is(greedyChoice(ranked([9, 3.0], [4, 3.0], [1, 0.0]), all, {margin: 0.1}), undefined);
    assert.is(greedyChoice(ranked([9, 3.0], [4, 3.0], [1, 0.0]), only(9, 1), {margin: 0.1}), tok(9));
});

t("undecided when nothing listed is allowed, or the choice is too close to the bottom of the excerpt", () => {
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0]), only(3), {margin: 0.5}), undefined);
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.8]), only(1), {margin: 0.5}), undefined, "a rival could hide below 4.8");
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.8]), only(1), {margin: 0.5, complete: true}), tok(1), "the excerpt is the whole vocabulary");
    assert.is(greedyChoice([], all, {margin: 0.5}), undefined);
});

t("NaN logits are ignored", () => {
    assert.is(greedyChoice(ranked([1, Number.NaN], [2, 3.0], [3, 1.0]), all, {margin: 0.5}), tok(2));
});

t("extras: tokens asked for by name below the excerpt are rivals, but cannot rule out hidden ones", () => {
    // Nothing allowed in the excerpt; the extra token 7 is allowed, but an allowed token could hide between it and 4.0.
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0]), only(7, 8), {margin: 0.01, extras: ranked([7, 2.0])}), undefined);
    // An extra token competes with the excerpt's allowed tokens.
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0], [3, 1.0]), only(2, 7), {margin: 0.01, extras: ranked([7, 3.995])}), undefined, "a near tie");
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0], [3, 1.0]), only(2, 7), {margin: 0.01, extras: ranked([7, 3.5])}), tok(2));
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0]), only(1, 7), {margin: 0.01, extras: ranked([7, 4.5])}), tok(1));
});

t("allowedSet: when every allowed token is listed, nothing hides below the excerpt", () => {
    const allowedSet = new Set([tok(7), tok(8)]);
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0]), only(7, 8), {margin: 0.01, extras: ranked([7, 2.0], [8, 1.0]), allowedSet}), tok(7));
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0]), only(7, 8), {margin: 0.01, extras: ranked([7, 2.0], [8, 1.995]), allowedSet}), undefined, "a near tie");
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0]), only(7, 8), {margin: 0.01, extras: ranked([7, 2.0]), allowedSet}), undefined, "8 is allowed but not listed");
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0]), only(7, 8), {margin: 0.01, extras: ranked([8, 1.0], [7, 1.0]), allowedSet: new Set([tok(7), tok(8)])}), undefined,
        "equal logits within a margin");
    assert.is(greedyChoice(ranked([1, 5.0], [2, 4.0]), only(7, 8), {margin: 0, extras: ranked([8, 1.0], [7, 1.0]), allowedSet}), tok(7), "equal logits: the lowest id");
});

t("no excerpt at all: only an exact allowedSet, wholly listed, decides", () => {
    assert.is(greedyChoice([], only(7, 8), {margin: 0, extras: ranked([7, 2.0], [8, 3.0]), allowedSet: new Set([tok(7), tok(8)])}), tok(8));
    assert.is(greedyChoice([], only(7, 8, 9), {margin: 0, extras: ranked([7, 2.0], [8, 3.0]), allowedSet: new Set([tok(7), tok(8), tok(9)])}), undefined);
    assert.is(greedyChoice([], only(7, 8), {margin: 0, extras: ranked([7, 2.0], [8, 3.0])}), undefined);
});

t.run();
