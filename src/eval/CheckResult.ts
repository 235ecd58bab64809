/**
 * A checker verdict, as BFCL's checker returns it. `errorType` names the failing rule
 * (`type_error:simple`, `parallel_function_checker_no_order:cannot_find_match`...). Valid results
 * carry the error type BFCL leaves on them: `simple_function_checker:unclear` when no string,
 * list or dict parameter was compared, none otherwise. `error` is the human-readable reason.
 */
export interface CheckResult {
    readonly valid: boolean;
    readonly errorType?: string;
    readonly error?: string;
}
