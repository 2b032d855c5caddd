/**
 * Default sizes (the viewBox, in px) of the symbols the map's nodes are drawn with. The drawings
 * use them, and the canvas computes each node's size from them before drawing anything
 * (canvas/nodes/sizes.ts).
 */
export const SYMBOL_SIZE = {
  factory: { w: 110, h: 70 },
  inventory: { w: 44, h: 38 },
  supermarket: { w: 40, h: 44 },
  fifo: { w: 90, h: 34 },
  buffer: { w: 36, h: 40 },
  truck: { w: 70, h: 40 },
  operator: { w: 24, h: 24 },
  kanban_post: { w: 30, h: 46 },
  heijunka: { w: 64, h: 30 },
  go_see: { w: 52, h: 24 },
  sequenced_pull: { w: 36, h: 36 },
  production_kanban: { w: 34, h: 24 },
  withdrawal_kanban: { w: 34, h: 24 },
  signal_kanban: { w: 30, h: 26 },
} as const;
