/**
 * Connecting two symbols by dragging between their handles: the new arrow gets the kind a VSM
 * practitioner would draw there (material between stock and processes, shipment to the customer
 * or from the supplier, information to and from production control); the inspector then offers
 * every other kind.
 */
import type { Change, EdgeKind, Map, NodeKind } from "../bindings";

const INFORMATION: NodeKind[] = ["production_control", "heijunka", "kanban_post", "go_see", "operator", "note", "kaizen_burst"];

/** The arrow kind a practitioner would draw from `from` to `to`. */
export function defaultEdgeKind(from: NodeKind, to: NodeKind): EdgeKind {
  if (INFORMATION.includes(from) || INFORMATION.includes(to)) return "info_manual";
  if (from === "supplier" || to === "customer" || from === "truck" || to === "truck") return "shipment";
  if (from === "customer" || to === "supplier") return "info_electronic";
  if (from === "supermarket") return "pull";
  if (to === "fifo" || from === "fifo") return "fifo";
  return "push";
}

/** An id for a new edge, unique among the map's nodes and edges: `e-7`. */
export function freshEdgeId(map: Map): string {
  const taken = new Set([...map.nodes.map((n) => n.id), ...map.edges.map((e) => e.id)]);
  let n = map.edges.length + 1;
  while (taken.has(`e-${n}`)) n += 1;
  return `e-${n}`;
}

/** The change that connects `source` to `target`, or null when the connection makes no sense. */
export function connectChange(map: Map, source: string, target: string): Change | null {
  if (source === target) return null;
  const from = map.nodes.find((n) => n.id === source);
  const to = map.nodes.find((n) => n.id === target);
  if (!from || !to) return null;
  if (map.edges.some((e) => e.from === source && e.to === target)) return null;
  return { op: "add_edge", edge: { id: freshEdgeId(map), from: source, to: target, kind: defaultEdgeKind(from.kind, to.kind) } };
}
