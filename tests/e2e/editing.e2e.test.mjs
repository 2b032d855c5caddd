// @ts-check
// What a user does with the real app: see the example map as a VSM, drag a process box, quit,
// start again and find it where it was dropped (and in the .vsm file), undo with the keyboard.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_DOCUMENT, artifactPath, dataDir, dragBy, exportDocument, launchApp, screenshot, waitFor } from './harness.mjs';

/** @typedef {import('./harness.mjs').Browser} Browser */

const node = (/** @type {string} */ id) => `.react-flow__node[data-id="${id}"]`;

/** The node's position on the map, read from React Flow's transform (canvas coordinates). */
async function positionOf(/** @type {Browser} */ browser, /** @type {string} */ id) {
  const transform = await browser.execute(
    (selector) => /** @type {HTMLElement | null} */ (document.querySelector(selector))?.style.transform ?? '',
    node(id),
  );
  const match = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`no position for ${id} in "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** The canvas zoom, from the viewport transform. */
async function zoomOf(/** @type {Browser} */ browser) {
  const transform = await browser.execute(
    () => /** @type {HTMLElement | null} */ (document.querySelector('.react-flow__viewport'))?.style.transform ?? '',
  );
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 'NaN');
}

/** Waits until the status bar reports `revision` saved. */
async function savedAt(/** @type {Browser} */ browser, /** @type {number} */ revision) {
  await waitFor(
    async () => {
      const status = await browser.$('[data-testid="status-saved"]');
      return (await status.getAttribute('data-revision')) === String(revision) && (await status.getText()).startsWith('Saved');
    },
    { message: `revision ${revision} saved`, timeout: 15_000 },
  );
}

/**
 * Waits until the map is shown and its view has settled: the view is fitted once the symbols are
 * measured, which on a busy machine comes well after they appear, and a zoom read before that
 * fit would not be the zoom the drag happens at. Settled = the same viewport transform three
 * times, 150 ms apart.
 */
async function mapIsShown(/** @type {Browser} */ browser) {
  await (await browser.$(node('development'))).waitForDisplayed({ timeout: 15_000 });
  const transform = () =>
    browser.execute(() => /** @type {HTMLElement | null} */ (document.querySelector('.react-flow__viewport'))?.style.transform ?? '');
  let last = await transform();
  for (let same = 0, tries = 0; same < 2 && tries < 60; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const next = await transform();
    same = next === last ? same + 1 : 0;
    last = next;
  }
}

describe('editing the example map', () => {
  it('shows the bundled example as a value stream map with its metrics', async () => {
    const app = await launchApp();
    try {
      await mapIsShown(app.browser);
      const title = await app.browser.getTitle();
      expect(title).toBe('Idea to production — Kaizen VSM');
      // index.html's "Opening…" placeholder is gone once the UI has rendered.
      expect(await (await app.browser.$('.splash')).isExisting()).toBe(false);
      for (const id of ['backlog', 'analysis', 'development', 'review', 'ci', 'qa', 'approval', 'deploy', 'customers']) {
        expect(await (await app.browser.$(node(id))).isDisplayed()).toBe(true);
      }
      expect(await (await app.browser.$('[data-testid="process-development"]')).getText()).toContain('Development');
      expect(await (await app.browser.$('[data-testid="metric-lead-time"]')).getText()).toBe('Lead time 33.3 d');
      expect(await (await app.browser.$('[data-testid="metric-bottleneck"]')).getText()).toContain('Development');
      const statusPath = await (await app.browser.$('[data-testid="status-path"]')).getProperty('textContent');
      expect(statusPath).toBe(path.join(dataDir(app.dataHome), FIRST_DOCUMENT));
      // Every symbol, with two-line names and a note over three lines, is drawn at the size the
      // canvas computed for it (canvas/nodes/sizes.ts): React Flow's measurement changes nothing.
      expect(await app.browser.execute(() => /** @type {any} */ (window).kaizenVsmCanvas.sizeMisses())).toEqual([]);
      await screenshot(app.browser, artifactPath('example-map.png'));
    } finally {
      await app.quit();
    }
  });

  it('keeps a dragged process box where it was dropped, across a restart, and undo puts it back', async () => {
    const first = await launchApp();
    const file = path.join(dataDir(first.dataHome), FIRST_DOCUMENT);
    let start, dropped, zoom;
    try {
      await mapIsShown(first.browser);
      start = await positionOf(first.browser, 'review');
      zoom = await zoomOf(first.browser);
      await dragBy(first.browser, node('review'), 0, 120, { steps: 40 });
      await savedAt(first.browser, 1);
      dropped = await positionOf(first.browser, 'review');
      // The box moved by the drag distance in canvas units (screen pixels ÷ zoom), less the first
      // 3 px step, which React Flow spends crossing its drag threshold before the node follows,
      // and came to rest on the nearest point of the 10 px snap grid (canvas/Canvas.tsx).
      expect(dropped.x).toBeCloseTo(start.x, 0);
      expect(dropped.y % 10).toBe(0);
      const expected = start.y + 120 / zoom;
      expect(dropped.y).toBeLessThanOrEqual(expected + 5);
      expect(dropped.y).toBeGreaterThanOrEqual(expected - 3 / zoom - 5);
    } finally {
      await first.quit();
    }

    // The .vsm file holds the new position.
    const saved = await exportDocument(file);
    const review = saved.maps[0].nodes.find((/** @type {{id: string}} */ n) => n.id === 'review');
    expect({ x: review.x, y: review.y }).toEqual(dropped);

    // Start again: the document reopens with the box where it was dropped.
    const second = await launchApp({ dataHome: first.dataHome });
    try {
      await mapIsShown(second.browser);
      expect(await positionOf(second.browser, 'review')).toEqual(dropped);

      // A second drag, then one Ctrl+Z: exactly one step back (to the first drop), from history
      // stored in the document.
      await dragBy(second.browser, node('review'), 0, -60, { steps: 20 });
      await savedAt(second.browser, 2);
      await (await second.browser.$('.react-flow__pane')).click({ x: 5, y: 5 });
      await second.browser.keys(['Control', 'z']);
      await savedAt(second.browser, 3);
      expect(await positionOf(second.browser, 'review')).toEqual(dropped);

      // The toolbar's Undo goes back to where the box started.
      await (await second.browser.$('[data-testid="toolbar-undo"]')).click();
      await savedAt(second.browser, 4);
      expect(await positionOf(second.browser, 'review')).toEqual(start);
    } finally {
      await second.quit();
    }
    const undone = await exportDocument(file);
    const back = undone.maps[0].nodes.find((/** @type {{id: string}} */ n) => n.id === 'review');
    expect({ x: back.x, y: back.y }).toEqual(start);
  });
});
