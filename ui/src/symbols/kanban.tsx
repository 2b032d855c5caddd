/**
 * Kanban card symbols (production, withdrawal, signal) from "Learning to See",
 * drawn once here and reused by the canvas, the palette, SVG/PNG export and
 * later the PDF report.
 */
import { NSS, SymbolFrame, paperFill } from "./svg";
import type { SymbolProps } from "./svg";
import { SYMBOL_SIZE } from "./sizes";

/** Card outline with the top-right corner clipped; shared by the two card kanbans. */
const CARD = "M2.5 2.5 H25 L31.5 9 V21.5 H2.5 Z";

/** Production kanban: a card with a clipped top-right corner. 34×24. */
export function ProductionKanban(props: SymbolProps) {
  return (
    <SymbolFrame w={SYMBOL_SIZE.production_kanban.w} h={SYMBOL_SIZE.production_kanban.h} label="Production kanban" props={props} strokeWidth={1.5}>
      <path d={CARD} {...paperFill} {...NSS} />
    </SymbolFrame>
  );
}

/** Withdrawal kanban: the same card with a small circle drawn on it. 34×24. */
export function WithdrawalKanban(props: SymbolProps) {
  return (
    <SymbolFrame w={SYMBOL_SIZE.withdrawal_kanban.w} h={SYMBOL_SIZE.withdrawal_kanban.h} label="Withdrawal kanban" props={props} strokeWidth={1.5}>
      <path d={CARD} {...paperFill} {...NSS} />
      <circle cx={10} cy={12.5} r={3.5} {...NSS} />
    </SymbolFrame>
  );
}

/** Signal kanban: an inverted triangle, point down. 30×26. */
export function SignalKanban(props: SymbolProps) {
  return (
    <SymbolFrame w={SYMBOL_SIZE.signal_kanban.w} h={SYMBOL_SIZE.signal_kanban.h} label="Signal kanban" props={props} strokeWidth={1.5}>
      <path d="M2.5 3 H27.5 L15 23.5 Z" {...paperFill} {...NSS} />
    </SymbolFrame>
  );
}
