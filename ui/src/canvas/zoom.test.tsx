import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURES } from "../backend/memoryBackend";
import { openApp } from "../test/ui";

const canvasHandle = () => (window as unknown as { kaizenVsmCanvas: { setViewport(v: { x: number; y: number; zoom: number }): Promise<boolean> } }).kaizenVsmCanvas;

async function zoomTo(zoom: number) {
  await act(async () => {
    await canvasHandle().setViewport({ x: 0, y: 0, zoom });
  });
}

describe("level of detail", () => {
  afterEach(cleanup);

  it("simplifies symbols below DETAIL_ZOOM and drops their text below MINIATURE_ZOOM, and back", async () => {
    await openApp(FIXTURES[1]);
    await waitFor(() => expect(canvasHandle()).toBeDefined());
    const process = () => screen.getByTestId("process-stamping");
    const canvas = () => screen.getByTestId("canvas");

    await zoomTo(1);
    expect(process().classList.contains("is-simplified")).toBe(false);
    expect(process().querySelector(".vsm-databox")).not.toBeNull();
    expect(canvas().classList.contains("is-miniature")).toBe(false);

    await zoomTo(0.3);
    expect(process().classList.contains("is-simplified")).toBe(true);
    expect(process().querySelector(".vsm-databox")).toBeNull();
    expect(canvas().classList.contains("is-miniature")).toBe(false);

    await zoomTo(0.2);
    expect(process().classList.contains("is-simplified")).toBe(true);
    expect(canvas().classList.contains("is-miniature")).toBe(true);

    await zoomTo(0.8);
    expect(process().classList.contains("is-simplified")).toBe(false);
    expect(process().querySelector(".vsm-databox")).not.toBeNull();
    expect(canvas().classList.contains("is-miniature")).toBe(false);
  });

  it("keeps the rework loop under the row when arrows become plain lines", async () => {
    await openApp(FIXTURES[0]);
    await waitFor(() => expect(canvasHandle()).toBeDefined());
    await zoomTo(1);
    await waitFor(() => expect(screen.getByTestId("edge-r-qa").querySelector(".vsm-edge__line--rework")).not.toBeNull());
    const loop = screen.getByTestId("edge-r-qa").querySelector(".vsm-edge__line--rework")!.getAttribute("d");
    expect(loop).toMatch(/^M [\d.]+ [\d.]+ Q /);
    await zoomTo(0.3);
    const simple = screen.getByTestId("edge-r-qa");
    expect(simple.classList.contains("vsm-edge--simple")).toBe(true);
    expect(simple.getAttribute("d")).toBe(loop);
  });
});
