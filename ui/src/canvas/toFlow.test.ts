import { describe, expect, it } from "vitest";
import { FIXTURES } from "../backend/memoryBackend";
import { toFlowEdges, toFlowNodes, viewOf } from "./toFlow";

const acme = FIXTURES[1];
const map = acme.document.maps[0];
const report = acme.metrics.maps[0];
const none = { positions: {}, selectedNodes: new Set<string>(), selectedEdges: new Set<string>() };

describe("toFlow", () => {
  it("draws every node with its symbol, position and metrics", () => {
    const nodes = toFlowNodes(map, report, none);
    expect(nodes).toHaveLength(map.nodes.length);
    const assembly = nodes.find((n) => n.id === "assembly-1");
    expect(assembly?.type).toBe("process");
    expect(assembly?.position).toEqual({ x: 960, y: 320 });
    expect(assembly?.data.bottleneck).toBe(true);
    expect(assembly?.data.step?.over_takt).toBe(true);
    expect(nodes.find((n) => n.id === "state-street")?.data.demand?.quantity).toBe(18400);
  });

  it("uses drag positions and selection overrides", () => {
    const nodes = toFlowNodes(map, report, { ...none, positions: { stamping: { x: 1, y: 2 } }, selectedNodes: new Set(["stamping"]) });
    const stamping = nodes.find((n) => n.id === "stamping");
    expect(stamping?.position).toEqual({ x: 1, y: 2 });
    expect(stamping?.selected).toBe(true);
  });

  it("gives every node a size and handles, measured once React Flow has measured it", () => {
    // Without them React Flow draws every symbol of the map, in view or not, to measure it, and
    // forgets the measurement whenever the node objects are made anew (every selection, every edit).
    const estimated = toFlowNodes(map, report, none).find((n) => n.id === "stamping");
    expect(estimated?.measured).toEqual({ width: estimated?.initialWidth, height: estimated?.initialHeight });
    expect(estimated?.handles?.map((h) => [h.type, h.position])).toEqual([["target", "left"], ["source", "right"]]);
    const measured = new Map([["stamping", { width: 150, height: 144 }]]);
    const stamping = toFlowNodes(map, report, { ...none, measured }).find((n) => n.id === "stamping");
    expect(stamping?.measured).toEqual({ width: 150, height: 144 });
    expect(stamping?.handles?.map((h) => [h.x + 5, h.y + 5])).toEqual([[0, 72], [150, 72]]);
  });

  it("maps kinds to views", () => {
    expect(viewOf("inventory")).toBe("stock");
    expect(viewOf("fifo")).toBe("stock");
    expect(viewOf("supplier")).toBe("factory");
    expect(viewOf("truck")).toBe("symbol");
  });

  it("draws every edge between its nodes", () => {
    const edges = toFlowEdges(map, { ...none, selectedEdges: new Set(["e-1"]) });
    expect(edges).toHaveLength(map.edges.length);
    expect(edges.find((e) => e.id === "e-1")).toMatchObject({ source: "stamping", target: "inv-stamped", selected: true });
  });
});

describe("opening view", async () => {
  const { openingView } = await import("./Canvas");
  const { generated } = await import("../test/generated");
  it("fits a map that stays readable when fitted", () => {
    expect(openingView(map, { width: 880, height: 540 })).toMatchObject({ fitView: true });
  });
  it("opens a large map readable at its start", () => {
    const big = generated(250);
    expect(openingView(big, { width: 880, height: 540 })).toEqual({ defaultViewport: { x: 40, y: 40, zoom: 0.7 } });
  });
});
