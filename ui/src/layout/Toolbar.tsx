/**
 * The toolbar: map tabs, undo/redo, fit view, grid, the Kaizen tools (suggestions, compare), and
 * the file actions most used in a workshop (the Kaizen report among them: it is what the workshop
 * hands to stakeholders).
 */
import { useState } from "react";
import { useReactFlow } from "@xyflow/react";
import { addEmptyMap, addFutureState, deleteMap } from "../actions/maps";
import { ContextMenu, type MenuRequest } from "../canvas/ContextMenu";
import { describeShortcut, type Action } from "../actions/action";
import { redo, undo } from "../actions/editing";
import { exportPng } from "../actions/exportImage";
import { exportReport } from "../actions/exportReport";
import { exportJson, newDocument, openDocument, saveAs } from "../actions/files";
import { useAppState, type AppStore } from "../store/appStore";

function ActionButton({ store, action, testId, label }: { store: AppStore; action: Action; testId: string; label?: string }) {
  useAppState(store, (s) => s.doc);
  const enabled = action.enabled ? action.enabled(store) : true;
  const title = action.shortcut ? `${action.label} (${describeShortcut(action.shortcut)})` : action.label;
  return (
    <button type="button" className="toolbar__button" disabled={!enabled} title={title} data-testid={testId} onClick={() => void action.perform(store)}>
      {label ?? action.label.replace("…", "")}
    </button>
  );
}

function ToggleButton({ on, title, testId, onClick, children }: { on: boolean; title: string; testId?: string; onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" className={`toolbar__button${on ? " is-on" : ""}`} aria-pressed={on} title={title} data-testid={testId} onClick={onClick}>
      {children}
    </button>
  );
}

export function Toolbar({ store }: { store: AppStore }) {
  const maps = useAppState(store, (s) => s.doc?.document.maps);
  const activeMapId = useAppState(store, (s) => s.activeMapId);
  const showGrid = useAppState(store, (s) => s.showGrid);
  const comparing = useAppState(store, (s) => s.view === "compare");
  const panel = useAppState(store, (s) => s.panel);
  const flow = useReactFlow();
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  return (
    <header className="toolbar" role="toolbar" aria-label="Document">
      <nav className="toolbar__tabs" aria-label="Maps" role="tablist">
        {(maps ?? []).map((map) => (
          <button
            key={map.id}
            type="button"
            role="tab"
            aria-selected={map.id === activeMapId}
            className={`toolbar__tab${map.id === activeMapId ? " is-active" : ""} is-${map.state ?? "current"}`}
            data-testid={`map-tab-${map.id}`}
            onClick={() => store.showMap(map.id)}
            onContextMenu={(event) => {
              event.preventDefault();
              store.showMap(map.id);
              setMenu({ x: event.clientX, y: event.clientY, actions: [addFutureState, addEmptyMap, deleteMap] });
            }}
          >
            {map.title || map.id}
          </button>
        ))}
        <button
          type="button"
          className="toolbar__tab toolbar__tab--add"
          title="Add a map: a future state of this one, or an empty map"
          aria-label="Add a map"
          data-testid="map-tab-add"
          onClick={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            setMenu({ x: box.left, y: box.bottom + 2, actions: [addFutureState, addEmptyMap, deleteMap] });
          }}
        >
          +
        </button>
      </nav>
      {menu && <ContextMenu store={store} request={menu} onClose={() => setMenu(null)} />}
      <div className="toolbar__group">
        <ActionButton store={store} action={undo} testId="toolbar-undo" />
        <ActionButton store={store} action={redo} testId="toolbar-redo" />
        <button type="button" className="toolbar__button" title="Fit the map to the window" onClick={() => void flow.fitView({ padding: 0.08, duration: 200 })}>
          Fit
        </button>
        <ToggleButton on={showGrid} title="Show the grid (symbols snap to it either way)" onClick={() => store.toggleGrid()}>
          Grid
        </ToggleButton>
      </div>
      <div className="toolbar__group">
        <ToggleButton
          on={panel === "suggestions"}
          title="Improvements the rules propose for this map, with their computed effect"
          testId="toolbar-suggestions"
          onClick={() => store.showPanel(panel === "suggestions" ? "inspector" : "suggestions")}
        >
          Suggestions
        </ToggleButton>
        <ToggleButton
          on={comparing}
          title="Two states side by side: maps, ladders and every figure with its change"
          testId="toolbar-compare"
          onClick={() => store.setView(comparing ? "map" : "compare")}
        >
          Compare
        </ToggleButton>
      </div>
      <div className="toolbar__group">
        <ActionButton store={store} action={newDocument} testId="toolbar-new" />
        <ActionButton store={store} action={openDocument} testId="toolbar-open" />
        <ActionButton store={store} action={saveAs} testId="toolbar-save-as" />
        <ActionButton store={store} action={exportJson} testId="toolbar-export-json" />
        <ActionButton store={store} action={exportPng} testId="toolbar-export-png" />
        <ActionButton store={store} action={exportReport} testId="toolbar-export-report" label="Report" />
      </div>
    </header>
  );
}
