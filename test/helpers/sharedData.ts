/**
 * The one resolver of the shared evaluation and training data for every suite: `$TOOLACE_SHARED`,
 * else `../shared` beside the repository. Missing data never passes silently: under CI (`CI=true`)
 * a test that needs it fails; elsewhere it is registered as skipped (counted in the closing line)
 * with a printed notice.
 */
import {existsSync} from "node:fs";
import path from "node:path";
import type {Test} from "uvu";
import * as assert from "uvu/assert";
import {PACKAGE_ROOT} from "../../src/engine/resolveModelPath.js";

/** The shared data root (`$TOOLACE_SHARED` or `<repo>/../shared`). */
export function sharedRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
    const shared = env.TOOLACE_SHARED;
    return shared != null && shared !== "" ? path.resolve(shared) : path.resolve(PACKAGE_ROOT, "..", "shared");
}

/** `<shared>/<relative>` when it exists, else undefined (with a notice). */
export function sharedPath(relative: string, suiteName: string): string | undefined {
    const full = path.join(sharedRoot(), relative);
    if (existsSync(full)) return full;
    console.log(`NOTICE: ${suiteName}: shared data ${full} not found; ${isCi() ? "failing (CI=true)" : "skipping the tests that need it (set TOOLACE_SHARED)"}.`);
    return undefined;
}

/** Whether this run is CI's (`CI=true`): missing data then fails instead of skipping. */
export function isCi(): boolean {
    return process.env.CI === "true" || process.env.CI === "1";
}

/**
 * The test registrar for tests that need `found` (a shared path, or data read from it): the suite's
 * own `t` when present; when missing, a registrar that adds a failing test under CI and a skipped
 * one elsewhere.
 */
export function withShared<T>(t: Test<T>, found: unknown, what: string): Test<T> | ((name: string, fn: (context: T) => unknown) => void) {
    if (found !== undefined && found !== null) return t;
    if (isCi()) return (name: string) => t(name, () => assert.unreachable(`${what} is missing, and CI=true requires it (set TOOLACE_SHARED for shared data; run toolace-r model pull for models)`));
    return (name: string, fn: (context: T) => unknown) => t.skip(name, fn as never);
}
