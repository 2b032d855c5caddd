/**
 * The right-hand column (docs/ui.md): one panel at a time — the inspector, the improvement
 * suggestions, or the Kaizen plan (actions and event charter) — chosen by the tabs on top.
 */
import { KaizenPanel } from "../kaizen/KaizenPanel";
import { SuggestionsPanel } from "../kaizen/SuggestionsPanel";
import { useAppState, type AppStore, type Panel } from "../store/appStore";
import { Inspector } from "./Inspector";

const PANELS: [Panel, string][] = [
  ["inspector", "Inspector"],
  ["suggestions", "Suggestions"],
  ["kaizen", "Kaizen plan"],
];

export function SidePanel({ store }: { store: AppStore }) {
  const panel = useAppState(store, (s) => s.panel);
  return (
    <div className="side">
      <div className="side__tabs" role="tablist" aria-label="Side panels">
        {PANELS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={panel === id}
            className={`side__tab${panel === id ? " is-active" : ""}`}
            data-testid={`panel-tab-${id}`}
            onClick={() => store.showPanel(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {panel === "inspector" && <Inspector store={store} />}
      {panel !== "inspector" && (
        <div className="side__body">
          {panel === "suggestions" && <SuggestionsPanel store={store} />}
          {panel === "kaizen" && <KaizenPanel store={store} />}
        </div>
      )}
    </div>
  );
}
