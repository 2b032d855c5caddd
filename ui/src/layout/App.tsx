/**
 * The main window (docs/ui.md): toolbar on top, palette left, canvas in the middle, inspector
 * right, metrics strip and status bar at the bottom. Keyboard shortcuts and native menu events
 * are wired to the action registry here.
 */
import { useEffect } from "react";
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
          {!comparing && !preview && <Palette store={store} />}
          <main className="app__work">
            {loaded && comparing ? (
              <ComparisonView store={store} />
            ) : loaded && preview ? (
              <SuggestionPreview store={store} preview={preview} />
            ) : (
              <>
                <div className="app__canvas">{loaded ? <Canvas store={store} /> : <div className="app__loading">Opening…</div>}</div>
                {loaded && <Dock store={store} />}
              </>
            )}
          </main>
          <SidePanel store={store} />
        </div>
        <MetricsStrip store={store} />
        <StatusBar store={store} />
        {dialog === "report" && <ReportDialog store={store} />}
      </div>
    </ReactFlowProvider>
  );
}
