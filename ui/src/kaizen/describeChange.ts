/**
 * A change batch in words, for the preview of a suggestion: "Stock after Stamping: Quantity
 * 7,000 pcs → 1,380 pcs". Names and units are the inspector's, values as the inspector shows them.
 */
import type { Change, Map, Value } from "../bindings";
import { KIND_LABELS } from "../canvas/newNode";
import type { DurationUnit } from "../format/unitChoice";
import { formatDuration, formatPercent, formatQuantity } from "../format/units";
import { fieldInfo } from "../layout/fields";

function nodeLabel(map: Map, id: string): string {
  const node = map.nodes.find((n) => n.id === id);
  if (!node) return id;
  return node.name?.trim() ? node.name : `${KIND_LABELS[node.kind]} ${id}`;
}

function show(field: string, value: Value | undefined, unit: DurationUnit): string {
  if (value === undefined || value === null) return "none";
  if (field === "kind" && typeof value === "string") return KIND_LABELS[value as keyof typeof KIND_LABELS] ?? value;
  const info = fieldInfo(field);
  if (typeof value === "number") {
    if (info.type === "duration") return formatDuration(value, unit);
    if (info.type === "percent") return formatPercent(value);
    return info.unit ? `${formatQuantity(value)} ${info.unit}` : formatQuantity(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

function fields(before: Record<string, unknown> | undefined, set: Partial<Record<string, Value>>, unit: DurationUnit): string {
  return Object.entries(set)
    .map(([field, value]) => {
      const label = field === "kind" ? "Symbol" : fieldInfo(field).label;
      return `${label} ${show(field, before?.[field] as Value | undefined, unit)} → ${show(field, value, unit)}`;
    })
    .join("; ");
}

/** One line per change, against the map the batch applies to. */
export function describeChange(map: Map, change: Change, unit: DurationUnit = "auto"): string {
  switch (change.op) {
    case "update_node": {
      const node = map.nodes.find((n) => n.id === change.id);
      return `${nodeLabel(map, change.id)}: ${fields(node, change.set, unit)}`;
    }
    case "remove_node":
      return `Remove ${nodeLabel(map, change.id)}`;
    case "add_node":
      return `Add ${KIND_LABELS[change.node.kind]}${change.node.name ? ` “${change.node.name}”` : ""}`;
    case "add_edge":
      return `Connect ${nodeLabel(map, change.edge.from)} → ${nodeLabel(map, change.edge.to)}`;
    case "remove_edge": {
      const edge = map.edges.find((e) => e.id === change.id);
      return edge ? `Remove the arrow ${nodeLabel(map, edge.from)} → ${nodeLabel(map, edge.to)}` : `Remove arrow ${change.id}`;
    }
    case "update_edge": {
      const edge = map.edges.find((e) => e.id === change.id);
      const name = edge ? `Arrow ${nodeLabel(map, edge.from)} → ${nodeLabel(map, edge.to)}` : `Arrow ${change.id}`;
      return `${name}: ${fields(edge, change.set, unit)}`;
    }
    default:
      return change.op.replaceAll("_", " ");
  }
}
