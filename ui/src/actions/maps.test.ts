import { describe, expect, it } from "vitest";
import { createMemoryBackend, FIXTURES } from "../backend/memoryBackend";
import { AppStore } from "../store/appStore";
import { addEmptyMap, addFutureState, deleteMap, freshMapId } from "./maps";

describe("maps as tabs", () => {
  it("asks the core for a linked future state of the map shown and shows it", async () => {
    const backend = createMemoryBackend(FIXTURES[1]);
    const store = new AppStore(backend);
    await store.load();
    await addFutureState.perform(store);
    const future = store.activeMap();
    expect(future).toMatchObject({ id: "future", title: "Steering brackets — future state", state: "future", derived_from: "current" });
    expect(future?.nodes).toHaveLength(FIXTURES[1].document.maps[0].nodes.length);
    expect(freshMapId(store.getState().doc!.document, "future")).toBe("future-2");
  });

  it("adds, shows and deletes maps, one undoable step each", async () => {
    const store = new AppStore(createMemoryBackend(FIXTURES[1]));
    await store.load();
    await addFutureState.perform(store);
    expect(store.getState().activeMapId).toBe("future");
    await addEmptyMap.perform(store);
    expect(store.getState().activeMapId).toBe("map");
    expect(store.getState().doc?.document.maps.map((m) => m.id)).toEqual(["current", "future", "map"]);
    await deleteMap.perform(store);
    expect(store.getState().doc?.document.maps.map((m) => m.id)).toEqual(["current", "future"]);
    expect(store.getState().activeMapId).toBe("current");
    await store.run(() => store.backend.undo());
    expect(store.getState().doc?.document.maps.map((m) => m.id)).toEqual(["current", "future", "map"]);
  });
});
