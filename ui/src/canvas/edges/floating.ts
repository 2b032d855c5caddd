/**
 * Floating edge geometry: an arrow runs from the border of one node to the border of the other,
 * along the line between their centres, as arrows are drawn on a paper map.
 */
import type { Point } from "../../symbols";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const centre = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** Where the segment from the centre of `box` towards `towards` leaves the box. */
export function borderPoint(box: Box, towards: Point): Point {
  const c = centre(box);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const halfW = box.width / 2;
  const halfH = box.height / 2;
  const scale = 1 / Math.max(Math.abs(dx) / (halfW || 1e-9), Math.abs(dy) / (halfH || 1e-9));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/** The two end points of an edge between two boxes, `gap` pixels off their borders. */
export function edgeEnds(from: Box, to: Box, gap = 4): [Point, Point] {
  const start = borderPoint(from, centre(to));
  const end = borderPoint(to, centre(from));
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy);
  if (length <= 2 * gap) return [start, end];
  const ux = dx / length;
  const uy = dy / length;
  return [
    { x: start.x + ux * gap, y: start.y + uy * gap },
    { x: end.x - ux * gap, y: end.y - uy * gap },
  ];
}

/** A quadratic curve from `a` to `b` bowing `bow` pixels to the left of the direction of travel. */
export function bowedPath(a: Point, b: Point, bow: number): { d: string; middle: Point } {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  return quadratic(a, { x: mx + (dy / length) * bow, y: my - (dx / length) * bow }, b);
}

/** `M start Q control end`, with the point halfway along the curve. */
function quadratic(start: Point, control: Point, end: Point): { d: string; middle: Point } {
  const middle = { x: (start.x + 2 * control.x + end.x) / 4, y: (start.y + 2 * control.y + end.y) / 4 };
  return { d: `M ${start.x} ${start.y} Q ${control.x} ${control.y} ${end.x} ${end.y}`, middle };
}

/** How far a rework arrow bows: 30 px plus a quarter of the distance it spans, at most 120 px. */
export const reworkBow = (span: number) => Math.min(120, 30 + span / 4);

/**
 * The rework arrow from `from` back to `to`. Between nodes side by side (further apart across
 * than up and down: processes in a row) it loops under them, as rework is drawn under a row of
 * processes — out of the bottom of `from`, back up into the bottom of `to` — so that the boxes
 * between the two do not hide it. Otherwise it bows off the line between their borders.
 */
export function reworkCurve(from: Box, to: Box, gap = 4): { d: string; middle: Point } {
  const a = centre(from);
  const b = centre(to);
  if (Math.abs(b.x - a.x) < Math.abs(b.y - a.y)) {
    const [start, end] = edgeEnds(from, to, gap);
    return bowedPath(start, end, reworkBow(Math.hypot(end.x - start.x, end.y - start.y)));
  }
  const start = { x: a.x, y: from.y + from.height + gap };
  const end = { x: b.x, y: to.y + to.height + gap };
  const control = { x: (start.x + end.x) / 2, y: Math.max(start.y, end.y) + reworkBow(Math.abs(end.x - start.x)) };
  return quadratic(start, control, end);
}

/** Arrows shorter than this (px) carry their "pull" or "FIFO" label above them, not on them. */
export const SHORT_ARROW = 64;

/**
 * Where the label of the arrow from `a` to `b` is centred: on its middle, where the label
 * interrupts the line; or 12 px above the middle when the arrow is too short to show line on
 * both sides of the label, which would then cover the whole arrow and the symbols at its ends.
 */
export function labelPoint(a: Point, b: Point): Point {
  const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return Math.hypot(b.x - a.x, b.y - a.y) < SHORT_ARROW ? { x: middle.x, y: middle.y - 12 } : middle;
}
