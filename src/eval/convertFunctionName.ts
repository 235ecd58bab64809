/**
 * BFCL's `convert_func_name`: for models that cannot use `.` in tool names (`underscore_to_dot`),
 * the expected name `math.factorial` becomes `math_factorial`.
 */
export function convertFunctionName(name: string, underscoreToDot: boolean): string {
    return underscoreToDot && name.includes(".") ? name.replace(/\./g, "_") : name;
}
