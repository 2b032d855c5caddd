// @vitest-environment node
/**
 * Golden cases for the Rust port of the edge geometry. The PDF report draws the map's arrows
 * with src-tauri/crates/vsm-report/src/arrows.rs, a port of floating.ts, symbols/geometry.ts,
 * the markers of symbols/defs.tsx and the edge styles of canvas/canvas.css. This test computes the
 * TypeScript results for a fixed set of cases into
 * src-tauri/crates/vsm-report/tests/arrow-cases.json, and the Rust test tests/arrows.rs asserts
 * that the port gives the same strings. When this test fails, the canvas changed: regenerate
 *
 *   cd ui && UPDATE_GOLDEN=1 npx vitest run src/canvas/edges/golden
 *
 * then run `cargo test -p vsm-report --test arrows` and port what it reports.
 *
 * Every number in the file is a string as JavaScript prints it (`String(n)`): Rust parses those
 * exactly, and the outputs are compared as the text the SVG gets.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatPercent } from "../../format/units";
import {
  ARROW_MARKER_ID,
  OPEN_ARROW_MARKER_ID,
  SymbolDefs,
  hollowArrow,
  pushArrowBody,
  pushArrowStripes,
  zigzagPath,
  type Point,
} from "../../symbols";
import { borderPoint, bowedPath, centre, edgeEnds, labelPoint, reworkBow, reworkCurve, type Box } from "./floating";

const FILE = new URL("../../../../src-tauri/crates/vsm-report/tests/arrow-cases.json", import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const REGENERATE = "cd ui && UPDATE_GOLDEN=1 npx vitest run src/canvas/edges/golden";

const num = (n: number) => String(n);
const point = (p: Point) => ({ x: num(p.x), y: num(p.y) });
const box = (b: Box) => ({ x: num(b.x), y: num(b.y), width: num(b.width), height: num(b.height) });

// What VsmEdge.tsx computes inline (keep in step with it): the straight line and the rework
// label. (`rework` below is the rework curve between two points, which the report draws in
// legends; between two nodes the canvas draws `rework_curve`.)
const straightLine = (a: Point, b: Point) => `M ${a.x} ${a.y} L ${b.x} ${b.y}`;
const reworkLabel = (probability: number) => `rework ${formatPercent(probability)}`;
/** The probability the rework label of every edge case is computed for. */
const REWORK_PROBABILITY = 0.05;

/** Box pairs: every way two nodes can sit relative to each other. */
const EDGE_CASES: { name: string; from: Box; to: Box; gap?: number }[] = [
  { name: "horizontal", from: { x: 0, y: 0, width: 100, height: 60 }, to: { x: 300, y: 0, width: 100, height: 60 } },
  { name: "horizontal leftwards", from: { x: 300, y: 0, width: 100, height: 60 }, to: { x: 0, y: 0, width: 100, height: 60 } },
  { name: "vertical", from: { x: 0, y: 0, width: 100, height: 60 }, to: { x: 0, y: 200, width: 100, height: 60 } },
  { name: "vertical upwards", from: { x: 0, y: 200, width: 100, height: 60 }, to: { x: 0, y: 0, width: 100, height: 60 } },
  { name: "diagonal", from: { x: 0, y: 0, width: 120, height: 80 }, to: { x: 333.3, y: 217.7, width: 90, height: 45 } },
  { name: "diagonal shallow", from: { x: 10.5, y: 20.25, width: 140, height: 90 }, to: { x: 400, y: 60, width: 80, height: 80 } },
  { name: "diagonal up right", from: { x: 0, y: 400, width: 100, height: 60 }, to: { x: 150, y: 0, width: 100, height: 60 } },
  { name: "diagonal up left", from: { x: 512.3, y: 377.9, width: 140, height: 96 }, to: { x: 17.1, y: 3.3, width: 64, height: 64 } },
  { name: "negative and fractional", from: { x: -250.75, y: -80.125, width: 180, height: 110 }, to: { x: -20, y: 90.5, width: 64, height: 64 } },
  { name: "far away", from: { x: 12000.3, y: 8000.7, width: 100, height: 60 }, to: { x: 15000, y: 9000.1, width: 100, height: 60 } },
  { name: "overlapping", from: { x: 0, y: 0, width: 100, height: 60 }, to: { x: 50, y: 30, width: 100, height: 60 } },
  { name: "identical", from: { x: 40, y: 40, width: 100, height: 60 }, to: { x: 40, y: 40, width: 100, height: 60 } },
  { name: "same centre", from: { x: 0, y: 0, width: 100, height: 60 }, to: { x: 25, y: 15, width: 50, height: 30 } },
  { name: "very short (within two gaps)", from: { x: 0, y: 0, width: 100, height: 60 }, to: { x: 106, y: 0, width: 100, height: 60 } },
  { name: "short (just over two gaps)", from: { x: 0, y: 0, width: 100, height: 60 }, to: { x: 110, y: 3, width: 100, height: 60 } },
  { name: "short (head shrinks)", from: { x: 0, y: 0, width: 100, height: 60 }, to: { x: 125, y: 10, width: 100, height: 60 } },
  { name: "tiny offset", from: { x: 0, y: 0, width: 100, height: 60 }, to: { x: 1e-7, y: 0, width: 100, height: 60 } },
  { name: "zero-size boxes", from: { x: 0, y: 0, width: 0, height: 0 }, to: { x: 50, y: 70, width: 0, height: 0 } },
  { name: "flat box", from: { x: 0, y: 0, width: 100, height: 0 }, to: { x: 30, y: 200, width: 0, height: 40 } },
  { name: "wide gap", from: { x: 0, y: 0, width: 100, height: 60 }, to: { x: 200, y: 90, width: 100, height: 60 }, gap: 10 },
];

/** Point pairs with unusual widths, amplitudes and bows, straight into geometry.ts. */
const SEGMENT_CASES: { name: string; from: Point; to: Point; width: number; amplitude: number; bow: number }[] = [
  { name: "plain", from: { x: 0, y: 0 }, to: { x: 200, y: 0 }, width: 10, amplitude: 8, bow: 40 },
  { name: "diagonal wide", from: { x: 12.345, y: 67.891 }, to: { x: 212.5, y: 301.25 }, width: 24, amplitude: 15, bow: 80 },
  { name: "short", from: { x: 5, y: 5 }, to: { x: 17, y: 9 }, width: 12, amplitude: 8, bow: 33 },
  { name: "very short", from: { x: 5, y: 5 }, to: { x: 5.5, y: 5.25 }, width: 10, amplitude: 8, bow: 30 },
  { name: "below epsilon", from: { x: 5, y: 5 }, to: { x: 5 + 1e-7, y: 5 }, width: 10, amplitude: 8, bow: 30 },
  { name: "identical", from: { x: 7.777, y: -3.333 }, to: { x: 7.777, y: -3.333 }, width: 10, amplitude: 8, bow: 30 },
  { name: "zero width", from: { x: 0, y: 0 }, to: { x: 0, y: 100 }, width: 0, amplitude: 0, bow: 0 },
  { name: "negative width and amplitude", from: { x: 100, y: 0 }, to: { x: 0, y: 100 }, width: -3, amplitude: -5, bow: -25 },
  { name: "non-finite width and amplitude", from: { x: 0, y: 100 }, to: { x: 100, y: 0 }, width: NaN, amplitude: Infinity, bow: 10 },
  { name: "NaN amplitude", from: { x: 0, y: 0 }, to: { x: 60, y: 80 }, width: Infinity, amplitude: NaN, bow: 10 },
  { name: "rounding halves", from: { x: 1.005, y: 2.675 }, to: { x: 101.125, y: -0.005 }, width: 10, amplitude: 8, bow: 12.5 },
  { name: "negative rounding", from: { x: -0.004, y: -0.005 }, to: { x: -100.115, y: -40.0051 }, width: 10, amplitude: 8, bow: 12.5 },
];

/** Numbers as JavaScript prints them (`${n}` in the straight and bowed paths). */
const NUMBERS = [
  0, -0, 1, -1, 100, 0.1, 0.1 + 0.2, 1 / 3, -2 / 3, 123.456, 1e-6, 1e-7, 1.5e-7, -1.5e-7, 123e-20, 1e20, 1e21,
  123456789012345680000, 2 ** 53 + 2, 5e-324, 1.7976931348623157e308, 0.000001234, 104.00000000000001, NaN,
  Infinity, -Infinity,
];

/** Numbers through `fmt` (1/100 px): zigzagPath of a point onto itself prints just `pt(p)`. */
const FMT_NUMBERS = [
  0, -0, 1.005, 2.675, 1.115, -1.115, 0.005, -0.005, -0.004, 0.0049999, 123456.785, -2.5e-3, 1e-7, 1e20, 1e21,
  -1e21, 99.999, 0.015, NaN, Infinity,
];

/** Rework probabilities through formatPercent. */
const PERCENTS = [
  0, 0.05, 0.1, 0.07, 0.123456, 0.0999, 0.09999, 0.00999, 0.001234, 0.0000049, 0.00001, 0.5, 0.999, 0.99999,
  0.015, 0.0145, 0.00995, 0.009995, -0.0000001, 1.5, 12.345, 123.45678, NaN, Infinity,
];

/** The value of `property` in the rule for exactly `selector` in the stylesheet, or null. */
function cssRule(css: string, selector: string): Record<string, string> | null {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!match) return null;
  const declarations: Record<string, string> = {};
  for (const part of match[1].split(";")) {
    const colon = part.indexOf(":");
    if (colon > 0) declarations[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return declarations;
}

/** The edge styles of the light theme, variables resolved, `px` dropped. */
function edgeStyles(): Record<string, string | null> {
  const css = readFileSync(new URL("../canvas.css", import.meta.url), "utf8");
  const root = cssRule(readFileSync(new URL("../../styles.css", import.meta.url), "utf8"), ":root") ?? {};
  const value = (selector: string, property: string): string => {
    const raw = cssRule(css, selector)?.[property];
    if (raw === undefined) throw new Error(`canvas.css: no ${property} in ${selector}`);
    const resolved = raw.replace(/var\((--[\w-]+)\)/g, (_, name: string) => root[name] ?? name);
    return resolved.replace(/(\d)px\b/g, "$1");
  };
  const padding = value(".vsm-edge__label", "padding").split(/\s+/);
  return {
    ink: root["--ink"],
    paper: root["--paper"],
    danger: root["--danger"],
    body_stroke: value(".vsm-edge__body", "stroke"),
    body_stroke_linejoin: value(".vsm-edge__body", "stroke-linejoin"),
    body_fill: value(".vsm-edge__body--hollow", "fill"),
    body_stroke_width: value(".vsm-edge__body--hollow", "stroke-width"),
    stripes_fill: value(".vsm-edge__stripes", "fill"),
    stripes_stroke: value(".vsm-edge__stripes", "stroke"),
    stripes_stroke_width: value(".vsm-edge__stripes", "stroke-width"),
    stripes_dasharray: value(".vsm-edge__stripes", "stroke-dasharray"),
    line_fill: value(".vsm-edge__line", "fill"),
    line_stroke: value(".vsm-edge__line", "stroke"),
    line_color: value(".vsm-edge__line", "color"),
    line_stroke_width: value(".vsm-edge__line", "stroke-width"),
    kanban_dasharray: value(".vsm-edge__line--dashed", "stroke-dasharray"),
    rework_stroke: value(".vsm-edge__line--rework", "stroke"),
    rework_color: value(".vsm-edge__line--rework", "color"),
    rework_dasharray: value(".vsm-edge__line--rework", "stroke-dasharray"),
    // The pull and FIFO lines carry this class but it has no rule: plain thin lines.
    pull_rule: cssRule(css, ".vsm-edge__line--pull") ? "present" : null,
    label_font_size: value(".vsm-edge__label", "font-size"),
    label_padding_x: padding[1] ?? padding[0],
    label_background: value(".vsm-edge__label", "background"),
    rework_label_color: value(".vsm-edge__label--rework", "color"),
  };
}

/** The arrowhead markers as SymbolDefs renders them. */
function markers() {
  const markup = renderToStaticMarkup(createElement(SymbolDefs));
  const attribute = (element: string, name: string): string | null =>
    new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1] ?? null;
  const marker = (id: string) => {
    const match = new RegExp(`<marker\\s[^>]*id="${id}"[^>]*>([\\s\\S]*?)</marker>`).exec(markup);
    if (!match) throw new Error(`SymbolDefs has no marker ${id}`);
    const open = match[0].slice(0, match[0].indexOf(">") + 1);
    const path = /<path\s[^>]*>/.exec(match[1])?.[0] ?? "";
    return {
      view_box: attribute(open, "viewBox"),
      ref_x: attribute(open, "refX"),
      ref_y: attribute(open, "refY"),
      marker_width: attribute(open, "markerWidth"),
      marker_height: attribute(open, "markerHeight"),
      marker_units: attribute(open, "markerUnits"),
      orient: attribute(open, "orient"),
      d: attribute(path, "d"),
      fill: attribute(path, "fill"),
      stroke_width: attribute(path, "stroke-width"),
      stroke_linecap: attribute(path, "stroke-linecap"),
      stroke_linejoin: attribute(path, "stroke-linejoin"),
    };
  };
  return { arrow: marker(ARROW_MARKER_ID), open: marker(OPEN_ARROW_MARKER_ID) };
}

/** Everything the Rust port must reproduce. */
function golden() {
  const edges = EDGE_CASES.map(({ name, from, to, gap }) => {
    const [a, b] = gap === undefined ? edgeEnds(from, to) : edgeEnds(from, to, gap);
    const bow = reworkBow(Math.hypot(b.x - a.x, b.y - a.y));
    const bowed = bowedPath(a, b, bow);
    const loop = gap === undefined ? reworkCurve(from, to) : reworkCurve(from, to, gap);
    const stripes = pushArrowStripes(a, b, 10);
    return {
      name,
      from: box(from),
      to: box(to),
      gap: num(gap ?? 4),
      start_border: point(borderPoint(from, centre(to))),
      end_border: point(borderPoint(to, centre(from))),
      ends: [point(a), point(b)],
      middle: point({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }),
      label_point: point(labelPoint(a, b)),
      line: straightLine(a, b),
      push_body: pushArrowBody(a, b, 10),
      push_stripes: { d: stripes.d, length: num(stripes.length) },
      shipment: hollowArrow(a, b, 12),
      zigzag: zigzagPath(a, b),
      rework_bow: num(bow),
      rework: { d: bowed.d, middle: point(bowed.middle) },
      rework_curve: { d: loop.d, middle: point(loop.middle) },
      rework_label: reworkLabel(REWORK_PROBABILITY),
    };
  });
  const segments = SEGMENT_CASES.map(({ name, from, to, width, amplitude, bow }) => {
    const stripes = pushArrowStripes(from, to, width);
    const bowed = bowedPath(from, to, bow);
    return {
      name,
      from: point(from),
      to: point(to),
      width: num(width),
      amplitude: num(amplitude),
      bow: num(bow),
      push_body: pushArrowBody(from, to, width),
      push_stripes: { d: stripes.d, length: num(stripes.length) },
      hollow: hollowArrow(from, to, width),
      zigzag: zigzagPath(from, to, amplitude),
      bowed: { d: bowed.d, middle: point(bowed.middle) },
    };
  });
  return {
    "//": `Generated by ui/src/canvas/edges/golden.test.ts; do not edit. Regenerate: ${REGENERATE}`,
    style: edgeStyles(),
    markers: markers(),
    rework_probability: num(REWORK_PROBABILITY),
    numbers: NUMBERS.map(num),
    fmt: FMT_NUMBERS.map((n) => ({ value: num(n), d: zigzagPath({ x: n, y: n }, { x: n, y: n }) })),
    percents: PERCENTS.map((p) => ({ fraction: num(p), text: formatPercent(p) })),
    edges,
    segments,
  };
}

const generated = `${JSON.stringify(golden(), null, 2)}\n`;
if (UPDATE) writeFileSync(FILE, generated);

describe("golden cases of the Rust arrow port (vsm-report/tests/arrow-cases.json)", () => {
  it("are current", () => {
    let committed: unknown = null;
    try {
      committed = JSON.parse(readFileSync(FILE, "utf8"));
    } catch {
      // Missing or broken: the comparison below fails with the message.
    }
    expect(committed, `arrow-cases.json is stale; regenerate: ${REGENERATE}`).toEqual(JSON.parse(generated));
  });

  it("cover the unusual inputs the port must handle", () => {
    const data = JSON.parse(generated) as ReturnType<typeof golden>;
    expect(data.numbers).toContain("1e+21");
    expect(data.numbers).toContain("1.5e-7");
    expect(data.style.pull_rule).toBeNull();
    expect(data.markers.arrow.d).toBeTruthy();
    expect(data.markers.open.stroke_width).toBeTruthy();
    // Identical boxes put both ends on the common centre.
    const identical = data.edges.find((e) => e.name === "identical");
    expect(identical?.ends[0]).toEqual(identical?.ends[1]);
  });
});
