/**
 * The Suggestions panel: the improvement rules' proposals for the map shown, largest projected
 * lead-time cut first, each with its before → after figures, the reason, the assumption and the
 * change in words. Opening one highlights its symbols on the map; "Preview on the map" shows the
 * map as the change would leave it (SuggestionPreview); "Accept" puts it into the future state
 * (made when there is none) with a kaizen burst and a planned action.
 */
import { useEffect, useState } from "react";
import type { Map, Suggestion } from "../bindings";
import { useAppState, type AppStore } from "../store/appStore";
import { describeChange } from "./describeChange";
import { describeDelta, formatDeltaRatio } from "./metricFormat";

type Loaded = { key: string; suggestions: Suggestion[] } | { key: string; error: string };

/** Where an accepted suggestion goes: the map itself if it is a future state, else its future state. */
export function acceptTarget(maps: Map[], map: Map): Map | null {
  if (map.state === "future") return map;
  return maps.find((m) => m.state === "future" && m.derived_from === map.id) ?? null;
}

/** Accepts `suggestion`, found on `map`, into the map's future state and shows that state. */
export function acceptSuggestion(store: AppStore, map: Map, suggestion: Suggestion): Promise<boolean> {
  return store.runToMap(() => store.backend.acceptSuggestion(map.id, suggestion.rule, suggestion.targets));
}

export function LeadTimeChip({ suggestion }: { suggestion: Suggestion }) {
  const lead = suggestion.effect.find((e) => e.metric === "lead_time_s");
  if (!lead || lead.delta === null || lead.delta >= 0) return <span className="suggestion__chip is-neutral">no lead-time change</span>;
  return <span className="suggestion__chip is-better">lead time {formatDeltaRatio(lead.delta_ratio)}</span>;
}

export function SuggestionsPanel({ store }: { store: AppStore }) {
  const doc = useAppState(store, (s) => s.doc);
  const unit = useAppState(store, (s) => s.unit);
  const map = useAppState(store, () => store.activeMap());
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const key = `${map?.id}@${doc?.revision}`;

  const mapId = map?.id;
  useEffect(() => {
    if (!mapId) return;
    let current = true;
    store.backend.suggestions(mapId).then(
      (suggestions) => current && setLoaded({ key, suggestions }),
      (failure: unknown) => current && setLoaded({ key, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [store, mapId, key]);

  if (!map || !doc) return null;
  if (!loaded || loaded.key !== key) return <p className="panel__hint">Checking the map…</p>;
  if ("error" in loaded) return <p className="panel__hint">{loaded.error}</p>;
  const target = acceptTarget(doc.document.maps, map);
  const targetTitle = target ? target.title || target.id : "a new future state";
  const suggestions = loaded.suggestions;
  const idOf = (s: Suggestion) => `${s.rule}:${s.targets.join(",")}`;
  const show = (s: Suggestion) => {
    setOpen(open === idOf(s) ? null : idOf(s));
    const present = new Set(map.nodes.map((n) => n.id));
    store.select({ nodes: s.targets.filter((id) => present.has(id)), edges: [] });
  };
  return (
    <section className="suggestions" aria-label="Suggestions" data-testid="suggestions">
      <p className="panel__hint">
        {suggestions.length === 0
          ? "No rule finds anything to improve on this map."
          : `${suggestions.length} improvements, largest lead-time cut first. Accepting one changes ${targetTitle}.`}
      </p>
      <ol className="suggestions__list">
        {suggestions.map((suggestion) => {
          const id = idOf(suggestion);
          const expanded = open === id;
          return (
            <li key={id} className={`suggestion${expanded ? " is-open" : ""}`} data-testid={`suggestion-${suggestion.rule}`}>
              <button type="button" className="suggestion__head" aria-expanded={expanded} onClick={() => show(suggestion)}>
                <span className="suggestion__title">{suggestion.title}</span>
                <LeadTimeChip suggestion={suggestion} />
              </button>
              {expanded && (
                <div className="suggestion__body">
                  <p>{suggestion.why}.</p>
                  {suggestion.effect.length > 0 ? (
                    <ul className="suggestion__effect" data-testid="suggestion-effect">
                      {suggestion.effect
                        .filter((e) => e.metric !== "lead_time_days")
                        .map((figure) => (
                          <li key={figure.metric}>{describeDelta(figure, unit)}</li>
                        ))}
                    </ul>
                  ) : (
                    <p className="suggestion__none">No headline figure of this model changes.</p>
                  )}
                  {suggestion.assumption && <p className="suggestion__assumption">Assumes {suggestion.assumption}.</p>}
                  <p className="suggestion__section">Changes</p>
                  <ul className="suggestion__changes">
                    {suggestion.changes.changes.map((change, i) => (
                      <li key={i}>{describeChange(map, change, unit)}</li>
                    ))}
                  </ul>
                  <button
                    type="button"
                    className="suggestion__accept"
                    data-testid="suggestion-accept"
                    onClick={() => void acceptSuggestion(store, map, suggestion)}
                  >
                    Accept into {targetTitle}
                  </button>
                  <button type="button" className="kbutton" data-testid="suggestion-preview-open" onClick={() => void store.previewSuggestion(suggestion)}>
                    Preview on the map
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
