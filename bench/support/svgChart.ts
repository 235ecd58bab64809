/** One named series of a chart panel: a value per category (null: no value). */
export type ChartSeries = {name: string, values: readonly (number | null)[]};

/** A panel: categories along x (rounds, models...), one grouped bar or one line per series. */
export type ChartPanel = {
    title: string,
    /** Unit of the values, shown on the y axis ("tokens", "ms", "tokens/s"). */
    unit: string,
    categories: readonly string[],
    series: readonly ChartSeries[],
    kind?: "bar" | "line"
};

export type ChartSpec = {title: string, panels: readonly ChartPanel[], columns?: number};

const PANEL_WIDTH = 380;
/** Charts are at least this wide (a single panel gets the room for the title and legend). */
const MIN_WIDTH = 640;
const LEGEND_ROW = 16;
const PANEL_HEIGHT = 230;
const MARGIN = {left: 56, right: 12, top: 30, bottom: 34};
const HEADER = 32;
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

/**
 * A small self-contained SVG of bar or line panels for benchmark results (bench/results/*.svg):
 * a title, a legend of the series (in the order of the first panel's), and a grid of panels with a
 * y axis from 0 to a round maximum. Deterministic and compact (coordinates to one decimal, no
 * timestamps), so that regenerated charts diff cleanly.
 */
export function svgChart(spec: ChartSpec): string {
    const columns = Math.max(1, Math.min(spec.columns ?? 2, spec.panels.length));
    const rows = Math.ceil(spec.panels.length / columns);
    const panelWidth = Math.max(PANEL_WIDTH, Math.ceil(MIN_WIDTH / columns));
    const width = columns * panelWidth;
    const names = [...new Set(spec.panels.flatMap((panel) => panel.series.map((series) => series.name)))];
    const color = (name: string): string => COLORS[names.indexOf(name) % COLORS.length]!;
    // The legend: one entry per series, wrapped onto more rows when they do not fit.
    const legend: string[] = [];
    let legendX = 12;
    let legendY = HEADER;
    for (const name of names) {
        const entryWidth = 24 + 6.5 * name.length;
        if (legendX > 12 && legendX + entryWidth > width - 12) {
            legendX = 12;
            legendY += LEGEND_ROW;
        }
        legend.push(`<rect x="${fmt(legendX)}" y="${legendY - 2}" width="10" height="10" fill="${color(name)}"/>`,
            `<text x="${fmt(legendX + 14)}" y="${legendY + 7}">${escapeXml(name)}</text>`);
        legendX += entryWidth;
    }
    const top = legendY + LEGEND_ROW;
    const height = top + rows * PANEL_HEIGHT;
    const parts: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
        `<rect width="${width}" height="${height}" fill="#fff"/>`,
        `<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(spec.title)}</text>`,
        ...legend
    ];
    spec.panels.forEach((panel, index) => {
        const x0 = (index % columns) * panelWidth;
        const y0 = top + Math.floor(index / columns) * PANEL_HEIGHT;
        parts.push(...renderPanel(panel, x0, y0, panelWidth, color));
    });
    parts.push("</svg>");
    return `${parts.join("\n")}\n`;
}

function renderPanel(panel: ChartPanel, x0: number, y0: number, panelWidth: number, color: (name: string) => string): string[] {
    const plotLeft = x0 + MARGIN.left;
    const plotTop = y0 + MARGIN.top;
    const plotWidth = panelWidth - MARGIN.left - MARGIN.right;
    const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
    const values = panel.series.flatMap((series) => series.values.filter((value): value is number => value !== null && Number.isFinite(value)));
    const top = niceMaximum(Math.max(0, ...values));
    const y = (value: number): number => plotTop + plotHeight - (plotHeight * Math.max(0, value)) / top;
    const out: string[] = [
        `<text x="${fmt(x0 + panelWidth / 2)}" y="${fmt(y0 + 18)}" text-anchor="middle" font-weight="bold">${escapeXml(panel.title)}</text>`,
        `<text x="${fmt(x0 + 12)}" y="${fmt(plotTop + plotHeight / 2)}" text-anchor="middle" transform="rotate(-90 ${fmt(x0 + 12)} ${fmt(plotTop + plotHeight / 2)})">${escapeXml(panel.unit)}</text>`
    ];
    for (let tick = 0; tick <= 4; tick++) {
        const value = (top * tick) / 4;
        out.push(`<line x1="${fmt(plotLeft)}" x2="${fmt(plotLeft + plotWidth)}" y1="${fmt(y(value))}" y2="${fmt(y(value))}" stroke="${tick === 0 ? "#000" : "#ddd"}"/>`,
            `<text x="${fmt(plotLeft - 4)}" y="${fmt(y(value) + 4)}" text-anchor="end">${tickLabel(value)}</text>`);
    }
    const slot = plotWidth / Math.max(1, panel.categories.length);
    panel.categories.forEach((category, i) => {
        out.push(`<text x="${fmt(plotLeft + slot * (i + 0.5))}" y="${fmt(plotTop + plotHeight + 14)}" text-anchor="middle">${escapeXml(category)}</text>`);
    });
    if (panel.kind === "line") {
        for (const series of panel.series) {
            const points = series.values.flatMap((value, i) => value === null || !Number.isFinite(value) ? [] : [[plotLeft + slot * (i + 0.5), y(value)] as const]);
            if (points.length > 1) out.push(`<polyline fill="none" stroke="${color(series.name)}" stroke-width="2" points="${points.map(([px, py]) => `${fmt(px)},${fmt(py)}`).join(" ")}"/>`);
            for (const [px, py] of points) out.push(`<circle cx="${fmt(px)}" cy="${fmt(py)}" r="3" fill="${color(series.name)}"/>`);
        }
    } else {
        const barWidth = (slot * 0.8) / Math.max(1, panel.series.length);
        panel.series.forEach((series, s) => {
            series.values.forEach((value, i) => {
                if (value === null || !Number.isFinite(value)) return;
                const left = plotLeft + slot * i + slot * 0.1 + barWidth * s;
                out.push(`<rect x="${fmt(left)}" y="${fmt(y(value))}" width="${fmt(barWidth)}" height="${fmt(plotTop + plotHeight - y(value))}" fill="${color(series.name)}"><title>${escapeXml(`${series.name}, ${panel.categories[i] ?? ""}: ${tickLabel(value)} ${panel.unit}`)}</title></rect>`);
            });
        });
    }
    return out;
}

/** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value` (1 for 0). */
export function niceMaximum(value: number): number {
    if (!(value > 0) || !Number.isFinite(value)) return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value * (1 - 1e-12)) return step * power;
    return 10 * power;
}

function tickLabel(value: number): string {
    if (value === 0) return "0";
    if (Math.abs(value) >= 10_000) return `${fmt(value / 1000)}k`;
    return Number.isInteger(value) ? String(value) : fmt(value, Math.abs(value) < 1 ? 2 : 1);
}

function fmt(value: number, digits = 1): string {
    const scale = 10 ** digits;
    return String(Math.round(value * scale) / scale);
}

function escapeXml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
