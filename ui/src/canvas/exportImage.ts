/**
 * Export the map as PNG or SVG exactly as drawn: the canvas's own DOM (symbols, arrows, markers)
 * is rendered into an image by html-to-image, framed to the whole map. While it renders, every
 * symbol is drawn in full detail and none is culled (see `DetailContext`).
 */
import { getNodesBounds, getViewportForBounds, type ReactFlowInstance } from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";
import type { VsmFlowEdge, VsmFlowNode } from "./toFlow";

export type ImageFormat = "png" | "svg";

const PADDING = 40;
const MAX_SIDE = 8000;

/** Two animation frames: React has rendered and the browser has laid out. */
const settled = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

const SVG_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linejoin",
  "stroke-linecap",
  "stroke-opacity",
  "opacity",
  "color",
  "font-size",
  "font-family",
  "font-weight",
  "text-anchor",
  "visibility",
  "display",
] as const;

/**
 * Writes the computed paint of every SVG element under `root` into its inline style, so the image
 * keeps the look that CSS classes and variables give it (html-to-image copies computed styles for
 * HTML but not for SVG shapes). Returns a function that restores the original inline styles.
 */
function inlineSvgStyles(root: Element): () => void {
  const saved: [SVGElement, string | null][] = [];
  for (const element of root.querySelectorAll<SVGElement>("svg *")) {
    saved.push([element, element.getAttribute("style")]);
    const computed = getComputedStyle(element);
    for (const property of SVG_PROPERTIES) element.style.setProperty(property, computed.getPropertyValue(property));
  }
  return () => {
    for (const [element, style] of saved) {
      if (style === null) element.removeAttribute("style");
      else element.setAttribute("style", style);
    }
  };
}

/** Renders the whole map (all symbols) as an image; returns the file's bytes as base64. */
export async function renderMapImage(flow: ReactFlowInstance<VsmFlowNode, VsmFlowEdge>, format: ImageFormat): Promise<string> {
  await settled();
  const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
  if (!viewport) throw new Error("the map is not shown");
  const bounds = getNodesBounds(flow.getNodes());
  const scale = Math.min(1, MAX_SIDE / Math.max(bounds.width + 2 * PADDING, bounds.height + 2 * PADDING));
  const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
  const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, scale, scale, PADDING * scale);
  const paper = getComputedStyle(document.documentElement).getPropertyValue("--paper").trim() || "#ffffff";
  const options = {
    width,
    height,
    backgroundColor: paper,
    pixelRatio: format === "png" ? 2 : 1,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
    // Connection handles are interface, not part of the drawing.
    filter: (node: Node) => !(node instanceof HTMLElement && node.classList.contains("react-flow__handle")),
  };
  const restore = inlineSvgStyles(viewport);
  let url: string;
  try {
    url = format === "png" ? await toPng(viewport, options) : await toSvg(viewport, options);
  } finally {
    restore();
  }
  const comma = url.indexOf(",");
  const data = url.slice(comma + 1);
  // toSvg returns a URI-encoded SVG, toPng base64.
  return url.slice(0, comma).endsWith(";base64") ? data : btoa(unescape(encodeURIComponent(decodeURIComponent(data))));
}
