/**
 * Stocks on the material flow: inventory triangle, supermarket, FIFO lane, buffer stock, with
 * the quantity (or wait) and its time as the timeline shows it.
 */
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { Node } from "../../bindings";
import { BufferStock, FifoLane, InventoryTriangle, Supermarket } from "../../symbols";
import { formatDays, formatDuration, formatQuantity } from "../../format/units";
import type { DurationUnit } from "../../format/unitChoice";
import type { VsmFlowNode } from "../toFlow";
import { useMiniature } from "../zoom";
import { Handles } from "./Handles";
import { showsAmount, showsWaitDays, stockWidth } from "./sizes";

function Symbol({ node }: { node: Node }) {
  switch (node.kind) {
    case "supermarket":
      return <Supermarket />;
    case "fifo":
      return <FifoLane max={node.max_quantity != null ? formatQuantity(node.max_quantity) : undefined} />;
    case "buffer":
      return <BufferStock />;
    default:
      return <InventoryTriangle />;
  }
}

/** What is waiting, as the user entered it: `7,000 pcs`, `5 d`, `4 h` (sizes.ts: `showsAmount`). */
function amount(node: Node, unit: string, durations: DurationUnit): string {
  const mark = (field: string) => (node.provenance?.[field] === "estimated" ? "~" : "");
  if (node.quantity != null) return `${mark("quantity")}${formatQuantity(node.quantity)} ${unit}`;
  if (node.duration_days != null) return `${mark("duration_days")}${formatDays(node.duration_days)}`;
  return `${mark("wait_s")}${formatDuration(node.wait_s ?? 0, durations)}`;
}

function StockNodeView({ data, selected }: NodeProps<VsmFlowNode>) {
  const { node, step, unit } = data;
  // Zoomed far out the figures are not written; their lines keep their height (canvas.css), so
  // the symbol keeps its size.
  const miniature = useMiniature();
  const given = showsAmount(node) ? (miniature ? "" : amount(node, "pcs", unit)) : null;
  const days = showsWaitDays(node, step) ? (miniature ? "" : formatDays(step?.wait_days ?? 0)) : null;
  return (
    <div className={`vsm-stock${selected ? " is-selected" : ""}`} style={{ width: stockWidth(node) }} data-testid={`stock-${node.id}`}>
      <Handles />
      <Symbol node={node} />
      {node.name && <div className="vsm-stock__name">{node.name}</div>}
      {given != null && <div className="vsm-stock__amount">{given}</div>}
      {days != null && <div className="vsm-stock__days">{days}</div>}
    </div>
  );
}

export const StockNode = memo(StockNodeView);
