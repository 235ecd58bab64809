import {Environment, Interpreter} from "@huggingface/jinja";

type RuntimeValue = {type: string, value: unknown, toString(): string};
type FilterNode = {type: string, value?: string, callee?: {value?: string}};

/** Filters that Python's Jinja applies to an undefined value as to an empty string (its Undefined is ""). */
const STRING_FILTERS = new Set(["trim", "upper", "lower", "title", "capitalize", "string", "length", "count", "replace", "indent", "striptags", "escape", "e", "safe", "wordcount"]);

let applied = false;

/**
 * Makes @huggingface/jinja render two things as Python's Jinja does, where chat templates rely on
 * them: a boolean prints as `True`/`False` and none as `None` when made a string (`{{ x }}` of none
 * still prints nothing, as the library decides), and string filters on an undefined value (a tool
 * parameter without a description, say) see an empty string instead of failing. Applied once, in
 * the sandbox's worker thread only.
 */
export function applyJinjaPythonCompat(): void {
    if (applied) return;
    applied = true;
    const probe = new Environment();
    probe.set("boolean", true);
    probe.set("empty", "");
    probe.set("nothing", null);
    const boolean = probe.variables.get("boolean") as unknown as RuntimeValue;
    const empty = probe.variables.get("empty") as unknown as RuntimeValue;
    const nothing = probe.variables.get("nothing") as unknown as RuntimeValue;
    const StringValue = empty.constructor as new (value: string) => RuntimeValue;
    (Object.getPrototypeOf(nothing) as {toString(): string}).toString = (): string => "None";
    (Object.getPrototypeOf(boolean) as {toString(): string}).toString = function (this: RuntimeValue): string {
        return this.value === true ? "True" : "False";
    };
    const interpreter = Interpreter.prototype as unknown as {applyFilter(operand: RuntimeValue, filter: FilterNode, environment: unknown): unknown};
    const applyFilter = interpreter.applyFilter;
    interpreter.applyFilter = function (this: unknown, operand: RuntimeValue, filter: FilterNode, environment: unknown): unknown {
        const name = filter.type === "Identifier" ? filter.value : filter.callee?.value;
        if (name === "string" && (operand?.type === "BooleanValue" || operand?.type === "NullValue")) return new StringValue(operand.toString());
        const lenient = operand?.type === "UndefinedValue" && name !== undefined && STRING_FILTERS.has(name);
        return applyFilter.call(this, lenient ? empty : operand, filter, environment);
    };
}
