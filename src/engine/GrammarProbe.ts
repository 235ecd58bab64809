import {type LlamaGrammar, LlamaGrammarEvaluationState, type LlamaModel, type Token} from "node-llama-cpp";

/** The calls of node-llama-cpp 3.x behind LlamaGrammarEvaluationState that test and accept one token (not public API). */
type GrammarBindings = {
    canBeNextTokenForGrammarEvaluationState: (state: unknown, token: Token) => boolean,
    acceptGrammarEvaluationStateToken: (state: unknown, token: Token) => void
};
type StateInternals = {_state?: unknown, _llama?: {_bindings?: {AddonSampler?: Partial<GrammarBindings>}}};

/**
 * A grammar evaluation state that can be asked whether a token may come next and be advanced over
 * tokens without sampling them: it tells which tokens are rivals at each draft position that a
 * batch checks (see verifyDraft), and gives the state to resume sampling after a token decided
 * outside the sampler. node-llama-cpp uses these two calls internally but does not export them;
 * they are looked up at run time, and `create` returns undefined where they are missing (callers
 * then check no drafts under a grammar).
 */
export class GrammarProbe {
    /** The tokens accepted since the start of the grammar: with `grammar`, they determine the probe's state. */
    private readonly acceptedTokens: Token[] = [];

    private constructor(public readonly grammar: LlamaGrammar, private readonly evaluationState: LlamaGrammarEvaluationState,
        private readonly bindings: GrammarBindings, private readonly nativeState: unknown) {}

    /** A probe at the start of `grammar`, or undefined when this node-llama-cpp lacks the calls. */
    public static create(model: LlamaModel, grammar: LlamaGrammar): GrammarProbe | undefined {
        return GrammarProbe.wrap(grammar, new LlamaGrammarEvaluationState({model, grammar}));
    }

    /** The tokens accepted since the start of the grammar, in order. */
    public get path(): readonly Token[] {
        return this.acceptedTokens;
    }

    private static wrap(grammar: LlamaGrammar, state: LlamaGrammarEvaluationState): GrammarProbe | undefined {
        const internals = state as unknown as StateInternals;
        const sampler = internals._llama?._bindings?.AddonSampler;
        if (internals._state == null || typeof sampler?.canBeNextTokenForGrammarEvaluationState !== "function"
            || typeof sampler.acceptGrammarEvaluationStateToken !== "function")
            return undefined;
        const bindings: GrammarBindings = {
            canBeNextTokenForGrammarEvaluationState: sampler.canBeNextTokenForGrammarEvaluationState.bind(sampler),
            acceptGrammarEvaluationStateToken: sampler.acceptGrammarEvaluationStateToken.bind(sampler)
        };
        return new GrammarProbe(grammar, state, bindings, internals._state);
    }

    /** Whether the grammar allows `token` next (end-of-generation tokens only where the grammar is complete). */
    public allows(token: Token): boolean {
        return this.bindings.canBeNextTokenForGrammarEvaluationState(this.nativeState, token);
    }

    /** Advances over `tokens` one after the other while the grammar allows them; false when it refuses one (the probe then stands before it). */
    public accept(tokens: readonly Token[]): boolean {
        for (const token of tokens) {
            if (!this.allows(token)) return false;
            this.bindings.acceptGrammarEvaluationStateToken(this.nativeState, token);
            this.acceptedTokens.push(token);
        }
        return true;
    }

    /** An independent probe at the same position (advancing either leaves the other where it was). */
    public clone(): GrammarProbe {
        const copy = GrammarProbe.wrap(this.grammar, this.evaluationState.clone());
        if (copy == null) throw new Error("a grammar evaluation state lost its native calls when cloned");
        copy.acceptedTokens.push(...this.acceptedTokens);
        return copy;
    }

    /** A copy of the current state, to sample with (sampling advances it; this probe is unchanged). */
    public state(): LlamaGrammarEvaluationState {
        return this.evaluationState.clone();
    }
}
