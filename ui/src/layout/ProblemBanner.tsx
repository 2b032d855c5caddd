/** The last failure, in words, until the user dismisses it or the next action succeeds. */
import { useAppState, type AppStore } from "../store/appStore";

const TITLES: Record<string, string> = {
  corrupt: "The document is damaged",
  foreign: "Not a Kaizen VSM document",
  newer_schema: "Made by a newer Kaizen VSM",
  invalid: "That change was not accepted",
  io: "The file could not be read or written",
  exists: "A file is in the way",
};

export function ProblemBanner({ store }: { store: AppStore }) {
  const problem = useAppState(store, (s) => s.problem);
  if (!problem) return null;
  return (
    <div className={`problem problem--${problem.code}`} role="alert" data-testid="problem-banner" data-code={problem.code}>
      <strong className="problem__title">{TITLES[problem.code] ?? "Something went wrong"}</strong>
      <span className="problem__message">{problem.message}</span>
      <button type="button" className="problem__close" aria-label="Dismiss" onClick={() => store.report(null)}>
        ×
      </button>
    </div>
  );
}
