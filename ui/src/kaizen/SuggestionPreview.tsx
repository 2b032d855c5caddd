/**
 * A suggestion shown on the map before it is accepted: the map as the change would leave it, drawn
 * read-only with the canvas's symbols and the projected figures in the data boxes, what the change
 * adds or alters highlighted, and the projected ladder underneath. It stands in for the canvas
 * until the user accepts, closes it (Escape) or changes the document.
 */
import { useEffect, useMemo } from "react";
import type { Map } from "../bindings";
import { Ladder } from "../dock/Ladder";
import { useAppState, type AppStore, type SuggestionPreview as Preview } from "../store/appStore";
import { MapPreview } from "./MapPreview";
import { acceptSuggestion, acceptTarget, LeadTimeChip } from "./SuggestionsPanel";
import { useWidth } from "./useWidth";

/** The symbols of `after` that `before` does not have, or has with other values. */
export function alteredNodes(before: Map, after: Map): Set<string> {
  const old = new globalThis.Map(before.nodes.map((node) => [node.id, JSON.stringify(node)]));
  return new Set(after.nodes.filter((node) => old.get(node.id) !== JSON.stringify(node)).map((node) => node.id));
}

export function SuggestionPreview({ store, preview }: { store: AppStore; preview: Preview }) {
  const doc = useAppState(store, (s) => s.doc);
  const unit = useAppState(store, (s) => s.unit);
  const [ladderBox, ladderWidth] = useWidth<HTMLDivElement>(900);
  const source = doc?.document.maps.find((m) => m.id === preview.sourceMapId);
  const altered = useMemo(() => (source ? alteredNodes(source, preview.map) : new Set<string>()), [source, preview.map]);
  const removed = source ? source.nodes.filter((node) => !preview.map.nodes.some((n) => n.id === node.id)).length : 0;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") store.closePreview();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);

  if (!doc || !source) return null;
  const { suggestion } = preview;
  const target = acceptTarget(doc.document.maps, source);
  const parts = [altered.size > 0 && `${altered.size} highlighted symbol${altered.size === 1 ? "" : "s"} added or changed`, removed > 0 && `${removed} removed`].filter(Boolean);
  return (
    <div className="suggestion-preview" data-testid="suggestion-preview" aria-label={`Preview: ${suggestion.title}`}>
      <div className="suggestion-preview__bar">
        <div className="suggestion-preview__what">
          <strong>Preview:</strong> {suggestion.title} <LeadTimeChip suggestion={suggestion} />
          <span className="suggestion-preview__note">
            {source.title || source.id} as the change would leave it{parts.length > 0 ? ` — ${parts.join(", ")}` : ""}. Nothing is changed until you accept.
          </span>
        </div>
        <button type="button" className="suggestion__accept" data-testid="preview-accept" onClick={() => void acceptSuggestion(store, source, suggestion)}>
          Accept into {target ? target.title || target.id : "a new future state"}
        </button>
        <button type="button" className="kbutton" data-testid="preview-close" onClick={() => store.closePreview()}>
          Close preview
        </button>
      </div>
      <MapPreview map={preview.map} report={suggestion.projected} unit={unit} highlight={altered} testId="suggestion-preview-map" />
      <div className="suggestion-preview__ladder" ref={ladderBox}>
        <Ladder report={suggestion.projected} nodes={preview.map.nodes} unit={unit} width={ladderWidth} />
      </div>
    </div>
  );
}
