// @ts-check
// The UI alone in headless Chromium on the in-memory backend (no Rust), with a 250-step generated
// map (≈ 500 nodes, 550 edges) at 1280×800 and software rendering: load to painted, pan frame time
// at zoom 1, and the JS heap. Needs Debian's chromium (`apt-get install chromium`) and a UI build
// (`npm --prefix ui run build`).   tests/e2e/bench/run chromium [RUNS]   (DIST=dir: another UI build)
// With RUNS > 1 each run (a fresh browser) is printed to stderr and the medians to stdout;
// `zoom1AtOneFrame` counts the runs whose pan at zoom 1 kept to one 60 Hz frame; `targets` says
// which of the targets the medians meet.
import { benchFixture, defaultDist, launch, machineMs, median, openTimed, serve } from './chromium-page.mjs';
import { measurePan } from './pan.mjs';
import { CHROMIUM_TARGETS, checkTargets } from './targets.mjs';

const runs = Number(process.argv[2] ?? 1);
const server = await serve(defaultDist());
const fixture = benchFixture();
const map = fixture.document.maps[0];

/** One load in a fresh browser, then the pans and the heap. */
async function measureOnce() {
  const browser = await launch();
  try {
    // The rest of the window (palette, side panel, dock) is drawn after the map: `windowMs`.
    const { page, loadToPaintedMs, windowMs } = await openTimed(browser, server.url, fixture);
    await page.evaluate(() => /** @type {any} */ (window).kaizenVsmCanvas.setViewport({ x: -400, y: -100, zoom: 1 }));
    await page.waitForTimeout(300);
    const zoom1 = await page.evaluate(measurePan, 120);
    await page.evaluate(() => /** @type {any} */ (window).kaizenVsmCanvas.fitView());
    await page.waitForTimeout(300);
    const fit = await page.evaluate(measurePan, 120);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    return { loadToPaintedMs, windowMs, zoom1, fit, jsHeapUsedMB: +(heap.usedSize / 2 ** 20).toFixed(1), machineMs: await machineMs(page) };
  } finally {
    await browser.close();
  }
}

try {
  /** @type {Awaited<ReturnType<typeof measureOnce>>[]} */
  const results = [];
  for (let run = 0; run < runs; run++) {
    results.push(await measureOnce());
    if (runs > 1) console.error(JSON.stringify(results.at(-1)));
  }
  const summary = runs === 1 ? results[0] : {
    loadToPaintedMs: median(results.map((r) => r.loadToPaintedMs)),
    loadToPaintedRangeMs: [Math.min(...results.map((r) => r.loadToPaintedMs)), Math.max(...results.map((r) => r.loadToPaintedMs))],
    windowMs: median(results.map((r) => r.windowMs)),
    zoom1MeanMs: median(results.map((r) => r.zoom1.meanMs)),
    zoom1AtOneFrame: results.filter((r) => r.zoom1.meanMs <= 16.7).length,
    fitMeanMs: median(results.map((r) => r.fit.meanMs)),
    jsHeapUsedMB: median(results.map((r) => r.jsHeapUsedMB)),
    machineMs: median(results.map((r) => r.machineMs)),
  };
  const targets = checkTargets(CHROMIUM_TARGETS, {
    loadToPaintedMs: median(results.map((r) => r.loadToPaintedMs)),
    zoom1MeanMs: median(results.map((r) => r.zoom1.meanMs)),
    jsHeapUsedMB: median(results.map((r) => r.jsHeapUsedMB)),
  });
  console.log(JSON.stringify({ engine: 'Chromium (headless, software)', nodes: map.nodes.length, edges: map.edges.length, runs, ...summary, targets }, null, 2));
} finally {
  server.close();
}
