import { describe, expect, it } from "vitest";
import type { Node } from "../../bindings";
import { withProvenance } from "../../layout/Inspector";
import { dataRows } from "./ProcessNode";

const weld: Node = { id: "weld", kind: "process", cycle_time_s: 39, changeover_s: 600, uptime: 1, provenance: { uptime: "estimated" } };

describe("the data box", () => {
  it("lists a manufacturing process's rows with their provenance", () => {
    expect(dataRows(weld)).toEqual([
      ["C/T", "39 s", "measured"],
      ["C/O", "10 min", "measured"],
      ["Uptime", "100 %", "estimated"],
    ]);
  });

  it("lists an office step's PT, LT and %C/A", () => {
    const review: Node = { id: "r", kind: "process", process_time_s: 3600, lead_time_s: 129600, pca: 0.8 };
    expect(dataRows(review, "h").map(([label, value]) => `${label} ${value}`)).toEqual(["PT 1 h", "LT 36 h", "%C/A 80 %"]);
  });

  it("records provenance sparsely: measured is the default and is not written", () => {
    expect(withProvenance(weld, "cycle_time_s", "imported")).toEqual({ uptime: "estimated", cycle_time_s: "imported" });
    expect(withProvenance(weld, "uptime", "measured")).toBeNull();
  });
});
