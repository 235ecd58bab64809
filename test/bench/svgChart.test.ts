import {suite} from "uvu";
import * as assert from "uvu/assert";
import {niceMaximum, svgChart} from "../../bench/support/svgChart.js";

const t = suite("svgChart");

const spec = {
    title: "Rounds <&> tokens",
    panels: [
        {title: "input tokens", unit: "tokens", categories: ["round 0", "round 1"], series: [{name: "reuse", values: [847, 56]}, {name: "stateless", values: [847, 1032]}]},
        {title: "ms", unit: "ms", kind: "line" as const, categories: ["round 0", "round 1"], series: [{name: "reuse", values: [400, null]}, {name: "stateless", values: [410, 590]}]}
    ]
};

t("one svg element with the title escaped, a legend entry per series and a bar per value", () => {
    const svg = svgChart(spec);
    assert.ok(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert.ok(svg.trimEnd().endsWith("</svg>"));
    assert.is(svg.match(/<svg/g)!.length, 1);
    assert.ok(svg.includes("Rounds &lt;&amp;&gt; tokens"));
    assert.ok(svg.includes(">reuse</text>") && svg.includes(">stateless</text>"));
    assert.is(svg.match(/<rect [^>]*><title>/g)!.length, 4, "four bars in the bar panel");
    assert.is(svg.match(/<polyline /g)!.length, 1, "a line needs two points: the reuse series has one value");
    assert.is(svg.match(/<circle /g)!.length, 3);
});

t("deterministic, and a series keeps its legend colour in every panel", () => {
    const svg = svgChart(spec);
    assert.is(svg, svgChart(spec));
    const legend = (name: string): string => new RegExp(`fill="(#[0-9a-f]{6})"/>\\n<text [^>]*>${name}</text>`).exec(svg)![1]!;
    const [reuse, stateless] = [legend("reuse"), legend("stateless")];
    assert.is.not(reuse, stateless);
    assert.ok(new RegExp(`fill="${reuse}"><title>reuse, round 1`).test(svg), "the reuse bars");
    assert.ok(svg.includes(`<polyline fill="none" stroke="${stateless}"`), "the stateless line");
});

t("the y axis ends at a round number at or above the largest value", () => {
    assert.is(niceMaximum(1032), 2000);
    assert.is(niceMaximum(847), 1000);
    assert.is(niceMaximum(590), 1000);
    assert.is(niceMaximum(230), 250);
    assert.is(niceMaximum(0.37), 0.5);
    assert.is(niceMaximum(0), 1);
    assert.is(niceMaximum(Number.NaN), 1);
    assert.ok(svgChart(spec).includes(">2000</text>"));
});

t.run();
