/** A small labelled input that commits on Enter or leaving it (one change batch per commit). */
import { useState } from "react";

export function TextField({
  label,
  value,
  onCommit,
  type = "text",
  testId,
  multiline = false,
  placeholder,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  type?: "text" | "date" | "number";
  testId?: string;
  multiline?: boolean;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState(value);
  // A new value from the document replaces the draft (React's "adjust state when a prop changes").
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const common = {
    value: draft,
    "aria-label": label,
    "data-testid": testId,
    placeholder,
    onBlur: commit,
  };
  return (
    <label className="kfield">
      <span className="kfield__label">{label}</span>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          onChange={(e) => {
            setDraft(e.target.value);
            // A date picker commits as soon as a day is picked.
            if (type === "date" && e.target.value !== value) onCommit(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") setDraft(value);
          }}
        />
      )}
    </label>
  );
}
