/** The status bar: where the document lives and whether everything is saved. */
import { useAppState, type AppStore } from "../store/appStore";

export function StatusBar({ store }: { store: AppStore }) {
  const path = useAppState(store, (s) => s.doc?.path ?? "");
  const busy = useAppState(store, (s) => s.busy);
  const failed = useAppState(store, (s) => s.problem !== null);
  const revision = useAppState(store, (s) => s.doc?.revision ?? 0);
  const saved = busy ? "Saving…" : failed ? "Last change not saved" : "Saved";
  return (
    <footer className="statusbar">
      <span className={`statusbar__saved${busy ? " is-busy" : ""}${failed ? " is-failed" : ""}`} data-testid="status-saved" data-revision={revision}>
        {saved}
        {!busy && !failed && <span aria-hidden="true"> ✓</span>}
      </span>
      <span className="statusbar__path" data-testid="status-path" title={path}>
        {path}
      </span>
    </footer>
  );
}
