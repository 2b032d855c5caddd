import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup } from "@testing-library/react";
import { BackendError } from "../backend/Backend";
import { createMemoryBackend, FIXTURES } from "../backend/memoryBackend";
import { openApp } from "../test/ui";
import { MAP_DRAWN_MARK } from "../canvas/Canvas";
import { AppStore } from "../store/appStore";
import { App } from "./App";

describe("the main window", () => {
  afterEach(cleanup);

  it("shows the example's headline metrics as the Rust core computed them", async () => {
    await openApp(FIXTURES[1]);
    expect(screen.getByTestId("metric-lead-time").textContent).toContain("23.6 d");
    expect(screen.getByTestId("metric-processing").textContent).toContain("188 s");
    expect(screen.getByTestId("metric-takt").textContent).toContain("60 s");
    expect(screen.getByTestId("metric-bottleneck").textContent).toContain("Assembly #1");
    expect(screen.getByTestId("status-path").textContent).toBe("memory://Acme Stamping.vsm");
    expect(screen.getByTestId("status-saved").textContent).toContain("Saved");
  });

  it("opened on a map, draws the map first, marks that frame, then draws the rest of the window", async () => {
    performance.clearMarks(MAP_DRAWN_MARK);
    const store = new AppStore(createMemoryBackend(FIXTURES[1]));
    await store.load();
    render(<App store={store} />);
    expect(screen.getAllByTestId(/^process-/).length).toBeGreaterThan(0);
    expect(screen.queryByTestId("palette-process")).toBeNull();
    expect(performance.getEntriesByName(MAP_DRAWN_MARK)).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId("palette-process")).toBeTruthy());
    expect(performance.getEntriesByName(MAP_DRAWN_MARK)).toHaveLength(1);
  });

  it("marks the map's first frame also when the window opened before the document arrived", async () => {
    performance.clearMarks(MAP_DRAWN_MARK);
    await openApp(FIXTURES[1]);
    await waitFor(() => expect(performance.getEntriesByName(MAP_DRAWN_MARK)).toHaveLength(1));
  });

  it("shows the map settings when nothing is selected", async () => {
    await openApp(FIXTURES[1]);
    expect((screen.getByTestId<HTMLInputElement>("inspector-shift_s")).value).toBe("28800");
    expect((screen.getByTestId<HTMLInputElement>("inspector-quantity")).value).toBe("18400");
  });

  it("edits a selected process's cycle time as one change batch", async () => {
    const app = await openApp(FIXTURES[1]);
    await app.select("weld-2");
    expect((screen.getByTestId<HTMLInputElement>("inspector-cycle_time_s")).value).toBe("46");
    expect((screen.getByTestId<HTMLInputElement>("inspector-uptime")).value).toBe("80");
    await app.type("cycle_time_s", "40");
    await app.type("uptime", "90");
    expect(app.backend.appliedBatches.map((b) => b.changes)).toEqual([
      [{ op: "update_node", id: "weld-2", set: { cycle_time_s: 40 } }],
      [{ op: "update_node", id: "weld-2", set: { uptime: 0.9 } }],
    ]);
  });

  it("refuses a non-number where it is typed, without sending it", async () => {
    const app = await openApp(FIXTURES[1]);
    await app.select("weld-2");
    await app.type("cycle_time_s", "fast");
    expect(screen.getByText("“fast” is not a number")).toBeTruthy();
    expect(app.backend.appliedBatches).toHaveLength(0);
  });

  it("edits a step's variability as one whole value", async () => {
    const app = await openApp(FIXTURES[0]);
    await app.select("development");
    const distribution = screen.getByLabelText<HTMLSelectElement>("Distribution");
    expect(distribution.value).toBe("pert");
    expect((screen.getByTestId<HTMLInputElement>("inspector-mode_s")).value).toBe("432000");
    fireEvent.change(distribution, { target: { value: "uniform" } });
    await act(() => app.store.idle());
    expect(app.backend.appliedBatches.at(-1)?.changes).toEqual([
      { op: "update_node", id: "development", set: { variability: { distribution: "uniform", min_s: 172800, max_s: 1296000 } } },
    ]);
    await app.type("max_s", "864000");
    expect(app.backend.appliedBatches.at(-1)?.changes).toEqual([
      { op: "update_node", id: "development", set: { variability: { distribution: "uniform", min_s: 172800, max_s: 864000 } } },
    ]);
  });

  it("tags the wastes seen at a step, in TIMWOODS order, one change per toggle", async () => {
    const app = await openApp(FIXTURES[0]);
    await app.select("qa");
    const editor = screen.getByTestId("waste-editor");
    fireEvent.click(editor.querySelector("#waste-qa-defects")!);
    await act(() => app.store.idle());
    fireEvent.click(editor.querySelector("#waste-qa-waiting")!);
    await act(() => app.store.idle());
    fireEvent.click(editor.querySelector("#waste-qa-defects")!);
    await act(() => app.store.idle());
    expect(app.backend.appliedBatches.map((b) => b.changes[0])).toEqual([
      { op: "update_node", id: "qa", set: { waste: ["defects"] } },
      { op: "update_node", id: "qa", set: { waste: ["waiting", "defects"] } },
      { op: "update_node", id: "qa", set: { waste: ["waiting"] } },
    ]);
    expect((editor.querySelector("#waste-qa-waiting") as HTMLInputElement).checked).toBe(true);
  });

  it("balances the selected processes as a cell, through the core", async () => {
    const app = await openApp(FIXTURES[1]);
    const asked: string[][] = [];
    app.backend.cellMetrics = async (_map, cell) => {
      asked.push(cell);
      return { ...FIXTURES[1].metrics.maps[0], cell, operators_needed: 3.1166666666666667, operators_needed_rounded: 4, takt_utilisation: 0.779, balance_efficiency: 0.754 };
    };
    await act(async () => app.store.select({ nodes: ["weld-1", "weld-2", "assembly-1", "assembly-2", "inv-weld-1"], edges: [] }));
    const panel = await screen.findByTestId("cell-balance");
    await waitFor(() => expect(panel.textContent).toContain("3.12 → 4"));
    expect(asked).toEqual([["weld-1", "weld-2", "assembly-1", "assembly-2"]]);
    expect(panel.textContent).toContain("Cell of 4 processes");
  });

  it("undo is enabled after an edit and restores the value", async () => {
    const app = await openApp(FIXTURES[1]);
    const undoButton = screen.getByTestId<HTMLButtonElement>("toolbar-undo");
    expect(undoButton.disabled).toBe(true);
    await app.select("weld-2");
    await app.type("cycle_time_s", "40");
    await waitFor(() => expect(undoButton.disabled).toBe(false));
    await app.press("z", { ctrl: true });
    expect((screen.getByTestId<HTMLInputElement>("inspector-cycle_time_s")).value).toBe("46");
  });

  it("says the last change was not saved only when a change failed, not when a file did not open", async () => {
    // The core refuses an uptime over 1 (the in-memory backend does not validate).
    const core = createMemoryBackend(FIXTURES[1]);
    const app = await openApp(FIXTURES[1], {
      pickFile: async () => "/home/ann/plan.vsm.json",
      openDocument: async () => {
        throw new BackendError({ code: "foreign", message: "/home/ann/plan.vsm.json: this is a JSON file; use File > Import JSON… to open it" });
      },
      applyChanges: async (request) => {
        if (request.changes.some((change) => change.op === "update_node" && Number(change.set.uptime ?? 0) > 1)) {
          throw new BackendError({ code: "invalid", message: "/changes/0/set/uptime: uptime must be in (0, 1], got 2" });
        }
        return core.applyChanges(request);
      },
    });
    const status = () => screen.getByTestId("status-saved").textContent;
    await app.press("o", { ctrl: true });
    expect(screen.getByRole("alert").textContent).toContain("use File > Import JSON");
    expect(status()).toContain("Saved");
    await act(async () => void (await app.store.apply([{ op: "update_node", id: "weld-2", set: { uptime: 2 } }])));
    expect(status()).toBe("Last change not saved");
    // The next change that goes through is saved with the document.
    await act(async () => void (await app.store.apply([{ op: "update_node", id: "weld-2", set: { x: 10 } }])));
    expect(status()).toContain("Saved");
  });
});
