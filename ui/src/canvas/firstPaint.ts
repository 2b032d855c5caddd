/**
 * The first frame of a large map. React Flow adopts and indexes every symbol and arrow it is given
 * before it draws the few in view (502 symbols and 551 arrows on the benchmark map, ~25 and ~30 of
 * them in view), so for the first frame the canvas gives it only the symbols in and around the
 * opening view, with their neighbours so that arrows leaving the view are drawn too; the whole
 * map follows as soon as that frame is painted.
 */
import type { Viewport } from "@xyflow/react";
import type { VsmFlowEdge, VsmFlowNode } from "./toFlow";

export function firstPaintSubset(
  nodes: VsmFlowNode[],
  edges: VsmFlowEdge[],
  viewport: Viewport,
  size: { width: number; height: number },
  margin = 200,
): { nodes: VsmFlowNode[]; edges: VsmFlowEdge[] } {
  const left = -viewport.x / viewport.zoom - margin;
  const top = -viewport.y / viewport.zoom - margin;
  const right = left + size.width / viewport.zoom + 2 * margin;
  const bottom = top + size.height / viewport.zoom + 2 * margin;
  const inView = new Set<string>();
  for (const node of nodes) {
    const { x, y } = node.position;
    const width = node.measured?.width ?? 0;
    const height = node.measured?.height ?? 0;
    if (x < right && x + width > left && y < bottom && y + height > top) inView.add(node.id);
  }
  const kept = new Set(inView);
  for (const edge of edges) {
    if (inView.has(edge.source)) kept.add(edge.target);
    if (inView.has(edge.target)) kept.add(edge.source);
  }
  return {
    nodes: nodes.filter((node) => kept.has(node.id)),
    edges: edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target)),
  };
}
