/**
 * File > Export Kaizen Report…: choose paper, sections and map; "Export…" asks where to save, then
 * the core renders the PDF off the UI thread while the dialog says so (its controls disabled);
 * then it says what was written, with "Open the PDF". A failure is shown in the dialog, with the
 * choices kept so the user can try again.
 */
import { useState } from "react";
import type { ReportExported, ReportSettings } from "../bindings";
import { defaultReportSettings, reportFileName } from "../actions/exportReport";
import { useAppState, type AppStore } from "../store/appStore";
import { Modal } from "./Modal";
import { ReportOptions } from "./ReportOptions";

type Step =
  | { kind: "options"; error?: string }
  | { kind: "choosing" }
  | { kind: "rendering"; path: string }
  | { kind: "done"; result: ReportExported; error?: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `😀 (U+1F600)`: the character, and its code point for when it cannot be shown here either. */
function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `${character} (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** The path with a line-break opportunity after each folder, so a long one wraps between names. */
function breakablePath(path: string) {
  const parts = path.match(/[^/\\]*(?:[/\\]|$)/g)?.filter(Boolean) ?? [path];
  return parts.map((part, i) => (
    <span key={i}>
      {part}
      <wbr />
    </span>
  ));
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function ReportDialog({ store }: { store: AppStore }) {
  const maps = useAppState(store, (s) => s.doc?.document.maps) ?? [];
  const [settings, setSettings] = useState<ReportSettings>(() => defaultReportSettings(store));
  const [step, setStep] = useState<Step>({ kind: "options" });
  const busy = step.kind === "choosing" || step.kind === "rendering";
  const nothingChosen = !Object.values(settings.sections).some(Boolean);
  const close = () => store.closeDialog();

  async function exportTo() {
    setStep({ kind: "choosing" });
    let path: string | null;
    try {
      path = await store.backend.pickSavePath("export-report", reportFileName(store));
    } catch (error) {
      setStep({ kind: "options", error: messageOf(error) });
      return;
    }
    if (!path) {
      setStep({ kind: "options" });
      return;
    }
    setStep({ kind: "rendering", path });
    try {
      setStep({ kind: "done", result: await store.backend.exportReport(path, settings) });
    } catch (error) {
      setStep({ kind: "options", error: messageOf(error) });
    }
  }

  async function openPdf(result: ReportExported) {
    try {
      await store.backend.openPath(result.path);
      close();
    } catch (error) {
      setStep({ kind: "done", result, error: messageOf(error) });
    }
  }

  if (step.kind === "done") {
    const { result } = step;
    return (
      <Modal title="Export Kaizen Report" onCancel={close} step="done" testId="report-dialog">
        <p className="report-dialog__saved" role="status" data-testid="report-saved">
          Saved {result.pages} {result.pages === 1 ? "page" : "pages"} to <span className="report-dialog__path">{breakablePath(result.path)}</span> ({sizeOf(result.bytes)}).
        </p>
        {result.missing_characters.length > 0 && (
          <p className="report-dialog__warning" data-testid="report-missing">
            The report&apos;s fonts cannot show {result.missing_characters.map(describeCharacter).join(", ")}: they are printed as “?” and listed at
            the end of the report.
          </p>
        )}
        {step.error && (
          <p className="report-dialog__error" role="alert" data-testid="report-error">
            {step.error}
          </p>
        )}
        <div className="modal__buttons">
          <button type="button" className="modal__button" data-testid="report-close" onClick={close}>
            Close
          </button>
          <button type="button" className="modal__button is-primary" data-autofocus data-testid="report-open" onClick={() => void openPdf(result)}>
            Open the PDF
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="Export Kaizen Report" onCancel={close} busy={busy} step={step.kind} testId="report-dialog">
      <p className="report-dialog__intro">A PDF of the charter, the current and future state, root causes and action plan, for people without the app.</p>
      <ReportOptions settings={settings} maps={maps} disabled={busy} onChange={setSettings} />
      {step.kind === "options" && step.error && (
        <p className="report-dialog__error" role="alert" data-testid="report-error">
          {step.error}
        </p>
      )}
      {step.kind === "rendering" && (
        <p className="report-dialog__progress" role="status" data-testid="report-progress">
          <span className="spinner" aria-hidden="true" />
          Rendering the report…
        </p>
      )}
      <div className="modal__buttons">
        {nothingChosen && <span className="report-dialog__hint">Choose at least one section.</span>}
        <button type="button" className="modal__button" disabled={busy} data-testid="report-cancel" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="modal__button is-primary"
          data-autofocus
          disabled={busy || nothingChosen}
          data-testid="report-export"
          onClick={() => void exportTo()}
        >
          Export…
        </button>
      </div>
    </Modal>
  );
}
