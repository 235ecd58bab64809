/**
 * Files of a training run: atomic writes (temporary file in the same folder, fsync, rename), the
 * checkpoint folder (model, optimizer moments, state.json naming both), and restoring a saved
 * model's `<arch>.context_length`, which llama_opt_init overwrites with the training context.
 */
import {randomBytes} from "node:crypto";
import {mkdir, open, readdir, readFile, rename, rm, rmdir} from "node:fs/promises";
import path from "node:path";
import {readGguf} from "../model/readGguf.js";
import type {NativeModel, NativeTrainer} from "./nativeAddon.js";
import {TrainError} from "./TrainError.js";

export const checkpointFormat = "toolace-train-checkpoint";
export const checkpointVersion = 1;

export interface CheckpointState {
    format: typeof checkpointFormat;
    version: number;
    /** Digest of everything that must match to resume (samples, options, base model). */
    fingerprint: string;
    /** Optimizer steps done. */
    step: number;
    totalSteps: number;
    trainLoss: number[];
    valLoss: number[];
    /** File names inside the checkpoint folder. */
    model: string;
    optimizer: string;
    /** The base model's context length, restored in every saved model. */
    contextLength: number;
    savedAt: string;
}

/** A temporary name beside `file` (same folder, so rename is atomic). */
export function temporaryPath(file: string): string {
    return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** `.NAME.PID.RANDOM.tmp`, as temporaryPath names them. */
const temporaryName = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}

/**
 * Removes the temporary files that a killed run left in `dir` (of targets named `target`, or of
 * any target when it is undefined): those of processes that no longer run. A run that was killed
 * while writing its model or a checkpoint leaves one; the next run of the same output cleans it.
 */
export async function removeStaleTemporaries(dir: string, target?: string): Promise<void> {
    await removeFilesIn(dir, (name) => {
        const match = temporaryName.exec(name);
        return match !== null && (target === undefined || match[1] === target) && Number(match[2]) !== process.pid && !isRunning(Number(match[2]));
    });
}

async function ioError<T>(action: string, file: string, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (error) {
        if (error instanceof TrainError) throw error;
        throw new TrainError("train_io", `cannot ${action} ${file}: ${(error as Error).message}`, {file}, {cause: error});
    }
}

/** Writes `data` to `file` atomically. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
    const temp = temporaryPath(file);
    await ioError("write", file, async () => {
        try {
            const handle = await open(temp, "wx");
            try {
                await handle.writeFile(data);
                await handle.sync();
            } finally {
                await handle.close();
            }
            await rename(temp, file);
        } finally {
            await rm(temp, {force: true});
        }
    });
}

/**
 * Saves `model` to `file` atomically: llama_model_save_to_file into a temporary file, `context_length`
 * set back to `contextLength`, the result checked with readGguf and fsynced, then renamed.
 */
export async function saveModelAtomic(model: NativeModel, file: string, contextLength: number): Promise<void> {
    const temp = temporaryPath(file);
    try {
        try {
            await model.save(temp);
        } catch (error) {
            throw new TrainError("train_native", `cannot save the model to ${file}: ${(error as Error).message}`, {file}, {cause: error});
        }
        await ioError("finish", file, async () => {
            await setContextLength(temp, contextLength);
            await readGguf(temp);
            await rename(temp, file);
        });
    } finally {
        await rm(temp, {force: true});
    }
}

class NeedMoreBytes extends Error {}

/**
 * The file offset and type of the `<general.architecture>.context_length` value in a GGUF header
 * held (at least partly) in `bytes`; throws NeedMoreBytes when the header goes past `bytes`.
 */
function findContextLength(bytes: Buffer): {offset: number, type: number} | undefined {
    let pos = 0;
    const need = (n: number): void => {
        if (pos + n > bytes.length) throw new NeedMoreBytes();
    };
    const u32 = (): number => {
        need(4);
        const value = bytes.readUInt32LE(pos);
        pos += 4;
        return value;
    };
    const u64 = (): number => {
        need(8);
        const value = bytes.readBigUInt64LE(pos);
        pos += 8;
        if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new TrainError("train_io", "GGUF length too large", {});
        return Number(value);
    };
    const str = (): string => {
        const length = u64();
        need(length);
        const value = bytes.toString("utf8", pos, pos + length);
        pos += length;
        return value;
    };
    const fixed: Record<number, number> = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8};
    const skip = (type: number): void => {
        if (type === 8) {
            str();
        } else if (type === 9) {
            const itemType = u32();
            const count = u64();
            if (itemType in fixed) {
                need(count * fixed[itemType]!);
                pos += count * fixed[itemType]!;
            } else {
                for (let i = 0; i < count; i++) skip(itemType);
            }
        } else if (type in fixed) {
            need(fixed[type]!);
            pos += fixed[type]!;
        } else {
            throw new TrainError("train_io", `unknown GGUF value type ${type}`, {});
        }
    };
    need(4);
    if (bytes.toString("latin1", 0, 4) !== "GGUF") throw new TrainError("train_io", "not a GGUF file", {});
    pos = 4;
    u32(); // version
    u64(); // tensor count
    const kvCount = u64();
    let architecture: string | undefined;
    const candidates = new Map<string, {offset: number, type: number}>();
    for (let i = 0; i < kvCount; i++) {
        const key = str();
        const type = u32();
        if (key === "general.architecture" && type === 8) {
            architecture = str();
            continue;
        }
        if (key.endsWith(".context_length")) candidates.set(key, {offset: pos, type});
        skip(type);
    }
    return architecture === undefined ? undefined : candidates.get(`${architecture}.context_length`);
}

/** Sets `<arch>.context_length` (a uint32 or uint64 value) of a GGUF file in place, and fsyncs the file. */
export async function setContextLength(file: string, contextLength: number): Promise<void> {
    const handle = await open(file, "r+");
    try {
        const {size} = await handle.stat();
        let found: {offset: number, type: number} | undefined;
        for (let length = Math.min(size, 1 << 20); ; length = Math.min(size, length * 4)) {
            const bytes = Buffer.alloc(length);
            await handle.read(bytes, 0, length, 0);
            try {
                found = findContextLength(bytes);
                break;
            } catch (error) {
                if (!(error instanceof NeedMoreBytes)) throw error;
                if (length === size) throw new TrainError("train_io", `${file}: truncated GGUF header`, {file});
            }
        }
        if (found === undefined) throw new TrainError("train_io", `${file} has no <architecture>.context_length`, {file});
        const value = Buffer.alloc(found.type === 10 ? 8 : 4);
        if (found.type === 4) value.writeUInt32LE(contextLength);
        else if (found.type === 10) value.writeBigUInt64LE(BigInt(contextLength));
        else throw new TrainError("train_io", `${file}: context_length has GGUF type ${found.type}, not an unsigned integer`, {file});
        await handle.write(value, 0, value.length, found.offset);
        await handle.sync();
    } finally {
        await handle.close();
    }
}

/** The state of the checkpoint in `dir`, or undefined when there is none. Throws `train_checkpoint_invalid`. */
export async function readCheckpointState(dir: string): Promise<CheckpointState | undefined> {
    let text: string;
    try {
        text = await readFile(path.join(dir, "state.json"), "utf8");
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw new TrainError("train_checkpoint_invalid", `cannot read ${path.join(dir, "state.json")}: ${(error as Error).message}`, {checkpoint: dir}, {cause: error});
    }
    let state: CheckpointState;
    try {
        state = JSON.parse(text) as CheckpointState;
    } catch (error) {
        throw new TrainError("train_checkpoint_invalid", `${path.join(dir, "state.json")} is not JSON`, {checkpoint: dir}, {cause: error});
    }
    const valid = state !== null && typeof state === "object" && state.format === checkpointFormat && state.version === checkpointVersion
        && typeof state.fingerprint === "string" && Number.isSafeInteger(state.step) && Array.isArray(state.trainLoss)
        && Array.isArray(state.valLoss) && typeof state.model === "string" && typeof state.optimizer === "string"
        && /^[\w.-]+$/.test(state.model) && /^[\w.-]+$/.test(state.optimizer) && Number.isSafeInteger(state.contextLength);
    if (!valid) throw new TrainError("train_checkpoint_invalid", `${path.join(dir, "state.json")} is not a toolace-r checkpoint`, {checkpoint: dir});
    return state;
}

/**
 * Writes a checkpoint: the model and the optimizer moments under step-numbered names, then
 * state.json (atomically) naming them, then removes the previous step's files. A crash at any point
 * leaves the previous checkpoint or the new one.
 */
export async function writeCheckpoint(
    dir: string,
    model: NativeModel,
    trainer: NativeTrainer,
    state: Omit<CheckpointState, "format" | "version" | "model" | "optimizer" | "savedAt">
): Promise<void> {
    await ioError("create", dir, () => mkdir(dir, {recursive: true}));
    const tag = String(state.step).padStart(8, "0");
    const modelName = `model-${tag}.gguf`;
    const optimizerName = `optimizer-${tag}.bin`;
    await saveModelAtomic(model, path.join(dir, modelName), state.contextLength);
    const optimizerFile = path.join(dir, optimizerName);
    const temp = temporaryPath(optimizerFile);
    try {
        try {
            await trainer.saveOptimizerState(temp);
        } catch (error) {
            throw new TrainError("train_native", `cannot save the optimizer state: ${(error as Error).message}`, {file: optimizerFile}, {cause: error});
        }
        await ioError("write", optimizerFile, () => rename(temp, optimizerFile));
    } finally {
        await rm(temp, {force: true});
    }
    const full: CheckpointState = {
        format: checkpointFormat, version: checkpointVersion, ...state, model: modelName, optimizer: optimizerName, savedAt: new Date().toISOString()
    };
    await writeFileAtomic(path.join(dir, "state.json"), `${JSON.stringify(full, null, 1)}\n`);
    for (const name of await readdir(dir)) {
        if (/^(model-\d+\.gguf|optimizer-\d+\.bin)$/.test(name) && name !== modelName && name !== optimizerName) {
            await rm(path.join(dir, name), {force: true});
        }
    }
}

/** Removes a checkpoint folder's files (only the ones a checkpoint consists of) and the folder if then empty. */
export async function removeCheckpoint(dir: string): Promise<void> {
    if (!await removeFilesIn(dir, (name) => name === "state.json" || /^(model-\d+\.gguf|optimizer-\d+\.bin)$/.test(name) || /^\..*\.tmp$/.test(name))) return;
    await rmdir(dir).catch(() => undefined);
}

/** Removes the files of `dir` whose names `doomed` accepts; false when `dir` cannot be read (nothing removed). */
async function removeFilesIn(dir: string, doomed: (name: string) => boolean): Promise<boolean> {
    let names: string[];
    try {
        names = await readdir(dir);
    } catch {
        return false;
    }
    for (const name of names) if (doomed(name)) await rm(path.join(dir, name), {force: true});
    return true;
}
