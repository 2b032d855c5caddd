import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Comparison, Document, MapChanged, Suggestion } from "../bindings";
import { FIXTURES, type Fixture } from "../backend/memoryBackend";
import { openApp } from "../test/ui";
import { meets } from "./CharterForm";
import { defaultPair, statesOf } from "./ComparisonView";
import { isOverdue, today } from "./KaizenPanel";

const delivery = FIXTURES[0];
const report = delivery.metrics.maps[0];
const DAY = 86400;

/** Two suggestions as the core returns them for the delivery example (figures from `vsm suggest`). */
const SUGGESTIONS: Suggestion[] = [
  {
    rule: "wip_limit",
    family: "delivery",
    title: "Limit work in Backlog",
    why: "work waits 10.0 days in Backlog; by Little's Law less work in it means less waiting",
    targets: ["backlog"],
    waste: ["inventory", "waiting"],
    changes: { map: "current", changes: [{ op: "update_node", id: "backlog", set: { wait_s: 216000 } }] },
    assumption: "a WIP limit that halves the queue to 2.5 days at the same throughput",
    effect: [{ metric: "lead_time_s", from: report.lead_time_s, to: report.lead_time_s! - 7.5 * DAY, delta: -7.5 * DAY, delta_ratio: (-7.5 * DAY) / report.lead_time_s! }],
    projected: { ...report, lead_time_s: report.lead_time_s! - 7.5 * DAY },
  },
  {
    rule: "quality_at_source",
    family: "delivery",
    title: "Raise the %C/A of Analysis & refinement",
    why: "only 75 % of work leaves Analysis & refinement complete and accurate",
    targets: ["analysis"],
    waste: ["defects"],
    changes: { map: "current", changes: [{ op: "update_node", id: "analysis", set: { pca: 0.875 } }] },
    assumption: null,
    effect: [],
    projected: report,
  },
];

function withKaizen(document: Partial<Document>): Fixture {
  return { ...delivery, document: { ...structuredClone(delivery.document), ...document } };
}

describe("the suggestions panel", () => {
  afterEach(cleanup);

  it("lists suggestions with their effect, shows one's change, and accepts it into the future state", async () => {
    const accepted: MapChanged[] = [];
    const app = await openApp(delivery, {
      suggestions: async () => SUGGESTIONS,
      acceptSuggestion: vi.fn(async (mapId: string, rule: string, targets: string[]) => {
        expect([mapId, rule, targets]).toEqual(["current", "wip_limit", ["backlog"]]);
        const changed = await app.backend.deriveFutureState(mapId);
        accepted.push(changed);
        return changed;
      }),
    });
    fireEvent.click(screen.getByTestId("toolbar-suggestions"));
    const list = await screen.findByTestId("suggestions");
    expect(list.textContent).toContain("2 improvements, largest lead-time cut first. Accepting one changes a new future state.");
    const first = screen.getByTestId("suggestion-wip_limit");
    expect(first.textContent).toContain("lead time −22.5 %");
    expect(screen.getByTestId("suggestion-quality_at_source").textContent).toContain("no lead-time change");

    fireEvent.click(within(first).getByRole("button", { expanded: false }));
    expect(screen.getByTestId("suggestion-effect").textContent).toBe("Lead time 33.3 d → 25.8 d (−22.5 %)");
    expect(first.textContent).toContain("Backlog: Wait 10 d → 2.5 d");
    expect(first.textContent).toContain("Assumes a WIP limit that halves the queue");
    expect(app.store.getState().selection.nodes).toEqual(["backlog"]);

    await act(async () => {
      fireEvent.click(screen.getByTestId("suggestion-accept"));
    });
    await act(() => app.store.idle());
    expect(accepted).toHaveLength(1);
    expect(app.store.getState().activeMapId).toBe("future");
  });

  it("previews a suggestion on the map, with the canvas's shortcuts off, until closed or accepted", async () => {
    const app = await openApp(delivery, {
      suggestions: async () => SUGGESTIONS,
      acceptSuggestion: vi.fn(async (mapId: string) => app.backend.deriveFutureState(mapId)),
    });
    fireEvent.click(screen.getByTestId("toolbar-suggestions"));
    const first = await screen.findByTestId("suggestion-wip_limit");
    fireEvent.click(within(first).getByRole("button", { expanded: false }));
    await act(async () => {
      fireEvent.click(screen.getByTestId("suggestion-preview-open"));
    });
    await act(() => app.store.idle());
    const preview = screen.getByTestId("suggestion-preview");
    expect(preview.textContent).toContain("Preview: Limit work in Backlog");
    expect(preview.textContent).toContain("1 highlighted symbol added or changed");
    expect(app.store.getState().preview?.map.nodes.find((n) => n.id === "backlog")?.wait_s).toBe(216000);
    expect(screen.queryByTestId("palette-process")).toBeNull();

    // Delete would remove the selected Backlog from the real map, hidden behind the preview.
    expect(app.store.getState().selection.nodes).toEqual(["backlog"]);
    await act(async () => fireEvent.keyDown(window, { key: "Delete" }));
    await act(() => app.store.idle());
    expect(app.backend.appliedBatches).toHaveLength(0);

    await act(async () => fireEvent.keyDown(window, { key: "Escape" }));
    expect(screen.queryByTestId("suggestion-preview")).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByTestId("suggestion-preview-open"));
    });
    await act(() => app.store.idle());
    await act(async () => {
      fireEvent.click(screen.getByTestId("preview-accept"));
    });
    await act(() => app.store.idle());
    expect(app.store.getState().preview).toBeNull();
    expect(app.store.getState().activeMapId).toBe("future");
  });

  it("says when a rule needs the core, rather than inventing suggestions", async () => {
    await openApp(delivery);
    fireEvent.click(screen.getByTestId("toolbar-suggestions"));
    expect((await screen.findByText(/needs the Kaizen VSM core/)).textContent).toContain("suggesting improvements");
  });
});

describe("the Kaizen plan", () => {
  afterEach(cleanup);

  it("flags overdue actions and edits owner and status, one batch each", async () => {
    const app = await openApp(
      withKaizen({
        actions: [
          { id: "a1", title: "Automate QA", owner: "", due: "2020-01-31", status: "in_progress", expected: { lead_time_s: 29.9 * DAY } },
          { id: "a2", title: "Weekly CAB → daily", owner: "Sam", due: "2020-01-31", status: "done" },
        ],
      }),
    );
    fireEvent.click(screen.getByTestId("panel-tab-kaizen"));
    const panel = screen.getByTestId("kaizen-panel");
    expect(panel.textContent).toContain("2 actions, 1 overdue");
    const a1 = screen.getByTestId("action-a1");
    expect(within(a1).getByTestId("action-overdue")).toBeTruthy();
    expect(within(screen.getByTestId("action-a2")).queryByTestId("action-overdue")).toBeNull();
    expect(within(a1).getByTestId("action-expected").textContent).toBe("29.9 d");
    expect(within(a1).getByTestId("action-actual").textContent).toBe("not measured yet");

    const owner = within(a1).getByLabelText("Owner");
    fireEvent.change(owner, { target: { value: "Dana" } });
    await act(async () => fireEvent.keyDown(owner, { key: "Enter" }));
    await act(() => app.store.idle());
    await act(async () => fireEvent.change(within(a1).getByTestId("action-status"), { target: { value: "done" } }));
    await act(() => app.store.idle());
    expect(app.backend.appliedBatches.map((b) => b.changes[0])).toEqual([
      { op: "update_action", id: "a1", set: { owner: "Dana" } },
      { op: "update_action", id: "a1", set: { status: "done" } },
    ]);
    expect(screen.getByTestId("kaizen-panel").textContent).toContain("2 actions");
    expect(screen.queryByTestId("action-overdue")).toBeNull();
  });

  it("takes a dated snapshot of the map shown", async () => {
    const app = await openApp(delivery);
    fireEvent.click(screen.getByTestId("panel-tab-kaizen"));
    await act(async () => fireEvent.click(screen.getByTestId("take-snapshot")));
    await act(() => app.store.idle());
    const snapshot = app.store.getState().doc?.document.snapshots?.[0];
    expect(snapshot).toMatchObject({ id: `current-${today()}`, taken_on: today() });
    expect(snapshot?.map.nodes).toEqual(delivery.document.maps[0].nodes);
    expect(screen.getByTestId("snapshots").textContent).toContain(today());
  });

  it("sets charter fields and targets, shown against the current figures", async () => {
    const app = await openApp(delivery);
    fireEvent.click(screen.getByTestId("panel-tab-kaizen"));
    const theme = screen.getByTestId("charter-theme");
    fireEvent.change(theme, { target: { value: "Idea to production in a week" } });
    await act(async () => fireEvent.blur(theme));
    await act(() => app.store.idle());
    await act(async () => fireEvent.change(screen.getByTestId("charter-add-target"), { target: { value: "lead_time_s" } }));
    await act(() => app.store.idle());
    const row = screen.getByTestId("charter-target-0");
    expect(row.textContent).toContain("33.3 d");
    const target = within(row).getByLabelText("Target (days)");
    fireEvent.change(target, { target: { value: "7" } });
    await act(async () => fireEvent.keyDown(target, { key: "Enter" }));
    await act(() => app.store.idle());
    const charter = app.store.getState().doc?.document.charter;
    expect(charter).toMatchObject({ theme: "Idea to production in a week", map: "current", targets: [{ metric: "lead_time_s", to: 7 * DAY }] });
    expect(charter?.targets?.[0].from).toBeCloseTo(report.lead_time_s!, 6);
  });

  it("knows what is overdue and what meets a target", () => {
    expect(isOverdue({ id: "a", title: "t", due: "2026-01-01", status: "planned" }, "2026-01-02")).toBe(true);
    expect(isOverdue({ id: "a", title: "t", due: "2026-01-02", status: "planned" }, "2026-01-02")).toBe(false);
    expect(isOverdue({ id: "a", title: "t", due: "2026-01-01", status: "dropped" }, "2026-01-02")).toBe(false);
    expect(isOverdue({ id: "a", title: "t" }, "2026-01-02")).toBe(false);
    expect(today(new Date(2027, 2, 5))).toBe("2027-03-05");
    expect(meets("lead_time_s", 5 * DAY, 7 * DAY)).toBe(true);
    expect(meets("va_ratio", 0.05, 0.1)).toBe(false);
    expect(meets("va_ratio", null, 0.1)).toBeNull();
  });
});

describe("the comparison view", () => {
  afterEach(cleanup);

  it("compares a map with its future state and shows every figure's change", async () => {
    const comparison: Comparison = {
      from: "current",
      to: "future",
      nodes_added: ["burst"],
      nodes_removed: [],
      nodes_changed: [{ id: "backlog", fields: ["wait_s"] }],
      edges_added: [],
      edges_removed: [],
      metrics: [
        { metric: "lead_time_s", from: 33.3 * DAY, to: 25.8 * DAY, delta: -7.5 * DAY, delta_ratio: -0.225 },
        { metric: "va_ratio", from: 0.036, to: 0.046, delta: 0.01, delta_ratio: 0.29 },
        { metric: "takt_s", from: null, to: null, delta: null, delta_ratio: null },
      ],
    };
    const compare = vi.fn(async () => comparison);
    const app = await openApp(delivery, { compareStates: compare });
    await act(async () => {
      await app.backend.deriveFutureState("current").then((changed) => app.store.runToMap(async () => changed));
    });
    await act(async () => fireEvent.click(screen.getByTestId("toolbar-compare")));
    await act(() => app.store.idle());
    expect(compare).toHaveBeenCalledWith("current", "future");
    const lead = await screen.findByTestId("compare-row-lead_time_s");
    expect(lead.textContent).toBe("Lead time33.3 d25.8 d−7.5 d−22.5 %");
    expect(lead.querySelector(".is-better")).toBeTruthy();
    expect(screen.getByTestId("compare-row-va_ratio").textContent).toContain("+1 pp");
    expect(screen.queryByTestId("compare-row-takt_s")).toBeNull();
    expect(screen.getByTestId("compare-changes").textContent).toContain("Symbols changed: backlog (wait_s)");
  });

  it("pairs a map with the state it came from or leads to", () => {
    const document: Document = structuredClone(FIXTURES[1].document);
    const current = document.maps[0];
    expect(defaultPair(document, current)).toEqual(["current", "current"]);
    document.maps.push({ ...structuredClone(current), id: "future", state: "future", derived_from: "current" });
    expect(defaultPair(document, current)).toEqual(["current", "future"]);
    expect(defaultPair(document, document.maps[1])).toEqual(["current", "future"]);
    document.snapshots = [{ id: "s1", taken_on: "2027-03-01", label: "as achieved", map: current }];
    expect(statesOf(document).map((s) => [s.id, s.short])).toEqual([
      ["current", "Current"],
      ["future", "Future"],
      ["s1", "2027-03-01"],
    ]);
  });
});
