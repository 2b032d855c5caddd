import { describe, expect, it } from "vitest";
import { createMemoryBackend, FIXTURES } from "../backend/memoryBackend";
import { AppStore } from "../store/appStore";
import { exportImageTo } from "./exportImage";

describe("exporting an image", () => {
  it("writes what the canvas rendered to the chosen path", async () => {
    const backend = createMemoryBackend(FIXTURES[1]);
    const written: [string, string][] = [];
    backend.writeExport = async (path, base64) => {
      written.push([path, base64]);
    };
    const store = new AppStore(backend);
    await store.load();
    store.imageExporter = async (format) => (format === "png" ? "iVBORw0KGgo=" : "PHN2Zz4=");
    expect(await exportImageTo(store, "png", "/tmp/map.png")).toBe(true);
    expect(written).toEqual([["/tmp/map.png", "iVBORw0KGgo="]]);
  });

  it("says why when no map is shown", async () => {
    const store = new AppStore(createMemoryBackend());
    await store.load();
    expect(await exportImageTo(store, "svg", "/tmp/map.svg")).toBe(false);
    expect(store.getState().problem).toEqual({ code: "io", message: "no map is shown" });
  });
});
