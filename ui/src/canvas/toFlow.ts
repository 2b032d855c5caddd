/**
 * Turns a map of the document (plus its metrics) into React Flow nodes and edges. Pure, so the
 * canvas stays a controlled view of the document and this mapping is tested on its own.
 */
import { Position, type Edge as FlowEdge, type Node as FlowNode, type NodeHandle } from "@xyflow/react";
import type { Demand, Edge, Map, MapReport, Node, NodeKind, StepReport } from "../bindings";
import type { DurationUnit } from "../format/unitChoice";
import { estimatedSize } from "./nodes/sizes";

export type NodeView = "process" | "stock" | "factory" | "burst" | "control" | "note" | "symbol";

export interface VsmNodeData extends Record<string, unknown> {
  node: Node;
  /** The node's metrics, when it is on the material flow. */
  step: StepReport | null;
  bottleneck: boolean;
  /** Customer demand, shown in the customer's data box. */
  demand: Demand | null;
  /** How durations are shown. */
  unit: DurationUnit;
}

export interface VsmEdgeData extends Record<string, unknown> {
  edge: Edge;
}

export type VsmFlowNode = FlowNode<VsmNodeData, NodeView>;
export type VsmFlowEdge = FlowEdge<VsmEdgeData, "vsm">;

const VIEWS: Partial<Record<NodeKind, NodeView>> = {
  process: "process",
  inventory: "stock",
  supermarket: "stock",
  fifo: "stock",
  buffer: "stock",
  supplier: "factory",
  customer: "factory",
  kaizen_burst: "burst",
  production_control: "control",
  note: "note",
};

export function viewOf(kind: NodeKind): NodeView {
  return VIEWS[kind] ?? "symbol";
}

export interface Overrides {
  /** Positions of nodes being dragged, not yet committed. */
  positions: Record<string, { x: number; y: number }>;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  /** How durations are shown (default: auto). */
  unit?: DurationUnit;
  /**
   * Sizes React Flow has measured, by node id (its dimension changes). A node object made anew
   * (every selection and every edit makes new ones) without a size and handles makes React Flow
   * forget them: it then draws every symbol of the map, in view or not, to measure it again.
   */
  measured?: ReadonlyMap<string, { width: number; height: number }>;
}

/** Side of a connection handle (`.vsm-handle`). */
const HANDLE = 10;

/**
 * Where `Handles` puts the connection points on a symbol of `size` (middle of the left and right
 * sides). With them and a size, React Flow can place the arrows and leave the symbols out of
 * view undrawn before it has measured anything (without, it draws every symbol once to measure
 * it). A symbol drawn at another size than given is measured, and the measurement replaces it.
 */
function handlesOf(size: { width: number; height: number }): NodeHandle[] {
  const y = size.height / 2 - HANDLE / 2;
  return [
    { type: "target", position: Position.Left, x: -HANDLE / 2, y, width: HANDLE, height: HANDLE },
    { type: "source", position: Position.Right, x: size.width - HANDLE / 2, y, width: HANDLE, height: HANDLE },
  ];
}

export function toFlowNodes(map: Map, report: MapReport | null, overrides: Overrides): VsmFlowNode[] {
  const steps = new Map<string, StepReport>((report?.steps ?? []).map((step) => [step.id, step]));
  const bottleneck = new Set(report?.bottleneck ?? []);
  return map.nodes.map((node) => {
    const step = steps.get(node.id) ?? null;
    const demand = node.kind === "customer" ? (map.demand ?? null) : null;
    const estimate = estimatedSize(node, { step, demand });
    const measured = overrides.measured?.get(node.id);
    return {
      id: node.id,
      type: viewOf(node.kind),
      position: overrides.positions[node.id] ?? { x: node.x ?? 0, y: node.y ?? 0 },
      selected: overrides.selectedNodes.has(node.id),
      initialWidth: estimate.width,
      initialHeight: estimate.height,
      // The estimate stands in until the symbol is drawn and measured: arrows are drawn at once,
      // and fitting the view does not wait for symbols that are out of view (never measured).
      measured: measured ?? estimate,
      handles: handlesOf(measured ?? estimate),
      data: {
        node,
        step,
        bottleneck: bottleneck.has(node.id),
        demand,
        unit: overrides.unit ?? "auto",
      },
      ariaLabel: `${node.kind.replace("_", " ")} ${node.name || node.id}`,
    };
  });
}

export function toFlowEdges(map: Map, overrides: Overrides): VsmFlowEdge[] {
  return map.edges.map((edge) => ({
    id: edge.id,
    source: edge.from,
    target: edge.to,
    type: "vsm",
    selected: overrides.selectedEdges.has(edge.id),
    data: { edge },
    ariaLabel: `${edge.kind.replace("_", " ")} arrow from ${edge.from} to ${edge.to}`,
  }));
}
