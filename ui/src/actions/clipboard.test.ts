import { describe, expect, it } from "vitest";
import { FIXTURES } from "../backend/memoryBackend";
import { copySelection, pasteChanges, readClipboard } from "./clipboard";

const map = FIXTURES[1].document.maps[0];

describe("clipboard", () => {
  it("copies the selected symbols and the arrows among them", () => {
    const payload = copySelection(map, { nodes: ["stamping", "inv-stamped", "burst-smed"], edges: [] });
    expect(payload?.nodes.map((n) => n.id)).toEqual(["stamping", "inv-stamped", "burst-smed"]);
    expect(payload?.edges.map((e) => e.id)).toEqual(["e-1"]);
    expect(copySelection(map, { nodes: [], edges: ["e-1"] })).toBeNull();
  });

  it("round-trips through clipboard text and ignores foreign text", () => {
    const payload = copySelection(map, { nodes: ["stamping"], edges: [] });
    expect(readClipboard(JSON.stringify(payload))).toEqual(payload);
    expect(readClipboard("hello")).toBeNull();
    expect(readClipboard('{"format":"other","nodes":[],"edges":[]}')).toBeNull();
  });

  it("pastes with fresh ids, offset, arrows and burst targets following", () => {
    const payload = copySelection(map, { nodes: ["stamping", "inv-stamped", "burst-smed"], edges: [] });
    if (!payload) throw new Error("nothing copied");
    const { changes, ids } = pasteChanges(map, payload);
    expect(ids).toEqual(["process-1", "inventory-1", "kaizen-burst-1"]);
    expect(changes).toContainEqual(expect.objectContaining({ op: "add_node", node: expect.objectContaining({ id: "process-1", x: 150, y: 350, cycle_time_s: 1 }) }));
    expect(changes).toContainEqual({ op: "add_edge", edge: { id: "e-20", from: "process-1", to: "inventory-1", kind: "push" } });
    const burst = changes.find((c) => c.op === "add_node" && c.node.id === "kaizen-burst-1");
    expect(burst?.op === "add_node" && burst.node.target).toBe("process-1");
  });

  it("keeps a burst target that exists in the destination and drops one that does not", () => {
    const payload = copySelection(map, { nodes: ["burst-smed"], edges: [] });
    if (!payload) throw new Error("nothing copied");
    const here = pasteChanges(map, payload).changes[0];
    expect(here.op === "add_node" && here.node.target).toBe("stamping");
    const elsewhere = pasteChanges({ id: "other", nodes: [], edges: [] }, payload).changes[0];
    expect(elsewhere.op === "add_node" && "target" in elsewhere.node).toBe(false);
  });
});
