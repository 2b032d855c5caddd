/**
 * Maps of a document as tabs: add a future state (a linked copy of the map shown, made by the
 * core), add an empty map, or delete the map shown (undo brings it back). Each is one change batch.
 */
import type { Document, Map } from "../bindings";
import type { AppStore } from "../store/appStore";
import type { Action } from "./action";

/** A map id not used in the document: `map`, `map-2`, … */
export function freshMapId(document: Document, base: string): string {
  const taken = new Set(document.maps.map((m) => m.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

async function addMap(store: AppStore, build: (document: Document) => Map): Promise<void> {
  const document = store.getState().doc?.document;
  if (!document) return;
  const added = build(document);
  const applied = await store.run(() => store.backend.applyChanges({ changes: [{ op: "add_map", map: added }] }), { keepSelection: false });
  if (applied) store.showMap(added.id);
}

export const addFutureState: Action = {
  id: "add-future-state",
  label: "New future state from this map",
  perform: async (store) => {
    const map = store.activeMap();
    if (map) await store.runToMap(() => store.backend.deriveFutureState(map.id));
  },
};

export const addEmptyMap: Action = {
  id: "add-empty-map",
  label: "New empty map",
  perform: (store) =>
    addMap(store, (document) => ({ id: freshMapId(document, "map"), title: "New map", state: "current", derived_from: null, nodes: [], edges: [] })),
};

export const deleteMap: Action = {
  id: "delete-map",
  label: "Delete this map",
  enabled: (store) => (store.getState().doc?.document.maps.length ?? 0) > 1,
  perform: async (store) => {
    const map = store.activeMap();
    if (map) await store.run(() => store.backend.applyChanges({ changes: [{ op: "remove_map", id: map.id }] }));
  },
};
