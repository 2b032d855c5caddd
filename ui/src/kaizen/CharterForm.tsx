/**
 * The Kaizen event charter, the frame of the A3: theme, sponsor, owner, team, scope (first and
 * last step), dates, background and measurable targets, each target shown against the current
 * and future states' figures. Every commit replaces the charter whole (`set_charter`).
 */
import type { Charter, Document, MapReport, Target } from "../bindings";
import { formatDays, formatPercent } from "../format/units";
import { useAppState, type AppStore } from "../store/appStore";
import { acceptTarget } from "./SuggestionsPanel";
import { metricLabel } from "./metricFormat";
import { TextField } from "./TextField";

/** The figures a target can be set on, and how they are typed: lead time in days, ratios in %. */
const TARGET_METRICS: { metric: string; unit: string; toStored: (typed: number) => number; toTyped: (stored: number) => number }[] = [
  { metric: "lead_time_s", unit: "days", toStored: (d) => d * 86400, toTyped: (s) => s / 86400 },
  { metric: "va_ratio", unit: "%", toStored: (p) => p / 100, toTyped: (f) => f * 100 },
  { metric: "rolled_pca", unit: "%", toStored: (p) => p / 100, toTyped: (f) => f * 100 },
];

function show(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return metric === "lead_time_s" ? formatDays(value / 86400) : formatPercent(value);
}

function figure(report: MapReport | undefined, metric: string): number | null {
  if (!report) return null;
  const value = (report as unknown as Record<string, unknown>)[metric];
  return typeof value === "number" ? value : null;
}

/** Whether `value` meets the target (lower is better for lead time, higher for ratios). */
export function meets(metric: string, value: number | null, target: number): boolean | null {
  if (value === null) return null;
  return metric === "lead_time_s" ? value <= target : value >= target;
}

export function CharterForm({ store, document }: { store: AppStore; document: Document }) {
  const metrics = useAppState(store, (s) => s.doc?.metrics.maps);
  const charter: Charter = document.charter ?? {};
  const current = document.maps.find((m) => m.id === charter.map) ?? document.maps.find((m) => (m.state ?? "current") === "current") ?? document.maps[0];
  const future = current ? acceptTarget(document.maps, current) : null;
  const report = (id: string | undefined) => metrics?.find((m) => m.id === id);
  const save = (patch: Partial<Charter>) =>
    void store.run(() => store.backend.applyChanges({ changes: [{ op: "set_charter", charter: { ...charter, map: charter.map ?? current?.id ?? null, ...patch } }] }), {
      keepSelection: true,
    });
  const text = (value: string) => value.trim();
  const steps = (current?.nodes ?? []).filter((n) => n.kind === "process");
  const targets = charter.targets ?? [];
  const setTarget = (i: number, target: Target | null) => {
    const next = [...targets];
    if (target) next[i] = target;
    else next.splice(i, 1);
    save({ targets: next });
  };
  return (
    <div className="charter" data-testid="charter">
      <h3 className="panel__section">Event charter</h3>
      <TextField label="Theme" value={charter.theme ?? ""} testId="charter-theme" onCommit={(v) => save({ theme: text(v) })} />
      <div className="kaction__row">
        <TextField label="Sponsor" value={charter.sponsor ?? ""} onCommit={(v) => save({ sponsor: text(v) })} />
        <TextField label="Value-stream owner" value={charter.owner ?? ""} onCommit={(v) => save({ owner: text(v) })} />
      </div>
      <TextField
        label="Team (comma-separated)"
        value={(charter.team ?? []).join(", ")}
        onCommit={(v) => save({ team: v.split(",").map((m) => m.trim()).filter(Boolean) })}
      />
      <div className="kaction__row">
        {(["scope_from", "scope_to"] as const).map((field) => (
          <label key={field} className="kfield">
            <span className="kfield__label">{field === "scope_from" ? "First step" : "Last step"}</span>
            <select value={charter[field] ?? ""} onChange={(e) => save({ [field]: e.target.value || null })}>
              <option value="">—</option>
              {steps.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name || n.id}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="kaction__row">
        <TextField label="Event starts" type="date" value={charter.start ?? ""} onCommit={(v) => save({ start: v || null })} />
        <TextField label="Event ends" type="date" value={charter.end ?? ""} onCommit={(v) => save({ end: v || null })} />
      </div>
      <TextField label="Background" multiline value={charter.background ?? ""} onCommit={(v) => save({ background: text(v) })} />
      <p className="kfield__label">Targets</p>
      <table className="ktargets" data-testid="charter-targets">
        <thead>
          <tr>
            <th>Figure</th>
            <th>Current</th>
            <th>Future</th>
            <th>Target</th>
            <th>By</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {targets.map((target, i) => {
            const kind = TARGET_METRICS.find((m) => m.metric === target.metric);
            const futureValue = figure(report(future?.id), target.metric);
            const met = meets(target.metric, futureValue, target.to);
            return (
              <tr key={i} data-testid={`charter-target-${i}`}>
                <td>{metricLabel(target.metric)}</td>
                <td>{show(target.metric, figure(report(current?.id), target.metric))}</td>
                <td className={met === null ? "" : met ? "is-met" : "is-missed"} title={met === null ? undefined : met ? "the future state meets the target" : "the future state misses the target"}>
                  {show(target.metric, futureValue)}
                </td>
                <td>
                  <TextField
                    label={`Target (${kind?.unit ?? ""})`}
                    type="number"
                    value={kind ? String(Math.round(kind.toTyped(target.to) * 100) / 100) : String(target.to)}
                    onCommit={(v) => {
                      const typed = Number(v.replace(",", "."));
                      if (v.trim() !== "" && Number.isFinite(typed) && kind) setTarget(i, { ...target, to: kind.toStored(typed) });
                    }}
                  />
                </td>
                <td>
                  <TextField label="By" type="date" value={target.by ?? ""} onCommit={(v) => setTarget(i, { ...target, by: v || null })} />
                </td>
                <td>
                  <button type="button" className="kbutton kbutton--danger" aria-label="Remove target" onClick={() => setTarget(i, null)}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <select
        className="kbutton"
        value=""
        aria-label="Add a target"
        data-testid="charter-add-target"
        onChange={(e) => {
          const kind = TARGET_METRICS.find((m) => m.metric === e.target.value);
          if (!kind) return;
          const from = figure(report(current?.id), kind.metric);
          // Start from the current figure; the user types the target over it.
          setTarget(targets.length, { metric: kind.metric, from, to: from ?? 0, by: null });
        }}
      >
        <option value="">Add a target…</option>
        {TARGET_METRICS.map((m) => (
          <option key={m.metric} value={m.metric}>
            {metricLabel(m.metric)}
          </option>
        ))}
      </select>
    </div>
  );
}
