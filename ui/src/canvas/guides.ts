/**
 * Alignment guides: while a symbol is dragged, its left edge, centre or right edge snaps to those
 * of other symbols (and likewise top, middle, bottom) when within a few pixels, and a guide line
 * shows what it aligned with. Pure geometry, in canvas coordinates.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Alignment {
  /** Correction to apply to the dragged box. */
  dx: number;
  dy: number;
  /** x of a vertical guide line, if the box snapped horizontally. */
  vertical: number | null;
  /** y of a horizontal guide line, if the box snapped vertically. */
  horizontal: number | null;
}

const anchorsX = (b: Box) => [b.x, b.x + b.width / 2, b.x + b.width];
const anchorsY = (b: Box) => [b.y, b.y + b.height / 2, b.y + b.height];

/** The nearest alignment of `moving` with any of `others` within `threshold` pixels per axis. */
export function align(moving: Box, others: Box[], threshold = 6): Alignment {
  let best = { dx: 0, dy: 0, vertical: null as number | null, horizontal: null as number | null };
  let bestX = threshold + 1;
  let bestY = threshold + 1;
  const mx = anchorsX(moving);
  const my = anchorsY(moving);
  for (const other of others) {
    for (const target of anchorsX(other)) {
      for (const anchor of mx) {
        const distance = Math.abs(target - anchor);
        if (distance < bestX) {
          bestX = distance;
          best = { ...best, dx: target - anchor, vertical: target };
        }
      }
    }
    for (const target of anchorsY(other)) {
      for (const anchor of my) {
        const distance = Math.abs(target - anchor);
        if (distance < bestY) {
          bestY = distance;
          best = { ...best, dy: target - anchor, horizontal: target };
        }
      }
    }
  }
  return best;
}
