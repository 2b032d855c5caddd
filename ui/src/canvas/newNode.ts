/** Adding a symbol: a fresh id, a sensible name, at the drop point. */
import type { Change, Map, NodeKind } from "../bindings";

export const KIND_LABELS: Record<NodeKind, string> = {
  process: "Process",
  inventory: "Inventory",
  supermarket: "Supermarket",
  fifo: "FIFO lane",
  buffer: "Buffer stock",
  supplier: "Supplier",
  customer: "Customer",
  production_control: "Production control",
  kaizen_burst: "Kaizen burst",
  truck: "Truck shipment",
  operator: "Operator",
  kanban_post: "Kanban post",
  heijunka: "Heijunka box",
  go_see: "Go see",
  sequenced_pull: "Sequenced pull",
  note: "Note",
  production_kanban: "Production kanban",
  withdrawal_kanban: "Withdrawal kanban",
  signal_kanban: "Signal kanban",
};

/** An id for a new `kind` node, unique among the map's nodes and edges: `process-3`. */
export function freshId(map: Map, kind: NodeKind): string {
  const taken = new Set([...map.nodes.map((n) => n.id), ...map.edges.map((e) => e.id)]);
  const base = kind.replace("_", "-");
  let n = 1;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** The change that adds a `kind` node at `at` (canvas coordinates, rounded). */
export function newNodeChange(map: Map, kind: NodeKind, at: { x: number; y: number }): Change {
  const named = !["inventory", "fifo", "buffer", "supermarket", "truck", "operator", "note", "production_kanban", "withdrawal_kanban", "signal_kanban"].includes(kind);
  return {
    op: "add_node",
    node: { id: freshId(map, kind), kind, name: named ? KIND_LABELS[kind] : "", x: Math.round(at.x), y: Math.round(at.y) },
  };
}
