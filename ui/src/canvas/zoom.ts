/**
 * Level of detail: below this zoom the canvas draws simplified symbols (no data-box rows, no
 * stripes or arrow labels), which nobody can read at that size anyway and which cost most of a
 * frame in a software renderer. Components subscribe to the boolean, so they re-render only when
 * the zoom crosses the threshold, not on every pan or zoom step.
 */
import { createContext, useContext } from "react";
import { useStore } from "@xyflow/react";

/** True while the map is exported: every symbol in full detail, whatever the zoom. */
export const DetailContext = createContext(false);

export const DETAIL_ZOOM = 0.45;

export function useZoomedOut(): boolean {
  const forced = useContext(DetailContext);
  const zoomedOut = useStore((state) => state.transform[2] < DETAIL_ZOOM);
  return zoomedOut && !forced;
}

/** Below this zoom even names are a few pixels high: symbols are drawn without text. */
export const MINIATURE_ZOOM = 0.25;

export function useMiniature(): boolean {
  const forced = useContext(DetailContext);
  const miniature = useStore((state) => state.transform[2] < MINIATURE_ZOOM);
  return miniature && !forced;
}
