import {existsSync, readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {BfclDataError} from "./BfclDataError.js";
import type {BfclEntry, BfclMessage} from "./BfclEntry.js";
import {parseFunctionDoc} from "./FunctionDoc.js";
import {type GroundTruthCall, parseGroundTruth} from "./GroundTruthCall.js";
import {isRelevanceCategory} from "./isRelevanceCategory.js";
import {LosslessJsonError} from "./LosslessJsonError.js";
import {parseLosslessJson} from "./parseLosslessJson.js";
import {type PyDict, type PyValue, pyTypeOf} from "./PyValue.js";

const PREFIX = "BFCL_v4_";

/** `<dir>/BFCL_v4_<category>.json` */
export function bfclQuestionFile(dataDir: string, category: string): string {
    return path.join(dataDir, `${PREFIX}${category}.json`);
}

/** `<dir>/possible_answer/BFCL_v4_<category>.json` */
export function bfclAnswerFile(dataDir: string, category: string): string {
    return path.join(dataDir, "possible_answer", `${PREFIX}${category}.json`);
}

/** The categories that have a question file in `dataDir`, sorted. */
export function listBfclCategories(dataDir: string): string[] {
    if (!existsSync(dataDir)) throw new BfclDataError("bfcl_missing_file", `BFCL data folder ${dataDir} does not exist`, {file: dataDir});
    return readdirSync(dataDir)
        .filter((name) => name.startsWith(PREFIX) && name.endsWith(".json"))
        .map((name) => name.slice(PREFIX.length, -".json".length))
        .sort();
}

/**
 * Loads one BFCL category by BFCL's file naming: the question file (JSON Lines `{id, question,
 * function}`) and, aligned line by line, `possible_answer/` (`{id, ground_truth}`). Relevance
 * categories need no answer file; for the others a missing one is an error. Everything is
 * parsed losslessly. Throws {@link BfclDataError} naming the file, line and id for missing
 * files, bad JSON, bad shapes and answers that do not line up with the questions.
 */
export function loadBfclCategory(dataDir: string, category: string): BfclEntry[] {
    const questionFile = bfclQuestionFile(dataDir, category);
    if (!existsSync(questionFile)) {
        throw new BfclDataError("bfcl_missing_file", `no question file for category ${category}: ${questionFile}`, {file: questionFile, category});
    }
    const questions = readJsonLines(questionFile);
    const answerFile = bfclAnswerFile(dataDir, category);
    let answers: {line: number, value: PyDict}[] | undefined;
    if (existsSync(answerFile)) answers = readJsonLines(answerFile);
    else if (!isRelevanceCategory(category)) {
        throw new BfclDataError("bfcl_missing_file", `no answer file for category ${category}: ${answerFile}`, {file: answerFile, category});
    }
    if (answers !== undefined && answers.length !== questions.length) {
        throw new BfclDataError("bfcl_misaligned",
            `${answerFile} has ${answers.length} answers but ${questionFile} has ${questions.length} questions`,
            {file: answerFile, answers: answers.length, questions: questions.length});
    }
    return questions.map(({line, value}, index) => {
        const id = readId(value, questionFile, line);
        const context = {file: questionFile, line, id};
        let groundTruth: GroundTruthCall[] | undefined;
        const answer = answers?.[index];
        if (answer !== undefined) {
            const answerId = readId(answer.value, answerFile, answer.line);
            if (answerId !== id) {
                throw new BfclDataError("bfcl_misaligned", `${answerFile} line ${answer.line} answers ${answerId}, but the question on that line is ${id}`,
                    {file: answerFile, line: answer.line, id, answerId});
            }
            groundTruth = withContext({file: answerFile, line: answer.line, id}, () => parseGroundTruth(answer.value.get("ground_truth") ?? null));
        }
        const turns = withContext(context, () => readTurns(value.get("question") ?? null));
        const functions = withContext(context, () => readList(value.get("function") ?? [], "$.function").map((doc, i) => parseFunctionDoc(doc, `$.function[${i}]`)));
        const entry: BfclEntry = {id, category, turns, functions, raw: value};
        return groundTruth === undefined ? entry : {...entry, groundTruth};
    });
}

function readJsonLines(file: string): {line: number, value: PyDict}[] {
    const out: {line: number, value: PyDict}[] = [];
    readFileSync(file, "utf8").split("\n").forEach((text, i) => {
        if (text.trim() === "") return;
        let value: PyValue;
        try {
            value = parseLosslessJson(text);
        } catch (error) {
            if (error instanceof LosslessJsonError) {
                throw new BfclDataError("bfcl_bad_json", `${file} line ${i + 1}: ${error.message}`, {file, line: i + 1, column: error.context.column, position: error.context.position}, {cause: error});
            }
            throw error;
        }
        if (pyTypeOf(value) !== "dict") throw new BfclDataError("bfcl_bad_entry", `${file} line ${i + 1} is not a JSON object`, {file, line: i + 1});
        out.push({line: i + 1, value: value as PyDict});
    });
    return out;
}

function readId(value: PyDict, file: string, line: number): string {
    const id = value.get("id");
    if (typeof id !== "string") throw new BfclDataError("bfcl_bad_entry", `${file} line ${line} has no string id`, {file, line});
    return id;
}

function readTurns(value: PyValue): BfclMessage[][] {
    return readList(value, "$.question").map((turn, t) => readList(turn, `$.question[${t}]`).map((message, m) => {
        const at = `$.question[${t}][${m}]`;
        if (pyTypeOf(message) !== "dict") throw badEntry(at, "a message must be an object");
        const role = (message as PyDict).get("role");
        const content = (message as PyDict).get("content");
        if (typeof role !== "string" || typeof content !== "string") throw badEntry(at, "a message needs string role and content");
        return {role, content};
    }));
}

function readList(value: PyValue, at: string): readonly PyValue[] {
    if (!Array.isArray(value)) throw badEntry(at, "expected a list");
    return value as readonly PyValue[];
}

function badEntry(at: string, message: string): BfclDataError {
    return new BfclDataError("bfcl_bad_entry", `${message} (at ${at})`, {path: at});
}

/** Re-throws shape errors with the file, line and id they come from. */
function withContext<T>(context: {file: string, line: number, id: string}, read: () => T): T {
    try {
        return read();
    } catch (error) {
        if (error instanceof BfclDataError && error.code === "bfcl_bad_entry") {
            throw new BfclDataError("bfcl_bad_entry", `${context.file} line ${context.line} (${context.id}): ${error.message}`,
                {...context, ...error.context}, {cause: error});
        }
        throw error;
    }
}
