import { describe, expect, it } from "vitest";
import { displayValue, fieldInfo, parseInput } from "./fields";

describe("inspector fields", () => {
  it("shows fractions as percent and stores them as fractions", () => {
    const uptime = fieldInfo("uptime");
    expect(displayValue(uptime, 0.85)).toBe("85");
    expect(parseInput(uptime, "80")).toEqual({ value: 0.8 });
  });

  it("clears a field when the input is emptied", () => {
    expect(parseInput(fieldInfo("cycle_time_s"), " ")).toEqual({ value: null });
  });

  it("refuses text in a number field without sending it", () => {
    expect(parseInput(fieldInfo("cycle_time_s"), "fast")).toEqual({ error: "“fast” is not a number" });
    expect(parseInput(fieldInfo("cycle_time_s"), "39,5")).toEqual({ value: 39.5 });
  });

  it("shows and reads durations in the chosen unit, storing seconds", () => {
    const cycle = fieldInfo("lead_time_s");
    expect(displayValue(cycle, 5400, "h")).toBe("1.5");
    expect(parseInput(cycle, "2", "d")).toEqual({ value: 172800 });
    expect(displayValue(cycle, 5400)).toBe("5400");
  });

  it("keeps text fields as text", () => {
    expect(parseInput(fieldInfo("frequency"), " Daily ")).toEqual({ value: "Daily" });
  });
});
