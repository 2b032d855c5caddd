import { describe, expect, it } from "vitest";
import { borderPoint, bowedPath, edgeEnds } from "./floating";

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
});
