/**
 * The UI's state and the controller that changes it. The document itself is owned by the backend:
 * the store only mirrors the last `DocumentState` it returned, plus purely visual state (which map
 * is shown, what is selected, the error to show). Backend calls run one at a time, in order, so
 * quick successive gestures can never overtake each other.
 */
import { useSyncExternalStore } from "react";
import type { Change, DocumentState, ExampleInfo, Map, MapChanged, Suggestion } from "../bindings";
import { BackendError, type Backend } from "../backend/Backend";
import type { DurationUnit } from "../format/unitChoice";
import { opening, type Opening } from "./opening";

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface Problem {
  code: string;
  message: string;
}

export interface AppState {
  doc: DocumentState | null;
  activeMapId: string | null;
  selection: Selection;
  /** A backend call is in flight (the status bar says "Saving…"). */
  busy: boolean;
  /** The last failure, shown until dismissed or replaced. */
  problem: Problem | null;
  /**
   * The last call that changed the document failed, so the change is not in it (the status bar
   * says "Last change not saved"). A failure to open, import, save as or export leaves it as it
   * was: the document shown is still the one saved.
   */
  changeFailed: boolean;
  examples: ExampleInfo[];
  /** How durations are shown and typed (stored values are always seconds). */
  unit: DurationUnit;
  /** Whether the canvas shows its grid (snapping works either way). */
  showGrid: boolean;
  /** The right-hand panel shown (docs/ui.md: one at a time). */
  panel: Panel;
  /** The main area: the map on its canvas, or two states side by side. */
  view: View;
  /** A suggestion shown applied to its map in place of the canvas, until accepted or closed. */
  preview: SuggestionPreview | null;
  /** The modal dialog shown over the window, if any (shortcuts and menu items wait meanwhile). */
  dialog: Dialog | null;
}

/** What a suggestion would make of the map it was found on (`map` is the changed copy). */
export interface SuggestionPreview {
  suggestion: Suggestion;
  /** The map the suggestion was found on, at the revision it was found. */
  sourceMapId: string;
  revision: number;
  map: Map;
}

export type Panel = "inspector" | "suggestions" | "kaizen";
export type View = "map" | "compare";
export type Dialog = "report";

const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

/** Renders the map shown as PNG or SVG, base64-encoded. */
export type ImageExporter = (format: "png" | "svg") => Promise<string>;

export class AppStore {
  private state: AppState = { doc: null, activeMapId: null, selection: EMPTY_SELECTION, busy: false, problem: null, changeFailed: false, examples: [], unit: "auto", showGrid: false, panel: "inspector", view: "map", preview: null, dialog: null };
  private listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();

  /** Renders the map shown as an image (base64); registered by the canvas while it is shown. */
  imageExporter: ImageExporter | null = null;

  /** Registers how the map shown is rendered as an image; returns the unregistration. */
  registerImageExporter(exporter: ImageExporter): () => void {
    this.imageExporter = exporter;
    return () => {
      if (this.imageExporter === exporter) this.imageExporter = null;
    };
  }

  constructor(readonly backend: Backend) {}

  getState = (): AppState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  /** The map shown on the canvas. */
  activeMap(): Map | null {
    const { doc, activeMapId } = this.state;
    if (!doc) return null;
    return doc.document.maps.find((m) => m.id === activeMapId) ?? doc.document.maps[0] ?? null;
  }

  /** Whether the canvas is shown (not the comparison view, not a suggestion's preview). */
  canvasShown(): boolean {
    return this.state.view === "map" && this.state.preview === null;
  }

  /** Loads the open document and any start-up notice (`asked`: already asked for, see main.tsx). */
  async load(asked?: Promise<Opening>): Promise<void> {
    await this.call({ change: false }, async () => {
      const [doc, notice, examples] = await (asked ?? opening(this.backend));
      this.adopt(doc);
      this.set({ examples, problem: notice ? { code: notice.code, message: notice.message } : null });
    });
  }

  /**
   * Runs a backend call that returns the new document state, in order with the others. A call
   * that replaces the document rather than changing it (new, open, import, save as) says
   * `change: false`.
   */
  run(request: () => Promise<DocumentState>, options: { keepSelection?: boolean; change?: boolean } = {}): Promise<boolean> {
    return this.call({ change: options.change ?? true }, async () => {
      const doc = await request();
      this.adopt(doc, options.keepSelection);
      this.set({ problem: null });
    });
  }

  /** Runs a backend call that made or changed a map, then shows that map. */
  runToMap(request: () => Promise<MapChanged>): Promise<boolean> {
    return this.call({ change: true }, async () => {
      const changed = await request();
      this.adopt(changed.state);
      this.set({ activeMapId: changed.map, selection: EMPTY_SELECTION, problem: null });
    });
  }

  /**
   * Applies one gesture's changes to the active map as one batch (one undo step). Changes that
   * depend on the document (a nudge moves from where the box is) can be given as a function of
   * the map; it runs when the batch's turn comes, after every earlier call has finished.
   */
  apply(changes: Change[] | ((map: Map) => Change[])): Promise<boolean> {
    return this.call({ change: true }, async () => {
      const map = this.activeMap();
      const batch = typeof changes === "function" ? (map ? changes(map) : []) : changes;
      if (!map || batch.length === 0) return;
      const doc = await this.backend.applyChanges({ map: map.id, changes: batch });
      this.adopt(doc, true);
      this.set({ problem: null });
    });
  }

  /** Resolves when every backend call started so far has finished. */
  async idle(): Promise<void> {
    await this.queue;
  }

  select(selection: Selection): void {
    const same =
      selection.nodes.length === this.state.selection.nodes.length &&
      selection.edges.length === this.state.selection.edges.length &&
      selection.nodes.every((id, i) => id === this.state.selection.nodes[i]) &&
      selection.edges.every((id, i) => id === this.state.selection.edges[i]);
    if (!same) this.set({ selection });
  }

  toggleGrid(): void {
    this.set({ showGrid: !this.state.showGrid });
  }

  setUnit(unit: DurationUnit): void {
    this.set({ unit });
  }

  showPanel(panel: Panel): void {
    this.set({ panel });
  }

  setView(view: View): void {
    this.set({ view, preview: null });
  }

  showMap(id: string): void {
    this.set({ activeMapId: id, selection: EMPTY_SELECTION, preview: null });
  }

  /** Shows `suggestion` applied to the active map, in place of the canvas. */
  previewSuggestion(suggestion: Suggestion): Promise<boolean> {
    return this.call({ change: false }, async () => {
      const source = this.activeMap();
      const revision = this.state.doc?.revision;
      if (!source || revision === undefined) return;
      const map = await this.backend.previewChanges(suggestion.changes);
      this.set({ preview: { suggestion, sourceMapId: source.id, revision, map }, view: "map", problem: null });
    });
  }

  openDialog(dialog: Dialog): void {
    this.set({ dialog });
  }

  closeDialog(): void {
    if (this.state.dialog) this.set({ dialog: null });
  }

  closePreview(): void {
    if (this.state.preview) this.set({ preview: null });
  }

  report(problem: Problem | null): void {
    this.set({ problem });
  }

  private adopt(doc: DocumentState, keepSelection = false): void {
    const maps = doc.document.maps;
    const activeMapId = maps.some((m) => m.id === this.state.activeMapId) ? this.state.activeMapId : (maps[0]?.id ?? null);
    const map = maps.find((m) => m.id === activeMapId);
    const exists = new Set([...(map?.nodes ?? []).map((n) => n.id), ...(map?.edges ?? []).map((e) => e.id)]);
    const selection = keepSelection
      ? { nodes: this.state.selection.nodes.filter((id) => exists.has(id)), edges: this.state.selection.edges.filter((id) => exists.has(id)) }
      : EMPTY_SELECTION;
    // A preview shows one revision of one map: any change to the document ends it.
    const preview = this.state.preview?.revision === doc.revision && this.state.preview.sourceMapId === activeMapId ? this.state.preview : null;
    // A document state from the backend is the one saved: any earlier failed change is behind it.
    this.set({ doc, activeMapId, selection, preview, changeFailed: false });
  }

  private call({ change }: { change: boolean }, work: () => Promise<void>): Promise<boolean> {
    const next = this.queue.then(async () => {
      this.set({ busy: true });
      try {
        await work();
        return true;
      } catch (error) {
        const problem =
          error instanceof BackendError
            ? { code: error.code, message: error.message }
            : { code: "internal", message: error instanceof Error ? error.message : String(error) };
        this.set(change ? { problem, changeFailed: true } : { problem });
        return false;
      } finally {
        this.set({ busy: false });
      }
    });
    this.queue = next;
    return next;
  }
}

/** Subscribes a component to a slice of the store. */
export function useAppState<T>(store: AppStore, select: (state: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
