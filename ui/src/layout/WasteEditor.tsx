/**
 * The wastes seen at a step or addressed by a kaizen burst: the eight lean wastes as toggles.
 * The tags feed the waste Pareto of the PDF report; the whole list is one change (one undo step).
 */
import type { Value, Waste } from "../bindings";

/** The eight wastes (TIMWOODS), in order, as people name them. */
export const WASTES = [
  ["transport", "Transport"],
  ["inventory", "Inventory"],
  ["motion", "Motion"],
  ["waiting", "Waiting"],
  ["overproduction", "Overproduction"],
  ["overprocessing", "Overprocessing"],
  ["defects", "Defects"],
  ["skills", "Unused skills"],
] as const satisfies readonly (readonly [Waste, string])[];

/** `waste` with `kind` switched on or off, in TIMWOODS order; `null` when none is left. */
export function toggleWaste(waste: readonly Waste[] | null | undefined, kind: Waste): Value {
  const on = new Set(waste ?? []);
  if (on.has(kind)) on.delete(kind);
  else on.add(kind);
  const next = WASTES.map(([w]) => w).filter((w) => on.has(w));
  return next.length > 0 ? next : null;
}

export function WasteEditor({ id, waste, problem, onCommit }: { id: string; waste: readonly Waste[] | null | undefined; problem: string | null; onCommit: (value: Value) => void }) {
  const on = new Set(waste ?? []);
  return (
    <fieldset className="waste" data-testid="waste-editor">
      <legend className="inspector__section">Waste seen here</legend>
      <div className="waste__chips">
        {WASTES.map(([kind, label]) => (
          <label key={kind} className={`waste__chip${on.has(kind) ? " is-on" : ""}`}>
            <input type="checkbox" id={`waste-${id}-${kind}`} checked={on.has(kind)} onChange={() => onCommit(toggleWaste(waste, kind))} />
            {label}
          </label>
        ))}
      </div>
      {problem && <div className="field__error">{problem}</div>}
    </fieldset>
  );
}
