import type {Readable} from "node:stream";
import yauzl from "yauzl";
import {ToolaceError} from "../errors/ToolaceError.js";

/**
 * Opens the entry named `entry` of the zip archive (a wheel) at `wheel` as a stream of its
 * uncompressed bytes, read with yauzl (which checks each entry's CRC-32 and sizes). Only the
 * entry's bytes are returned: its name is never used as a path, so an archive cannot choose
 * where anything is written.
 */
export function openWheelEntry(wheel: string, entry: string): Promise<{stream: Readable, bytes: number}> {
    return new Promise((resolve, reject) => {
        yauzl.open(wheel, {lazyEntries: true, autoClose: true, validateEntrySizes: true}, (openError, zip) => {
            if (openError != null || zip == null) {
                reject(new ToolaceError("wheel_invalid", `${wheel} is not a readable wheel (zip): ${openError?.message ?? "no archive"}`, {wheel}, {cause: openError}));
                return;
            }
            let found = false;
            zip.on("error", (err: Error) => reject(new ToolaceError("wheel_invalid", `${wheel} is not a readable wheel (zip): ${err.message}`, {wheel}, {cause: err})));
            zip.on("end", () => {
                if (!found) reject(new ToolaceError("wheel_entry_missing", `the wheel ${wheel} has no entry ${entry}`, {wheel, entry}));
            });
            zip.on("entry", (item: yauzl.Entry) => {
                if (item.fileName !== entry) {
                    zip.readEntry();
                    return;
                }
                found = true;
                zip.openReadStream(item, (streamError, stream) => {
                    if (streamError != null || stream == null)
                        reject(new ToolaceError("wheel_invalid", `cannot read ${entry} in ${wheel}: ${streamError?.message ?? "no stream"}`, {wheel, entry}, {cause: streamError}));
                    else resolve({stream, bytes: item.uncompressedSize});
                });
            });
            zip.readEntry();
        });
    });
}
