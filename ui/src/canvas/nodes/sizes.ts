/**
 * How big each symbol is drawn, computed from the document before anything is drawn.
 *
 * React Flow needs every symbol's size and connection points to place the arrows and to leave
 * what is out of view undrawn. When the size given here is exactly what the browser lays out,
 * React Flow's measurement of a symbol it has just drawn changes nothing, so drawing symbols —
 * opening a map, panning new ones into view — costs no second render of them and their arrows
 * (the build has React Flow skip measurements that change nothing: `reactFlowKeepsGivenSizes` in
 * vite.config.ts).
 *
 * The figures hold because styles.css pins what they depend on: fixed widths, and line heights in
 * px instead of the font's own. Names are measured with a canvas in the page's font: one that does
 * not fit on a line is reckoned at two. A name over three lines, a note's text over several, or
 * a canvas measuring a hair off the browser's layout gives another size, and React Flow measures
 * that symbol when drawn, as upstream. The end-to-end tests check the figures in the real webview.
 */
import type { Demand, Node, StepReport } from "../../bindings";
import { SYMBOL_SIZE } from "../../symbols";

/** A line of a symbol's 12 px text (`line-height` in styles.css). */
const TEXT_LINE = 14;

type Font = "bold 12px" | "bold 13px";
let measure: ((text: string, font: Font) => number) | null | undefined;

/**
 * Width in px of `text` on one line in the page's font (styles.css), from a canvas's text
 * metrics; null where there is no canvas (unit tests), and names are then taken to fit.
 */
function textWidth(text: string, font: Font): number | null {
  if (measure === undefined) {
    const context = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
    const family = context ? getComputedStyle(document.documentElement).fontFamily : "";
    let current = "";
    measure =
      context && family
        ? (line, weightAndSize) => {
            if (current !== weightAndSize) context.font = `${(current = weightAndSize)} ${family}`;
            return context.measureText(line).width;
          }
        : null;
  }
  return measure?.(text, font) ?? null;
}

/** Extra lines `text` takes in a column `width` px wide: none if it fits, else (taken as) one. */
function extraLines(text: string, font: Font, width: number): 0 | 1 {
  // No glyph is wider than 1.1 em: a short name fits without measuring (most of a large map).
  if (text.length * 1.1 * (font === "bold 13px" ? 13 : 12) <= width) return 0;
  const needed = textWidth(text, font);
  return needed !== null && needed > width ? 1 : 0;
}

/** The process box: 150 px wide (`.vsm-process`). */
const PROCESS_WIDTH = 150;
/** A process box without data rows: borders, the one-line name band and the operator row. */
const PROCESS_BASE = 59;
/** The name band's text column (150 px less borders and padding), and what a second line adds. */
const PROCESS_NAME_WIDTH = 134;
const PROCESS_NAME_LINE = 10;
/** One data-box row: a text line, its padding and rule. */
const DATA_ROW = 17;

/** How many data-box rows a process shows (ProcessNode's `dataRows`, without formatting them). */
export function dataRowCount(node: Node): number {
  const office = node.process_time_s != null || node.lead_time_s != null || node.pca != null;
  const fields: (keyof Node)[] = office
    ? ["process_time_s", "lead_time_s", "pca", "cycle_time_s", "scrap"]
    : ["changeover_s", "uptime", "shifts", "epe_days", "scrap"];
  return fields.filter((field) => node[field] != null).length + (office ? 0 : 1);
}

/** The process box's borders and its one-line name band: the rest is the operator row and data rows. */
const PROCESS_FRAME = 36;

function processHeight(node: Node): number {
  return PROCESS_BASE + DATA_ROW * dataRowCount(node);
}

function processNameLines(node: Node): number {
  return PROCESS_NAME_LINE * extraLines(node.name || node.id, "bold 13px", PROCESS_NAME_WIDTH);
}

/** Height of all below the name band, for the simplified box drawn zoomed out (same size). */
export function processBodyHeight(node: Node): number {
  return processHeight(node) - PROCESS_FRAME;
}

/** Whether a stock shows the quantity or time entered (StockNode's first figure). */
export function showsAmount(node: Node): boolean {
  return node.quantity != null || node.duration_days != null || node.wait_s != null;
}

/** Whether a stock shows the wait in days the metrics computed (its second figure). */
export function showsWaitDays(node: Node, step: StepReport | null): boolean {
  return step?.wait_days != null && node.duration_days == null && node.wait_s == null;
}

type StockKind = keyof typeof SYMBOL_SIZE & ("inventory" | "supermarket" | "fifo" | "buffer");
const isStockKind = (kind: string): kind is StockKind => kind === "inventory" || kind === "supermarket" || kind === "fifo" || kind === "buffer";

/** A stock's name takes at most 120 px a line (`.vsm-stock__name`). */
const STOCK_NAME_WIDTH = 120;

/**
 * A stock is as wide as its symbol, at least 50 px, or as its name: arrows end at its sides, and
 * the name is written at their height. Its figures may reach out of it, centred.
 */
export function stockWidth(node: Node): number {
  const symbol = Math.max(50, SYMBOL_SIZE[isStockKind(node.kind) ? node.kind : "inventory"].w);
  const name = node.name ? textWidth(node.name, "bold 12px") : null;
  // 2 px to spare: the browser's line may come out a fraction wider than the canvas's.
  return name === null ? symbol : Math.max(symbol, Math.min(STOCK_NAME_WIDTH, Math.ceil(name) + 2));
}

/** The factory (supplier, customer) is 130 px wide; the name is under the drawing. */
const FACTORY_WIDTH = 130;
/** Production control: 180 px wide, the name in a 148 px column, 15 px a line. */
const CONTROL_WIDTH = 180;
const CONTROL_NAME_WIDTH = 148;
const CONTROL_LINE = 15;
/** The name line under the factory, with its margin. */
const FACTORY_NAME = 16;
/** The customer's demand box under the name. */
const DEMAND_BOX = 21;

/** A note's border and padding (`.vsm-note`, 200 px wide). */
const NOTE_FRAME = 14;

/** The small symbols (truck, kanbans, operator, …) are drawn 56 px wide (`.vsm-symbol`). */
export const SMALL_SYMBOL_WIDTH = 56;

/**
 * The size a symbol is drawn at: exact unless its text takes more lines than reckoned (a name
 * over two lines, a note's text over several).
 */
export function estimatedSize(node: Node, shown: { step?: StepReport | null; demand?: Demand | null } = {}): { width: number; height: number } {
  switch (node.kind) {
    case "process":
      return { width: PROCESS_WIDTH, height: processHeight(node) + processNameLines(node) };
    case "inventory":
    case "supermarket":
    case "fifo":
    case "buffer": {
      const name = node.name ? 1 + extraLines(node.name, "bold 12px", STOCK_NAME_WIDTH) : 0;
      const lines = name + (showsAmount(node) ? 1 : 0) + (showsWaitDays(node, shown.step ?? null) ? 1 : 0);
      return { width: stockWidth(node), height: SYMBOL_SIZE[node.kind].h + TEXT_LINE * lines };
    }
    case "supplier":
    case "customer": {
      const name = FACTORY_NAME + TEXT_LINE * extraLines(node.name || node.id, "bold 12px", FACTORY_WIDTH);
      return { width: FACTORY_WIDTH, height: SYMBOL_SIZE.factory.h + name + (node.kind === "customer" && shown.demand ? DEMAND_BOX : 0) };
    }
    case "kaizen_burst":
      return { width: 150, height: 84 };
    case "production_control":
      return { width: CONTROL_WIDTH, height: 28 + CONTROL_LINE * (1 + extraLines(node.name || "Production Control", "bold 12px", CONTROL_NAME_WIDTH)) };
    case "note":
      return { width: 200, height: NOTE_FRAME + TEXT_LINE * ((node.name ? 1 : 0) + (node.text ? 1 : 0)) };
    default: {
      const symbol = node.kind in SYMBOL_SIZE ? SYMBOL_SIZE[node.kind as keyof typeof SYMBOL_SIZE] : null;
      const drawing = symbol ? (SMALL_SYMBOL_WIDTH * symbol.h) / symbol.w : 0;
      const lines = (node.name ? 1 : 0) + (node.frequency ? 1 : 0);
      return { width: SMALL_SYMBOL_WIDTH, height: Math.round(drawing + TEXT_LINE * lines) };
    }
  }
}
