import {mkdir, writeFile} from "node:fs/promises";
import path from "node:path";
import {PACKAGE_ROOT} from "../../src/engine/resolveModelPath.js";
import {type ChartSpec, svgChart} from "./svgChart.js";

/** Writes the chart of benchmark `name` to bench/results/NAME.svg in the repository; returns the path. */
export async function writeBenchChart(name: string, spec: ChartSpec): Promise<string> {
    const file = path.join(PACKAGE_ROOT, "bench", "results", `${name}.svg`);
    await mkdir(path.dirname(file), {recursive: true});
    await writeFile(file, svgChart(spec));
    return file;
}
