/**
 * The Monte Carlo tab: the lead-time distribution of 10,000 seeded trials (computed by the Rust
 * core on demand), its p50/p85/p95, and the chance of meeting a target the user types in days —
 * the map's days (`dayS` seconds each: 24 h, or the working time of a day), as on the ladder.
 */
import { useEffect, useState } from "react";
import type { MonteCarlo } from "../bindings";
import { formatDays, formatPercent } from "../format/units";
import type { AppStore } from "../store/appStore";
import { labelRows } from "./labelRows";

export function MonteCarloPanel({ store, mapId, revision, dayS }: { store: AppStore; mapId: string; revision: number; dayS: number }) {
  const [targetDays, setTargetDays] = useState("");
  const [result, setResult] = useState<MonteCarlo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const target = Number(targetDays.replace(",", "."));
  const targetS = targetDays.trim() !== "" && Number.isFinite(target) && target >= 0 ? target * dayS : null;

  useEffect(() => {
    let current = true;
    store.backend.simulate(mapId, targetS).then(
      (report) => current && (setResult(report), setError(null)),
      (failure: unknown) => current && (setResult(null), setError(failure instanceof Error ? failure.message : String(failure))),
    );
    return () => {
      current = false;
    };
  }, [store, mapId, revision, targetS]);

  if (error) return <p className="dock__empty">{error}</p>;
  if (!result) return <p className="dock__empty">Simulating…</p>;
  const days = (s: number) => formatDays(s / dayS);
  const counts = result.histogram.map(([, , count]) => count);
  const highest = Math.max(...counts, 1);
  const span = result.max_s - result.min_s || 1;
  const width = 520;
  const x = (s: number) => 10 + ((s - result.min_s) / span) * (width - 20);
  const percentiles = markerRows(
    [
      ["p50", result.p50_s],
      ["p85", result.p85_s],
      ["p95", result.p95_s],
    ],
    x,
  );
  // The percentiles' labels get a band of their own above the bars, which they would print over.
  const barsTop = 8 + 11 * (Math.max(0, ...percentiles.map(({ row }) => row)) + 1);
  const barHeight = (count: number) => (count / highest) * (110 - barsTop);
  // Every trial the same (no step has a range): a histogram would be one sliver at one value.
  const spread = result.max_s > result.min_s;
  return (
    <div className="montecarlo" data-testid="monte-carlo">
      {!spread && (
        <p className="montecarlo__flat" data-testid="monte-carlo-flat">
          Every trial gives {days(result.min_s)}: no step of this map has variability. Give a step a range in the Inspector
          (Variability) to see how the lead time spreads.
        </p>
      )}
      {spread && (
        <svg width={width} height={130} role="img" aria-label="Lead-time distribution">
          {result.histogram.map(([from, to, count]) => (
            <rect key={from} x={x(from)} y={110 - barHeight(count)} width={Math.max(1, x(to) - x(from) - 1)} height={barHeight(count)} className="montecarlo__bar">
              <title>{`${days(from)} – ${days(to)}: ${count} trials`}</title>
            </rect>
          ))}
          {percentiles.map(({ name, at, row }) => (
            <g key={name} className="montecarlo__marker">
              <line x1={at} x2={at} y1={8} y2={110} />
              <text x={at + 3} y={16 + 11 * row}>
                {name}
              </text>
            </g>
          ))}
          {result.target_s !== null && result.target_s >= result.min_s && result.target_s <= result.max_s && (
            <line x1={x(result.target_s)} x2={x(result.target_s)} y1={4} y2={110} className="montecarlo__target">
              <title>{`target ${days(result.target_s)}`}</title>
            </line>
          )}
          <text x={10} y={126} className="montecarlo__axis">
            {days(result.min_s)}
          </text>
          <text x={width - 10} y={126} className="montecarlo__axis" textAnchor="end">
            {days(result.max_s)}
          </text>
        </svg>
      )}
      <div className="montecarlo__figures">
        <div>
          p50 <strong>{days(result.p50_s)}</strong> · p85 <strong>{days(result.p85_s)}</strong> · p95 <strong>{days(result.p95_s)}</strong>
        </div>
        <div className="montecarlo__note">
          {result.trials.toLocaleString("en-US")} trials, seed {result.seed}; mean {days(result.mean_s)}
        </div>
        <label className="montecarlo__target-input">
          Target lead time{" "}
          <input value={targetDays} onChange={(e) => setTargetDays(e.target.value)} inputMode="decimal" size={6} data-testid="monte-carlo-target" /> days
        </label>
        {result.probability_meeting_target !== null && (
          <div data-testid="monte-carlo-chance">
            Chance of meeting it: <strong>{formatPercent(result.probability_meeting_target)}</strong>
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * Where each percentile's label goes: a row lower when it would print over a label to its left
 * (labels start at their marker and take 22 px; `labelRows` keeps 4 px between them).
 */
export function markerRows(markers: [string, number][], x: (s: number) => number): { name: string; at: number; row: number }[] {
  const sorted = [...markers].sort((a, b) => a[1] - b[1]).map(([name, value]) => ({ name, at: x(value) }));
  const rows = labelRows(sorted.map(({ at }) => ({ start: at, end: at + 22 })), markers.length);
  return sorted.map((marker, i) => ({ ...marker, row: rows[i] }));
}
