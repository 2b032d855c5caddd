import { describe, expect, it } from "vitest";
import { formatDays, formatDuration, formatNumber, formatPercent, formatQuantity } from "./units";

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

  it("writes numbers as Intl.NumberFormat does, without it", () => {
    const values = [0, -0, 1.005, 8.345, 1.45, 0.145, 2.5, -2.5, 0.5, 9.95, 99.95, 999.95, -999.95, 0.0005, -0.001, 0.00049, 1e-7, 1234567.891, 18400, 5400, 123456789012, 1e21, 2 ** 53, 0.1 + 0.2];
    // A seeded spread over magnitudes, with ties and nines made likely.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 4000; i++) {
      const magnitude = 10 ** Math.floor(random() * 14 - 6);
      const value = Math.round(random() * 20000) / 2000;
      values.push((random() < 0.2 ? -1 : 1) * value * magnitude, Number((value * magnitude).toPrecision(1 + Math.floor(random() * 4))));
    }
    const wrong: [number, number, string, string][] = [];
    for (const digits of [0, 1, 2, 3]) {
      const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0, signDisplay: "negative" });
      for (const value of values) {
        const ours = formatNumber(value, digits);
        if (ours !== intl.format(value)) wrong.push([value, digits, ours, intl.format(value)]);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("writes what rounds to zero without a sign, as the Kaizen report does", () => {
    expect(formatNumber(-0.04, 1)).toBe("0");
    expect(formatNumber(-0, 2)).toBe("0");
    expect(formatNumber(-1e-7, 1)).toBe("0");
    expect(formatNumber(-0.05, 1)).toBe("-0.1");
    expect(formatPercent(-0.00000001)).toBe("0 %");
  });
});
