// @ts-check
// Pan benchmark in the real app (WebKitGTK under Xvfb, software rendering): a 250-step generated
// map (≈ 500 nodes, 550 edges) at 1280×800, at zoom-to-fit (the app's first pan), at zoom 1, and at
// zoom-to-fit again (`fitAgain`: the same pan with the JavaScript warm); also when the window first
// showed the map (`mapDrawnMs`, in-page, from navigation start; `firstNodeShownMs` is WebDriver's view),
// and which of the targets the pans meet (`targets`, from targets.mjs).
//   tests/e2e/bench/run webkit
import { launchOnBenchMap } from './webkit-app.mjs';
import { measurePan } from './pan.mjs';
import { WEBKIT_TARGETS, checkTargets } from './targets.mjs';

const { app, browser, firstNodeShownMs, mapDrawnMs } = await launchOnBenchMap();
try {
  const run = async () => browser.executeAsync(measurePan, 120);
  const results = {};
  await browser.execute(() => /** @type {any} */ (window).kaizenVsmCanvas.fitView());
  await browser.pause(500);
  results.fit = await run();
  await browser.execute(() => /** @type {any} */ (window).kaizenVsmCanvas.setViewport({ x: -400, y: -100, zoom: 1 }));
  await browser.pause(500);
  results.zoom1 = await run();
  // The fit pan above is the app's first (cold JavaScript); this one shows the same pan warm.
  await browser.execute(() => /** @type {any} */ (window).kaizenVsmCanvas.fitView());
  await browser.pause(500);
  results.fitAgain = await run();
  const targets = checkTargets(WEBKIT_TARGETS, { fitMeanMs: results.fit.meanMs, zoom1MeanMs: results.zoom1.meanMs });
  console.log(JSON.stringify({ engine: 'WebKitGTK', nodes: 502, edges: 551, mapDrawnMs, firstNodeShownMs, ...results, targets }, null, 2));
} finally {
  await app.quit();
}
