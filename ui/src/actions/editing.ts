/** Edit actions: undo, redo, delete, select all. */
import type { Change } from "../bindings";
import type { AppStore } from "../store/appStore";
import type { Action } from "./action";

export const undo: Action = {
  id: "undo",
  label: "Undo",
  shortcut: { key: "z", mod: true },
  enabled: (store) => Boolean(store.getState().doc?.can_undo),
  perform: (store) => store.run(() => store.backend.undo(), { keepSelection: true }),
};

export const redo: Action = {
  id: "redo",
  label: "Redo",
  shortcut: { key: "z", mod: true, shift: true },
  enabled: (store) => Boolean(store.getState().doc?.can_redo),
  perform: (store) => store.run(() => store.backend.redo(), { keepSelection: true }),
};

/** Ctrl+Y, the other common redo shortcut. */
export const redoAlternative: Action = { ...redo, id: "redo-alt", shortcut: { key: "y", mod: true } };

/** The changes that delete the selection: edges first, then nodes (whose edges go with them). */
export function deletionChanges(store: AppStore): Change[] {
  const { selection } = store.getState();
  const map = store.activeMap();
  if (!map) return [];
  const removedNodes = new Set(selection.nodes);
  const edges = selection.edges.filter((id) => {
    const edge = map.edges.find((e) => e.id === id);
    return edge && !removedNodes.has(edge.from) && !removedNodes.has(edge.to);
  });
  return [
    ...edges.map((id): Change => ({ op: "remove_edge", id })),
    ...selection.nodes.filter((id) => map.nodes.some((n) => n.id === id)).map((id): Change => ({ op: "remove_node", id })),
  ];
}

export const deleteSelection: Action = {
  id: "delete",
  onCanvas: true,
  label: "Delete",
  shortcut: { key: "Delete" },
  enabled: (store) => deletionChanges(store).length > 0,
  perform: async (store) => {
    const changes = deletionChanges(store);
    if (changes.length > 0 && (await store.apply(changes))) store.select({ nodes: [], edges: [] });
  },
};

/** Backspace deletes too, as in most drawing tools. */
export const deleteSelectionBackspace: Action = { ...deleteSelection, id: "delete-backspace", shortcut: { key: "Backspace" } };

export const selectAll: Action = {
  id: "select-all",
  onCanvas: true,
  label: "Select All",
  shortcut: { key: "a", mod: true },
  perform: (store) => {
    const map = store.activeMap();
    if (map) store.select({ nodes: map.nodes.map((n) => n.id), edges: map.edges.map((e) => e.id) });
  },
};

/** Moves the selected symbols by (dx, dy) canvas pixels as one step. */
function nudge(id: string, key: string, dx: number, dy: number, shift: boolean): Action {
  return {
    id,
    label: `Move ${key.replace("Arrow", "").toLowerCase()}${shift ? " by 1 px" : ""}`,
    shortcut: { key, shift },
    onCanvas: true,
    enabled: (store) => store.getState().selection.nodes.length > 0,
    perform: (store) => {
      const ids = new Set(store.getState().selection.nodes);
      return store.apply((map) =>
        map.nodes
          .filter((n) => ids.has(n.id))
          .map((n): Change => ({ op: "update_node", id: n.id, set: { x: (n.x ?? 0) + dx, y: (n.y ?? 0) + dy } })),
      );
    },
  };
}

/** Arrow keys move the selection by the grid (10 px), with Shift by 1 px. */
export const NUDGES: Action[] = (
  [
    ["ArrowLeft", -1, 0],
    ["ArrowRight", 1, 0],
    ["ArrowUp", 0, -1],
    ["ArrowDown", 0, 1],
  ] as const
).flatMap(([key, x, y]) => [nudge(`nudge-${key}`, key, x * 10, y * 10, false), nudge(`nudge-${key}-fine`, key, x, y, true)]);
