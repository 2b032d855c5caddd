/** File actions: new, open, recent, examples, save as, import and export JSON. */
import type { AppStore } from "../store/appStore";
import type { Action } from "./action";

export const newDocument: Action = {
  id: "new",
  label: "New",
  shortcut: { key: "n", mod: true },
  perform: (store) => store.run(() => store.backend.newDocument(), { change: false }),
};

export const openDocument: Action = {
  id: "open",
  label: "Open…",
  shortcut: { key: "o", mod: true },
  perform: async (store) => {
    const path = await store.backend.pickFile("open-document");
    if (path) await store.run(() => store.backend.openDocument(path), { change: false });
  },
};

export const openRecent: Action = {
  id: "open-recent",
  label: "Open Recent",
  perform: async (store, path) => {
    if (path) await store.run(() => store.backend.openDocument(path), { change: false });
  },
};

export const openExample: Action = {
  id: "open-example",
  label: "Open Example",
  perform: async (store, id) => {
    const example = id ?? store.getState().examples[0]?.id;
    if (example) await store.run(() => store.backend.openExample(example), { change: false });
  },
};

function suggestedName(store: AppStore, extension: string): string {
  return `${store.getState().doc?.name ?? "Value stream"}${extension}`;
}

export const saveAs: Action = {
  id: "save-as",
  label: "Save As…",
  shortcut: { key: "s", mod: true, shift: true },
  perform: async (store) => {
    const path = await store.backend.pickSavePath("save-as", suggestedName(store, ".vsm"));
    if (path) await store.run(() => store.backend.saveAs(path), { keepSelection: true, change: false });
  },
};

export const importJson: Action = {
  id: "import-json",
  label: "Import JSON…",
  shortcut: { key: "i", mod: true },
  perform: async (store) => {
    const path = await store.backend.pickFile("import-json");
    if (path) await store.run(() => store.backend.importJson(path), { change: false });
  },
};

export const exportJson: Action = {
  id: "export-json",
  label: "Export JSON…",
  shortcut: { key: "e", mod: true },
  perform: async (store) => {
    const path = await store.backend.pickSavePath("export-json", suggestedName(store, ".vsm.json"));
    if (!path) return;
    try {
      await store.backend.exportJson(path);
    } catch (error) {
      store.report({ code: "io", message: error instanceof Error ? error.message : String(error) });
    }
  },
};
