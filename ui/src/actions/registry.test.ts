import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryBackend, FIXTURES } from "../backend/memoryBackend";
import { AppStore } from "../store/appStore";
import { deletionChanges } from "./editing";
import { handleKeyDown, handleMenu } from "./registry";

async function acme() {
  const backend = createMemoryBackend(FIXTURES[1]);
  const store = new AppStore(backend);
  await store.load();
  return { store, backend };
}

const key = (init: KeyboardEventInit, target: EventTarget = document.body) => {
  const event = new KeyboardEvent("keydown", { cancelable: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  return event;
};

const settled = (store: AppStore) => store.idle();

describe("actions", () => {
  afterEach(() => vi.restoreAllMocks());

  it("deletes selected edges before nodes, skipping edges that go with their nodes", async () => {
    const { store } = await acme();
    store.select({ nodes: ["stamping"], edges: ["e-1", "e-5"] });
    expect(deletionChanges(store)).toEqual([
      { op: "remove_edge", id: "e-5" },
      { op: "remove_node", id: "stamping" },
    ]);
  });

  it("Delete removes the selection in one undoable step", async () => {
    const { store, backend } = await acme();
    store.select({ nodes: ["weld-1"], edges: [] });
    expect(handleKeyDown(store, key({ key: "Delete" }))).toBe(true);
    await settled(store);
    expect(backend.appliedBatches).toHaveLength(1);
    expect(store.getState().doc?.document.maps[0].nodes.some((n) => n.id === "weld-1")).toBe(false);
    expect(store.getState().selection.nodes).toEqual([]);
    handleKeyDown(store, key({ key: "z", ctrlKey: true }));
    await settled(store);
    expect(store.getState().doc?.document.maps[0].nodes.some((n) => n.id === "weld-1")).toBe(true);
    handleKeyDown(store, key({ key: "z", ctrlKey: true, shiftKey: true }));
    await settled(store);
    expect(store.getState().doc?.document.maps[0].nodes.some((n) => n.id === "weld-1")).toBe(false);
  });

  it("leaves keys typed into a text field alone", async () => {
    const { store, backend } = await acme();
    store.select({ nodes: ["weld-1"], edges: [] });
    const input = document.createElement("input");
    expect(handleKeyDown(store, key({ key: "Delete" }, input))).toBe(false);
    expect(handleKeyDown(store, key({ key: "z", ctrlKey: true }, input))).toBe(false);
    expect(backend.appliedBatches).toHaveLength(0);
  });

  it("Ctrl+A selects every node and edge of the map", async () => {
    const { store } = await acme();
    handleKeyDown(store, key({ key: "a", ctrlKey: true }));
    const map = store.activeMap();
    expect(store.getState().selection.nodes).toHaveLength(map?.nodes.length ?? -1);
    expect(store.getState().selection.edges).toHaveLength(map?.edges.length ?? -1);
  });

  it("menu edit items act on the text when a text field has focus", async () => {
    const { store, backend } = await acme();
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    store.select({ nodes: ["weld-1"], edges: [] });
    handleMenu(store, { action: "delete", argument: null }, document.createElement("input"));
    handleMenu(store, { action: "undo", argument: null }, document.createElement("textarea"));
    expect(execCommand).toHaveBeenNthCalledWith(1, "delete");
    expect(execCommand).toHaveBeenNthCalledWith(2, "undo");
    expect(backend.appliedBatches).toHaveLength(0);
    handleMenu(store, { action: "delete", argument: null }, document.body);
    await settled(store);
    expect(backend.appliedBatches).toHaveLength(1);
  });

  it("arrow keys nudge the selection by the grid, Shift by one pixel, one step each", async () => {
    const { store, backend } = await acme();
    store.select({ nodes: ["stamping", "weld-1"], edges: [] });
    handleKeyDown(store, key({ key: "ArrowRight" }));
    handleKeyDown(store, key({ key: "ArrowUp", shiftKey: true }));
    await settled(store);
    const node = (id: string) => store.activeMap()?.nodes.find((n) => n.id === id);
    expect([node("stamping")?.x, node("stamping")?.y]).toEqual([130, 319]);
    expect([node("weld-1")?.x, node("weld-1")?.y]).toEqual([410, 319]);
    expect(backend.appliedBatches).toHaveLength(2);
  });

  it("copy then paste adds the symbols again, selected, with the arrows among them", async () => {
    const { store, backend } = await acme();
    store.select({ nodes: ["weld-1", "inv-weld-1"], edges: [] });
    handleKeyDown(store, key({ key: "c", ctrlKey: true }));
    await settled(store);
    expect(JSON.parse(await backend.readClipboard()).format).toBe("kaizen-vsm-clipboard");
    handleKeyDown(store, key({ key: "v", ctrlKey: true }));
    await vi.waitFor(() => expect(store.getState().selection.nodes).toEqual(["process-1", "inventory-1"]));
    await settled(store);
    const map = store.activeMap();
    expect(map?.edges.some((e) => e.from === "process-1" && e.to === "inventory-1")).toBe(true);
    expect(backend.appliedBatches).toHaveLength(1);
  });

  it("duplicate and cut are single steps too", async () => {
    const { store, backend } = await acme();
    store.select({ nodes: ["weld-1"], edges: [] });
    handleKeyDown(store, key({ key: "d", ctrlKey: true }));
    await vi.waitFor(() => expect(store.getState().selection.nodes).toEqual(["process-1"]));
    handleKeyDown(store, key({ key: "x", ctrlKey: true }));
    await vi.waitFor(() => expect(store.activeMap()?.nodes.some((n) => n.id === "process-1")).toBe(false));
    expect(backend.appliedBatches).toHaveLength(2);
  });

  it("Enter on a focused symbol selects it", async () => {
    const { store } = await acme();
    const element = document.createElement("div");
    element.className = "react-flow__node";
    element.setAttribute("data-id", "weld-2");
    expect(handleKeyDown(store, key({ key: "Enter" }, element))).toBe(true);
    expect(store.getState().selection.nodes).toEqual(["weld-2"]);
  });

  it("menu Open Example opens the example named by the menu", async () => {
    const { store } = await acme();
    handleMenu(store, { action: "open_example", argument: "software-delivery" }, document.body);
    await settled(store);
    expect(store.getState().doc?.name).toBe("Idea to production");
  });
});
