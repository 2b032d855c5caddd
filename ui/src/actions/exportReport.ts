/**
 * File > Export Kaizen Report…: the PDF report stakeholders read. The action only opens the
 * report dialog (paper, sections, map); the dialog asks where to save and runs the export, so the
 * menu, the toolbar and the keyboard all lead to the same choices.
 */
import { DEFAULT_REPORT_SECTIONS, type Map, type ReportSettings, type Sections } from "../bindings";
import type { AppStore } from "../store/appStore";
import type { Action } from "./action";

/** Every section, as the report has them by default (from the Rust core). */
export const ALL_SECTIONS: Sections = DEFAULT_REPORT_SECTIONS;

/**
 * The map a report is about by default: the map shown, or, when that is a future state, the map
 * it was derived from (the report puts a current state and its future state side by side).
 */
export function defaultReportMap(store: AppStore): string | null {
  const active = store.activeMap();
  if (!active) return null;
  const maps: Map[] = store.getState().doc?.document.maps ?? [];
  if (active.state === "future" && active.derived_from && maps.some((m) => m.id === active.derived_from)) return active.derived_from;
  return active.id;
}

/** The name the save dialog suggests: `<document> Kaizen report.pdf`. */
export function reportFileName(store: AppStore): string {
  return `${store.getState().doc?.name ?? "Value stream"} Kaizen report.pdf`.replaceAll("/", "-");
}

/** The settings the dialog starts with. */
export function defaultReportSettings(store: AppStore): ReportSettings {
  return { paper: "a3", sections: { ...ALL_SECTIONS }, map: defaultReportMap(store) };
}

export const exportReport: Action = {
  id: "export-report",
  label: "Export Kaizen Report…",
  enabled: (store) => store.getState().doc !== null,
  perform: (store) => store.openDialog("report"),
};
