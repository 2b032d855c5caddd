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

/** What is waiting, as the user entered it: `7,000 pcs`, `5 d`, `4 h`. */
function amount(node: Node, unit: string, durations: DurationUnit): string | null {
  const mark = (field: string) => (node.provenance?.[field] === "estimated" ? "~" : "");
  if (node.quantity != null) return `${mark("quantity")}${formatQuantity(node.quantity)} ${unit}`;
  if (node.duration_days != null) return `${mark("duration_days")}${formatDays(node.duration_days)}`;
  if (node.wait_s != null) return `${mark("wait_s")}${formatDuration(node.wait_s, durations)}`;
  return null;
}

function StockNodeView({ data, selected }: NodeProps<VsmFlowNode>) {
  const { node, step, unit } = data;
  const miniature = useMiniature();
  const given = miniature ? null : amount(node, "pcs", unit);
  const days = !miniature && step?.wait_days != null && node.duration_days == null ? formatDays(step.wait_days) : null;
  return (
    <div className={`vsm-stock${selected ? " is-selected" : ""}`} data-testid={`stock-${node.id}`}>
      <Handles />
      <Symbol node={node} />
      {node.name && <div className="vsm-stock__name">{node.name}</div>}
      {given && <div className="vsm-stock__amount">{given}</div>}
      {days && node.wait_s == null && <div className="vsm-stock__days">{days}</div>}
    </div>
  );
}

export const StockNode = memo(StockNodeView);
