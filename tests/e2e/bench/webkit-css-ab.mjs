// @ts-check
// Paint-cost A/B inside one run of the real app (WebKitGTK under Xvfb): pans the 250-step map
// with each CSS variant injected in turn, variants interleaved round by round, after a warm-up
// pan (the app's first pan runs cold JavaScript and is always the slowest). One app session
// removes the launch-to-launch noise (±5 ms here) that single runs of `bench/run webkit` carry.
//   tests/e2e/bench/run webkit-css-ab ROUNDS '' '.vsm-handle{display:none}' ...
// '' is the app as built. ZOOM=1 pans at zoom 1 instead of zoom-to-fit. Prints, per variant, the
// median pan frame time (ms) and every pan's.
import { launchOnBenchMap } from './webkit-app.mjs';
import { measurePan } from './pan.mjs';
import { median } from './chromium-page.mjs';

const [roundsArgument, ...variants] = process.argv.slice(2);
const rounds = Number(roundsArgument ?? 5);
if (!Number.isInteger(rounds) || rounds < 1 || variants.length === 0) {
  console.error("usage: bench/run webkit-css-ab ROUNDS CSS [CSS ...]   ('' = the app as built)");
  process.exit(2);
}

/** @type {number[][]} */
const pans = variants.map(() => []);
const { app, browser } = await launchOnBenchMap();
try {
  await browser.execute(() => {
    const style = document.createElement('style');
    style.id = 'bench-variant';
    document.head.append(style);
  });
  const place = () =>
    process.env.ZOOM === '1'
      ? browser.execute(() => /** @type {any} */ (window).kaizenVsmCanvas.setViewport({ x: -400, y: -100, zoom: 1 }))
      : browser.execute(() => /** @type {any} */ (window).kaizenVsmCanvas.fitView());
  await place();
  await browser.pause(400);
  await browser.executeAsync(measurePan, 120);
  for (let round = 0; round < rounds; round++) {
    for (const [index, css] of variants.entries()) {
      await browser.execute((text) => {
        const style = document.getElementById('bench-variant');
        if (style) style.textContent = text;
      }, css);
      await place();
      await browser.pause(400);
      pans[index].push((await browser.executeAsync(measurePan, 120)).meanMs);
    }
  }
} finally {
  await app.quit();
}
const results = variants.map((css, index) => ({
  css: css || '(as built)',
  medianMs: +median(pans[index]).toFixed(1),
  pansMs: pans[index].map((ms) => +ms.toFixed(1)),
}));
console.log(JSON.stringify({ engine: 'WebKitGTK', zoom: process.env.ZOOM === '1' ? 1 : 'fit', rounds, results }, null, 2));
