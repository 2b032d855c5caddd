/**
 * The one door between the UI and the document: everything the UI does to a document goes
 * through this interface. `tauriBackend` talks to the Rust core over IPC; `memoryBackend` is a
 * test double for Vitest and browser tests (it computes no metrics: it serves golden ones).
 */
import type { AppError, ChangeBatch, Comparison, DocumentState, ExampleInfo, Map, MapChanged, MapReport, MenuEvent, MonteCarlo, ReportExported, ReportSettings, Suggestion } from "../bindings";

export type { AppError, ChangeBatch, Comparison, DocumentState, ExampleInfo, Map, MapChanged, MapReport, MenuEvent, MonteCarlo, ReportExported, ReportSettings, Suggestion };

/** A failed backend call, with the code the UI branches on. */
export class BackendError extends Error {
  readonly code: AppError["code"];
  constructor(error: AppError) {
    super(error.message);
    this.name = "BackendError";
    this.code = error.code;
  }
}

export interface Backend {
  /** The open document. */
  documentState(): Promise<DocumentState>;
  /** Why the document asked for at start-up could not be opened (once), or null. */
  startupNotice(): Promise<AppError | null>;
  /** Applies one gesture's changes in one transaction. */
  applyChanges(batch: ChangeBatch): Promise<DocumentState>;
  undo(): Promise<DocumentState>;
  /** The Monte Carlo lead-time distribution of a map (seeded: the same map gives the same result). */
  simulate(mapId: string, targetS: number | null): Promise<MonteCarlo>;
  /** The metrics of a map with the balance of the processes `cell`. */
  cellMetrics(mapId: string, cell: string[]): Promise<MapReport>;
  redo(): Promise<DocumentState>;
  /** Improvement suggestions for a map, largest projected lead-time reduction first. */
  suggestions(mapId: string): Promise<Suggestion[]>;
  /** Accepts a suggestion found on `mapId` into its future state (made when there is none), with a burst and an action. */
  acceptSuggestion(mapId: string, rule: string, targets: string[]): Promise<MapChanged>;
  /** The map a batch would make, leaving the document as it is (a suggestion's preview). */
  previewChanges(batch: ChangeBatch): Promise<Map>;
  /** Adds a future state derived from a map (a linked copy). */
  deriveFutureState(mapId: string): Promise<MapChanged>;
  /** Records the effect measured on a snapshot as an action's actual effect. */
  measureAction(actionId: string, snapshotId: string): Promise<DocumentState>;
  /** Two maps or snapshots side by side: structural changes and headline figures with deltas. */
  compareStates(from: string, to: string): Promise<Comparison>;
  newDocument(): Promise<DocumentState>;
  openDocument(path: string): Promise<DocumentState>;
  openExample(id: string): Promise<DocumentState>;
  examples(): Promise<ExampleInfo[]>;
  saveAs(path: string): Promise<DocumentState>;
  importJson(path: string): Promise<DocumentState>;
  exportJson(path: string): Promise<void>;
  /** Puts text on the system clipboard. */
  writeClipboard(text: string): Promise<void>;
  /** The text on the system clipboard. */
  readClipboard(): Promise<string>;
  /** Asks the user for a file to open; null when cancelled. */
  pickFile(purpose: "open-document" | "import-json"): Promise<string | null>;
  /** Asks the user where to save; null when cancelled. */
  pickSavePath(purpose: "save-as" | "export-json" | "export-png" | "export-svg" | "export-report", suggestedName: string): Promise<string | null>;
  /** Writes an exported image (base64) to `path`. */
  writeExport(path: string, base64: string): Promise<void>;
  /** Renders the PDF Kaizen report of the open document (off the UI thread) and writes it to `path`. */
  exportReport(path: string, settings: ReportSettings): Promise<ReportExported>;
  /** Opens a report written by `exportReport` with the system's viewer. */
  openPath(path: string): Promise<void>;
  /** Native menu choices; returns an unsubscribe function. No-op where there is no native menu. */
  onMenu(handler: (event: MenuEvent) => void): Promise<() => void>;
  /** Whether a native menu with accelerators exists (then it owns the shortcuts it lists). */
  readonly hasNativeMenu: boolean;
}
