/**
 * The choices of the report dialog: paper, sections and the map to report on. Plain form controls
 * grouped in fieldsets, so each group is announced with its legend.
 */
import type { Map, Paper, ReportSettings, Sections } from "../bindings";

const PAPERS: { value: Paper; label: string; hint: string }[] = [
  { value: "a3", label: "A3 landscape", hint: "the one-page A3 of A3 thinking" },
  { value: "a4", label: "A4 portrait", hint: "for printers without A3" },
];

/** The sections in the report's order, with what each holds (from vsm-report's `Sections`). */
export const SECTIONS: { key: keyof Sections; label: string; hint: string }[] = [
  { key: "charter", label: "Charter", hint: "background, scope, team, target condition" },
  { key: "current_state", label: "Current state", hint: "headline figures, the map and its ladder" },
  { key: "root_causes", label: "Root causes", hint: "kaizen bursts and the waste they address" },
  { key: "future_state", label: "Future state", hint: "current vs future with deltas, the future-state map" },
  { key: "action_plan", label: "Action plan", hint: "countermeasures with owners, dates and effects" },
  { key: "follow_up", label: "Follow-up", hint: "snapshots re-measured since" },
];

export function ReportOptions({
  settings,
  maps,
  disabled,
  onChange,
}: {
  settings: ReportSettings;
  maps: Map[];
  disabled: boolean;
  onChange: (settings: ReportSettings) => void;
}) {
  const setSection = (key: keyof Sections, on: boolean) => onChange({ ...settings, sections: { ...settings.sections, [key]: on } });
  return (
    <div className="report-options">
      <fieldset className="report-options__group">
        <legend>Paper</legend>
        {PAPERS.map((paper) => (
          <label key={paper.value} className="report-options__choice">
            <input
              type="radio"
              name="report-paper"
              value={paper.value}
              checked={settings.paper === paper.value}
              disabled={disabled}
              data-testid={`report-paper-${paper.value}`}
              onChange={() => onChange({ ...settings, paper: paper.value })}
            />
            <span>{paper.label}</span>
            <span className="report-options__hint">{paper.hint}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="report-options__group">
        <legend>Sections</legend>
        {SECTIONS.map((section) => (
          <label key={section.key} className="report-options__choice">
            <input
              type="checkbox"
              checked={settings.sections[section.key]}
              disabled={disabled}
              data-testid={`report-section-${section.key}`}
              onChange={(event) => setSection(section.key, event.target.checked)}
            />
            <span>{section.label}</span>
            <span className="report-options__hint">{section.hint}</span>
          </label>
        ))}
      </fieldset>
      <label className="report-options__map">
        <span>Map</span>
        <select
          value={settings.map ?? ""}
          disabled={disabled}
          data-testid="report-map"
          onChange={(event) => onChange({ ...settings, map: event.target.value || null })}
        >
          {maps.map((map) => (
            <option key={map.id} value={map.id}>
              {map.title || map.id}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
