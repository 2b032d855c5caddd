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
  const control = { x: mx + (dy / length) * bow, y: my - (dx / length) * bow };
  const middle = { x: (a.x + 2 * control.x + b.x) / 4, y: (a.y + 2 * control.y + b.y) / 4 };
  return { d: `M ${a.x} ${a.y} Q ${control.x} ${control.y} ${b.x} ${b.y}`, middle };
}
