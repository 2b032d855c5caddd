/**
 * Two states of the value stream side by side (current vs future), stacked because value streams
 * are wide: each map read-only with its ladder, the symbols that changed highlighted, and every headline figure with its
 * absolute and relative change, computed by the core (`compare_states`).
 */
import { useEffect, useMemo, useState } from "react";
import type { Comparison, Document, Map } from "../bindings";
import { Ladder } from "../dock/Ladder";
import { useAppState, type AppStore } from "../store/appStore";
import { MapPreview } from "./MapPreview";
import { acceptTarget } from "./SuggestionsPanel";
import { useWidth } from "./useWidth";
import { formatDelta, formatDeltaRatio, formatMetric, lowerIsBetter, metricLabel } from "./metricFormat";

type State = { id: string; title: string; map: Map; short: string };

const STATE_NAMES = { current: "Current", future: "Future", ideal: "Ideal" } as const;

/** Every map and snapshot of the document, as states one can compare. */
export function statesOf(document: Document): State[] {
  return [
    ...document.maps.map((map) => ({ id: map.id, title: map.title || map.id, map, short: STATE_NAMES[map.state ?? "current"] })),
    ...(document.snapshots ?? []).map((s) => ({ id: s.id, title: `${s.label ?? s.id} (${s.taken_on})`, map: s.map, short: s.taken_on })),
  ];
}

/** The pair shown first: a future state and the map it came from, around the map shown. */
export function defaultPair(document: Document, shown: Map): [string, string] {
  if (shown.state === "future" && shown.derived_from && document.maps.some((m) => m.id === shown.derived_from)) return [shown.derived_from, shown.id];
  const future = acceptTarget(document.maps, shown);
  if (future) return [shown.id, future.id];
  const other = document.maps.find((m) => m.id !== shown.id);
  return [shown.id, other?.id ?? shown.id];
}

export function ComparisonView({ store }: { store: AppStore }) {
  const doc = useAppState(store, (s) => s.doc);
  const unit = useAppState(store, (s) => s.unit);
  const shown = useAppState(store, () => store.activeMap());
  const [pair, setPair] = useState<[string, string] | null>(null);
  const [ladderBox, ladderWidth] = useWidth<HTMLDivElement>(700);
  const [result, setResult] = useState<{ key: string; comparison?: Comparison; error?: string } | null>(null);
  const [from, to] = pair ?? (doc && shown ? defaultPair(doc.document, shown) : ["", ""]);
  const key = `${from}>${to}@${doc?.revision}`;

  useEffect(() => {
    if (!from || !to) return;
    let current = true;
    store.backend.compareStates(from, to).then(
      (comparison) => current && setResult({ key, comparison }),
      (failure: unknown) => current && setResult({ key, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [store, from, to, key]);

  const comparison = result?.key === key ? result.comparison : undefined;
  const changed = useMemo(
    () => new Set([...(comparison?.nodes_added ?? []), ...(comparison?.nodes_changed ?? []).map((c) => c.id)]),
    [comparison],
  );
  const removed = useMemo(() => new Set(comparison?.nodes_removed ?? []), [comparison]);
  if (!doc) return null;
  const states = statesOf(doc.document);
  const side = (id: string) => states.find((s) => s.id === id);
  const reportOf = (id: string) => doc.metrics.maps.find((m) => m.id === id) ?? null;
  const picker = (value: string, index: 0 | 1) => (
    <select
      value={value}
      aria-label={index === 0 ? "Compare from" : "Compare to"}
      data-testid={`compare-${index === 0 ? "from" : "to"}`}
      onChange={(e) => setPair(index === 0 ? [e.target.value, to] : [from, e.target.value])}
    >
      {states.map((s) => (
        <option key={s.id} value={s.id}>
          {s.title}
        </option>
      ))}
    </select>
  );
  const column = (id: string, index: 0 | 1) => {
    const state = side(id);
    const report = reportOf(id);
    return (
      <div className="compare__side">
        <div className="compare__head">{picker(id, index)}</div>
        {state ? (
          <MapPreview map={state.map} report={report} unit={unit} highlight={index === 0 ? removed : changed} testId={`compare-map-${index}`} />
        ) : (
          <p className="panel__hint">No such map.</p>
        )}
        <div className="compare__ladder" ref={index === 0 ? ladderBox : undefined}>
          {state && report ? (
            <Ladder report={report} nodes={state.map.nodes} unit={unit} width={ladderWidth} />
          ) : (
            <p className="panel__hint">The ladder of a snapshot is shown when it is opened as a map.</p>
          )}
        </div>
      </div>
    );
  };
  return (
    <div className="compare" data-testid="comparison">
      <div className="compare__maps">
        {column(from, 0)}
        {column(to, 1)}
      </div>
      <div className="compare__figures">
        {result?.key === key && result.error && <p className="panel__hint">{result.error}</p>}
        {comparison && (
          <>
            <table className="compare__table" data-testid="compare-metrics">
              <thead>
                <tr>
                  <th>Figure</th>
                  <th title={side(from)?.title}>{side(from)?.short}</th>
                  <th title={side(to)?.title}>{side(to)?.short}</th>
                  <th>Change</th>
                  <th>%</th>
                </tr>
              </thead>
              <tbody>
                {comparison.metrics
                  .filter((m) => m.metric !== "lead_time_days" && (m.from !== null || m.to !== null))
                  .map((m) => {
                    const better = m.delta === null || m.delta === 0 ? "" : (m.delta < 0) === lowerIsBetter(m.metric) ? "is-better" : "is-worse";
                    return (
                      <tr key={m.metric} data-testid={`compare-row-${m.metric}`}>
                        <td>{metricLabel(m.metric)}</td>
                        <td>{formatMetric(m.metric, m.from, unit)}</td>
                        <td>{formatMetric(m.metric, m.to, unit)}</td>
                        <td className={better}>{formatDelta(m.metric, m.delta, unit)}</td>
                        <td className={better}>{formatDeltaRatio(m.delta_ratio)}</td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
            <ul className="compare__changes" data-testid="compare-changes">
              <li>Symbols added: {comparison.nodes_added.join(", ") || "none"}</li>
              <li>Symbols removed: {comparison.nodes_removed.join(", ") || "none"}</li>
              <li>Symbols changed: {comparison.nodes_changed.map((c) => `${c.id} (${c.fields.join(", ")})`).join("; ") || "none"}</li>
              <li>
                Arrows: {comparison.edges_added.length} added, {comparison.edges_removed.length} removed
              </li>
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
