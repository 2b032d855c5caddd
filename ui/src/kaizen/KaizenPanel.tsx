/**
 * The Kaizen plan: the event charter (the frame of the A3) and the action plan — each action with
 * its owner, due date and status, the effect projected when it was accepted and the effect
 * measured on a later snapshot; overdue actions are flagged. Snapshots of the map shown are
 * taken here, dated today.
 */
import type { Action, ActionStatus, Change, Document, Map, Value } from "../bindings";
import { useAppState, type AppStore } from "../store/appStore";
import { CharterForm } from "./CharterForm";
import { formatMetric } from "./metricFormat";
import { TextField } from "./TextField";

const STATUS_LABELS: Record<ActionStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An action is overdue when its due day has passed and it is neither done nor dropped. */
export function isOverdue(action: Action, on: string): boolean {
  return !!action.due && action.due < on && (action.status ?? "planned") !== "done" && action.status !== "dropped";
}

/** A snapshot of `map` taken on `day`, with an id not used yet. */
export function snapshotOf(document: Document, map: Map, day: string): Change {
  const taken = new Set((document.snapshots ?? []).map((s) => s.id));
  let id = `${map.id}-${day}`;
  for (let n = 2; taken.has(id); n += 1) id = `${map.id}-${day}-${n}`;
  return { op: "add_snapshot", snapshot: { id, taken_on: day, label: `${map.title || map.id}, as measured`, map: structuredClone(map) } };
}

function ActionCard({ store, action, document, day }: { store: AppStore; action: Action; document: Document; day: string }) {
  const unit = useAppState(store, (s) => s.unit);
  const update = (set: Record<string, Value>) =>
    void store.run(() => store.backend.applyChanges({ changes: [{ op: "update_action", id: action.id, set }] }), { keepSelection: true });
  const overdue = isOverdue(action, day);
  const lead = (seconds: number | null | undefined) => formatMetric("lead_time_s", seconds ?? null, unit);
  const snapshots = document.snapshots ?? [];
  const showBurst = () => {
    if (!action.map || !action.burst) return;
    store.showMap(action.map);
    store.select({ nodes: [action.burst], edges: [] });
  };
  return (
    <li className={`kaction${overdue ? " is-overdue" : ""}`} data-testid={`action-${action.id}`}>
      <div className="kaction__head">
        <TextField label="Action" value={action.title} onCommit={(title) => title.trim() && update({ title: title.trim() })} />
        {overdue && (
          <span className="kaction__overdue" data-testid="action-overdue" title={`Due ${action.due}`}>
            overdue
          </span>
        )}
      </div>
      <div className="kaction__row">
        <TextField label="Owner" value={action.owner ?? ""} onCommit={(owner) => update({ owner: owner.trim() })} placeholder="who" />
        <TextField label="Due" type="date" value={action.due ?? ""} onCommit={(due) => update({ due: due || null })} />
        <label className="kfield">
          <span className="kfield__label">Status</span>
          <select value={action.status ?? "planned"} data-testid="action-status" onChange={(e) => update({ status: e.target.value })}>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <dl className="kaction__effects">
        <dt>Expected lead time</dt>
        <dd data-testid="action-expected">{action.expected ? lead(action.expected.lead_time_s) : "—"}</dd>
        <dt>Actual lead time</dt>
        <dd data-testid="action-actual">
          {action.actual ? `${lead(action.actual.lead_time_s)}${action.actual.snapshot ? ` (snapshot ${action.actual.snapshot})` : ""}` : "not measured yet"}
        </dd>
      </dl>
      <div className="kaction__buttons">
        {action.burst && (
          <button type="button" className="kbutton" onClick={showBurst}>
            Show burst
          </button>
        )}
        {snapshots.length > 0 && (
          <select
            className="kbutton"
            aria-label="Measure the actual effect on a snapshot"
            value=""
            onChange={(e) => e.target.value && void store.run(() => store.backend.measureAction(action.id, e.target.value), { keepSelection: true })}
          >
            <option value="">Measure on snapshot…</option>
            {snapshots.map((s) => (
              <option key={s.id} value={s.id}>
                {s.taken_on} {s.label ?? s.id}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          className="kbutton kbutton--danger"
          onClick={() => void store.run(() => store.backend.applyChanges({ changes: [{ op: "remove_action", id: action.id }] }), { keepSelection: true })}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

export function KaizenPanel({ store }: { store: AppStore }) {
  const doc = useAppState(store, (s) => s.doc);
  const map = useAppState(store, () => store.activeMap());
  if (!doc || !map) return null;
  const document = doc.document;
  const actions = document.actions ?? [];
  const day = today();
  const overdue = actions.filter((a) => isOverdue(a, day)).length;
  return (
    <section className="kaizen" aria-label="Kaizen plan" data-testid="kaizen-panel">
      <CharterForm store={store} document={document} />
      <h3 className="panel__section">
        Action plan{" "}
        <span className="panel__count">
          {actions.length} action{actions.length === 1 ? "" : "s"}
          {overdue > 0 ? `, ${overdue} overdue` : ""}
        </span>
      </h3>
      {actions.length === 0 ? (
        <p className="panel__hint">No actions yet: accept a suggestion, or link a kaizen burst to an action.</p>
      ) : (
        <ol className="kaction__list">
          {actions.map((action) => (
            <ActionCard key={action.id} store={store} action={action} document={document} day={day} />
          ))}
        </ol>
      )}
      <h3 className="panel__section">Snapshots</h3>
      <ul className="ksnapshots" data-testid="snapshots">
        {(document.snapshots ?? []).map((s) => (
          <li key={s.id}>
            {s.taken_on} — {s.label ?? s.id}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="kbutton"
        data-testid="take-snapshot"
        onClick={() => void store.run(() => store.backend.applyChanges({ changes: [snapshotOf(document, map, day)] }), { keepSelection: true })}
      >
        Snapshot “{map.title || map.id}” as of today
      </button>
    </section>
  );
}
