/**
 * An in-memory test double of the backend, for Vitest and browser tests that run without Rust.
 *
 * It keeps a document and its undo history in memory and applies the change operations the UI
 * sends, so editing flows can be tested. It computes nothing: the metrics it returns are the
 * golden output the Rust CLI produced for the fixture it started from (tests/fixtures/), and they
 * do not follow edits. Never grow this into a second metrics engine.
 */
import type { Change, ChangeBatch, Document, DocumentState, Edge, ExampleInfo, Map, MetricsReport, MonteCarlo, Node, Value } from "../bindings";
import { freshMapId } from "../actions/maps";
import { BackendError, type Backend } from "./Backend";
import softwareDelivery from "../../../tests/fixtures/software-delivery.vsm.json";
import softwareDeliveryMetrics from "../../../tests/fixtures/software-delivery.metrics.json";
import acmeStamping from "../../../tests/fixtures/acme-stamping.vsm.json";
import acmeStampingMetrics from "../../../tests/fixtures/acme-stamping.metrics.json";
import softwareDeliveryMonteCarlo from "../../../tests/fixtures/software-delivery.monte-carlo.json";

/** A fixture: a document and the metrics the Rust core computed for it. */
export interface Fixture {
  id: string;
  title: string;
  name: string;
  document: Document;
  metrics: MetricsReport;
  /** The Rust core's Monte Carlo of the first map (10,000 trials, seed 1, no target), if recorded. */
  monteCarlo?: MonteCarlo;
}

export const FIXTURES: Fixture[] = [
  {
    id: "software-delivery",
    title: "Software delivery: idea to production",
    name: "Idea to production",
    document: softwareDelivery as unknown as Document,
    metrics: softwareDeliveryMetrics as unknown as MetricsReport,
    monteCarlo: softwareDeliveryMonteCarlo as unknown as MonteCarlo,
  },
  {
    id: "lean-manufacturing",
    title: "Lean manufacturing: Acme Stamping (Learning to See)",
    name: "Acme Stamping",
    document: acmeStamping as unknown as Document,
    metrics: acmeStampingMetrics as unknown as MetricsReport,
  },
];

const clone = <T,>(value: T): T => structuredClone(value);

/** The core's `future_state_of` (vsm-kaizen), mimicked so tab flows can run without Rust. */
function futureStateOf(document: Document, map: Map): Map {
  const base = (map.title || map.id).replace(/\s*[—-]\s*current state$/i, "");
  return { ...clone(map), id: freshMapId(document, "future"), title: `${base} — future state`, state: "future", derived_from: map.id };
}

function needsCore(what: string): never {
  throw new BackendError({ code: "bad_request", message: `${what} needs the Kaizen VSM core (not in the in-memory backend)` });
}

function invalid(message: string): never {
  throw new BackendError({ code: "invalid", message });
}

/** Sets fields (null clears) — the same merge rule as the Rust model's `set`. */
function merged<T extends object>(target: T, set: Partial<Record<string, Value>>): T {
  const next = { ...target } as Record<string, unknown>;
  for (const [key, value] of Object.entries(set)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

function applyChange(document: Document, mapId: string | null | undefined, change: Change, at: string): void {
  if (change.op === "add_map") {
    document.maps.splice(change.index ?? document.maps.length, 0, clone(change.map));
    return;
  }
  if (change.op === "remove_map") {
    document.maps = document.maps.filter((m) => m.id !== change.id);
    return;
  }
  // The Kaizen records: stored as given (the core validates them; this double does not).
  switch (change.op) {
    case "add_action":
      document.actions = [...(document.actions ?? []), clone(change.action)];
      return;
    case "update_action":
      document.actions = (document.actions ?? []).map((a) => (a.id === change.id ? merged(a, change.set) : a));
      return;
    case "remove_action":
      document.actions = (document.actions ?? []).filter((a) => a.id !== change.id);
      return;
    case "set_charter":
      document.charter = change.charter ? clone(change.charter) : undefined;
      return;
    case "add_snapshot":
      document.snapshots = [...(document.snapshots ?? []), clone(change.snapshot)];
      return;
    case "remove_snapshot":
      document.snapshots = (document.snapshots ?? []).filter((s) => s.id !== change.id);
      return;
  }
  const map: Map | undefined = mapId ? document.maps.find((m) => m.id === mapId) : document.maps[0];
  if (!map) invalid(`${at}: no map "${mapId}"`);
  const nodeIndex = (id: string) => {
    const i = map.nodes.findIndex((n) => n.id === id);
    if (i < 0) invalid(`${at}/id: map "${map.id}" has no node "${id}"`);
    return i;
  };
  const edgeIndex = (id: string) => {
    const i = map.edges.findIndex((e) => e.id === id);
    if (i < 0) invalid(`${at}/id: map "${map.id}" has no edge "${id}"`);
    return i;
  };
  switch (change.op) {
    case "add_node":
      map.nodes.splice(change.index ?? map.nodes.length, 0, clone(change.node));
      break;
    case "update_node": {
      const i = nodeIndex(change.id);
      map.nodes[i] = merged<Node>(map.nodes[i], change.set);
      break;
    }
    case "remove_node":
      map.nodes.splice(nodeIndex(change.id), 1);
      map.edges = map.edges.filter((e) => e.from !== change.id && e.to !== change.id);
      break;
    case "add_edge":
      map.edges.splice(change.index ?? map.edges.length, 0, clone(change.edge));
      break;
    case "update_edge": {
      const i = edgeIndex(change.id);
      map.edges[i] = merged<Edge>(map.edges[i], change.set);
      break;
    }
    case "remove_edge":
      map.edges.splice(edgeIndex(change.id), 1);
      break;
    case "update_map":
      Object.assign(map, merged(map, change.set));
      break;
  }
}

/** Creates a fresh in-memory backend that starts with `fixture` open. */
export function createMemoryBackend(fixture: Fixture = FIXTURES[0]): Backend & { readonly appliedBatches: ChangeBatch[] } {
  let current = fixture;
  let document = clone(fixture.document);
  let done: Document[] = [];
  let undone: Document[] = [];
  let revision = 0;
  const appliedBatches: ChangeBatch[] = [];
  let clipboard = "";
  const path = () => `memory://${current.name}.vsm`;

  const state = (): DocumentState => ({
    path: path(),
    name: current.name,
    revision,
    document: clone(document),
    metrics: clone(current.metrics),
    can_undo: done.length > 0,
    can_redo: undone.length > 0,
  });
  const open = (next: Fixture) => {
    current = next;
    document = clone(next.document);
    done = [];
    undone = [];
    revision = 0;
    return state();
  };

  return {
    hasNativeMenu: false,
    appliedBatches,
    documentState: async () => state(),
    startupNotice: async () => null,
    async applyChanges(batch) {
      const next = clone(document);
      batch.changes.forEach((change, i) => applyChange(next, batch.map, change, `/changes/${i}`));
      appliedBatches.push(clone(batch));
      done.push(document);
      undone = [];
      document = next;
      revision += 1;
      return state();
    },
    async simulate(_mapId, targetS) {
      if (!current.monteCarlo) throw new BackendError({ code: "bad_request", message: "no recorded simulation for this example" });
      // The recorded run has no target; a target's chance needs the core, so it stays unknown here.
      return { ...clone(current.monteCarlo), target_s: targetS, probability_meeting_target: null };
    },
    async cellMetrics() {
      return needsCore("balancing a cell");
    },
    suggestions: async () => needsCore("suggesting improvements"),
    acceptSuggestion: async () => needsCore("accepting a suggestion"),
    async previewChanges(batch) {
      const next = clone(document);
      batch.changes.forEach((change, i) => applyChange(next, batch.map, change, `/changes/${i}`));
      const map = next.maps.find((m) => m.id === batch.map);
      if (!map) throw new BackendError({ code: "bad_request", message: `no map "${batch.map}"` });
      return map;
    },
    compareStates: async () => needsCore("comparing states"),
    measureAction: async () => needsCore("measuring a snapshot"),
    async deriveFutureState(mapId) {
      const map = document.maps.find((m) => m.id === mapId);
      if (!map) throw new BackendError({ code: "bad_request", message: `no map "${mapId}"` });
      const future = futureStateOf(document, map);
      return { map: future.id, state: await this.applyChanges({ map: null, changes: [{ op: "add_map", map: future }] }) };
    },
    async undo() {
      const previous = done.pop();
      if (previous) {
        undone.push(document);
        document = previous;
        revision += 1;
      }
      return state();
    },
    async redo() {
      const next = undone.pop();
      if (next) {
        done.push(document);
        document = next;
        revision += 1;
      }
      return state();
    },
    newDocument: async () =>
      open({ ...current, name: "Untitled", document: { maps: [{ id: "current", title: "Current state", nodes: [], edges: [] }] } }),
    openDocument: async (p) => {
      throw new BackendError({ code: "io", message: `${p}: the in-memory backend has no files` });
    },
    openExample: async (id) => {
      const found = FIXTURES.find((f) => f.id === id);
      if (!found) throw new BackendError({ code: "bad_request", message: `no example "${id}"` });
      return open(found);
    },
    examples: async (): Promise<ExampleInfo[]> => FIXTURES.map(({ id, title }) => ({ id, title })),
    saveAs: async () => state(),
    importJson: async (p) => {
      throw new BackendError({ code: "io", message: `${p}: the in-memory backend has no files` });
    },
    exportJson: async () => undefined,
    writeClipboard: async (text) => {
      clipboard = text;
    },
    readClipboard: async () => clipboard,
    writeExport: async () => undefined,
    exportReport: async () => needsCore("the Kaizen report"),
    openPath: async () => needsCore("opening a file"),
    pickFile: async () => null,
    pickSavePath: async () => null,
    onMenu: async () => () => undefined,
  };
}
