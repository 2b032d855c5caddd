/**
 * The display unit for durations, chosen in the status bar. It changes how seconds are shown and
 * typed, never what is stored (always seconds).
 */
export type DurationUnit = "auto" | "s" | "min" | "h" | "d";

export const DURATION_UNITS: { value: DurationUnit; label: string; seconds: number }[] = [
  { value: "auto", label: "auto", seconds: 1 },
  { value: "s", label: "seconds", seconds: 1 },
  { value: "min", label: "minutes", seconds: 60 },
  { value: "h", label: "hours", seconds: 3600 },
  { value: "d", label: "days", seconds: 86400 },
];

/** Seconds in one `unit` (auto edits in seconds). */
export function secondsPer(unit: DurationUnit): number {
  return DURATION_UNITS.find((u) => u.value === unit)?.seconds ?? 1;
}

/** The unit's short symbol for input labels. */
export function unitSymbol(unit: DurationUnit): string {
  return unit === "auto" ? "s" : unit;
}
