// @ts-check
// The UI alone in headless Chromium on the in-memory backend (no Rust), with a 250-step generated
// map (≈ 500 nodes, 550 edges) at 1280×800 and software rendering: load to painted, pan frame time
// at zoom 1, and the JS heap. Needs Debian's chromium (`apt-get install chromium`) and a UI build
// (`npm --prefix ui run build`).   tests/e2e/bench/run chromium   (DIST=dir: another UI build)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../harness.mjs';
import { generateMap } from './gen-map.mjs';
import { measurePan } from './pan.mjs';

const dist = process.env.DIST ?? path.join(repoRoot, 'ui/dist');
if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('build the UI first: npm --prefix ui run build');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const file = path.join(dist, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
  if (!file.startsWith(dist) || !fs.existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const document = generateMap(250);
const map = document.maps[0];
// The test double serves metrics it is given; an empty report keeps the canvas the subject.
const metrics = {
  format: 'kaizen-vsm-metrics', version: 1,
  maps: [{ id: map.id, takt_s: null, available_s_per_shift: null, daily_demand: null, lead_time_s: null, lead_time_s_reason: 'not computed by the browser double',
    lead_time_first_pass_s: null, lead_time_days: null, processing_time_s: null, va_ratio: null, rolled_pca: null, critical_path: [], bottleneck: [],
    steps: [], warnings: [], pitch_s: null, cell: [], operators_needed: null, operators_needed_rounded: null, takt_utilisation: null,
    balance_efficiency: null, labour_required: null, timeline: [] }],
};
const fixture = { id: 'generated', title: 'Generated 250 steps', name: 'Generated', document, metrics };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript((value) => Object.assign(window, { kaizenVsmFixture: value }), fixture);
  // Timed in the page, from navigation start: when the first symbol (`.react-flow__node`) and the
  // first arrow (`.react-flow__edge`) are in the document, plus two animation frames (the frame
  // that drew them has been painted): `loadToPaintedMs`. The rest of the window (palette, side
  // panel, dock) is drawn after the map: `windowMs` is the same for the dock, drawn last.
  // The page reports by a console message: waiting with Playwright's selectors or `evaluate`
  // instead injects its scripts into the page while the app loads (~30 ms) and polls from outside
  // (up to 100 ms late).
  await page.addInitScript(() => {
    /** @type {Record<string, number>} */
    const painted = {};
    /** @type {Record<string, string>} */
    const wanted = { symbols: '.react-flow__node', arrows: '.react-flow__edge', window: '.dock' };
    const observer = new MutationObserver(() => {
      for (const [key, selector] of Object.entries(wanted)) {
        if (!document.querySelector(selector)) continue;
        delete wanted[key];
        requestAnimationFrame(() => requestAnimationFrame(() => {
          painted[key] = performance.now();
          if (Object.keys(painted).length === 3) console.debug(`kaizen-vsm-load ${JSON.stringify(painted)}`);
        }));
      }
      if (Object.keys(wanted).length === 0) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const loaded = page.waitForEvent('console', { predicate: (message) => message.text().startsWith('kaizen-vsm-load '), timeout: 60_000 });
  await page.goto(`http://127.0.0.1:${port}/`);
  const load = /** @type {{ symbols: number, arrows: number, window: number }} */ (JSON.parse((await loaded).text().slice('kaizen-vsm-load '.length)));
  await page.evaluate(() => /** @type {any} */ (window).kaizenVsmCanvas.setViewport({ x: -400, y: -100, zoom: 1 }));
  await page.waitForTimeout(300);
  const zoom1 = await page.evaluate(measurePan, 120);
  await page.evaluate(() => /** @type {any} */ (window).kaizenVsmCanvas.fitView());
  await page.waitForTimeout(300);
  const fit = await page.evaluate(measurePan, 120);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  // The machine's speed at the time: a fixed JavaScript workload (median of five). The VMs these
  // figures come from drift by up to 2× over a day; compare figures taken at similar speeds.
  const machineMs = await page.evaluate(() => {
    const times = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      let x = 0;
      for (let i = 0; i < 5e6; i++) x = (x * 31 + i) % 1000003;
      times.push(performance.now() - start + (x < 0 ? 1 : 0));
    }
    return times.sort((a, b) => a - b)[2];
  });
  console.log(JSON.stringify({ engine: 'Chromium (headless, software)', nodes: map.nodes.length, edges: map.edges.length,
    loadToPaintedMs: Math.round(Math.max(load.symbols, load.arrows)), windowMs: Math.round(load.window), zoom1, fit, jsHeapUsedMB: +(heap.usedSize / 2 ** 20).toFixed(1),
    machineMs: +machineMs.toFixed(1) }, null, 2));
} finally {
  await browser.close();
  server.close();
}
