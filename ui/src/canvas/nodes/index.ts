/** The node types of the canvas, defined once outside any component (React Flow's rule). */
import type { NodeTypes } from "@xyflow/react";
import { BurstNode, ControlNode, FactoryNode, NoteNode, SymbolNode } from "./OtherNodes";
import { ProcessNode } from "./ProcessNode";
import { StockNode } from "./StockNode";

export const nodeTypes: NodeTypes = {
  process: ProcessNode,
  stock: StockNode,
  factory: FactoryNode,
  burst: BurstNode,
  control: ControlNode,
  note: NoteNode,
  symbol: SymbolNode,
};
