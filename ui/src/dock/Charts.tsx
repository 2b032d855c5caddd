/**
 * The bar charts of the bottom dock: cycle time against takt (with the uptime loss stacked on
 * top, over-takt bars red) and the operator balance (manual work per operator against takt).
 * Both only draw figures the metrics engine computed.
 */
import type { MapReport, Node } from "../bindings";
import { formatDuration } from "../format/units";
import type { DurationUnit } from "../format/unitChoice";

interface Bar {
  id: string;
  label: string;
  base: number;
  extra: number;
  over: boolean;
  bottleneck: boolean;
}

function BarChart({ bars, takt, unit, caption, testId }: { bars: Bar[]; takt: number | null; unit: DurationUnit; caption: string; testId: string }) {
  if (bars.length === 0) return <p className="dock__empty">No process on the flow has the figures for this chart.</p>;
  const top = Math.max(takt ?? 0, ...bars.map((b) => b.base + b.extra)) * 1.15 || 1;
  const height = 120;
  const slot = Math.min(90, Math.max(40, 900 / bars.length));
  const y = (value: number) => height - (value / top) * height;
  return (
    <svg className="chart" width={bars.length * slot + 80} height={height + 36} role="img" aria-label={caption} data-testid={testId}>
      {bars.map((bar, i) => {
        const x = 60 + i * slot;
        return (
          <g key={bar.id} className={`chart__bar${bar.over ? " is-over" : ""}${bar.bottleneck ? " is-bottleneck" : ""}`}>
            <title>{`${bar.label}: ${formatDuration(bar.base, unit)}${bar.extra ? ` + ${formatDuration(bar.extra, unit)} uptime loss` : ""}`}</title>
            <rect x={x} y={y(bar.base)} width={slot * 0.6} height={height - y(bar.base)} className="chart__base" />
            {bar.extra > 0 && (
              <rect x={x} y={y(bar.base + bar.extra)} width={slot * 0.6} height={y(bar.base) - y(bar.base + bar.extra)} className="chart__extra" />
            )}
            <text x={x + slot * 0.3} y={y(bar.base + bar.extra) - 3} className="chart__value">
              {formatDuration(bar.base + bar.extra, unit)}
            </text>
            <text x={x + slot * 0.3} y={height + 14} className="chart__name">
              {bar.label.length > 12 ? `${bar.label.slice(0, 11)}…` : bar.label}
            </text>
          </g>
        );
      })}
      {takt !== null && (
        <g className="chart__takt">
          <line x1={50} x2={bars.length * slot + 70} y1={y(takt)} y2={y(takt)} />
          <text x={4} y={y(takt) + 4}>
            takt {formatDuration(takt, unit)}
          </text>
        </g>
      )}
      <line x1={50} x2={bars.length * slot + 70} y1={height} y2={height} className="chart__axis" />
    </svg>
  );
}

const label = (nodes: Node[], id: string) => nodes.find((n) => n.id === id)?.name || id;

export function TaktChart({ report, nodes, unit }: { report: MapReport; nodes: Node[]; unit: DurationUnit }) {
  const bars: Bar[] = report.steps.flatMap((step) => {
    const cycle = nodes.find((n) => n.id === step.id)?.cycle_time_s;
    if (step.kind !== "process" || cycle == null || step.effective_cycle_time_s === null) return [];
    return [
      {
        id: step.id,
        label: label(nodes, step.id),
        base: cycle,
        extra: step.effective_cycle_time_s - cycle,
        over: step.over_takt === true,
        bottleneck: report.bottleneck.includes(step.id),
      },
    ];
  });
  return <BarChart bars={bars} takt={report.takt_s} unit={unit} caption="Cycle time against takt" testId="chart-takt" />;
}

export function BalanceChart({ report, nodes, unit }: { report: MapReport; nodes: Node[]; unit: DurationUnit }) {
  const bars: Bar[] = report.steps.flatMap((step) =>
    step.operator_load_s === null
      ? []
      : [
          {
            id: step.id,
            label: label(nodes, step.id),
            base: step.operator_load_s,
            extra: 0,
            over: report.takt_s !== null && step.operator_load_s > report.takt_s,
            bottleneck: false,
          },
        ],
  );
  const needed = report.operators_needed;
  return (
    <div className="balance">
      <BarChart bars={bars} takt={report.takt_s} unit={unit} caption="Operator balance" testId="chart-balance" />
      {needed !== null && (
        <p className="balance__summary">
          Operators needed: <strong>{needed.toFixed(2)}</strong> → {report.operators_needed_rounded}
          {report.balance_efficiency !== null && <> · balance {Math.round(report.balance_efficiency * 100)} %</>}
        </p>
      )}
    </div>
  );
}
