import type {SourceCandidate} from "./SourceCandidate.js";

/** What a source reader returns: files it read, tool candidates, and one reason per record it could not read. */
export interface SourceRead {
    files: string[];
    candidates: SourceCandidate[];
    problems: string[];
}
