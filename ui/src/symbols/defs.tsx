/**
 * Page-wide SVG definitions for map edges: the striped push-arrow fill and the
 * thin-arrow markers. Rendered once per page (and copied into SVG/PNG export and
 * later the PDF report) so every edge refers to the same drawing by id.
 * Render it inside the element that carries the theme (color, --vsm-paper):
 * pattern and marker content take currentColor from where <SymbolDefs> sits.
 *
 *   <SymbolDefs />                                   // once, near the app root
 *   <path d={pushArrowBody(a, b)} fill={`url(#${pushStripesId(a, b)})`} />
 *   <path d={zigzagPath(a, b)} markerEnd={`url(#${ARROW_MARKER_ID})`} />
 */
import type { Point } from "./geometry";
import { PAPER, PAPER_FALLBACK } from "./svg";

export const PUSH_STRIPES_ID = "vsm-push-stripes";
/** The same stripes mirrored (bands at 90° to PUSH_STRIPES_ID's), for arrows that run along the main bands. */
export const PUSH_STRIPES_ALT_ID = "vsm-push-stripes-alt";
export const ARROW_MARKER_ID = "vsm-arrow";
export const OPEN_ARROW_MARKER_ID = "vsm-arrow-open";

/** Stripe period of the push pattern in canvas px (one black and one white band). */
export const PUSH_STRIPE_PERIOD = 8;

/**
 * Id of the stripe pattern whose bands cross a push arrow from `from` to `to`
 * most steeply. The page-wide patterns are fixed in canvas space, so an arrow
 * running along one pattern's bands (e.g. bottom-left to top-right) would look
 * solid-striped lengthways; the mirrored pattern fixes that.
 */
export function pushStripesId(from: Point, to: Point): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  // Main bands run at 135° (↙/↗), alternate bands at 45° (↘/↖).
  const crossMain = Math.abs(Math.sin(angle - (3 * Math.PI) / 4));
  const crossAlt = Math.abs(Math.sin(angle - Math.PI / 4));
  return Number.isFinite(angle) && crossAlt > crossMain + 1e-9 ? PUSH_STRIPES_ALT_ID : PUSH_STRIPES_ID;
}

/**
 * Arrowhead ink: the referencing path's stroke where the renderer supports
 * `context-stroke`, otherwise currentColor (the attribute, which the inline
 * style overrides only when it is understood).
 */
const markerInk = { fill: "context-stroke" } as const;
const markerStrokeInk = { stroke: "context-stroke" } as const;

/** Diagonal ink/paper bands, half a period each, fixed in canvas space. */
function stripes(id: string, degrees: number) {
  const p = PUSH_STRIPE_PERIOD;
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={p} height={p} patternTransform={`rotate(${degrees})`}>
      <rect width={p} height={p} fill={PAPER_FALLBACK} style={{ fill: PAPER }} />
      <rect width={p / 2} height={p} fill="currentColor" />
    </pattern>
  );
}

export function SymbolDefs() {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={0}
      height={0}
      style={{ position: "absolute", width: 0, height: 0, overflow: "hidden" }}
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        {stripes(PUSH_STRIPES_ID, 45)}
        {stripes(PUSH_STRIPES_ALT_ID, -45)}
        <marker
          id={ARROW_MARKER_ID}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          markerUnits="strokeWidth"
          orient="auto-start-reverse"
        >
          <path d="M0.5 1 L9.5 5 L0.5 9 Z" fill="currentColor" style={markerInk} />
        </marker>
        <marker
          id={OPEN_ARROW_MARKER_ID}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          markerUnits="strokeWidth"
          orient="auto-start-reverse"
        >
          <path
            d="M1 1 L9 5 L1 9"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.5}
            strokeLinecap="round"
            strokeLinejoin="round"
            style={markerStrokeInk}
          />
        </marker>
      </defs>
    </svg>
  );
}
