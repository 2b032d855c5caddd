/**
 * The metrics strip under the map: the headline figures that apply to this map (manufacturing
 * maps show takt and the bottleneck; office/DevOps maps the activity ratio and rolled %C/A).
 * A figure that cannot be computed shows a dash with the reason as its tooltip.
 */
import type { MapReport } from "../bindings";
import { formatDays, formatDuration, formatPercent } from "../format/units";
import { useAppState, type AppStore } from "../store/appStore";

function Figure({
  label,
  value,
  reason,
  testId,
  raw,
}: {
  label: string;
  value: string | null;
  reason?: string | null;
  testId: string;
  raw?: number | null;
}) {
  return (
    <span className="metric" data-testid={testId} data-value={raw ?? undefined} title={value === null ? (reason ?? "not available") : undefined}>
      <span className="metric__label">{label}</span> <strong className="metric__value">{value ?? "—"}</strong>
    </span>
  );
}

export function MetricsStrip({ store }: { store: AppStore }) {
  const doc = useAppState(store, (s) => s.doc);
  const activeMapId = useAppState(store, (s) => s.activeMapId);
  const unit = useAppState(store, (s) => s.unit);
  const duration = (seconds: number) => formatDuration(seconds, unit);
  const map = doc?.document.maps.find((m) => m.id === activeMapId) ?? doc?.document.maps[0];
  const report: MapReport | undefined = doc?.metrics.maps.find((m) => m.id === map?.id);
  if (!map || !report) return <div className="metrics" />;
  const name = (id: string) => map.nodes.find((n) => n.id === id)?.name || id;
  const v = <T,>(value: T | null, format: (value: T) => string) => (value === null ? null : format(value));
  return (
    <div className="metrics" role="status" aria-label="Metrics">
      <Figure
        label="Lead time"
        testId="metric-lead-time"
        value={unit === "auto" ? v(report.lead_time_days, formatDays) : v(report.lead_time_s, duration)}
        reason={report.lead_time_days_reason}
        raw={report.lead_time_s}
      />
      <Figure label="Processing" testId="metric-processing" value={v(report.processing_time_s, duration)} reason={report.processing_time_s_reason} raw={report.processing_time_s} />
      <Figure label="VA" testId="metric-va" value={v(report.va_ratio, formatPercent)} reason={report.va_ratio_reason} />
      {report.takt_s !== null && <Figure label="Takt" testId="metric-takt" value={duration(report.takt_s)} />}
      {report.rolled_pca !== null && <Figure label="%C/A" testId="metric-pca" value={formatPercent(report.rolled_pca)} />}
      <Figure label="Bottleneck" testId="metric-bottleneck" value={report.bottleneck.length ? report.bottleneck.map(name).join(", ") : null} reason="no bottleneck on the critical path" />
      <span className={`metric metric--warnings${report.warnings.length ? " has-warnings" : ""}`} data-testid="metric-warnings" title={report.warnings.map((w) => w.message).join("\n")}>
        {report.warnings.length === 1 ? "1 warning" : `${report.warnings.length} warnings`}
      </span>
    </div>
  );
}
