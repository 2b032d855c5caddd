/**
 * Display formatting of stored values. Stored durations are always seconds; these functions
 * only choose how to show them, never change what is stored.
 */
import type { MapReport } from "../bindings";
import type { DurationUnit } from "./unitChoice";

/** One formatter per precision: creating an Intl.NumberFormat per call made a 500-symbol map
 * take seconds to draw. Only for numbers `formatNumber` leaves to it. */
const formatters = new Map<number, Intl.NumberFormat>();
const intl = (value: number, digits: number) => {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formatters.set(digits, formatter);
  }
  const text = formatter.format(value);
  // No "-0": what rounds to zero is written without a sign (`signDisplay: "negative"`, spelt out).
  return /^-[0.,]*$/.test(text) ? text.slice(1) : text;
};

/**
 * `value` as `Intl.NumberFormat("en-US", { maximumFractionDigits: digits, signDisplay: "negative" })`
 * writes it — thousands separators, at most `digits` decimals, half away from zero, no trailing
 * zeros, no "-0" for what rounds to zero — without it: the first use of Intl costs tens of
 * milliseconds (ICU's locale data), most of a large map's first paint. Like ICU, it rounds the
 * shortest decimal that reads back as `value` (1.005 → 1.01), not the binary value (`toFixed`
 * gives 1.00). Numbers JavaScript writes with an exponent go to Intl. The Kaizen report writes
 * numbers the same way (vsm-report's `js::intl_number`).
 */
export function formatNumber(value: number, digits: number): string {
  const text = String(Math.abs(value));
  if (!Number.isFinite(value) || text.includes("e")) return intl(value, digits);
  const point = text.indexOf(".");
  let whole = point < 0 ? text : text.slice(0, point);
  let fraction = point < 0 ? "" : text.slice(point + 1);
  if (fraction.length > digits) {
    const up = fraction[digits] >= "5";
    fraction = fraction.slice(0, digits);
    if (up) {
      // One unit up in the last place kept, carrying through nines.
      const kept = (whole + fraction).split("");
      let i = kept.length - 1;
      while (i >= 0 && kept[i] === "9") kept[i--] = "0";
      if (i < 0) kept.unshift("1");
      else kept[i] = String(Number(kept[i]) + 1);
      whole = kept.slice(0, kept.length - digits).join("");
      fraction = kept.slice(kept.length - digits).join("");
    }
  }
  fraction = fraction.replace(/0+$/, "");
  const sign = value < 0 && /[1-9]/.test(whole + fraction) ? "-" : "";
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

/** `39 s`, `10 min`, `4 h`, `2.5 d` — the unit a person would say, or the unit chosen. */
export function formatDuration(seconds: number, unit: DurationUnit = "auto"): string {
  if (!Number.isFinite(seconds)) return "—";
  switch (unit) {
    case "s":
      return `${formatNumber(seconds, 1)} s`;
    case "min":
      return `${formatNumber(seconds / 60, 1)} min`;
    case "h":
      return `${formatNumber(seconds / 3600, 2)} h`;
    case "d":
      return `${formatNumber(seconds / 86400, 2)} d`;
  }
  const abs = Math.abs(seconds);
  if (abs < 600) return `${formatNumber(seconds, 1)} s`;
  if (abs < 2 * 3600) return `${formatNumber(seconds / 60, 1)} min`;
  if (abs < 2 * 86400) return `${formatNumber(seconds / 3600, 1)} h`;
  return `${formatNumber(seconds / 86400, 1)} d`;
}

/**
 * The length in seconds of one of the map's days — 24 h, or the working time of a day, as its
 * calendar's day basis says — from its report: the lead time over the lead time in days; a
 * calendar day where either is unknown. Lead times and waits in days — the ladder, the metrics
 * strip, the Monte Carlo — are in these days, as in `vsm metrics` and the PDF report; a duration
 * shown in the "d" display unit (`formatDuration`) is a 24-hour day.
 */
export function dayLengthS(report: Pick<MapReport, "lead_time_s" | "lead_time_days">): number {
  return report.lead_time_s !== null && report.lead_time_days ? report.lead_time_s / report.lead_time_days : 86400;
}

/** Days with one decimal, as ladders print them: `23.6 d`. */
export function formatDays(days: number): string {
  return Number.isFinite(days) ? `${formatNumber(days, 1)} d` : "—";
}

/** A fraction as a percentage: 0.85 → `85 %`, 0.00009 → `0.009 %`. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return "—";
  const percent = fraction * 100;
  const digits = percent !== 0 && Math.abs(percent) < 1 ? 3 : Math.abs(percent) < 10 ? 1 : 0;
  return `${formatNumber(percent, digits)} %`;
}

/** A quantity with thousands separators: `18,400`. */
export function formatQuantity(quantity: number): string {
  return Number.isFinite(quantity) ? formatNumber(quantity, 1) : "—";
}
