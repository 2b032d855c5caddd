/**
 * Value stream mapping symbols: one drawing of each "Learning to See" symbol and
 * arrow, reused by the map canvas, the palette, SVG/PNG export and later the PDF
 * report. Import from here, not from the individual files.
 */
import type { ComponentType } from "react";
import {
  BufferStock,
  Factory,
  FifoLane,
  GoSee,
  Heijunka,
  InventoryTriangle,
  KaizenBurst,
  KanbanPost,
  Note,
  Operator,
  ProcessIcon,
  ProductionControlIcon,
  SequencedPull,
  Supermarket,
  Truck,
} from "./shapes";
import { ProductionKanban, SignalKanban, WithdrawalKanban } from "./kanban";
import {
  ElectronicInfoIcon,
  FifoArrowIcon,
  KanbanArrowIcon,
  ManualInfoIcon,
  PullArrowIcon,
  PushArrowIcon,
  ReworkArrowIcon,
  ShipmentArrowIcon,
} from "./icons";

export * from "./shapes";
export * from "./sizes";
export * from "./kanban";
export * from "./icons";
export * from "./geometry";
export * from "./defs";
export { SYMBOL_FONT, resolveSize } from "./svg";
export type { SymbolProps } from "./svg";

export type IconComponent = ComponentType<{ width?: number; height?: number }>;

/** Node kinds that have a palette icon, in palette order. */
export const PALETTE_NODE_KINDS = [
  "process",
  "inventory",
  "supermarket",
  "fifo",
  "buffer",
  "supplier",
  "customer",
  "production_control",
  "kaizen_burst",
  "truck",
  "operator",
  "kanban_post",
  "heijunka",
  "go_see",
  "sequenced_pull",
  "note", "production_kanban", "withdrawal_kanban", "signal_kanban",
] as const;

/** Edge kinds that have a palette icon, in palette order. */
export const EDGE_KINDS = [
  "push",
  "pull",
  "fifo",
  "shipment",
  "info_manual",
  "info_electronic",
  "kanban",
  "rework",
] as const;

/** Palette icon for each node kind. Supplier and customer share the factory, as in the book. */
export const paletteIcons: Record<string, IconComponent> = {
  process: ProcessIcon,
  inventory: InventoryTriangle,
  supermarket: Supermarket,
  fifo: FifoLane,
  buffer: BufferStock,
  supplier: Factory,
  customer: Factory,
  production_control: ProductionControlIcon,
  kaizen_burst: KaizenBurst,
  truck: Truck,
  operator: Operator,
  kanban_post: KanbanPost,
  heijunka: Heijunka,
  go_see: GoSee,
  sequenced_pull: SequencedPull,
  note: Note,
  production_kanban: ProductionKanban,
  withdrawal_kanban: WithdrawalKanban,
  signal_kanban: SignalKanban,
} satisfies Record<(typeof PALETTE_NODE_KINDS)[number], IconComponent>;

/** Palette icon for each edge kind. */
export const edgeIcons: Record<string, IconComponent> = {
  push: PushArrowIcon,
  pull: PullArrowIcon,
  fifo: FifoArrowIcon,
  shipment: ShipmentArrowIcon,
  info_manual: ManualInfoIcon,
  info_electronic: ElectronicInfoIcon,
  kanban: KanbanArrowIcon,
  rework: ReworkArrowIcon,
} satisfies Record<(typeof EDGE_KINDS)[number], IconComponent>;
