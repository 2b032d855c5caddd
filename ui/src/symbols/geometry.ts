/**
 * Edge geometry for the value stream map, kept free of React so the same maths
 * draws the arrows on the canvas, in the palette icons, in SVG/PNG export and
 * later in the PDF report: one drawing of each arrow, reused everywhere.
 *
 * Every function takes two points in canvas coordinates and returns an SVG path
 * `d` string. They never produce `NaN`, whatever the two points are (identical,
 * horizontal, vertical or diagonal); short segments shrink the arrowhead so the
 * tip always lands exactly on `to`.
 */

export type Point = { x: number; y: number };

/** Below this length (px) a segment is treated as a single point. */
const EPSILON = 1e-6;

/** Round to 1/100 px and print without exponent or "-0", so paths stay short and stable. */
function fmt(n: number): string {
  if (!Number.isFinite(n)) return "0";
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

function pt(p: Point): string {
  return `${fmt(p.x)} ${fmt(p.y)}`;
}

/** Unit direction, unit left-hand normal and length of the segment from → to. */
function frame(from: Point, to: Point) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (!(length > EPSILON)) {
    return { length: 0, ux: 1, uy: 0, nx: 0, ny: 1 };
  }
  const ux = dx / length;
  const uy = dy / length;
  return { length, ux, uy, nx: -uy, ny: ux };
}

/**
 * Outline of a thick arrow: a shaft `width` wide ending in a triangular head
 * twice as wide. Shared by the striped push arrow and the hollow shipment arrow.
 */
function thickArrow(from: Point, to: Point, width: number): string {
  const f = frame(from, to);
  if (f.length === 0) {
    // Degenerate: collapse the outline onto the tip; still a valid closed path.
    return `M ${pt(to)} L ${pt(to)} Z`;
  }
  const safeWidth = Number.isFinite(width) && width > 0 ? width : 10;
  let half = safeWidth / 2;
  let headLength = safeWidth * 1.6;
  // A short arrow keeps its proportions: shrink the whole shape rather than
  // letting the head overshoot the start or the barbs reach past the tip.
  const minLength = headLength * 2;
  if (f.length < minLength) {
    const k = f.length / minLength;
    half *= k;
    headLength *= k;
  }
  const headHalf = half * 2;
  const at = (along: number, across: number): Point => ({
    x: from.x + f.ux * along + f.nx * across,
    y: from.y + f.uy * along + f.ny * across,
  });
  const base = f.length - headLength;
  const points = [
    at(0, half),
    at(base, half),
    at(base, headHalf),
    to,
    at(base, -headHalf),
    at(base, -half),
    at(0, -half),
  ];
  return `M ${points.map(pt).join(" L ")} Z`;
}

/**
 * Outline polygon of the push arrow: a shaft of `width` ending in an arrowhead
 * about twice as wide whose tip is exactly `to`. The caller fills it with the
 * striped pattern (see `PUSH_STRIPES_ID` in defs.tsx) and strokes it.
 */
export function pushArrowBody(from: Point, to: Point, width = 10): string {
  return thickArrow(from, to, width);
}

/**
 * The stripes of a push arrow as one dashed centre line: stroke it `width − 2` wide with a dash
 * pattern and it paints black and white bands across the shaft. Much cheaper to render than a
 * pattern fill (a software renderer re-rasterises patterns on every pan frame). Returns the
 * centre line from `from` to where the head starts, and its length.
 */
export function pushArrowStripes(from: Point, to: Point, width = 10): { d: string; length: number } {
  const f = frame(from, to);
  const safeWidth = Number.isFinite(width) && width > 0 ? width : 10;
  let headLength = safeWidth * 1.6;
  if (f.length < headLength * 2) headLength *= f.length / (headLength * 2);
  const base = Math.max(0, f.length - headLength);
  const end = { x: from.x + f.ux * base, y: from.y + f.uy * base };
  return { d: `M ${pt(from)} L ${pt(end)}`, length: base };
}

/**
 * Outline of the thick hollow shipment arrow; same shape as the push arrow.
 * The caller strokes it and fills it with the paper colour.
 */
export function hollowArrow(from: Point, to: Point, width = 12): string {
  return thickArrow(from, to, width);
}

/**
 * Thin electronic-information line: straight at both ends with one lightning
 * zig-zag in the middle. The last segment runs along from → to, so a marker at
 * the end points the right way.
 */
export function zigzagPath(from: Point, to: Point, amplitude = 8): string {
  const f = frame(from, to);
  if (f.length === 0) {
    return `M ${pt(from)} L ${pt(to)}`;
  }
  const safeAmp = Number.isFinite(amplitude) ? Math.abs(amplitude) : 8;
  // Half the length of the jag along the line; the jag takes at most 60% of the line.
  let run = safeAmp * 1.1;
  let amp = safeAmp;
  const maxRun = f.length * 0.3;
  if (run > maxRun) {
    const k = run > 0 ? maxRun / run : 0;
    run *= k;
    amp *= k;
  }
  const mid = f.length / 2;
  const at = (along: number, across: number): Point => ({
    x: from.x + f.ux * along + f.nx * across,
    y: from.y + f.uy * along + f.ny * across,
  });
  const points = [
    from,
    at(mid - run, 0),
    at(mid + run * 0.35, -amp),
    at(mid - run * 0.35, amp),
    at(mid + run, 0),
    to,
  ];
  return `M ${points.map(pt).join(" L ")}`;
}
