/** One line of a chart: points in data coordinates. */
export interface ChartSeries {
    name: string;
    points: readonly {x: number, y: number}[];
}

const WIDTH = 720;
const HEIGHT = 380;
const PLOT = {left: 70, right: 700, top: 40, bottom: 320};
const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

function escapeXml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function fmt(value: number): string {
    return (Math.round(value * 10) / 10).toString();
}

/** Round tick values covering [min, max] (about five). */
function ticks(min: number, max: number): number[] {
    if (max <= min) return [min];
    const raw = (max - min) / 5;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? raw;
    const out: number[] = [];
    for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) out.push(Number(value.toPrecision(12)));
    return out;
}

/** A plain SVG line chart (no scripts, no external resources) of one or more series, with a legend. */
export function renderLineChart(options: {title: string, xLabel: string, yLabel: string, series: readonly ChartSeries[]}): string {
    const all = options.series.flatMap((series) => series.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const xMin = Math.min(...all.map((p) => p.x), 0);
    const xMax = Math.max(...all.map((p) => p.x), 1);
    const yMin = Math.min(...all.map((p) => p.y), 0);
    const yMax = Math.max(...all.map((p) => p.y), yMin + 1e-9);
    const xAt = (x: number): number => PLOT.left + (PLOT.right - PLOT.left) * (x - xMin) / (xMax - xMin || 1);
    const yAt = (y: number): number => PLOT.bottom - (PLOT.bottom - PLOT.top) * (y - yMin) / (yMax - yMin || 1);
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
        `<title>${escapeXml(options.title)}</title>`,
        `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
        `<text x="${PLOT.left}" y="22" font-size="13" font-weight="bold">${escapeXml(options.title)}</text>`,
        `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="#333"/>`,
        `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}" stroke="#333"/>`
    ];
    for (const tick of ticks(yMin, yMax)) {
        const y = yAt(tick);
        parts.push(`<line x1="${PLOT.left}" y1="${fmt(y)}" x2="${PLOT.right}" y2="${fmt(y)}" stroke="#e5e5e5"/>`);
        parts.push(`<text x="${PLOT.left - 6}" y="${fmt(y + 4)}" text-anchor="end">${tick}</text>`);
    }
    for (const tick of ticks(xMin, xMax)) parts.push(`<text x="${fmt(xAt(tick))}" y="${PLOT.bottom + 16}" text-anchor="middle">${tick}</text>`);
    parts.push(`<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 34}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
    parts.push(`<text x="16" y="${(PLOT.top + PLOT.bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(PLOT.top + PLOT.bottom) / 2})">${escapeXml(options.yLabel)}</text>`);
    options.series.forEach((series, index) => {
        const color = COLORS[index % COLORS.length]!;
        const points = series.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map((p) => `${fmt(xAt(p.x))},${fmt(yAt(p.y))}`);
        if (points.length > 0) parts.push(`<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${points.join(" ")}"/>`);
        const legendY = HEIGHT - 14;
        const legendX = PLOT.left + index * 160;
        parts.push(`<rect x="${legendX}" y="${legendY - 9}" width="10" height="10" fill="${color}"/>`);
        parts.push(`<text x="${legendX + 14}" y="${legendY}">${escapeXml(series.name)}</text>`);
    });
    parts.push("</svg>");
    return `${parts.join("\n")}\n`;
}
