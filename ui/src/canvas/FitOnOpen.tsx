/**
 * Fits the view to `nodes` once React Flow has adopted them and set up its pane, before the
 * frame is painted. React Flow's own `fitView` option waits for a measurement of the symbols that
 * changes something, and with the symbols' sizes given exactly (nodes/sizes.ts, and the build's
 * `reactFlowKeepsGivenSizes`) none does: the map would stay unfitted. Render it inside
 * `<ReactFlow>` in place of that option, with the nodes given to the flow.
 *
 * It fits once per pan-zoom instance: a `<ReactFlow>` remounted under the same provider (another
 * map, a new comparison) first sees the previous mount's store, whose pan-zoom is then replaced.
 */
import { useLayoutEffect, useRef } from "react";
import { getViewportForBounds, useReactFlow, useStore, useStoreApi, type Node } from "@xyflow/react";

export function FitOnOpen({ nodes, padding = 0.1 }: { nodes: Node[]; padding?: number }) {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const panZoom = useStore((state) => state.panZoom);
  const ready = useStore((state) => state.nodes === nodes && state.width > 0 && state.height > 0);
  const fittedWith = useRef<unknown>(null);
  useLayoutEffect(() => {
    if (!ready || !panZoom || fittedWith.current === panZoom || nodes.length === 0) return;
    fittedWith.current = panZoom;
    const { width, height, minZoom, maxZoom } = flowStore.getState();
    void flow.setViewport(getViewportForBounds(flow.getNodesBounds(nodes), width, height, minZoom, maxZoom, padding));
  }, [ready, panZoom, nodes, flow, flowStore, padding]);
  return null;
}
