import type {PoolTool} from "./PoolTool.js";
import {requestPhrases} from "./requestPhrases.js";
import type {SynthRandom} from "./SynthRandom.js";

/** The short text answer when no given tool can serve a request meant for `target`. */
export function irrelevantAnswer(target: PoolTool, rng: SynthRandom): string {
    const action = target.action.startsWith("use ") ? "handle this request" : target.standalone ?? target.action;
    return rng.pick(requestPhrases.refusals).replace("{a}", action);
}
