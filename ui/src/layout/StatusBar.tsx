/** The status bar: where the document lives and whether everything is saved. */
import { DURATION_UNITS, type DurationUnit } from "../format/unitChoice";
import { useAppState, type AppStore } from "../store/appStore";

export function StatusBar({ store }: { store: AppStore }) {
  const path = useAppState(store, (s) => s.doc?.path ?? "");
  const busy = useAppState(store, (s) => s.busy);
  const failed = useAppState(store, (s) => s.changeFailed);
  const revision = useAppState(store, (s) => s.doc?.revision ?? 0);
  const unit = useAppState(store, (s) => s.unit);
  const saved = busy ? "Saving…" : failed ? "Last change not saved" : "Saved";
  return (
    <footer className="statusbar">
      <span className={`statusbar__saved${busy ? " is-busy" : ""}${failed ? " is-failed" : ""}`} data-testid="status-saved" data-revision={revision}>
        {saved}
        {!busy && !failed && <span aria-hidden="true"> ✓</span>}
      </span>
      <label className="statusbar__unit">
        Times in{" "}
        <select value={unit} onChange={(e) => store.setUnit(e.target.value as DurationUnit)} data-testid="unit-choice">
          {DURATION_UNITS.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      </label>
      <span className="statusbar__path" data-testid="status-path" title={path}>
        {path}
      </span>
    </footer>
  );
}
