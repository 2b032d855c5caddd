/**
 * Level of detail: below this zoom the canvas draws simplified symbols (no data-box rows, no
 * stripes or arrow labels), which nobody can read at that size anyway and which cost most of a
 * frame in a software renderer.
 *
 * The level is read from React Flow's store once per flow (`useFlowDetailLevel`, by the canvas and
 * by `FlowDetailLevel` in the previews) and handed to the symbols and arrows through a context, so
 * they re-render only when the zoom crosses a threshold. Each of them subscribing to the store
 * instead cost ~1,000 selector calls on every pan frame of a 500-symbol map zoomed out.
 */
import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "@xyflow/react";

export const DETAIL_ZOOM = 0.45;

/** Below this zoom even names are a few pixels high: symbols are drawn without text. */
export const MINIATURE_ZOOM = 0.25;

export interface DetailLevel {
  /** Simplified symbols and arrows (below `DETAIL_ZOOM`). */
  readonly zoomedOut: boolean;
  /** Symbols without text (below `MINIATURE_ZOOM`). */
  readonly miniature: boolean;
}

const LEVELS: readonly DetailLevel[] = [
  { zoomedOut: false, miniature: false },
  { zoomedOut: true, miniature: false },
  { zoomedOut: true, miniature: true },
];
/** Every symbol in full detail (what an export draws, whatever the zoom). */
export const FULL_DETAIL = LEVELS[0];

/** Full detail unless a flow says otherwise (a symbol drawn outside a flow, e.g. in a test). */
const DetailLevelContext = createContext<DetailLevel>(FULL_DETAIL);

/** Provides a flow's detail level to its symbols and arrows (wraps the `<ReactFlow>`). */
export const DetailLevelProvider = DetailLevelContext.Provider;

/** The detail level at the zoom of the flow whose store this is called under. */
export function useFlowDetailLevel(): DetailLevel {
  return LEVELS[useStore((state) => (state.transform[2] < MINIATURE_ZOOM ? 2 : state.transform[2] < DETAIL_ZOOM ? 1 : 0))];
}

/** For flows with nothing else to do with the level (the previews): provides it to `children`. */
export function FlowDetailLevel({ children }: { children: ReactNode }) {
  return <DetailLevelProvider value={useFlowDetailLevel()}>{children}</DetailLevelProvider>;
}

export function useZoomedOut(): boolean {
  return useContext(DetailLevelContext).zoomedOut;
}

export function useMiniature(): boolean {
  return useContext(DetailLevelContext).miniature;
}
