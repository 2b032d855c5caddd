/**
 * How the headline figures of a comparison or a suggestion are named and shown: the keys are
 * those of the metrics report (docs/file-format.md), the values as the metrics strip shows them.
 */
import type { MetricDelta } from "../bindings";
import type { DurationUnit } from "../format/unitChoice";
import { formatDays, formatDuration, formatPercent, formatQuantity } from "../format/units";

type Kind = "duration" | "days" | "ratio" | "count";

const METRICS: Record<string, { label: string; kind: Kind }> = {
  lead_time_s: { label: "Lead time", kind: "duration" },
  lead_time_days: { label: "Lead time (days)", kind: "days" },
  processing_time_s: { label: "Processing time", kind: "duration" },
  va_ratio: { label: "Value-added ratio", kind: "ratio" },
  rolled_pca: { label: "Rolled %C/A", kind: "ratio" },
  takt_s: { label: "Takt", kind: "duration" },
  operators_needed: { label: "Operators needed", kind: "count" },
  labour_required: { label: "Labour required", kind: "count" },
  lead_time_first_pass_s: { label: "Lead time, first pass", kind: "duration" },
};

export function metricLabel(metric: string): string {
  return METRICS[metric]?.label ?? metric.replaceAll("_", " ");
}

/** One value of a figure, `—` when it cannot be computed. */
export function formatMetric(metric: string, value: number | null, unit: DurationUnit = "auto"): string {
  if (value === null) return "—";
  switch (METRICS[metric]?.kind ?? "count") {
    case "duration":
      return formatDuration(value, unit);
    case "days":
      return formatDays(value);
    case "ratio":
      return formatPercent(value);
    case "count":
      return (Math.round(value * 100) / 100).toLocaleString("en-US");
  }
}

/** The change of a figure with its sign: `−7.5 d`, `+1.1 pp` (ratios in percentage points). */
export function formatDelta(metric: string, delta: number | null, unit: DurationUnit = "auto"): string {
  if (delta === null) return "—";
  if (delta === 0) return "0";
  const sign = delta < 0 ? "−" : "+";
  const kind = METRICS[metric]?.kind ?? "count";
  if (kind === "ratio") return `${sign}${formatQuantity(Math.round(Math.abs(delta) * 1000) / 10)} pp`;
  return `${sign}${formatMetric(metric, Math.abs(delta), unit)}`;
}

/** The relative change: `−22.5 %`; empty when there is none. */
export function formatDeltaRatio(ratio: number | null): string {
  if (ratio === null) return "";
  const percent = Math.round(ratio * 1000) / 10;
  return `${percent < 0 ? "−" : percent > 0 ? "+" : ""}${formatQuantity(Math.abs(percent))} %`;
}

/** `Lead time 33.3 d → 25.8 d (−22.5 %)`. */
export function describeDelta(figure: MetricDelta, unit: DurationUnit = "auto"): string {
  const ratio = formatDeltaRatio(figure.delta_ratio);
  return `${metricLabel(figure.metric)} ${formatMetric(figure.metric, figure.from, unit)} → ${formatMetric(figure.metric, figure.to, unit)}${ratio ? ` (${ratio})` : ""}`;
}

/** Whether a lower value of the figure is better (lead and processing time) or worse. */
export function lowerIsBetter(metric: string): boolean {
  return METRICS[metric]?.kind === "duration" || METRICS[metric]?.kind === "days" || metric === "operators_needed" || metric === "labour_required";
}
