/**
 * Tests for the value stream mapping symbols: every symbol and palette icon is an
 * accessible, well-formed SVG without NaN, and the edge geometry (shared by the
 * canvas, palette, export and report) stays finite and lands on its target.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/react";
import type { ComponentType } from "react";
import {
  ARROW_MARKER_ID,
  BufferStock,
  EDGE_KINDS,
  ElectronicInfoIcon,
  Factory,
  FifoArrowIcon,
  FifoLane,
  GoSee,
  Heijunka,
  InventoryTriangle,
  KaizenBurst,
  KanbanArrowIcon,
  KanbanPost,
  ManualInfoIcon,
  Note,
  OPEN_ARROW_MARKER_ID,
  Operator,
  PALETTE_NODE_KINDS,
  PUSH_STRIPES_ALT_ID,
  PUSH_STRIPES_ID,
  ProcessIcon,
  ProductionControlIcon,
  ProductionKanban,
  PullArrowIcon,
  PushArrowIcon,
  ReworkArrowIcon,
  SequencedPull,
  ShipmentArrowIcon,
  SignalKanban,
  Supermarket,
  SymbolDefs,
  Truck,
  WithdrawalKanban,
  edgeIcons,
  hollowArrow,
  paletteIcons,
  pushArrowBody,
  pushStripesId,
  zigzagPath,
} from "./index";
import type { Point, SymbolProps } from "./index";

afterEach(() => cleanup());

/** Every symbol component with its default size and default accessible name. */
const SYMBOLS: [string, ComponentType<SymbolProps>, number, number, string][] = [
  ["Factory", Factory, 110, 70, "Factory"],
  ["InventoryTriangle", InventoryTriangle, 44, 38, "Inventory"],
  ["KaizenBurst", KaizenBurst, 120, 70, "Kaizen burst"],
  ["Truck", Truck, 70, 40, "Truck"],
  ["Operator", Operator, 24, 24, "Operator"],
  ["Supermarket", Supermarket, 40, 44, "Supermarket"],
  ["FifoLane", FifoLane, 90, 34, "FIFO lane"],
  ["BufferStock", BufferStock, 36, 40, "Buffer stock"],
  ["KanbanPost", KanbanPost, 30, 46, "Kanban post"],
  ["Heijunka", Heijunka, 64, 30, "Heijunka box"],
  ["GoSee", GoSee, 52, 24, "Go see"],
  ["SequencedPull", SequencedPull, 36, 36, "Sequenced pull"],
  ["ProductionKanban", ProductionKanban, 34, 24, "Production kanban"],
  ["WithdrawalKanban", WithdrawalKanban, 34, 24, "Withdrawal kanban"],
  ["SignalKanban", SignalKanban, 30, 26, "Signal kanban"],
  ["Note", Note, 40, 44, "Note"],
  ["ProductionControlIcon", ProductionControlIcon, 40, 28, "Production control"],
  ["ProcessIcon", ProcessIcon, 40, 34, "Process"],
  ["PushArrowIcon", PushArrowIcon, 48, 20, "Push arrow"],
  ["PullArrowIcon", PullArrowIcon, 48, 20, "Pull arrow"],
  ["FifoArrowIcon", FifoArrowIcon, 48, 20, "FIFO flow"],
  ["ShipmentArrowIcon", ShipmentArrowIcon, 48, 20, "Shipment arrow"],
  ["ManualInfoIcon", ManualInfoIcon, 48, 20, "Manual information"],
  ["ElectronicInfoIcon", ElectronicInfoIcon, 48, 20, "Electronic information"],
  ["KanbanArrowIcon", KanbanArrowIcon, 48, 20, "Kanban arrow"],
  ["ReworkArrowIcon", ReworkArrowIcon, 48, 20, "Rework arrow"],
];

function renderSvg(element: React.ReactElement): { svg: SVGSVGElement; html: string } {
  const { container } = render(element);
  const svg = container.querySelector("svg");
  if (!svg) throw new Error("no <svg> rendered");
  return { svg: svg, html: container.innerHTML };
}

/** Checks shared by every symbol and icon. */
function expectWellFormed(svg: SVGSVGElement, html: string) {
  expect(svg.getAttribute("role")).toBe("img");
  expect((svg.getAttribute("aria-label") ?? "").trim()).not.toBe("");
  expect(svg.getAttribute("viewBox")).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  expect(html).not.toMatch(/NaN|undefined|Infinity/);
  // Drawn with vector shapes, never bitmaps or emoji.
  expect(svg.querySelector("image, foreignObject")).toBeNull();
  expect(svg.querySelectorAll("path, rect, circle, polygon, line, text").length).toBeGreaterThan(0);
}

describe("symbol components", () => {
  it.each(SYMBOLS)("%s renders an accessible svg at its default size", (_name, C, w, h, label) => {
    const { svg, html } = renderSvg(<C />);
    expectWellFormed(svg, html);
    expect(svg.getAttribute("viewBox")).toBe(`0 0 ${w} ${h}`);
    expect(svg.getAttribute("width")).toBe(String(w));
    expect(svg.getAttribute("height")).toBe(String(h));
    expect(svg.getAttribute("aria-label")).toBe(label);
  });

  it.each(SYMBOLS)("%s takes title, className and a size", (_name, C, w, h) => {
    const { svg, html } = renderSvg(<C title="Stamping press" className="node-symbol" width={w * 3} height={h * 2} />);
    expectWellFormed(svg, html);
    expect(svg.getAttribute("aria-label")).toBe("Stamping press");
    expect(svg.getAttribute("class")).toBe("node-symbol");
    expect(svg.getAttribute("width")).toBe(String(w * 3));
    expect(svg.getAttribute("height")).toBe(String(h * 2));
    // The drawing keeps its own coordinate system whatever the rendered size.
    expect(svg.getAttribute("viewBox")).toBe(`0 0 ${w} ${h}`);
  });

  it("keeps the aspect ratio when only one side is given", () => {
    const byWidth = renderSvg(<Factory width={220} />).svg;
    expect(byWidth.getAttribute("height")).toBe("140");
    cleanup();
    const byHeight = renderSvg(<InventoryTriangle height={76} />).svg;
    expect(byHeight.getAttribute("width")).toBe("88");
  });

  it("falls back to the default name for a blank title", () => {
    expect(renderSvg(<Truck title="  " />).svg.getAttribute("aria-label")).toBe("Truck");
  });

  it("draws ink in currentColor and paper in the themeable --vsm-paper colour", () => {
    const { svg } = renderSvg(<Note />);
    expect(svg.getAttribute("stroke")).toBe("currentColor");
    const sheet = svg.querySelector("path");
    expect(sheet?.getAttribute("fill")).toBe("#fff");
    expect(sheet?.getAttribute("style") ?? "").toContain("var(--vsm-paper, #fff)");
  });

  it("draws the kaizen burst as a red, irregular 14-point star inside its box", () => {
    const { svg } = renderSvg(<KaizenBurst />);
    const polygon = svg.querySelector("polygon");
    expect(polygon?.getAttribute("stroke")).toBe("#c62828");
    expect(polygon?.getAttribute("style") ?? "").toContain("var(--vsm-burst-fill, #fff3f0)");
    const coords = (polygon?.getAttribute("points") ?? "").trim().split(/\s+/).map((p) => p.split(",").map(Number));
    expect(coords).toHaveLength(28);
    for (const [x, y] of coords) {
      expect(x).toBeGreaterThanOrEqual(1);
      expect(x).toBeLessThanOrEqual(119);
      expect(y).toBeGreaterThanOrEqual(1);
      expect(y).toBeLessThanOrEqual(69);
    }
    // Irregular: the tips are not all the same distance from the centre.
    const tipRadii = coords.filter((_, k) => k % 2 === 0).map(([x, y]) => Math.hypot((x - 60) / 57, (y - 35) / 33));
    expect(Math.max(...tipRadii) - Math.min(...tipRadii)).toBeGreaterThan(0.1);
  });

  it("writes FIFO in the lane and the max quantity under it only when given", () => {
    const plain = renderSvg(<FifoLane />);
    expect(plain.svg.textContent).toBe("FIFO");
    cleanup();
    const withMax = renderSvg(<FifoLane max="20" />);
    expect(withMax.svg.textContent).toContain("max 20");
    expect(withMax.svg.getAttribute("aria-label")).toBe("FIFO lane, max 20");
    cleanup();
    expect(renderSvg(<FifoLane max="max 5 pcs" />).svg.textContent).toContain("max 5 pcs");
  });

  it("uses only the DejaVu Sans font stack for text", () => {
    const { svg } = renderSvg(<FifoLane max="20" />);
    const texts = Array.from(svg.querySelectorAll("text"));
    expect(texts.length).toBe(2);
    for (const t of texts) expect(t.getAttribute("font-family")).toBe("DejaVu Sans, sans-serif");
  });

  it("gives each push icon its own stripe pattern id", () => {
    const { container } = render(
      <>
        <PushArrowIcon />
        <PushArrowIcon />
      </>,
    );
    const ids = Array.from(container.querySelectorAll("pattern")).map((p) => p.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    const fills = Array.from(container.querySelectorAll("path[fill^='url(']")).map((p) => p.getAttribute("fill"));
    expect(fills).toEqual(ids.map((id) => `url(#${id})`));
  });
});

describe("palette and edge icon maps", () => {
  it("has an icon for every node kind", () => {
    expect(Object.keys(paletteIcons).sort()).toEqual([...PALETTE_NODE_KINDS].sort());
  });

  it("has an icon for every edge kind", () => {
    expect(Object.keys(edgeIcons).sort()).toEqual([...EDGE_KINDS].sort());
  });

  it.each(Object.entries(paletteIcons))("node icon %s renders", (_kind, Icon) => {
    const { svg, html } = renderSvg(<Icon width={32} height={32} />);
    expectWellFormed(svg, html);
    expect(svg.getAttribute("width")).toBe("32");
  });

  it.each(Object.entries(edgeIcons))("edge icon %s renders", (_kind, Icon) => {
    const { svg, html } = renderSvg(<Icon />);
    expectWellFormed(svg, html);
    expect(svg.getAttribute("viewBox")).toBe("0 0 48 20");
  });

  it("draws every edge kind differently", () => {
    const labels = new Set<string>();
    const drawings = new Set<string>();
    for (const Icon of Object.values(edgeIcons)) {
      const { svg } = renderSvg(<Icon />);
      labels.add(svg.getAttribute("aria-label") ?? "");
      drawings.add(svg.innerHTML);
      cleanup();
    }
    expect(labels.size).toBe(EDGE_KINDS.length);
    expect(drawings.size).toBe(EDGE_KINDS.length);
  });
});

describe("SymbolDefs", () => {
  it("defines the push stripes pattern and both arrow markers once, invisibly", () => {
    const { container } = render(<SymbolDefs />);
    const svg = container.querySelector("svg");
    expect(svg?.getAttribute("width")).toBe("0");
    expect(svg?.getAttribute("height")).toBe("0");
    expect(svg?.getAttribute("style") ?? "").toContain("position: absolute");
    const pattern = container.querySelector(`pattern#${PUSH_STRIPES_ID}`);
    expect(pattern?.getAttribute("patternUnits")).toBe("userSpaceOnUse");
    expect(Number(pattern?.getAttribute("width"))).toBeGreaterThanOrEqual(6);
    expect(Number(pattern?.getAttribute("width"))).toBeLessThanOrEqual(10);
    expect(pattern?.getAttribute("patternTransform")).toContain("rotate");
    expect(container.querySelectorAll(`marker#${ARROW_MARKER_ID}`)).toHaveLength(1);
    expect(container.querySelectorAll(`marker#${OPEN_ARROW_MARKER_ID}`)).toHaveLength(1);
    expect(container.querySelector(`marker#${ARROW_MARKER_ID} path`)?.getAttribute("d")).toMatch(/Z$/);
    expect(container.querySelector(`marker#${OPEN_ARROW_MARKER_ID} path`)?.getAttribute("fill")).toBe("none");
    expect(container.innerHTML).not.toContain("NaN");
  });

  it("defines mirrored stripes and picks the pattern whose bands cross the arrow", () => {
    const { container } = render(<SymbolDefs />);
    expect(container.querySelector(`pattern#${PUSH_STRIPES_ALT_ID}`)?.getAttribute("patternTransform")).toBe("rotate(-45)");
    const o = { x: 100, y: 100 };
    // Horizontal and vertical arrows cross either set at 45°: keep the main pattern.
    expect(pushStripesId(o, { x: 300, y: 100 })).toBe(PUSH_STRIPES_ID);
    expect(pushStripesId(o, { x: 100, y: 300 })).toBe(PUSH_STRIPES_ID);
    expect(pushStripesId(o, o)).toBe(PUSH_STRIPES_ID);
    // Down-right crosses the main bands at 90°; up-right would run along them.
    expect(pushStripesId(o, { x: 200, y: 200 })).toBe(PUSH_STRIPES_ID);
    expect(pushStripesId(o, { x: 200, y: 0 })).toBe(PUSH_STRIPES_ALT_ID);
    expect(pushStripesId(o, { x: 0, y: 200 })).toBe(PUSH_STRIPES_ALT_ID);
  });
});

/** All coordinate pairs of a path made of M/L/Z commands with absolute coordinates. */
function pathPoints(d: string): Point[] {
  const numbers = (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  expect(numbers.length % 2).toBe(0);
  const points: Point[] = [];
  for (let k = 0; k < numbers.length; k += 2) points.push({ x: numbers[k], y: numbers[k + 1] });
  return points;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Distance of p from the infinite line through a and b. */
function offLine(p: Point, a: Point, b: Point): number {
  const len = dist(a, b);
  return Math.abs((b.x - a.x) * (a.y - p.y) - (a.x - p.x) * (b.y - a.y)) / len;
}

const SEGMENTS: [string, Point, Point][] = [
  ["identical points", { x: 40, y: 40 }, { x: 40, y: 40 }],
  ["horizontal", { x: 10, y: 50 }, { x: 310, y: 50 }],
  ["horizontal, right to left", { x: 310, y: 50 }, { x: 10, y: 50 }],
  ["vertical", { x: 80, y: 10 }, { x: 80, y: 260 }],
  ["vertical, upwards", { x: 80, y: 260 }, { x: 80, y: 10 }],
  ["diagonal", { x: 0, y: 0 }, { x: 150, y: 120 }],
  ["diagonal, negative coordinates", { x: -35.5, y: 90.25 }, { x: -200, y: -60 }],
  ["very short", { x: 5, y: 5 }, { x: 8, y: 9 }],
  ["sub-pixel", { x: 5, y: 5 }, { x: 5.0000001, y: 5 }],
];

describe.each([
  ["pushArrowBody", pushArrowBody, 10],
  ["hollowArrow", hollowArrow, 12],
])("%s", (_name, fn, defaultWidth) => {
  it.each(SEGMENTS)("is a finite closed path for %s", (_case, from, to) => {
    const d = fn(from, to);
    expect(d).toMatch(/^M /);
    expect(d).toMatch(/Z$/);
    expect(d).not.toMatch(/NaN|Infinity/);
    for (const p of pathPoints(d)) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
  });

  it.each(SEGMENTS)("puts the arrow tip on `to` for %s", (_case, from, to) => {
    const points = pathPoints(fn(from, to));
    const farthest = points.reduce((best, p) => (dist(p, from) > dist(best, from) ? p : best), points[0]);
    expect(dist(farthest, to)).toBeLessThanOrEqual(0.5);
  });

  it.each(SEGMENTS.filter(([name]) => !["identical points", "very short", "sub-pixel"].includes(name)))(
    "has a shaft of the given width and a head twice as wide for %s",
    (_case, from, to) => {
      const points = pathPoints(fn(from, to, 14));
      const offsets = points.map((p) => offLine(p, from, to));
      // Shaft corners are 7 px off the axis, head barbs 14 px, the tip on the axis.
      expect(offsets.filter((o) => Math.abs(o - 7) < 0.05)).toHaveLength(4);
      expect(offsets.filter((o) => Math.abs(o - 14) < 0.05)).toHaveLength(2);
      expect(Math.min(...offsets)).toBeLessThan(0.05);
      // The default width is used when none is given.
      const defaults = pathPoints(fn(from, to)).map((p) => offLine(p, from, to));
      expect(Math.max(...defaults)).toBeCloseTo(defaultWidth, 1);
    },
  );

  it("starts the shaft at `from`", () => {
    const from = { x: 20, y: 30 };
    const [first, ...rest] = pathPoints(fn(from, { x: 220, y: 30 }));
    const last = rest[rest.length - 1];
    expect(dist({ x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 }, from)).toBeLessThan(0.05);
  });
});

describe("zigzagPath", () => {
  it.each(SEGMENTS)("is finite and runs from `from` to `to` for %s", (_case, from, to) => {
    const d = zigzagPath(from, to);
    expect(d).toMatch(/^M /);
    expect(d).not.toMatch(/NaN|Infinity/);
    const points = pathPoints(d);
    expect(dist(points[0], from)).toBeLessThanOrEqual(0.01);
    expect(dist(points[points.length - 1], to)).toBeLessThanOrEqual(0.01);
  });

  it.each(SEGMENTS.filter(([name]) => ["horizontal", "vertical, upwards", "diagonal"].includes(name)))(
    "has one lightning jag in the middle and straight ends for %s",
    (_case, from, to) => {
      const points = pathPoints(zigzagPath(from, to, 8));
      expect(points).toHaveLength(6);
      const offsets = points.map((p) => offLine(p, from, to));
      // Ends and the jag's entry and exit on the line; the two jag corners 8 px either side.
      expect(offsets[0]).toBeLessThan(0.05);
      expect(offsets[1]).toBeLessThan(0.05);
      expect(offsets[4]).toBeLessThan(0.05);
      expect(offsets[5]).toBeLessThan(0.05);
      expect(offsets[2]).toBeCloseTo(8, 1);
      expect(offsets[3]).toBeCloseTo(8, 1);
      // The jag sits around the midpoint.
      const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
      const jagCentre = { x: (points[2].x + points[3].x) / 2, y: (points[2].y + points[3].y) / 2 };
      expect(dist(jagCentre, mid)).toBeLessThan(0.05);
      // The last segment runs along the line, so an end marker points at `to`.
      expect(offLine(points[4], from, to)).toBeLessThan(0.05);
    },
  );

  it("shrinks the jag on a short line instead of overshooting", () => {
    const from = { x: 0, y: 0 };
    const to = { x: 10, y: 0 };
    for (const p of pathPoints(zigzagPath(from, to, 8))) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(10);
      expect(Math.abs(p.y)).toBeLessThan(8);
    }
  });
});
