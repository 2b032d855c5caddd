/**
 * The common <svg> frame of every value stream mapping symbol, so each symbol is
 * drawn once and behaves the same on the canvas, in the palette, in SVG/PNG
 * export and later in the PDF report: a viewBox equal to the default size (so
 * stroke widths are true pixels at default size), role="img" with an aria-label,
 * ink in currentColor and paper in the themeable --vsm-paper colour.
 */
import type { CSSProperties, ReactNode } from "react";

/** Props every symbol component takes. */
export type SymbolProps = {
  /** Rendered width in px; if only one of width/height is given the other keeps the aspect ratio. */
  width?: number;
  height?: number;
  /** Accessible name; defaults to the symbol's name ("Inventory", ...). */
  title?: string;
  className?: string;
};

/** Font for all symbol text: ships with the app's platforms and the export renderer. */
export const SYMBOL_FONT = "DejaVu Sans, sans-serif";

/** Ink and paper. Attributes hold the plain fallback, inline style the themeable variable. */
export const INK = "currentColor";
export const PAPER_FALLBACK = "#fff";
export const PAPER = "var(--vsm-paper, #fff)";
export const BURST_STROKE = "#c62828";
export const BURST_FILL = "var(--vsm-burst-fill, #fff3f0)";
export const BURST_FILL_FALLBACK = "#fff3f0";

/**
 * Spread on a shape to fill it with paper colour. The attribute is the fallback for
 * renderers without CSS variables; the inline style lets a dark theme recolour it.
 */
export const paperFill: { fill: string; style: CSSProperties } = {
  fill: PAPER_FALLBACK,
  style: { fill: PAPER },
};

/** Keeps outlines the same weight when a symbol is drawn larger or smaller than its default size. */
export const NSS = { vectorEffect: "non-scaling-stroke" } as const;

type FrameProps = {
  /** Default (and viewBox) size. */
  w: number;
  h: number;
  /** Default accessible name. */
  label: string;
  props: SymbolProps;
  strokeWidth?: number;
  children: ReactNode;
};

function positive(n: number | undefined): n is number {
  return typeof n === "number" && Number.isFinite(n) && n > 0;
}

/** Resolve the rendered size: explicit, or derived from the other side, or the default. */
export function resolveSize(
  w: number,
  h: number,
  width: number | undefined,
  height: number | undefined,
): { width: number; height: number } {
  if (positive(width) && positive(height)) return { width, height };
  if (positive(width)) return { width, height: (width * h) / w };
  if (positive(height)) return { width: (height * w) / h, height };
  return { width: w, height: h };
}

export function SymbolFrame({ w, h, label, props, strokeWidth = 1.75, children }: FrameProps) {
  const size = resolveSize(w, h, props.width, props.height);
  const name = props.title && props.title.trim() !== "" ? props.title : label;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${w} ${h}`}
      width={size.width}
      height={size.height}
      role="img"
      aria-label={name}
      className={props.className}
      fill="none"
      stroke={INK}
      strokeWidth={strokeWidth}
      strokeLinejoin="round"
      strokeLinecap="round"
      overflow="visible"
    >
      {children}
    </svg>
  );
}
