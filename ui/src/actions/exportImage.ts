/** File > Export PNG… and Export SVG…: the map as drawn, as an image file. */
import type { ImageFormat } from "../canvas/exportImage";
import type { AppStore } from "../store/appStore";
import type { Action } from "./action";

/** Renders the map shown and writes it to `path`; reports failures like any other action. */
export async function exportImageTo(store: AppStore, format: ImageFormat, path: string): Promise<boolean> {
  try {
    if (!store.imageExporter) throw new Error("no map is shown");
    const base64 = await store.imageExporter(format);
    await store.backend.writeExport(path, base64);
    return true;
  } catch (error) {
    store.report({ code: "io", message: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

function exportAction(format: ImageFormat): Action {
  return {
    id: `export-${format}`,
    label: `Export ${format.toUpperCase()}…`,
    perform: async (store) => {
      const map = store.activeMap();
      const name = `${store.getState().doc?.name ?? "map"}${map && map.title ? ` — ${map.title}` : ""}.${format}`;
      const path = await store.backend.pickSavePath(format === "png" ? "export-png" : "export-svg", name.replaceAll("/", "-"));
      if (path) await exportImageTo(store, format, path);
    },
  };
}

export const exportPng = exportAction("png");
export const exportSvg = exportAction("svg");
