/** The backend of the real app: generated command bindings over Tauri IPC, native dialogs. */
import { open, save } from "@tauri-apps/plugin-dialog";
import { commands, events } from "../bindings";
import type { AppError } from "../bindings";
import { BackendError, type Backend } from "./Backend";

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (result.status === "error") throw new BackendError(result.error);
  return result.data;
}

const DOCUMENT_FILTER = { name: "Kaizen VSM document", extensions: ["vsm"] };
const JSON_FILTER = { name: "Kaizen VSM JSON", extensions: ["json"] };
const SAVE_FILTERS: Record<Parameters<Backend["pickSavePath"]>[0], { name: string; extensions: string[] }> = {
  "save-as": DOCUMENT_FILTER,
  "export-json": JSON_FILTER,
  "export-png": { name: "PNG image", extensions: ["png"] },
  "export-svg": { name: "SVG image", extensions: ["svg"] },
  "export-report": { name: "PDF document", extensions: ["pdf"] },
};

/**
 * End-to-end tests drive the webview only: WebDriver cannot reach the native save dialog. A test
 * names the file here and the next save dialog answers with it instead of opening; everything
 * before and after (the app's own dialogs, the export) runs as for a user. It offers nothing a user
 * cannot do by typing the path.
 */
let nextSavePath: string | null = null;
(window as unknown as { kaizenVsmDialogs?: unknown }).kaizenVsmDialogs = {
  answerNextSave: (path: string) => {
    nextSavePath = path;
  },
};

export const tauriBackend: Backend = {
  hasNativeMenu: true,
  documentState: () => unwrap(commands.documentState()),
  startupNotice: () => unwrap(commands.startupNotice()),
  applyChanges: (batch) => unwrap(commands.applyChanges(batch)),
  undo: () => unwrap(commands.undo()),
  simulate: (mapId, targetS) => unwrap(commands.simulate(mapId, targetS)),
  cellMetrics: (mapId, cell) => unwrap(commands.cellMetrics(mapId, cell)),
  redo: () => unwrap(commands.redo()),
  suggestions: (mapId) => unwrap(commands.suggestions(mapId)),
  acceptSuggestion: (mapId, rule, targets) => unwrap(commands.acceptSuggestion(mapId, rule, targets)),
  previewChanges: (batch) => unwrap(commands.previewChanges(batch)),
  deriveFutureState: (mapId) => unwrap(commands.deriveFutureState(mapId)),
  compareStates: (from, to) => unwrap(commands.compareStates(from, to)),
  measureAction: (actionId, snapshotId) => unwrap(commands.measureAction(actionId, snapshotId)),
  newDocument: () => unwrap(commands.newDocument()),
  openDocument: (path) => unwrap(commands.openDocument(path)),
  openExample: (id) => unwrap(commands.openExample(id)),
  examples: () => commands.examples(),
  saveAs: (path) => unwrap(commands.saveAs(path)),
  importJson: (path) => unwrap(commands.importJson(path)),
  exportJson: async (path) => {
    await unwrap(commands.exportJson(path));
  },
  writeClipboard: async (text) => {
    await unwrap(commands.clipboardWrite(text));
  },
  readClipboard: () => unwrap(commands.clipboardRead()),
  async pickFile(purpose) {
    const filter = purpose === "open-document" ? DOCUMENT_FILTER : JSON_FILTER;
    const picked = await open({ multiple: false, directory: false, filters: [filter] });
    return typeof picked === "string" ? picked : null;
  },
  async pickSavePath(purpose, suggestedName) {
    const answer = nextSavePath;
    nextSavePath = null;
    if (answer) return answer;
    return (await save({ defaultPath: suggestedName, filters: [SAVE_FILTERS[purpose]] })) ?? null;
  },
  writeExport: async (path, base64) => {
    await unwrap(commands.writeExport(path, base64));
  },
  exportReport: (path, settings) => unwrap(commands.exportReport(path, settings)),
  openPath: async (path) => {
    await unwrap(commands.openPath(path));
  },
  async onMenu(handler) {
    return events.menuEvent.listen((event) => handler(event.payload));
  },
};
