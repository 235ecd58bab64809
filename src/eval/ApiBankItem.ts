import type {PyDict} from "./PyValue.js";

/** One input parameter of an API-Bank API (`type`: API-Bank's Python-ish names: `str`, `int`, `list`, `list(str)`...). */
export interface ApiBankParameter {
    readonly name: string;
    readonly type: string;
    readonly description: string;
}

/** An API as API-Bank documents it (`{name, description, input_parameters, output_parameters}`). */
export interface ApiBankApi {
    readonly name: string;
    readonly description: string;
    readonly parameters: readonly ApiBankParameter[];
}

/** An API call as written in API-Bank dialogues: `[Name(key='value', ...)]`. */
export interface ApiBankCall {
    readonly name: string;
    readonly args: PyDict;
    /** The call as written. */
    readonly text: string;
}

/** A turn of the dialogue before the call to make. */
export type ApiBankTurn =
    | {readonly role: "user" | "ai", readonly text: string}
    | {readonly role: "api", readonly call: ApiBankCall, readonly result: string};

/** One API-Bank test item: the dialogue so far, the APIs offered, and the call expected next. */
export interface ApiBankItem {
    /** `<dialogue file>#<turn index>`. */
    readonly id: string;
    /** `level-1` or `level-2`. */
    readonly category: string;
    readonly dialogue: readonly ApiBankTurn[];
    /** The APIs offered to the model (level-1: the given ones; level-2: ToolSearcher plus what the dialogue retrieved or used). */
    readonly apis: readonly ApiBankApi[];
    readonly expected: ApiBankCall;
    /** Whether the expected API is among `apis` (level-2 data sometimes expects an API it never retrieved). */
    readonly expectedOffered: boolean;
    /** The "The current year is ..." line of the instruction, if any. */
    readonly dateNote?: string;
}
