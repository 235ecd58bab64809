import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * BFCL data that cannot be used: a missing file (`bfcl_missing_file`), question and answer
 * files out of step (`bfcl_misaligned`), an entry of the wrong shape (`bfcl_bad_entry`), bad JSON
 * (`bfcl_bad_json`). `context` names the file, the line, the id and the path inside the entry.
 */
export class BfclDataError extends ToolaceError {
    public constructor(code: "bfcl_missing_file" | "bfcl_misaligned" | "bfcl_bad_entry" | "bfcl_bad_json", message: string,
        details: Record<string, unknown> = {}, options?: {cause?: unknown}) {
        super(code, message, details, options);
    }
}
