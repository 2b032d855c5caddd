import { describe, expect, it } from "vitest";
import type { Map } from "../bindings";
import { freshId, newNodeChange } from "./newNode";

const map: Map = {
  id: "m",
  nodes: [
    { id: "process-1", kind: "process" },
    { id: "process-2", kind: "process" },
  ],
  edges: [{ id: "inventory-1", from: "process-1", to: "process-2", kind: "push" }],
};

describe("new nodes", () => {
  it("get the first id not used by a node or an edge", () => {
    expect(freshId(map, "process")).toBe("process-3");
    expect(freshId(map, "inventory")).toBe("inventory-2");
    expect(freshId(map, "kaizen_burst")).toBe("kaizen-burst-1");
  });

  it("are added at the rounded drop point with a name where the symbol has one", () => {
    expect(newNodeChange(map, "process", { x: 10.4, y: 20.6 })).toEqual({
      op: "add_node",
      node: { id: "process-3", kind: "process", name: "Process", x: 10, y: 21 },
    });
    const triangle = newNodeChange(map, "inventory", { x: 0, y: 0 });
    expect(triangle.op === "add_node" && triangle.node.name).toBe("");
  });
});
