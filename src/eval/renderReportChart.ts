import type {EvalReport} from "./EvalReport.js";

const WIDTH = 860;
const PANEL = {top: 50, bottom: 300, accLeft: 60, accRight: 400, tokLeft: 500, tokRight: 840};
const LEGEND = {top: 350, columns: 4, columnWidth: 205, rowHeight: 16};
const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

/**
 * `chart.svg`: on the left, accuracy after each round for every category (solid) and aggregate
 * (dashed, labelled "agg."); on the right, mean input and output tokens per round (bars). Plain SVG, no scripts
 * or external resources.
 */
export function renderReportChart(report: EvalReport): string {
    const rounds = report.rounds;
    const series = [
        ...Object.entries(report.categories).map(([name, score]) => ({name, values: score.byRound, dashed: false})),
        ...Object.entries(report.aggregates).map(([name, aggregate]) => ({name: `agg. ${name}`, values: aggregate.byRound, dashed: true}))
    ];
    const height = LEGEND.top + LEGEND.rowHeight * Math.ceil(series.length / LEGEND.columns) + 24;
    const parts: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
        `<title>${escapeXml(`${report.benchmark} evaluation: accuracy and tokens per round`)}</title>`,
        `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
        text(PANEL.accLeft, 30, "Accuracy after round k", {weight: "bold", size: 13}),
        text(PANEL.tokLeft, 30, "Mean tokens per round", {weight: "bold", size: 13})
    ];
    const xAt = (left: number, right: number, k: number): number => rounds === 1 ? (left + right) / 2 : left + 20 + (right - left - 40) * k / (rounds - 1);
    const yAt = (fraction: number): number => PANEL.bottom - (PANEL.bottom - PANEL.top) * fraction;

    // Accuracy panel: axes, grid, series.
    parts.push(axes(PANEL.accLeft, PANEL.accRight));
    for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
        const y = yAt(tick);
        parts.push(`<line x1="${PANEL.accLeft}" y1="${fmt(y)}" x2="${PANEL.accRight}" y2="${fmt(y)}" stroke="#e0e0e0"/>`);
        parts.push(text(PANEL.accLeft - 6, y + 4, `${Math.round(tick * 100)}%`, {anchor: "end"}));
    }
    for (let k = 0; k < rounds; k++) parts.push(text(xAt(PANEL.accLeft, PANEL.accRight, k), PANEL.bottom + 16, String(k), {anchor: "middle"}));
    parts.push(text((PANEL.accLeft + PANEL.accRight) / 2, PANEL.bottom + 32, "round", {anchor: "middle"}));
    series.forEach((line, i) => {
        const color = COLORS[i % COLORS.length] as string;
        const points = line.values.map((value, k) => `${fmt(xAt(PANEL.accLeft, PANEL.accRight, k))},${fmt(yAt(value))}`);
        if (points.length > 1) {
            parts.push(`<polyline points="${points.join(" ")}" fill="none" stroke="${color}" stroke-width="2"${line.dashed ? " stroke-dasharray=\"6 3\"" : ""}/>`);
        }
        for (const point of points) {
            const [x, y] = point.split(",");
            parts.push(`<circle cx="${x}" cy="${y}" r="3" fill="${color}"/>`);
        }
        const legendX = 20 + (i % LEGEND.columns) * LEGEND.columnWidth;
        const legendY = LEGEND.top + Math.floor(i / LEGEND.columns) * LEGEND.rowHeight;
        parts.push(`<line x1="${legendX}" y1="${legendY}" x2="${legendX + 16}" y2="${legendY}" stroke="${color}" stroke-width="2"${line.dashed ? " stroke-dasharray=\"4 2\"" : ""}/>`);
        parts.push(text(legendX + 20, legendY + 4, `${line.name} ${(100 * (line.values[line.values.length - 1] ?? 0)).toFixed(1)}%`, {size: 10}));
    });

    // Token panel: grouped bars of mean input and output tokens.
    parts.push(axes(PANEL.tokLeft, PANEL.tokRight));
    const maxTokens = Math.max(1, ...report.perRound.flatMap((cost) => [cost.meanInputTokens, cost.meanOutputTokens]));
    const scale = niceCeiling(maxTokens);
    for (const tick of [0, 0.5, 1]) {
        const y = yAt(tick);
        parts.push(`<line x1="${PANEL.tokLeft}" y1="${fmt(y)}" x2="${PANEL.tokRight}" y2="${fmt(y)}" stroke="#e0e0e0"/>`);
        parts.push(text(PANEL.tokLeft - 6, y + 4, String(Math.round(tick * scale)), {anchor: "end"}));
    }
    const slot = (PANEL.tokRight - PANEL.tokLeft) / Math.max(1, rounds);
    const barWidth = Math.min(40, slot / 3);
    report.perRound.forEach((cost) => {
        const center = PANEL.tokLeft + slot * (cost.round + 0.5);
        const bars: [number, string, number][] = [[cost.meanInputTokens, "#4e79a7", center - barWidth], [cost.meanOutputTokens, "#f28e2b", center]];
        for (const [value, color, x] of bars) {
            const y = yAt(value / scale);
            parts.push(`<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(barWidth)}" height="${fmt(PANEL.bottom - y)}" fill="${color}"><title>${escapeXml(`round ${cost.round}: ${value}`)}</title></rect>`);
        }
        parts.push(text(center, PANEL.bottom + 16, String(cost.round), {anchor: "middle"}));
    });
    parts.push(text((PANEL.tokLeft + PANEL.tokRight) / 2, PANEL.bottom + 32, "round", {anchor: "middle"}));
    parts.push(`<rect x="${PANEL.tokLeft + 10}" y="${PANEL.top - 8}" width="10" height="10" fill="#4e79a7"/>`, text(PANEL.tokLeft + 24, PANEL.top + 1, "input", {size: 10}));
    parts.push(`<rect x="${PANEL.tokLeft + 70}" y="${PANEL.top - 8}" width="10" height="10" fill="#f28e2b"/>`, text(PANEL.tokLeft + 84, PANEL.top + 1, "output", {size: 10}));
    parts.push(text(10, height - 10, `model: ${report.oracle ? "oracle" : report.model} | mode: ${report.mode} | refine: ${report.refine} | items: ${report.items}`, {size: 10}));
    parts.push("</svg>");
    return `${parts.join("\n")}\n`;
}

function axes(left: number, right: number): string {
    return `<path d="M${left},${PANEL.top} V${PANEL.bottom} H${right}" fill="none" stroke="#333333"/>`;
}

function text(x: number, y: number, content: string, style: {anchor?: "start" | "middle" | "end", weight?: string, size?: number} = {}): string {
    const attributes = [`x="${fmt(x)}"`, `y="${fmt(y)}"`];
    if (style.anchor !== undefined && style.anchor !== "start") attributes.push(`text-anchor="${style.anchor}"`);
    if (style.weight !== undefined) attributes.push(`font-weight="${style.weight}"`);
    if (style.size !== undefined) attributes.push(`font-size="${style.size}"`);
    return `<text ${attributes.join(" ")}>${escapeXml(content)}</text>`;
}

/** The smallest of 1, 2, 5 × 10^n at or above x. */
function niceCeiling(x: number): number {
    const power = 10 ** Math.floor(Math.log10(x));
    for (const step of [1, 2, 5, 10]) if (step * power >= x) return step * power;
    return 10 * power;
}

function fmt(x: number): string {
    return String(Math.round(x * 10) / 10);
}

/** Text and attribute values safe in XML (control characters XML 1.0 forbids are dropped). */
export function escapeXml(value: string): string {
    return value
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
        .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
