import { describe, expect, it } from "vitest";
import type { Node, StepReport } from "../../bindings";
import { FIXTURES } from "../../backend/memoryBackend";
import { dataRows } from "./ProcessNode";
import { dataRowFields, estimatedSize, processBodyHeight, stockWidth } from "./sizes";

const node = (fields: Partial<Node> & Pick<Node, "kind">): Node => ({ id: "n", name: "N", x: 0, y: 0, ...fields });
const step = (fields: Partial<StepReport>) => fields as StepReport;

describe("symbol sizes", () => {
  it("counts the data rows the process box draws, for every process of the examples", () => {
    const processes = FIXTURES.flatMap((fixture) => fixture.document.maps.flatMap((map) => map.nodes)).filter((n) => n.kind === "process");
    expect(processes.length).toBeGreaterThan(8);
    for (const process of processes) expect(dataRowFields(process).length, process.id).toBe(dataRows(process).length);
    expect(dataRowFields(node({ kind: "process" }))).toEqual(["cycle_time_s"]); // C/T "—"
    expect(dataRowFields(node({ kind: "process", process_time_s: 60, scrap: 0.01 }))).toEqual(["process_time_s", "scrap"]);
  });

  it("makes a process box 17 px taller per data row, the simplified box the same size", () => {
    const one = node({ kind: "process", cycle_time_s: 30 });
    const three = node({ kind: "process", cycle_time_s: 30, uptime: 0.9, shifts: 2 });
    expect(estimatedSize(one)).toEqual({ width: 150, height: 75 });
    expect(estimatedSize(three)).toEqual({ width: 150, height: 109 });
    // Name band and borders (36 px) plus what the simplified box draws instead of the rows.
    expect(processBodyHeight(three) + 36).toBe(estimatedSize(three).height);
  });

  it("sizes a stock by its drawing and the lines of text under it", () => {
    expect(estimatedSize(node({ kind: "inventory", name: "" }))).toEqual({ width: 50, height: 38 });
    expect(estimatedSize(node({ kind: "inventory", name: "", quantity: 7000 }))).toEqual({ width: 50, height: 52 });
    // The computed wait in days is written only for a stock given no time of its own.
    const waiting = step({ wait_days: 2.5 });
    expect(estimatedSize(node({ kind: "inventory", name: "", quantity: 7000 }), { step: waiting }).height).toBe(66);
    expect(estimatedSize(node({ kind: "inventory", name: "", wait_s: 3600 }), { step: waiting }).height).toBe(52);
    expect(estimatedSize(node({ kind: "inventory", name: "Coils", quantity: 7000 }), { step: waiting }).height).toBe(80);
    expect(stockWidth(node({ kind: "fifo" }))).toBe(90);
    expect(estimatedSize(node({ kind: "supermarket", name: "" })).height).toBe(44);
  });

  it("draws small symbols 56 px wide, as tall as their drawing at that width plus their text", () => {
    // Truck 70 × 40 → 56 × 32; the frequency written under it.
    expect(estimatedSize(node({ kind: "truck", name: "" }))).toEqual({ width: 56, height: 32 });
    expect(estimatedSize(node({ kind: "truck", name: "", frequency: "Daily" }))).toEqual({ width: 56, height: 46 });
    // Kanban post 30 × 46 → 85.9, rounded as the browser rounds a box's height.
    expect(estimatedSize(node({ kind: "kanban_post", name: "Post" })).height).toBe(100);
    expect(estimatedSize(node({ kind: "note", name: "", text: "" }))).toEqual({ width: 200, height: 14 });
    expect(estimatedSize(node({ kind: "note", name: "Source", text: "Team survey" })).height).toBe(42);
  });

  it("adds the customer's demand box only when the map has a demand", () => {
    const customer = node({ kind: "customer" });
    expect(estimatedSize(customer)).toEqual({ width: 130, height: 86 });
    expect(estimatedSize(customer, { demand: { quantity: 18400, per: "month" } as never })).toEqual({ width: 130, height: 107 });
    expect(estimatedSize(node({ kind: "supplier" }), { demand: { quantity: 1, per: "day" } as never }).height).toBe(86);
  });
});
