import { describe, expect, it } from "vitest";
import { borderPoint, bowedPath, edgeEnds, labelPoint, reworkCurve, SHORT_ARROW } from "./floating";

const box = { x: 0, y: 0, width: 100, height: 50 };

describe("floating edges", () => {
  it("leaves a box through the side that faces the other node", () => {
    expect(borderPoint(box, { x: 500, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(borderPoint(box, { x: 50, y: -400 })).toEqual({ x: 50, y: 0 });
    expect(borderPoint(box, { x: 50, y: 25 })).toEqual({ x: 50, y: 25 });
  });

  it("ends a gap away from both borders", () => {
    const [start, end] = edgeEnds(box, { x: 300, y: 0, width: 100, height: 50 }, 4);
    expect(start).toEqual({ x: 104, y: 25 });
    expect(end).toEqual({ x: 296, y: 25 });
  });

  it("bows a curve to one side without NaN", () => {
    const { d, middle } = bowedPath({ x: 0, y: 0 }, { x: 100, y: 0 }, 40);
    expect(d).not.toContain("NaN");
    expect(middle.y).toBeLessThan(0);
    expect(bowedPath({ x: 5, y: 5 }, { x: 5, y: 5 }, 40).d).not.toContain("NaN");
  });

  it("loops rework under a row of processes, clear of the boxes between", () => {
    // QA at x 900 sends work back to Development at x 300, with a box between them at x 600.
    const development = { x: 300, y: 300, width: 150, height: 110 };
    const qa = { x: 900, y: 300, width: 150, height: 110 };
    const { d, middle } = reworkCurve(qa, development);
    // Out of the bottom of QA, back up into the bottom of Development.
    expect(d).toBe("M 975 414 Q 675 534 375 414");
    // The label sits 60 px under the boxes (the bow is at most 120 px), not on their borders.
    expect(middle).toEqual({ x: 675, y: 474 });
    // Neighbours loop less deep: 30 px plus a quarter of the span.
    expect(reworkCurve({ ...qa, x: 500 }, development).middle.y).toBe(414 + (30 + 200 / 4) / 2);
  });

  it("bows rework between stacked nodes off the line between their borders", () => {
    const above = { x: 0, y: 0, width: 100, height: 50 };
    const below = { x: 0, y: 300, width: 100, height: 50 };
    const { d, middle } = reworkCurve(below, above);
    expect(d).toBe(bowedPath({ x: 50, y: 296 }, { x: 50, y: 54 }, 30 + 242 / 4).d);
    expect(middle.x).not.toBe(50);
    expect(reworkCurve(above, above).d).not.toContain("NaN");
  });

  it("puts a label on a long arrow, above a short one it would cover", () => {
    expect(labelPoint({ x: 0, y: 100 }, { x: 200, y: 100 })).toEqual({ x: 100, y: 100 });
    // "pull" between a queue and the box next to it: 50 px of arrow, all of it under the label.
    expect(labelPoint({ x: 0, y: 100 }, { x: 50, y: 100 })).toEqual({ x: 25, y: 88 });
    expect(labelPoint({ x: 0, y: 0 }, { x: SHORT_ARROW, y: 0 })).toEqual({ x: SHORT_ARROW / 2, y: 0 });
  });
});
