import { act, cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURES } from "../backend/memoryBackend";
import { openApp } from "../test/ui";

const boxes = () => screen.getByTestId("overview").querySelector(".overview__nodes")?.getAttribute("d")?.match(/M/g)?.length ?? 0;

describe("the overview", () => {
  afterEach(cleanup);

  it("draws every symbol of the map, and follows its changes", async () => {
    const app = await openApp(FIXTURES[1]);
    const map = FIXTURES[1].document.maps[0];
    expect(boxes()).toBe(map.nodes.length);
    await act(() => app.store.apply([{ op: "remove_node", id: "fg" }]));
    expect(boxes()).toBe(map.nodes.length - 1);
  });
});
