import { describe, expect, it } from "vitest";
import { align } from "./guides";

const box = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height });

describe("alignment guides", () => {
  it("snaps centres, edges and middles within the threshold and reports the guide lines", () => {
    // Centre 198 against a centre at 200 (edges are 8 and 12 px off); middle 398 against 400.
    expect(align(box(158, 373, 80, 50), [box(150, 100), box(600, 380, 80, 40)])).toEqual({ dx: 2, dy: 2, vertical: 200, horizontal: 400 });
  });

  it("leaves a box alone when nothing is near", () => {
    expect(align(box(0, 0), [box(300, 300)])).toEqual({ dx: 0, dy: 0, vertical: null, horizontal: null });
  });

  it("aligns left edge to right edge too", () => {
    expect(align(box(204, 0), [box(100, 500)]).vertical).toBe(200);
  });
});
