#!/usr/bin/env node
/**
 * Keeps package-lock.json usable by `npm ci` when the registry lacks some of node-llama-cpp's
 * optional per-platform binary packages (npm then leaves them out of the lock, and `npm ci`
 * refuses the lock as out of sync). Adds a lock entry with the package's os/cpu for each missing
 * one, so npm skips it on other platforms and fetches it on its own platform. Run it after any
 * `npm install` that rewrote the lock: `node scripts/lock-platform-packages.mjs`.
 */
import {readFileSync, writeFileSync} from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;
const parent = packages["node_modules/node-llama-cpp"];
if (parent == null) throw new Error("node-llama-cpp is not in package-lock.json");

const osOf = {linux: "linux", mac: "darwin", win: "win32"};
let added = 0;
for (const [name, version] of Object.entries(parent.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] != null) continue;
    const match = /^@node-llama-cpp\/(linux|mac|win)-(x64|arm64|armv7l|riscv64)/.exec(name);
    if (match == null) throw new Error(`cannot tell the platform of ${name}`);
    packages[key] = {version, cpu: [match[2] === "armv7l" ? "arm" : match[2]], optional: true, os: [osOf[match[1]]]};
    added++;
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(`package-lock.json: ${added} platform package entries added`);
