import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Document, MetricsReport, ReportExported, ReportSettings } from "../bindings";
import { BackendError } from "../backend/Backend";
import { createMemoryBackend, FIXTURES, type Fixture } from "../backend/memoryBackend";
import { handleKeyDown, handleMenu } from "../actions/registry";
import { openApp } from "../test/ui";
import acmeKaizen from "../../../tests/fixtures/acme-kaizen.vsm.json";
import acmeKaizenMetrics from "../../../tests/fixtures/acme-kaizen.metrics.json";

const KAIZEN: Fixture = {
  id: "acme-kaizen",
  title: "Acme Kaizen",
  name: "Steering brackets",
  document: acmeKaizen as unknown as Document,
  metrics: acmeKaizenMetrics as unknown as MetricsReport,
};

const SAVED: ReportExported = { path: "/tmp/Steering brackets Kaizen report.pdf", pages: 3, bytes: 210_000, missing_characters: [] };

/** A promise the test settles when it wants to. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => act(async () => {});
const dialog = () => screen.queryByRole("dialog", { name: "Export Kaizen Report" });
const checkbox = (key: string) => screen.getByTestId<HTMLInputElement>(`report-section-${key}`);

async function openDialog(core: Parameters<typeof openApp>[1] = {}) {
  const app = await openApp(KAIZEN, { pickSavePath: vi.fn(async () => SAVED.path), ...core });
  await act(async () => handleMenu(app.store, { action: "export_report", argument: null }));
  return app;
}

describe("the Kaizen report dialog", () => {
  afterEach(cleanup);

  it("sends the chosen paper, sections and map, then says what it saved and opens the PDF", async () => {
    const exportReport = vi.fn(async (_path: string, _settings: ReportSettings) => SAVED);
    const openPath = vi.fn(async () => undefined);
    const app = await openDialog({ exportReport, openPath });
    expect(dialog()).not.toBeNull();
    expect((screen.getByTestId<HTMLInputElement>("report-paper-a3")).checked).toBe(true);
    expect(["charter", "current_state", "root_causes", "future_state", "action_plan", "follow_up"].every((key) => checkbox(key).checked)).toBe(true);
    expect((screen.getByTestId<HTMLSelectElement>("report-map")).value).toBe("current");
    expect(document.activeElement).toBe(screen.getByTestId("report-export"));

    fireEvent.click(screen.getByTestId("report-paper-a4"));
    fireEvent.click(screen.getByLabelText(/Action plan/));
    fireEvent.click(screen.getByTestId("report-export"));
    await flush();

    expect(app.backend.pickSavePath).toHaveBeenCalledWith("export-report", "Steering brackets Kaizen report.pdf");
    expect(exportReport).toHaveBeenCalledWith(SAVED.path, {
      paper: "a4",
      sections: { charter: true, current_state: true, root_causes: true, future_state: true, action_plan: false, follow_up: true },
      map: "current",
    });
    expect(screen.getByTestId("report-saved").textContent).toBe(`Saved 3 pages to ${SAVED.path} (205 KB).`);
    expect(screen.queryByTestId("report-missing")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("report-open"));
    fireEvent.click(screen.getByTestId("report-open"));
    await flush();
    expect(openPath).toHaveBeenCalledWith(SAVED.path);
    expect(dialog()).toBeNull();
  });

  it("shows progress while the report renders, and cannot be closed or bypassed meanwhile", async () => {
    const rendering = deferred<ReportExported>();
    const app = await openDialog({ exportReport: () => rendering.promise });
    fireEvent.click(screen.getByTestId("report-export"));
    await flush();
    expect(screen.getByTestId("report-progress").textContent).toBe("Rendering the report…");
    expect(dialog()?.getAttribute("aria-busy")).toBe("true");
    for (const id of ["report-export", "report-cancel", "report-paper-a4", "report-section-charter", "report-map"]) {
      expect((screen.getByTestId<HTMLButtonElement>(id)).disabled, id).toBe(true);
    }
    fireEvent.keyDown(dialog()!, { key: "Escape" });
    expect(dialog()).not.toBeNull();
    // Shortcuts and menu items behind the dialog do nothing meanwhile.
    expect(handleKeyDown(app.store, new KeyboardEvent("keydown", { key: "n", ctrlKey: true }))).toBe(false);

    await act(async () => rendering.resolve({ ...SAVED, pages: 1, missing_characters: ["😀", "€"] }));
    expect(screen.getByTestId("report-saved").textContent).toContain("Saved 1 page to");
    expect(screen.getByTestId("report-missing").textContent).toContain("😀 (U+1F600), € (U+20AC)");
    fireEvent.click(screen.getByTestId("report-close"));
    expect(dialog()).toBeNull();
  });

  it("shows a failure in the dialog and keeps the choices for another try", async () => {
    const exportReport = vi
      .fn()
      .mockRejectedValueOnce(new BackendError({ code: "io", message: "/readonly/report.pdf: Permission denied (os error 13)" }))
      .mockResolvedValueOnce(SAVED);
    await openDialog({ exportReport });
    fireEvent.click(checkbox("follow_up"));
    fireEvent.click(screen.getByTestId("report-export"));
    await flush();
    expect(screen.getByRole("alert").textContent).toBe("/readonly/report.pdf: Permission denied (os error 13)");
    expect(checkbox("follow_up").checked).toBe(false);
    expect((screen.getByTestId<HTMLButtonElement>("report-export")).disabled).toBe(false);
    fireEvent.click(screen.getByTestId("report-export"));
    await flush();
    expect(exportReport).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId("report-saved")).not.toBeNull();
  });

  it("shows why the PDF could not be opened, in the result", async () => {
    const openPath = vi.fn(async () => {
      throw new BackendError({ code: "io", message: "/tmp/r.pdf: no program could open it" });
    });
    await openDialog({ exportReport: async () => SAVED, openPath });
    fireEvent.click(screen.getByTestId("report-export"));
    await flush();
    fireEvent.click(screen.getByTestId("report-open"));
    await flush();
    expect(screen.getByRole("alert").textContent).toBe("/tmp/r.pdf: no program could open it");
    expect(screen.getByTestId("report-saved")).not.toBeNull();
  });

  it("keeps Tab inside, goes back to the choices when the save dialog is cancelled, and Escape closes it", async () => {
    const exportReport = vi.fn(async () => SAVED);
    await openDialog({ exportReport, pickSavePath: async () => null });
    fireEvent.keyDown(screen.getByTestId("report-export"), { key: "Tab" });
    expect(document.activeElement).toBe(screen.getByTestId("report-paper-a3"));
    fireEvent.keyDown(screen.getByTestId("report-paper-a3"), { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(screen.getByTestId("report-export"));
    fireEvent.click(screen.getByTestId("report-export"));
    await flush();
    expect(exportReport).not.toHaveBeenCalled();
    expect(screen.getByTestId("report-export")).not.toBeNull();
    fireEvent.keyDown(screen.getByTestId("report-export"), { key: "Escape" });
    expect(dialog()).toBeNull();
  });

  it("needs at least one section", async () => {
    await openDialog();
    for (const key of ["charter", "current_state", "root_causes", "future_state", "action_plan", "follow_up"]) fireEvent.click(checkbox(key));
    expect((screen.getByTestId<HTMLButtonElement>("report-export")).disabled).toBe(true);
    expect(screen.getByText("Choose at least one section.")).not.toBeNull();
  });

  it("reports on the current state a future state was derived from, and is in the toolbar", async () => {
    const app = await openApp(KAIZEN);
    act(() => app.store.showMap("future"));
    fireEvent.click(screen.getByTestId("toolbar-export-report"));
    expect((screen.getByTestId<HTMLSelectElement>("report-map")).value).toBe("current");
    expect([...(screen.getByTestId<HTMLSelectElement>("report-map")).options].map((o) => o.text)).toEqual([
      "Steering brackets — current state",
      "Steering brackets — future state",
    ]);
  });

  it("is refused by the in-memory backend, which has no PDF renderer", async () => {
    const backend = createMemoryBackend(FIXTURES[1]);
    await expect(backend.exportReport("/tmp/r.pdf", { paper: "a3", sections: KAIZEN_SECTIONS, map: null })).rejects.toThrow(/needs the Kaizen VSM core/);
    await expect(backend.openPath("/tmp/r.pdf")).rejects.toThrow(/needs the Kaizen VSM core/);
  });
});

const KAIZEN_SECTIONS = { charter: true, current_state: true, root_causes: true, future_state: true, action_plan: true, follow_up: true };
