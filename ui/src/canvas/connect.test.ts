import { describe, expect, it } from "vitest";
import { FIXTURES } from "../backend/memoryBackend";
import { connectChange, defaultEdgeKind } from "./connect";

const map = FIXTURES[1].document.maps[0];

describe("connecting symbols", () => {
  it("picks the arrow a practitioner would draw", () => {
    expect(defaultEdgeKind("process", "inventory")).toBe("push");
    expect(defaultEdgeKind("supplier", "inventory")).toBe("shipment");
    expect(defaultEdgeKind("inventory", "customer")).toBe("shipment");
    expect(defaultEdgeKind("production_control", "process")).toBe("info_manual");
    expect(defaultEdgeKind("customer", "production_control")).toBe("info_manual");
    expect(defaultEdgeKind("supermarket", "process")).toBe("pull");
  });

  it("adds one new arrow with a fresh id", () => {
    expect(connectChange(map, "stamping", "weld-2")).toEqual({
      op: "add_edge",
      edge: { id: "e-20", from: "stamping", to: "weld-2", kind: "push" },
    });
  });

  it("refuses loops onto the same symbol and duplicates", () => {
    expect(connectChange(map, "stamping", "stamping")).toBeNull();
    expect(connectChange(map, "stamping", "inv-stamped")).toBeNull();
    expect(connectChange(map, "stamping", "ghost")).toBeNull();
  });
});
