import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURES } from "../backend/memoryBackend";
import { openApp } from "../test/ui";
import { placeRungs } from "./Ladder";
import { markerRows } from "./MonteCarloPanel";

describe("the bottom dock", () => {
  afterEach(cleanup);

  it("draws the timeline ladder of the critical path with its totals", async () => {
    await openApp(FIXTURES[1]);
    expect(screen.getByTestId("ladder-inv-stamped").textContent).toContain("7.6 d");
    expect(screen.getByTestId("ladder-assembly-1").textContent).toContain("62 s");
    expect(screen.getByTestId("ladder-totals").textContent).toBe("Lead time 23.6 dProcessing 188 s");
  });

  it("compares each cycle time with takt, over-takt bars marked", async () => {
    await openApp(FIXTURES[1]);
    fireEvent.click(screen.getByTestId("dock-tab-takt"));
    const chart = screen.getByTestId("chart-takt");
    expect(chart.querySelectorAll(".chart__bar")).toHaveLength(5);
    expect(chart.querySelectorAll(".chart__bar.is-over")).toHaveLength(1);
    expect(chart.textContent).toContain("takt 60 s");
    // S. Weld #2: 46 s ÷ 80 % uptime.
    expect(chart.textContent).toContain("57.5 s");
  });

  it("shows the operator balance and operators needed", async () => {
    await openApp(FIXTURES[1]);
    fireEvent.click(screen.getByTestId("dock-tab-balance"));
    expect(screen.getByTestId("chart-balance").querySelectorAll(".chart__bar")).toHaveLength(5);
    expect(screen.getByText(/Operators needed/).textContent).toContain("3.13");
  });

  it("shows the recorded Monte Carlo percentiles", async () => {
    const app = await openApp(FIXTURES[0]);
    fireEvent.click(screen.getByTestId("dock-tab-montecarlo"));
    await act(() => app.store.idle());
    const panel = await screen.findByTestId("monte-carlo");
    expect(panel.textContent).toContain("p50 36.6 d");
    expect(panel.textContent).toContain("10,000 trials, seed 1");
  });

  it("gives the Monte Carlo in the map's days, as the ladder does", async () => {
    // The software map on a working-day basis: one day is its 8 h shift less 1 h of breaks, and
    // the core reports the lead time in those days. The percentiles and the target typed in days
    // are in the same days, not in 24-hour ones.
    const fixture = structuredClone(FIXTURES[0]);
    const day = 28800 - 3600;
    fixture.document.maps[0].calendar = { ...fixture.document.maps[0].calendar!, day_basis: "working" };
    const report = fixture.metrics.maps[0];
    report.lead_time_days = report.lead_time_s! / day;
    const simulated: (number | null)[] = [];
    const app = await openApp(fixture, {
      async simulate(_mapId, targetS) {
        simulated.push(targetS);
        return { ...fixture.monteCarlo!, target_s: targetS, probability_meeting_target: null };
      },
    });
    expect(screen.getByTestId("ladder-totals").textContent).toContain(`Lead time ${(report.lead_time_s! / day).toFixed(1)} d`);
    fireEvent.click(screen.getByTestId("dock-tab-montecarlo"));
    await act(() => app.store.idle());
    const panel = await screen.findByTestId("monte-carlo");
    const p50Days = (fixture.monteCarlo!.p50_s / day).toFixed(1);
    expect(panel.textContent).toContain(`p50 ${p50Days} d`);
    fireEvent.change(screen.getByTestId("monte-carlo-target"), { target: { value: "30" } });
    await act(() => app.store.idle());
    expect(simulated.at(-1)).toBe(30 * day);
  });

  it("says why there is no spread when every trial gives the same lead time", async () => {
    // The Acme map has no variability: the core's 10,000 trials all give 23.6 days.
    const lead = 23.6 * 86400;
    const flat = { trials: 10000, seed: 1, mean_s: lead, p50_s: lead, p85_s: lead, p95_s: lead, min_s: lead, max_s: lead, target_s: null, probability_meeting_target: null, histogram: [[lead, lead, 10000]] as [number, number, number][] };
    const app = await openApp({ ...FIXTURES[1], monteCarlo: flat });
    fireEvent.click(screen.getByTestId("dock-tab-montecarlo"));
    await act(() => app.store.idle());
    const panel = await screen.findByTestId("monte-carlo");
    expect(screen.getByTestId("monte-carlo-flat").textContent).toContain("Every trial gives 23.6 d: no step of this map has variability");
    expect(panel.querySelector("svg")).toBeNull();
    expect(panel.textContent).toContain("p50 23.6 d");
  });

  it("puts percentile labels that would overlap on separate rows", () => {
    const rows = markerRows([["p50", 100], ["p85", 101], ["p95", 300]], (s) => s);
    expect(rows).toEqual([{ name: "p50", at: 100, row: 0 }, { name: "p85", at: 101, row: 1 }, { name: "p95", at: 300, row: 0 }]);
  });

  it("lists warnings and selects the node a warning is about", async () => {
    // The Acme map with S. Weld #1's uptime removed, and the warning the core reports for it.
    const acme = FIXTURES[1];
    const document = structuredClone(acme.document);
    delete document.maps[0].nodes.find((n) => n.id === "weld-1")?.uptime;
    const metrics = structuredClone(acme.metrics);
    metrics.maps[0].warnings = [{ code: "missing_uptime", node: "weld-1", message: 'process "S. Weld #1": uptime missing, 100 % assumed' }];
    const app = await openApp({ ...acme, document, metrics });
    expect(screen.getByTestId("dock-tab-warnings").textContent).toBe("Warnings (1)");
    fireEvent.click(screen.getByTestId("dock-tab-warnings"));
    fireEvent.click(screen.getByText(/uptime missing, 100 % assumed/));
    expect(app.store.getState().selection.nodes).toEqual(["weld-1"]);
  });
});

describe("placing rungs", () => {
  const rung = (id: string) => ({ id, segment: "wait", elapsed_s: 1, value_added_s: 0 });

  it("keeps rungs under their nodes when the path runs left to right", () => {
    const boxes = new Map([
      ["a", { x: 10, width: 20 }],
      ["b", { x: 50, width: 30 }],
    ]);
    expect(placeRungs([rung("a"), rung("b")], boxes, 500).map((p) => [p.x0, p.x1])).toEqual([
      [10, 30],
      [50, 80],
    ]);
  });

  it("spaces rungs evenly when the path doubles back", () => {
    const boxes = new Map([
      ["a", { x: 300, width: 20 }],
      ["b", { x: 50, width: 30 }],
    ]);
    const placed = placeRungs([rung("a"), rung("b")], boxes, 500);
    expect(placed[0].x0).toBeLessThan(placed[1].x0);
  });
});
