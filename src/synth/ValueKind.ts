import type {SynthRandom} from "./SynthRandom.js";

/**
 * A generator of string values of one kind (a city, an order id, an ISO date...). `exact` kinds
 * are values that must be copied character for character (codes, addresses, timestamps);
 * `paraphrase` optionally writes a value the way a person might say it ("March 4, 2026" for
 * `2026-03-04`), used only where the parameter description states the expected format.
 */
export interface ValueKind {
    generate(rng: SynthRandom): string;
    exact: boolean;
    paraphrase?(value: string, rng: SynthRandom): string;
}
