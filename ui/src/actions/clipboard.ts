/**
 * Copy, paste and duplicate. The clipboard holds plain JSON (`kaizen-vsm-clipboard`), so symbols
 * move between documents, and between Kaizen VSM windows, like text. Pasted symbols get fresh ids
 * (arrows and burst targets inside the pasted set follow them) and land offset from the originals.
 */
import type { Change, Edge, Map, Node } from "../bindings";
import { freshEdgeId } from "../canvas/connect";
import { freshId } from "../canvas/newNode";
import type { AppStore, Selection } from "../store/appStore";
import type { Action } from "./action";
import { deletionChanges } from "./editing";

export const CLIPBOARD_FORMAT = "kaizen-vsm-clipboard";

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: 1;
  nodes: Node[];
  edges: Edge[];
}

/** The selected symbols, and the arrows among them. */
export function copySelection(map: Map, selection: Selection): ClipboardPayload | null {
  const ids = new Set(selection.nodes);
  const nodes = map.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = map.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  return { format: CLIPBOARD_FORMAT, version: 1, nodes: structuredClone(nodes), edges: structuredClone(edges) };
}

/** Reads clipboard text; null when it is not something Kaizen VSM copied. */
export function readClipboard(text: string): ClipboardPayload | null {
  try {
    const value = JSON.parse(text) as Partial<ClipboardPayload>;
    if (value.format !== CLIPBOARD_FORMAT || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return null;
    return value as ClipboardPayload;
  } catch {
    return null;
  }
}

/** The changes that paste `payload` into `map`, `offset` canvas pixels from where it was copied. */
export function pasteChanges(map: Map, payload: ClipboardPayload, offset = 30): { changes: Change[]; ids: string[] } {
  const working: Map = { ...map, nodes: [...map.nodes], edges: [...map.edges] };
  const renamed = new Map<string, string>();
  const changes: Change[] = [];
  for (const node of payload.nodes) {
    const id = freshId(working, node.kind);
    renamed.set(node.id, id);
    const copy: Node = { ...structuredClone(node), id, x: (node.x ?? 0) + offset, y: (node.y ?? 0) + offset };
    working.nodes.push(copy);
    changes.push({ op: "add_node", node: copy });
  }
  // Burst targets follow pasted symbols, stay on existing ones, and are cleared otherwise.
  for (const change of changes) {
    if (change.op !== "add_node" || !change.node.target) continue;
    const target = renamed.get(change.node.target) ?? (map.nodes.some((n) => n.id === change.node.target) ? change.node.target : null);
    if (target) change.node.target = target;
    else delete change.node.target;
  }
  for (const edge of payload.edges) {
    const from = renamed.get(edge.from);
    const to = renamed.get(edge.to);
    if (!from || !to) continue;
    const copy: Edge = { ...structuredClone(edge), id: freshEdgeId(working), from, to };
    working.edges.push(copy);
    changes.push({ op: "add_edge", edge: copy });
  }
  return { changes, ids: [...renamed.values()] };
}

const hasNodes = (store: AppStore) => store.getState().selection.nodes.length > 0;

async function copyToClipboard(store: AppStore): Promise<boolean> {
  const map = store.activeMap();
  const payload = map && copySelection(map, store.getState().selection);
  if (!payload) return false;
  try {
    await store.backend.writeClipboard(JSON.stringify(payload));
    return true;
  } catch (error) {
    store.report({ code: "io", message: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

async function paste(store: AppStore, payload: ClipboardPayload | null): Promise<void> {
  const map = store.activeMap();
  if (!map || !payload) return;
  const { changes, ids } = pasteChanges(map, payload);
  if (await store.apply(changes)) store.select({ nodes: ids, edges: [] });
}

export const copy: Action = {
  id: "copy",
  onCanvas: true,
  label: "Copy",
  shortcut: { key: "c", mod: true },
  enabled: hasNodes,
  perform: (store) => copyToClipboard(store),
};

export const cut: Action = {
  id: "cut",
  onCanvas: true,
  label: "Cut",
  shortcut: { key: "x", mod: true },
  enabled: hasNodes,
  perform: async (store) => {
    if (await copyToClipboard(store)) {
      const changes = deletionChanges(store);
      if (await store.apply(changes)) store.select({ nodes: [], edges: [] });
    }
  },
};

export const pasteAction: Action = {
  id: "paste",
  onCanvas: true,
  label: "Paste",
  shortcut: { key: "v", mod: true },
  perform: async (store) => paste(store, readClipboard(await store.backend.readClipboard())),
};

export const duplicate: Action = {
  id: "duplicate",
  onCanvas: true,
  label: "Duplicate",
  shortcut: { key: "d", mod: true },
  enabled: hasNodes,
  perform: async (store) => {
    const map = store.activeMap();
    await paste(store, map && copySelection(map, store.getState().selection));
  },
};
