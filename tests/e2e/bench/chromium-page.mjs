// @ts-check
// What the Chromium benchmarks share: a static server for a UI build, the generated 250-step map
// as the in-memory backend's document, headless Chromium with software rendering, and the load
// timing taken inside the page.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../harness.mjs';
import { generateMap } from './gen-map.mjs';

/** The UI build to serve: `$DIST`, or `ui/dist`. */
export const defaultDist = () => process.env.DIST ?? path.join(repoRoot, 'ui/dist');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/**
 * Serves a UI build over HTTP on a free port of 127.0.0.1.
 * @param {string} dist
 */
export async function serve(dist) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no UI build in ${dist}: npm --prefix ui run build`);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.join(dist, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[/** @type {keyof TYPES} */ (path.extname(file))] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** The generated map as the test double's document, with an empty metrics report (the canvas is the subject). */
export function benchFixture() {
  const document = generateMap(250);
  const map = document.maps[0];
  const metrics = {
    format: 'kaizen-vsm-metrics', version: 1,
    maps: [{ id: map.id, takt_s: null, available_s_per_shift: null, daily_demand: null, lead_time_s: null, lead_time_s_reason: 'not computed by the browser double',
      lead_time_first_pass_s: null, lead_time_days: null, processing_time_s: null, va_ratio: null, rolled_pca: null, critical_path: [], bottleneck: [],
      steps: [], warnings: [], pitch_s: null, cell: [], operators_needed: null, operators_needed_rounded: null, takt_utilisation: null,
      balance_efficiency: null, labour_required: null, timeline: [] }],
  };
  return { id: 'generated', title: 'Generated 250 steps', name: 'Generated', document, metrics };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
}

/**
 * Opens `url` in a new 1280×800 page with `fixture` as the document and resolves once the window
 * is drawn, with the times (ms from navigation start) at which the first symbol, the first arrow
 * and the dock (the last part of the window drawn) had been painted.
 *
 * Timed in the page: when the element is in the document, plus two animation frames (the frame
 * that drew it has been painted). The page reports by a console message: waiting with Playwright's
 * selectors or `evaluate` instead injects its scripts into the page while the app loads (~30 ms)
 * and polls from outside (up to 100 ms late).
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {unknown} fixture
 */
export async function openTimed(browser, url, fixture) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript((value) => Object.assign(window, { kaizenVsmFixture: value }), fixture);
  await page.addInitScript(() => {
    /** @type {Record<string, number>} */
    const painted = {};
    /** @type {Record<string, string>} */
    const wanted = { symbols: '.react-flow__node', arrows: '.react-flow__edge', window: '.dock' };
    const observer = new MutationObserver(() => {
      for (const [key, selector] of Object.entries(wanted)) {
        if (!document.querySelector(selector)) continue;
        delete wanted[key];
        // Marks for traces of the load (bench/load-trace.mjs).
        performance.mark(`kaizen-vsm-${key}-in-document`);
        requestAnimationFrame(() => requestAnimationFrame(() => {
          performance.mark(`kaizen-vsm-${key}-painted`);
          painted[key] = performance.now();
          if (Object.keys(painted).length === 3) console.debug(`kaizen-vsm-load ${JSON.stringify(painted)}`);
        }));
      }
      if (Object.keys(wanted).length === 0) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const loaded = page.waitForEvent('console', { predicate: (message) => message.text().startsWith('kaizen-vsm-load '), timeout: 60_000 });
  await page.goto(url);
  const load = /** @type {{ symbols: number, arrows: number, window: number }} */ (JSON.parse((await loaded).text().slice('kaizen-vsm-load '.length)));
  return { page, loadToPaintedMs: Math.round(Math.max(load.symbols, load.arrows)), windowMs: Math.round(load.window) };
}

/**
 * The machine's speed at the time: a fixed JavaScript workload in the page (median of five runs).
 * The VMs these figures come from drift by up to 2× within a day; compare figures taken at
 * similar speeds.
 * @param {import('playwright-core').Page} page
 */
export function machineMs(page) {
  return page.evaluate(() => {
    const times = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      let x = 0;
      for (let i = 0; i < 5e6; i++) x = (x * 31 + i) % 1000003;
      times.push(performance.now() - start + (x < 0 ? 1 : 0));
    }
    return +times.sort((a, b) => a - b)[2].toFixed(1);
  });
}

/**
 * The median of `values` (the mean of the middle two for an even count).
 * @param {number[]} values
 */
export function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
