// @ts-check
// In-page pan measurement shared by the WebKitGTK and Chromium benchmarks: the average
// requestAnimationFrame interval over STEPS moves of (−4, −2) px of a mouse drag on the empty pane.
// Runs inside the page (WebDriver's executeAsync and Playwright's evaluate serialise it), so it
// may use no imports.

/**
 * @param {number} steps
 * @param {(result: { meanMs: number, p95Ms: number, frames: number, zoom: number }) => void} [done]
 *   executeAsync's callback; without it the promise is returned (Playwright).
 */
export function measurePan(steps, done) {
  const work = (async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const pane = /** @type {HTMLElement} */ (document.querySelector('.react-flow__pane'));
  const box = pane.getBoundingClientRect();
  // An empty spot of the pane: the first grid point where the pane itself is hit.
  let start = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  search: for (let fy = 0.9; fy > 0.1; fy -= 0.05) {
    for (let fx = 0.9; fx > 0.1; fx -= 0.05) {
      const x = box.left + box.width * fx;
      const y = box.top + box.height * fy;
      if (document.elementFromPoint(x, y) === pane) {
        start = { x, y };
        break search;
      }
    }
  }
  const fire = (/** @type {EventTarget} */ target, /** @type {string} */ type, /** @type {number} */ x, /** @type {number} */ y, /** @type {number} */ buttons) =>
    target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, screenX: x, screenY: y, bubbles: true, cancelable: true, button: 0, buttons, view: window }));
  await frame();
  await frame();
  let { x, y } = start;
  fire(pane, 'mousedown', x, y, 1);
  const stamps = [await frame()];
  for (let i = 0; i < steps; i++) {
    x -= 4;
    y -= 2;
    fire(window, 'mousemove', x, y, 1);
    stamps.push(/** @type {number} */ (await frame()));
  }
  fire(window, 'mouseup', x, y, 0);
  const intervals = stamps.slice(1).map((t, i) => t - /** @type {number} */ (stamps[i]));
  const sorted = [...intervals].sort((a, b) => a - b);
  const viewport = /** @type {any} */ (window).kaizenVsmCanvas?.getViewport?.() ?? { zoom: NaN };
  return {
    meanMs: intervals.reduce((a, b) => a + b, 0) / intervals.length,
    p95Ms: sorted[Math.ceil(0.95 * sorted.length) - 1] ?? NaN,
    frames: intervals.length,
    zoom: viewport.zoom,
  };
  })();
  if (done) work.then(done);
  return work;
}
