// @ts-check
// What the WebKitGTK benchmarks share: the real app opened on the generated 250-step map
// (≈ 500 nodes, 550 edges, converted to a document with the `vsm` CLI) in a 1280×800 window.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, launchApp, tempDir } from '../harness.mjs';
import { generateMap } from './gen-map.mjs';

/**
 * Launches the app on the benchmark map and resolves once its first symbol is displayed, with the
 * milliseconds that took from the window being sized (WebDriver polls: coarse, and late while the
 * page's main thread is busy), and `mapDrawnMs`: when the page marked its first frame with the map
 * painted, in ms from its navigation start (`MAP_DRAWN_MARK`, ui/src/canvas/Canvas.tsx). The
 * caller quits `app`.
 */
export async function launchOnBenchMap() {
  const dir = tempDir('bench-');
  const json = path.join(dir, 'big.vsm.json');
  const file = path.join(dir, 'big.vsm');
  fs.writeFileSync(json, JSON.stringify(generateMap(250)));
  execFileSync(CLI, ['convert', json, file]);
  const app = await launchApp({ args: [file] });
  try {
    const { browser } = app;
    await browser.setWindowSize(1280, 800);
    await browser.setTimeout({ script: 600_000 });
    const started = Date.now();
    await (await browser.$('.react-flow__node')).waitForDisplayed({ timeout: 30_000 });
    const firstNodeShownMs = Date.now() - started;
    const drawnAt = () => browser.execute(() => performance.getEntriesByName('kaizen-vsm-map-drawn')[0]?.startTime ?? null);
    await browser.waitUntil(async () => (await drawnAt()) !== null, { timeout: 30_000, timeoutMsg: 'the page did not mark the map drawn' });
    const mapDrawnMs = Math.round(/** @type {number} */ (await drawnAt()));
    return { app, browser, firstNodeShownMs, mapDrawnMs };
  } catch (error) {
    await app.quit();
    throw error;
  }
}
