import { describe, expect, it } from "vitest";
import { FIXTURES } from "../backend/memoryBackend";
import { firstPaintSubset } from "./firstPaint";
import { toFlowEdges, toFlowNodes } from "./toFlow";

const acme = FIXTURES[1];
const map = acme.document.maps[0];
const none = { positions: {}, selectedNodes: new Set<string>(), selectedEdges: new Set<string>() };
const nodes = toFlowNodes(map, acme.metrics.maps[0], none);
const edges = toFlowEdges(map, none);

describe("the first frame of a large map", () => {
  it("keeps the symbols in view, their neighbours, and the arrows between those", () => {
    // At zoom 1 the view shows x 0–300, y 300–500 of the Acme map: Coils, Stamping and the foot of
    // the kaizen burst above it; their neighbours come with them.
    const subset = firstPaintSubset(nodes, edges, { x: 0, y: -300, zoom: 1 }, { width: 300, height: 200 }, 0);
    expect(subset.nodes.map((n) => n.id).sort()).toEqual(["burst-smed", "coils", "inv-stamped", "production-control", "stamping", "steel"]);
    expect(subset.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual([
      "coils>stamping",
      "production-control>stamping",
      "production-control>steel",
      "stamping>inv-stamped",
      "steel>coils",
    ]);
  });

  it("widens the view by the margin and scales it with the zoom", () => {
    // Zoomed out to 0.5 the same window shows twice as much: up to x 600, so S. Weld #1 (x 400) too.
    const zoomedOut = firstPaintSubset(nodes, edges, { x: 0, y: -150, zoom: 0.5 }, { width: 300, height: 200 }, 0);
    expect(zoomedOut.nodes.map((n) => n.id)).toContain("weld-1");
    const withMargin = firstPaintSubset(nodes, edges, { x: 0, y: -300, zoom: 1 }, { width: 300, height: 200 }, 200);
    expect(withMargin.nodes.map((n) => n.id)).toContain("weld-1");
  });

  it("keeps everything when everything is in view", () => {
    const all = firstPaintSubset(nodes, edges, { x: 0, y: 0, zoom: 0.1 }, { width: 1280, height: 800 });
    expect(all.nodes).toHaveLength(nodes.length);
    expect(all.edges).toHaveLength(edges.length);
  });
});
