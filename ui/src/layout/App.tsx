/**
 * The main window (docs/ui.md): toolbar on top, palette left, canvas in the middle, inspector
 * right, metrics strip and status bar at the bottom. Keyboard shortcuts and native menu events
 * are wired to the action registry here.
 */
import { startTransition, useCallback, useEffect, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { handleKeyDown, handleMenu } from "../actions/registry";
import { Canvas } from "../canvas/Canvas";
import { ReportDialog } from "../dialogs/ReportDialog";
import { Dock } from "../dock/Dock";
import { ComparisonView } from "../kaizen/ComparisonView";
import { SuggestionPreview } from "../kaizen/SuggestionPreview";
import type { AppStore } from "../store/appStore";
import { useAppState } from "../store/appStore";

import { MetricsStrip } from "./MetricsStrip";
import { Palette } from "./Palette";
import { ProblemBanner } from "./ProblemBanner";
import { SidePanel } from "./SidePanel";
import { StatusBar } from "./StatusBar";
import { Toolbar } from "./Toolbar";

export function App({ store }: { store: AppStore }) {
  const loaded = useAppState(store, (s) => s.doc !== null);
  const name = useAppState(store, (s) => s.doc?.name);
  const widePanel = useAppState(store, (s) => s.panel !== "inspector");
  const comparing = useAppState(store, (s) => s.view === "compare");
  const preview = useAppState(store, (s) => s.preview);
  const dialog = useAppState(store, (s) => s.dialog);
  // The map first: when the window opens on a map, the palette, the side panel and the dock are
  // rendered once the canvas has drawn it, at a lower priority (React renders them in slices
  // between frames), so a large map is on screen sooner. Stand-ins keep their places meanwhile,
  // so nothing moves when they arrive. Without a map to wait for, they are rendered at once.
  const [secondary, setSecondary] = useState(false);
  const mapFirst = loaded && !comparing && !preview;
  if (!secondary && !mapFirst) setSecondary(true);
  const showSecondary = useCallback(() => startTransition(() => setSecondary(true)), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => handleKeyDown(store, event);
    window.addEventListener("keydown", onKeyDown);
    let unlisten: (() => void) | undefined;
    let cancelled = false;
    void store.backend.onMenu((event) => handleMenu(store, event)).then((stop) => {
      if (cancelled) stop();
      else unlisten = stop;
    });
    return () => {
      cancelled = true;
      window.removeEventListener("keydown", onKeyDown);
      unlisten?.();
    };
  }, [store]);

  useEffect(() => {
    if (name) document.title = `${name} — Kaizen VSM`;
  }, [name]);

  return (
    <ReactFlowProvider>
      <div className="app" data-testid="app">
        <Toolbar store={store} />
        <ProblemBanner store={store} />
        <div className={`app__main${widePanel ? " has-wide-panel" : ""}${comparing || preview ? " without-palette" : ""}`}>
          {!comparing && !preview && (secondary ? <Palette store={store} /> : <div className="palette" aria-hidden="true" />)}
          <main className="app__work">
            {loaded && comparing ? (
              <ComparisonView store={store} />
            ) : loaded && preview ? (
              <SuggestionPreview store={store} preview={preview} />
            ) : (
              <>
                <div className="app__canvas">{loaded ? <Canvas store={store} onDrawn={secondary ? undefined : showSecondary} /> : <div className="app__loading">Opening…</div>}</div>
                {loaded && (secondary ? <Dock store={store} /> : <div className="app__dock-pending" aria-hidden="true" />)}
              </>
            )}
          </main>
          {secondary ? <SidePanel store={store} /> : <div className="side" aria-hidden="true" />}
        </div>
        <MetricsStrip store={store} />
        <StatusBar store={store} />
        {dialog === "report" && <ReportDialog store={store} />}
      </div>
    </ReactFlowProvider>
  );
}
