import {ToolaceError} from "../errors/ToolaceError.js";

/** API-Bank data that cannot be used (`api_bank_data`): a missing file, bad JSON, an item or dialogue line of the wrong shape. `context` names the file and item. */
export class ApiBankDataError extends ToolaceError {
    public constructor(message: string, details: Record<string, unknown> = {}, options?: {cause?: unknown}) {
        super("api_bank_data", message, details, options);
    }
}
