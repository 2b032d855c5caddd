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
 * The figures hold because canvas/canvas.css pins what they depend on: fixed widths, and line
 * heights in px instead of the font's own. Text is measured with a canvas in the page's font to tell how many
 * lines it wraps onto. Where the canvas measures a hair off the browser's layout at a line's end,
 * the symbol comes out at another size and React Flow measures it when drawn, as upstream. The
 * end-to-end tests check the figures in the real webview.
 */
import type { Demand, Node, StepReport } from "../../bindings";
import { SYMBOL_SIZE } from "../../symbols";

/** A line of a symbol's 12 px text (`line-height` in canvas.css). */
const TEXT_LINE = 14;

type Font = "12px" | "bold 12px" | "bold 13px";
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

/**
 * Lines `text` takes in a column `width` px wide, wrapped at spaces as the browser does (a word
 * wider than the column keeps a line of its own).
 */
function textLines(text: string, font: Font, width: number): number {
  // No glyph is wider than 1.1 em: a short name fits without measuring (most of a large map).
  if (text.length * 1.1 * (font === "bold 13px" ? 13 : 12) <= width) return 1;
  const space = textWidth(" ", font);
  if (space === null) return 1;
  let lines = 1;
  let line = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const wordWidth = textWidth(word, font) ?? 0;
    if (line > 0 && line + space + wordWidth > width) {
      lines += 1;
      line = wordWidth;
    } else {
      line += (line > 0 ? space : 0) + wordWidth;
    }
  }
  return lines;
}

/** The process box: 150 px wide (`.vsm-process`). */
const PROCESS_WIDTH = 150;
/** A process box without data rows: borders, the one-line name band and the operator row. */
const PROCESS_BASE = 58;
/** The name band (`.vsm-process__header`): its text column, line, padding and rule, least height. */
const PROCESS_NAME_WIDTH = 134;
const PROCESS_NAME_LINE = 16;
const PROCESS_NAME_FRAME = 10;
const PROCESS_NAME_BAND = 32;
/** One data-box row: a text line, its padding and rule. */
const DATA_ROW = 17;

/** The fields a process's data box has rows for, in their order. */
export type DataRowField = "process_time_s" | "lead_time_s" | "pca" | "cycle_time_s" | "changeover_s" | "uptime" | "shifts" | "epe_days" | "scrap";
const OFFICE_ROWS: DataRowField[] = ["process_time_s", "lead_time_s", "pca", "cycle_time_s"];
const MANUFACTURING_ROWS: DataRowField[] = ["changeover_s", "uptime", "shifts", "epe_days"];

/**
 * The fields a process's data box shows a row for, in order: office rows (PT, LT, %C/A, C/T) if
 * it has PT, LT or %C/A, else manufacturing rows with C/T always (written "—" when unknown); scrap
 * last. ProcessNode's `dataRows` writes them; the box's height counts them.
 */
export function dataRowFields(node: Node): DataRowField[] {
  const given = (field: DataRowField) => node[field] != null;
  const office = node.process_time_s != null || node.lead_time_s != null || node.pca != null;
  const rows: DataRowField[] = office ? OFFICE_ROWS.filter(given) : ["cycle_time_s", ...MANUFACTURING_ROWS.filter(given)];
  return given("scrap") ? [...rows, "scrap"] : rows;
}

/** The process box's borders and its one-line name band: the rest is the operator row and data rows. */
const PROCESS_FRAME = 36;

function processHeight(node: Node): number {
  return PROCESS_BASE + DATA_ROW * dataRowFields(node).length;
}

/**
 * What a name over more than one line adds to the name band: 16 px lines plus 10 px of padding,
 * in a band of at least 32 px (one line and some spare).
 */
function processNameHeight(node: Node): number {
  const lines = textLines(node.name || node.id, "bold 13px", PROCESS_NAME_WIDTH);
  return Math.max(PROCESS_NAME_BAND, PROCESS_NAME_FRAME + PROCESS_NAME_LINE * lines) - PROCESS_NAME_BAND;
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
/** The name's margin above it. */
const FACTORY_NAME_MARGIN = 2;
/** The customer's demand box under the name. */
const DEMAND_BOX = 21;

/** Production control: 180 px wide, the name in a 148 px column, 15 px a line, 28 px of frame. */
const CONTROL_WIDTH = 180;
const CONTROL_NAME_WIDTH = 148;
const CONTROL_LINE = 15;
const CONTROL_FRAME = 28;

/** A note: 200 px wide (`.vsm-note`), 14 px of border and padding, text in a 182 px column. */
const NOTE_WIDTH = 200;
const NOTE_FRAME = 14;
const NOTE_TEXT_WIDTH = 182;

/** The small symbols (truck, kanbans, operator, …) are drawn 56 px wide (`.vsm-symbol`). */
export const SMALL_SYMBOL_WIDTH = 56;
/** Their name takes at most 120 px a line, reaching out of the symbol, centred. */
const SYMBOL_NAME_WIDTH = 120;

/**
 * The size a symbol is drawn at: exact unless its text takes more lines than reckoned (a name
 * over two lines, a note's text over several).
 */
export function estimatedSize(node: Node, shown: { step?: StepReport | null; demand?: Demand | null } = {}): { width: number; height: number } {
  switch (node.kind) {
    case "process":
      return { width: PROCESS_WIDTH, height: processHeight(node) + processNameHeight(node) };
    case "inventory":
    case "supermarket":
    case "fifo":
    case "buffer": {
      const name = node.name ? textLines(node.name, "bold 12px", STOCK_NAME_WIDTH) : 0;
      const lines = name + (showsAmount(node) ? 1 : 0) + (showsWaitDays(node, shown.step ?? null) ? 1 : 0);
      return { width: stockWidth(node), height: SYMBOL_SIZE[node.kind].h + TEXT_LINE * lines };
    }
    case "supplier":
    case "customer": {
      const name = FACTORY_NAME_MARGIN + TEXT_LINE * textLines(node.name || node.id, "bold 12px", FACTORY_WIDTH);
      return { width: FACTORY_WIDTH, height: SYMBOL_SIZE.factory.h + name + (node.kind === "customer" && shown.demand ? DEMAND_BOX : 0) };
    }
    case "kaizen_burst":
      // `.vsm-burst`: the text is clipped to the burst.
      return { width: 150, height: 84 };
    case "production_control":
      return { width: CONTROL_WIDTH, height: CONTROL_FRAME + CONTROL_LINE * textLines(node.name || "Production Control", "bold 12px", CONTROL_NAME_WIDTH) };
    case "note": {
      const title = node.name ? textLines(node.name, "bold 12px", NOTE_TEXT_WIDTH) : 0;
      const text = node.text ? textLines(node.text, "12px", NOTE_TEXT_WIDTH) : 0;
      return { width: NOTE_WIDTH, height: NOTE_FRAME + TEXT_LINE * (title + text) };
    }
    default: {
      const symbol = node.kind in SYMBOL_SIZE ? SYMBOL_SIZE[node.kind as keyof typeof SYMBOL_SIZE] : null;
      const drawing = symbol ? (SMALL_SYMBOL_WIDTH * symbol.h) / symbol.w : 0;
      const lines = (node.name ? textLines(node.name, "bold 12px", SYMBOL_NAME_WIDTH) : 0) + (node.frequency ? 1 : 0);
      return { width: SMALL_SYMBOL_WIDTH, height: Math.round(drawing + TEXT_LINE * lines) };
    }
  }
}
