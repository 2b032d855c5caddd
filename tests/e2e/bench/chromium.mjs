// @ts-check
// The UI alone in headless Chromium on the in-memory backend (no Rust), with a 250-step generated
// map (≈ 500 nodes, 550 edges) at 1280×800 and software rendering: load to painted, pan frame time
// at zoom 1, and the JS heap. Needs Debian's chromium (`apt-get install chromium`) and a UI build
// (`npm --prefix ui run build`).   tests/e2e/bench/run chromium   (DIST=dir: another UI build)
import { benchFixture, defaultDist, launch, machineMs, openTimed, serve } from './chromium-page.mjs';
import { measurePan } from './pan.mjs';

const server = await serve(defaultDist());
const fixture = benchFixture();
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
  const map = fixture.document.maps[0];
  console.log(JSON.stringify({ engine: 'Chromium (headless, software)', nodes: map.nodes.length, edges: map.edges.length,
    loadToPaintedMs, windowMs, zoom1, fit, jsHeapUsedMB: +(heap.usedSize / 2 ** 20).toFixed(1), machineMs: await machineMs(page) }, null, 2));
} finally {
  await browser.close();
  server.close();
}
