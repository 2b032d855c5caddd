/**
 * The remaining symbols: supplier and customer factories (the customer's data box holds the
 * demand), kaizen bursts, production control, notes, and the small standard symbols.
 */
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { Demand } from "../../bindings";
import { Factory, KaizenBurst, paletteIcons } from "../../symbols";
import { formatQuantity } from "../../format/units";
import type { VsmFlowNode } from "../toFlow";
import { Handles } from "./Handles";
import { SMALL_SYMBOL_WIDTH } from "./sizes";

const PERIOD: Record<Demand["per"], string> = { day: "day", week: "week", month: "month", year: "year" };

/** `18,400 pcs/month`. */
export function demandLabel(demand: Demand): string {
  const unit = demand.unit === "pieces" || !demand.unit ? "pcs" : demand.unit;
  return `${formatQuantity(demand.quantity ?? 0)} ${unit}/${PERIOD[demand.per]}`;
}

const selectedClass = (selected: boolean | undefined) => (selected ? " is-selected" : "");

export const FactoryNode = memo(function FactoryNode({ data, selected }: NodeProps<VsmFlowNode>) {
  const { node, demand } = data;
  return (
    <div className={`vsm-factory${selectedClass(selected)}`} data-testid={`factory-${node.id}`}>
      <Handles />
      <Factory title={node.kind === "customer" ? "Customer" : "Supplier"} />
      <div className="vsm-factory__name">{node.name || node.id}</div>
      {demand && <div className="vsm-factory__demand">{demandLabel(demand)}</div>}
    </div>
  );
});

export const BurstNode = memo(function BurstNode({ data, selected }: NodeProps<VsmFlowNode>) {
  const { node } = data;
  return (
    <div className={`vsm-burst${selectedClass(selected)}`} data-testid={`burst-${node.id}`}>
      <Handles />
      <KaizenBurst width={150} height={84} />
      <div className="vsm-burst__text">{node.name || "Kaizen"}</div>
    </div>
  );
});

export const ControlNode = memo(function ControlNode({ data, selected }: NodeProps<VsmFlowNode>) {
  const { node } = data;
  return (
    <div className={`vsm-control${selectedClass(selected)}`} data-testid={`control-${node.id}`}>
      <Handles />
      <div className="vsm-control__title">{node.name || "Production Control"}</div>
    </div>
  );
});

export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<VsmFlowNode>) {
  const { node } = data;
  return (
    <div className={`vsm-note${selectedClass(selected)}`} data-testid={`note-${node.id}`}>
      <Handles />
      {node.name && <div className="vsm-note__title">{node.name}</div>}
      <div className="vsm-note__text">{node.text ?? ""}</div>
    </div>
  );
});

export const SymbolNode = memo(function SymbolNode({ data, selected }: NodeProps<VsmFlowNode>) {
  const { node } = data;
  const Icon = paletteIcons[node.kind];
  return (
    <div className={`vsm-symbol${selectedClass(selected)}`} data-testid={`symbol-${node.id}`}>
      <Handles />
      {Icon && <Icon width={SMALL_SYMBOL_WIDTH} />}
      {node.name && <div className="vsm-symbol__name">{node.name}</div>}
      {node.frequency && <div className="vsm-symbol__detail">{node.frequency}</div>}
    </div>
  );
});
