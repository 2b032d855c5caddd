/**
 * How the inspector shows each stored field: its label, its unit, and the conversion between what
 * is stored (seconds, fractions) and what is typed (seconds, percent). Which fields a node kind
 * has comes from the Rust model (`NODE_FIELDS` in the generated bindings).
 */
import type { Value } from "../bindings";
import { secondsPer, unitSymbol, type DurationUnit } from "../format/unitChoice";

export type FieldType = "number" | "duration" | "percent" | "text" | "boolean";

export interface FieldInfo {
  label: string;
  unit?: string;
  type: FieldType;
}

export const FIELD_INFO: Record<string, FieldInfo> = {
  name: { label: "Name", type: "text" },
  title: { label: "Title", type: "text" },
  cycle_time_s: { label: "Cycle time (C/T)", unit: "s", type: "duration" },
  changeover_s: { label: "Changeover (C/O)", unit: "s", type: "duration" },
  uptime: { label: "Uptime", unit: "%", type: "percent" },
  operators: { label: "Operators", type: "number" },
  shifts: { label: "Shifts per day", type: "number" },
  parallel: { label: "Parallel stations", type: "number" },
  epe_days: { label: "EPE", unit: "days", type: "number" },
  scrap: { label: "Scrap", unit: "%", type: "percent" },
  changeovers_per_shift: { label: "Changeovers per shift", type: "number" },
  process_time_s: { label: "Process time (PT)", unit: "s", type: "duration" },
  lead_time_s: { label: "Lead time (LT)", unit: "s", type: "duration" },
  pca: { label: "%C/A", unit: "%", type: "percent" },
  automated: { label: "Automated", type: "boolean" },
  shared: { label: "Shared process", type: "boolean" },
  quantity: { label: "Quantity", unit: "pcs", type: "number" },
  duration_days: { label: "Days of stock", unit: "days", type: "number" },
  wait_s: { label: "Wait", unit: "s", type: "duration" },
  max_quantity: { label: "Maximum", unit: "pcs", type: "number" },
  target: { label: "About node", type: "text" },
  action: { label: "Action", type: "text" },
  text: { label: "Text", type: "text" },
  frequency: { label: "Delivery frequency", type: "text" },
  probability: { label: "Rework probability", unit: "%", type: "percent" },
  min_s: { label: "Shortest", unit: "s", type: "duration" },
  mode_s: { label: "Most likely", unit: "s", type: "duration" },
  max_s: { label: "Longest", unit: "s", type: "duration" },
  shift_s: { label: "Shift length", unit: "s", type: "duration" },
  breaks_s: { label: "Breaks per shift", unit: "s", type: "duration" },
  shifts_per_day: { label: "Shifts per day", type: "number" },
  working_days_per_period: { label: "Working days per period", type: "number" },
  pack_quantity: { label: "Pack quantity (for pitch)", unit: "pcs", type: "number" },
  unit: { label: "Unit of demand", type: "text" },
};

export function fieldInfo(field: string): FieldInfo {
  return FIELD_INFO[field] ?? { label: field, type: "text" };
}

/** The unit label of a field, in the chosen duration unit for durations. */
export function unitLabel(info: FieldInfo, unit: DurationUnit): string | undefined {
  return info.type === "duration" ? unitSymbol(unit) : info.unit;
}

const rounded = (value: number) => String(Math.round(value * 1e6) / 1e6);

/** The text shown in the input for a stored value (durations in the chosen unit). */
export function displayValue(info: FieldInfo, value: Value | undefined, unit: DurationUnit = "auto"): string {
  if (value === null || value === undefined) return "";
  if (info.type === "percent" && typeof value === "number") return rounded(value * 100);
  if (info.type === "duration" && typeof value === "number") return rounded(value / secondsPer(unit));
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Parses what the user typed into the value to store; `undefined` with a message when it is not a number. */
export function parseInput(info: FieldInfo, text: string, unit: DurationUnit = "auto"): { value: Value } | { error: string } {
  const trimmed = text.trim();
  if (info.type === "text") return { value: trimmed === "" ? null : trimmed };
  if (trimmed === "") return { value: null };
  const number = Number(trimmed.replace(",", "."));
  if (!Number.isFinite(number)) return { error: `“${trimmed}” is not a number` };
  if (info.type === "percent") return { value: number / 100 };
  if (info.type === "duration") return { value: number * secondsPer(unit) };
  return { value: number };
}
