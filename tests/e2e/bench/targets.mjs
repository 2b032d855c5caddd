// @ts-check
// The canvas issue's performance targets (docs/performance.md, "Canvas"), so that each benchmark
// prints beside its figures whether they are met. Printed, not asserted: the figures move with the
// machine (see `machineMs`), and a slow machine is no reason for a benchmark to fail.

/** Headless Chromium: load to painted, pan at zoom 1 (one 60 Hz frame), JS heap. */
export const CHROMIUM_TARGETS = { loadToPaintedMs: 400, zoom1MeanMs: 16.7, jsHeapUsedMB: 30 };

/** The real app in WebKitGTK: pan at zoom-to-fit (the app's first pan) and at zoom 1. */
export const WEBKIT_TARGETS = { fitMeanMs: 33, zoom1MeanMs: 33 };

/**
 * Each target with the figure measured for it and whether it is met (figure ≤ target).
 * @template {Record<string, number>} T
 * @param {T} targets
 * @param {{ [K in keyof T]: number }} figures
 */
export function checkTargets(targets, figures) {
  /** @type {Record<string, { target: number, measured: number, met: boolean }>} */
  const checked = {};
  for (const [name, target] of Object.entries(targets)) {
    const measured = figures[name];
    checked[name] = { target, measured: +measured.toFixed(2), met: measured <= target };
  }
  return checked;
}
