import { describe, expect, it } from "vitest";
import { createMemoryBackend, FIXTURES } from "../backend/memoryBackend";
import { BackendError, type Backend } from "../backend/Backend";
import { AppStore } from "./appStore";

describe("AppStore", () => {
  it("loads the document, its metrics and the examples", async () => {
    const store = new AppStore(createMemoryBackend(FIXTURES[1]));
    await store.load();
    const { doc, examples, activeMapId } = store.getState();
    expect(doc?.name).toBe("Acme Stamping");
    expect(doc?.metrics.maps[0].takt_s).toBe(60);
    expect(activeMapId).toBe("current");
    expect(examples.map((e) => e.id)).toEqual(["software-delivery", "lean-manufacturing"]);
  });

  it("applies a gesture as one batch on the active map and keeps the selection", async () => {
    const backend = createMemoryBackend(FIXTURES[1]);
    const store = new AppStore(backend);
    await store.load();
    store.select({ nodes: ["stamping"], edges: [] });
    await store.apply([
      { op: "update_node", id: "stamping", set: { x: 10 } },
      { op: "update_node", id: "weld-1", set: { x: 20 } },
    ]);
    expect(backend.appliedBatches).toHaveLength(1);
    expect(backend.appliedBatches[0].map).toBe("current");
    expect(store.getState().doc?.can_undo).toBe(true);
    expect(store.getState().selection.nodes).toEqual(["stamping"]);
  });

  it("runs calls in order even when started together", async () => {
    const backend = createMemoryBackend(FIXTURES[1]);
    const store = new AppStore(backend);
    await store.load();
    await Promise.all([1, 2, 3].map((x) => store.apply([{ op: "update_node", id: "stamping", set: { x } }])));
    expect(store.getState().doc?.document.maps[0].nodes.find((n) => n.id === "stamping")?.x).toBe(3);
    expect(store.getState().doc?.revision).toBe(3);
  });

  it("shows a refusal as a problem and keeps the document", async () => {
    const failing: Backend = {
      ...createMemoryBackend(),
      applyChanges: async () => {
        throw new BackendError({ code: "invalid", message: "/changes/0/set/uptime: uptime must be in (0, 1], got 2" });
      },
    };
    const store = new AppStore(failing);
    await store.load();
    const before = store.getState().doc;
    expect(await store.apply([{ op: "update_node", id: "qa", set: { uptime: 2 } }])).toBe(false);
    expect(store.getState().problem).toEqual({ code: "invalid", message: "/changes/0/set/uptime: uptime must be in (0, 1], got 2" });
    expect(store.getState().doc).toBe(before);
    expect(store.getState().changeFailed).toBe(true);
    expect(store.getState().busy).toBe(false);
  });
});
