import { describe, expect, it } from "vitest";
import { formatDays, formatDuration, formatPercent, formatQuantity } from "./units";

describe("units", () => {
  it("picks the unit a person would say", () => {
    expect(formatDuration(39)).toBe("39 s");
    expect(formatDuration(188)).toBe("188 s");
    expect(formatDuration(600)).toBe("10 min");
    expect(formatDuration(4 * 3600)).toBe("4 h");
    expect(formatDuration(2.5 * 86400)).toBe("2.5 d");
    expect(formatDuration(Number.NaN)).toBe("—");
  });

  it("shows the chosen unit without changing the value", () => {
    expect(formatDuration(5400, "h")).toBe("1.5 h");
    expect(formatDuration(5400, "min")).toBe("90 min");
    expect(formatDuration(5400, "s")).toBe("5,400 s");
    expect(formatDuration(129600, "d")).toBe("1.5 d");
  });

  it("formats days, percentages and quantities", () => {
    expect(formatDays(23.621)).toBe("23.6 d");
    expect(formatPercent(0.85)).toBe("85 %");
    expect(formatPercent(0.0000921)).toBe("0.009 %");
    expect(formatPercent(0.0359)).toBe("3.6 %");
    expect(formatQuantity(18400)).toBe("18,400");
  });
});
