import { describe, expect, it } from "vitest";
import { centred, labelRows } from "./labelRows";

const label = (at: number, text = "18.8 h") => centred(at, text, 11);

describe("labelRows", () => {
  it("keeps labels with room on the first row", () => {
    expect(labelRows([label(0), label(100), label(200)])).toEqual([0, 0, 0]);
  });

  it("moves a label that would print over its neighbour to the next row, and back when there is room", () => {
    // "18.8 h" at 11 px is ~40 px wide: centres 30 px apart collide, 60 px apart do not.
    expect(labelRows([label(0), label(30), label(60), label(200)])).toEqual([0, 1, 0, 0]);
  });

  it("puts a label where the last one ends first when every row is taken", () => {
    expect(labelRows([label(0, "70.6 min"), label(10, "29.4 min"), label(20, "4.7 h")])).toEqual([0, 1, 0]);
  });

  it("answers in the order the labels were given", () => {
    expect(labelRows([label(60), label(0), label(30)])).toEqual([0, 0, 1]);
  });
});
