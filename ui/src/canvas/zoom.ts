/**
 * Level of detail: below this zoom the canvas draws simplified symbols (no data-box rows, no
 * stripes or arrow labels), which nobody can read at that size anyway and which cost most of a
 * frame in a software renderer. Components subscribe to the boolean, so they re-render only when
 * the zoom crosses the threshold, not on every pan or zoom step.
 */
import { useStore } from "@xyflow/react";

export const DETAIL_ZOOM = 0.45;

export function useZoomedOut(): boolean {
  return useStore((state) => state.transform[2] < DETAIL_ZOOM);
}

/** Below this zoom even names are a few pixels high: symbols are drawn without text. */
export const MINIATURE_ZOOM = 0.25;

export function useMiniature(): boolean {
  return useStore((state) => state.transform[2] < MINIATURE_ZOOM);
}
