/**
 * Display formatting of stored values. Stored durations are always seconds; these functions
 * only choose how to show them, never change what is stored.
 */

/** One formatter per precision: creating an Intl.NumberFormat per call made a 500-symbol map
 * take seconds to draw. */
const formatters = new Map<number, Intl.NumberFormat>();
const number = (value: number, digits: number) => {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formatters.set(digits, formatter);
  }
  return formatter.format(value);
};

import type { DurationUnit } from "./unitChoice";

/** `39 s`, `10 min`, `4 h`, `2.5 d` — the unit a person would say, or the unit chosen. */
export function formatDuration(seconds: number, unit: DurationUnit = "auto"): string {
  if (!Number.isFinite(seconds)) return "—";
  switch (unit) {
    case "s":
      return `${number(seconds, 1)} s`;
    case "min":
      return `${number(seconds / 60, 1)} min`;
    case "h":
      return `${number(seconds / 3600, 2)} h`;
    case "d":
      return `${number(seconds / 86400, 2)} d`;
  }
  const abs = Math.abs(seconds);
  if (abs < 600) return `${number(seconds, 1)} s`;
  if (abs < 2 * 3600) return `${number(seconds / 60, 1)} min`;
  if (abs < 2 * 86400) return `${number(seconds / 3600, 1)} h`;
  return `${number(seconds / 86400, 1)} d`;
}

/** Days with one decimal, as ladders print them: `23.6 d`. */
export function formatDays(days: number): string {
  return Number.isFinite(days) ? `${number(days, 1)} d` : "—";
}

/** A fraction as a percentage: 0.85 → `85 %`, 0.00009 → `0.009 %`. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return "—";
  const percent = fraction * 100;
  const digits = percent !== 0 && Math.abs(percent) < 1 ? 3 : Math.abs(percent) < 10 ? 1 : 0;
  return `${number(percent, digits)} %`;
}

/** A quantity with thousands separators: `18,400`. */
export function formatQuantity(quantity: number): string {
  return Number.isFinite(quantity) ? number(quantity, 1) : "—";
}
