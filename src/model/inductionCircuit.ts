import {ModelInitError} from "./ModelInitError.js";
import {SeededRandom} from "./SeededRandom.js";

/** The shape an induction circuit is planted into (llama architecture, no grouped-query attention). */
export interface InductionCircuitShape {
    dim: number;
    layers: number;
    heads: number;
    kvHeads: number;
    nVocab: number;
    /** `rope.freq_base`: the previous-token head is tuned to it. */
    ropeFreqBase: number;
    /** Longest context the circuit is tuned for (the previous-token head keeps its margin up to here). */
    ctx: number;
    seed: number;
}

/** Tensors the circuit writes, full F32 data in ggml order, already holding their random init. */
export type InductionCircuitTensors = Map<string, Float32Array>;

/** The tensors `plantInductionCircuit` changes. */
export function inductionCircuitTensorNames(): string[] {
    const names = ["token_embd.weight", "output.weight"];
    for (const layer of [0, 1]) for (const part of ["attn_q", "attn_k", "attn_v", "attn_output"]) names.push(`blk.${layer}.${part}.weight`);
    return names;
}

/** Margins (in attention logits) the circuit is built with. */
const previousTokenMargin = 12;
const matchMargin = 12;
const outputMargin = 6;
/** Embedding layout: token identity entries are N(0, 1); the constant dimension holds `constant`. */
const constant = 4;

/**
 * Plants an induction circuit ("after an earlier A B, the current A predicts B") into freshly
 * initialised weights, so that training starts with a model that copies instead of having to
 * discover copying (a tiny model trained one sample per step on CPU did not, in thousands of steps).
 * With head size h, the residual stream is laid out as
 * - dims [0, h): the token's identity, a random N(0, 1) vector per token (`token_embd`);
 * - dims [h, 2h): the previous token's identity, written by layer 0's head 0, a previous-token head:
 *   its query and key are constant (read from the last dimension, which every embedding sets to
 *   `constant`) and their RoPE pairs are weighted so that the score peaks at distance 1 for any
 *   position up to `ctx` (weights found by maximising the margin, see `previousTokenPairWeights`);
 * - dims [2h, 3h): the copied identity, written by layer 1's heads 0 and 1, induction heads: the query
 *   is the current token's identity, the key the previous token's, both on the slow-rotating upper
 *   half of the RoPE pairs (so matching depends on content, not distance), the value the attended
 *   token's identity;
 * - `output.weight` reads dims [2h, 3h) against every token's identity.
 * The other tensors, and the other entries of these, keep their random init, and everything trains.
 * Needs at least 2 layers and 2 heads, no grouped-query attention, a head size of at least 32 divisible
 * by 4 and `dim ≥ 3·head + 1`. Throws ModelInitError otherwise.
 */
export function plantInductionCircuit(tensors: InductionCircuitTensors, shape: InductionCircuitShape): void {
    const {dim, layers, heads, kvHeads, nVocab} = shape;
    const h = dim / heads;
    const fail = (problem: string): never => {
        throw new ModelInitError("model_invalid_options", `induction: ${problem}`, {option: "induction"});
    };
    if (layers < 2) fail(`needs at least 2 layers, got ${layers}`);
    if (heads < 2) fail(`needs at least 2 heads, got ${heads}`);
    if (kvHeads !== heads) fail(`needs as many key/value heads as heads (got ${kvHeads} and ${heads})`);
    if (h % 4 !== 0 || h < 32) fail(`the head size ${h} must be divisible by 4 and at least 32 (smaller identities cannot tell 1,000 positions apart)`);
    if (dim < 3 * h + 1) fail(`dim ${dim} must be at least 3 × head size + 1 = ${3 * h + 1}`);
    const get = (name: string, size: number): Float32Array => {
        const data = tensors.get(name);
        if (data === undefined || data.length !== size) fail(`tensor ${name} with ${size} elements is missing`);
        return data as Float32Array;
    };
    const qkvSize = dim * heads * h;
    const embd = get("token_embd.weight", dim * nVocab);
    const output = get("output.weight", dim * nVocab);
    const last = dim - 1;
    const [prevStart, copyStart] = [h, 2 * h];

    // Embeddings: identity in [0, h), the constant in the last dimension; the rest keeps its small init.
    const random = SeededRandom.forKey(shape.seed, "induction.identity");
    const identities = new Float32Array(h * nVocab);
    random.fillNormal(identities, 1);
    for (let t = 0; t < nVocab; t++) {
        for (let i = 0; i < h; i++) embd[t * dim + i] = identities[t * h + i]!;
        embd[t * dim + last] = constant;
    }
    /** RMS of the residual stream holding `streams` identity-sized blocks and the constant. */
    const rms = (streams: number): number => Math.sqrt((streams * h + constant * constant) / dim);
    const kqScale = 1 / Math.sqrt(h);

    // Layer 0, head 0: previous-token head.
    const q0 = get("blk.0.attn_q.weight", qkvSize);
    const k0 = get("blk.0.attn_k.weight", qkvSize);
    const v0 = get("blk.0.attn_v.weight", qkvSize);
    const o0 = get("blk.0.attn_output.weight", qkvSize);
    const pairs = h / 2;
    const positionPairs = pairs / 2;
    const theta = (j: number): number => Math.pow(shape.ropeFreqBase, -j / pairs);
    const weights = previousTokenPairWeights(Array.from({length: positionPairs}, (_, j) => theta(j)), shape.ctx);
    const scale0 = previousTokenMargin / weights.margin;
    const constantIn0 = constant / rms(1);
    clearRows(q0, dim, 0, h);
    clearRows(k0, dim, 0, h);
    clearRows(v0, dim, 0, h);
    for (let j = 0; j < positionPairs; j++) {
        // score(d) = kqScale · Σ_j |q_j||k_j| cos(θ_j (d − 1)): q_j rotated back by θ_j, k_j real.
        const amplitude = Math.sqrt(weights.weights[j]! * scale0 / kqScale) / constantIn0;
        q0[(2 * j) * dim + last] = amplitude * Math.cos(theta(j));
        q0[(2 * j + 1) * dim + last] = -amplitude * Math.sin(theta(j));
        k0[(2 * j) * dim + last] = amplitude;
    }
    for (let i = 0; i < h; i++) v0[i * dim + i] = rms(1);
    clearRows(o0, heads * h, prevStart, prevStart + h);
    for (let i = 0; i < h; i++) o0[(prevStart + i) * heads * h + i] = 1;

    // Layer 1, heads 0 and 1: induction heads, each matching one half of the identity.
    const q1 = get("blk.1.attn_q.weight", qkvSize);
    const k1 = get("blk.1.attn_k.weight", qkvSize);
    const v1 = get("blk.1.attn_v.weight", qkvSize);
    const o1 = get("blk.1.attn_output.weight", qkvSize);
    const half = h / 2;
    // A match scores kqScale·α²·half; other tokens score about kqScale·α²·√half·N(0, 1), and the
    // best of ~1000 of them about 3.3 of those deviations.
    const alpha = Math.sqrt(matchMargin / (kqScale * (half - 3.3 * Math.sqrt(half))));
    clearRows(q1, dim, 0, 2 * h);
    clearRows(k1, dim, 0, 2 * h);
    clearRows(v1, dim, 0, 2 * h);
    clearRows(o1, heads * h, copyStart, copyStart + h);
    for (const head of [0, 1]) {
        for (let i = 0; i < half; i++) {
            const row = head * h + half + i;
            q1[row * dim + head * half + i] = alpha * rms(2);
            k1[row * dim + prevStart + head * half + i] = alpha * rms(2);
        }
        for (let i = 0; i < h; i++) {
            v1[(head * h + i) * dim + i] = rms(2);
            o1[(copyStart + i) * heads * h + head * h + i] = 0.5;
        }
    }

    // Output: the copied identity against each token's identity. The right token scores κ·h/rms,
    // the best of the others about κ·3.8·√h/rms.
    const kappa = outputMargin * rms(3) / (h - 3.8 * Math.sqrt(h));
    for (let t = 0; t < nVocab; t++) {
        for (let i = 0; i < h; i++) output[t * dim + copyStart + i] = kappa * identities[t * h + i]!;
    }
}

/** Zeroes rows [from, to) of a row-major matrix with `width` columns. */
function clearRows(data: Float32Array, width: number, from: number, to: number): void {
    data.fill(0, from * width, to * width);
}

/**
 * Non-negative weights (summing to 1) of RoPE pairs with angles `thetas` that maximise
 * min over d ≠ 1, 0 ≤ d < ctx of Σ_j w_j (1 − cos(θ_j (d − 1))): how much more a query attends to
 * the previous position than to any other, per unit of weight. Projected subgradient ascent,
 * deterministic.
 */
export function previousTokenPairWeights(thetas: readonly number[], ctx: number): {weights: number[], margin: number} {
    const n = thetas.length;
    const margin = (w: readonly number[]): {value: number, at: number} => {
        let value = Infinity;
        let at = 0;
        for (let d = 0; d < ctx; d++) {
            if (d === 1) continue;
            let sum = 0;
            for (let j = 0; j < n; j++) sum += w[j]! * (1 - Math.cos(thetas[j]! * (d - 1)));
            if (sum < value) [value, at] = [sum, d];
        }
        return {value, at};
    };
    let w = new Array<number>(n).fill(1 / n);
    let best = {weights: w, margin: margin(w).value};
    for (let step = 0; step < 1500; step++) {
        const {at} = margin(w);
        const rate = 0.02 / Math.sqrt(step + 1);
        w = w.map((x, j) => Math.max(0, x + rate * (1 - Math.cos(thetas[j]! * (at - 1)))));
        const total = w.reduce((a, b) => a + b, 0);
        w = w.map((x) => x / total);
        const value = margin(w).value;
        if (value > best.margin) best = {weights: w, margin: value};
    }
    return best;
}
