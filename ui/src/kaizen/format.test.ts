import { describe, expect, it } from "vitest";
import { FIXTURES } from "../backend/memoryBackend";
import { describeChange } from "./describeChange";
import { describeDelta, formatDelta, formatDeltaRatio, formatMetric } from "./metricFormat";

describe("figures of a comparison", () => {
  it("shows each figure in its unit and changes with their sign", () => {
    expect(formatMetric("lead_time_s", 33.3 * 86400)).toBe("33.3 d");
    expect(formatMetric("va_ratio", 0.0359)).toBe("3.6 %");
    expect(formatMetric("lead_time_days", 23.62)).toBe("23.6 d");
    expect(formatMetric("labour_required", 6.149)).toBe("6.15");
    expect(formatMetric("takt_s", null)).toBe("—");
    expect(formatDelta("lead_time_s", -7.5 * 86400)).toBe("−7.5 d");
    expect(formatDelta("va_ratio", 0.0105)).toBe("+1.1 pp");
    expect(formatDelta("processing_time_s", 0)).toBe("0");
    expect(formatDeltaRatio(-0.225)).toBe("−22.5 %");
    expect(formatDeltaRatio(null)).toBe("");
    expect(describeDelta({ metric: "lead_time_s", from: 33.3 * 86400, to: 25.8 * 86400, delta: -7.5 * 86400, delta_ratio: -0.225 })).toBe(
      "Lead time 33.3 d → 25.8 d (−22.5 %)",
    );
  });
});

describe("a change batch in words", () => {
  const acme = FIXTURES[1].document.maps[0];
  const delivery = FIXTURES[0].document.maps[0];

  it("names the symbol, the field, and the values before and after in their units", () => {
    expect(describeChange(delivery, { op: "update_node", id: "backlog", set: { wait_s: 216000 } })).toBe("Backlog: Wait 10 d → 2.5 d");
    expect(describeChange(acme, { op: "update_node", id: "inv-stamped", set: { kind: "supermarket", quantity: 1380, max_quantity: 1380 } })).toBe(
      "Inventory inv-stamped: Symbol Inventory → Supermarket; Quantity 7,000 pcs → 1,380 pcs; Maximum none → 1,380 pcs",
    );
    expect(describeChange(delivery, { op: "update_node", id: "qa", set: { automated: true, pca: 0.95 } })).toBe("QA: Automated none → yes; %C/A 70 % → 95 %");
  });

  it("describes removals, additions and arrows", () => {
    expect(describeChange(acme, { op: "remove_node", id: "inv-weld-1" })).toBe("Remove Inventory inv-weld-1");
    expect(describeChange(acme, { op: "add_edge", edge: { id: "flow", from: "weld-1", to: "weld-2", kind: "push" } })).toBe("Connect S. Weld #1 → S. Weld #2");
    expect(describeChange(acme, { op: "remove_edge", id: "i-weld-1" })).toBe("Remove the arrow Production Control → S. Weld #1");
    expect(describeChange(acme, { op: "add_node", node: { id: "h", kind: "heijunka", name: "Heijunka", x: 0, y: 0 } })).toBe("Add Heijunka box “Heijunka”");
    expect(describeChange(delivery, { op: "update_edge", id: "r-qa", set: { probability: 0.075 } })).toBe("Arrow QA → Development: Rework probability 15 % → 7.5 %");
  });
});
