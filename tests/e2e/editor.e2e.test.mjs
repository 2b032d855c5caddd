// @ts-check
// The editor as a user drives it: every palette symbol dragged onto the map, two processes
// connected with a push arrow by dragging between handles, copy and paste, undo and redo — and
// all of it in the saved document.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { centreOf, documentFromFixture, dragTo, exportDocument, launchApp, tempDir, waitFor } from './harness.mjs';

/** @typedef {import('./harness.mjs').Browser} Browser */

const KINDS = [
  'process', 'supplier', 'customer', 'operator', 'inventory', 'supermarket', 'fifo', 'buffer', 'truck',
  'production_control', 'production_kanban', 'withdrawal_kanban', 'signal_kanban', 'kanban_post', 'heijunka', 'go_see',
  'sequenced_pull', 'kaizen_burst', 'note',
];

/** The revision the status bar reports as saved. */
async function revision(/** @type {Browser} */ browser) {
  const status = await browser.$('[data-testid="status-saved"]');
  return Number(await status.getAttribute('data-revision'));
}

async function savedAt(/** @type {Browser} */ browser, /** @type {number} */ wanted) {
  await waitFor(async () => (await revision(browser)) === wanted, { message: `revision ${wanted}`, timeout: 15_000 });
}

/** A copy of the Acme example as a fresh document, with the app started on it. */
async function acme() {
  const file = path.join(tempDir('editor-'), 'Acme Stamping.vsm');
  documentFromFixture('acme-stamping.vsm.json', file);
  const app = await launchApp({ args: [file] });
  await (await app.browser.$('.react-flow__node[data-id="stamping"]')).waitForDisplayed({ timeout: 15_000 });
  return { app, file };
}

describe('the editor', () => {
  it('drags every palette symbol onto the map', async () => {
    const { app, file } = await acme();
    try {
      const pane = await centreOf(app.browser, '.react-flow__pane');
      for (const [i, kind] of KINDS.entries()) {
        // Drop them in a grid over the empty lower part of the map.
        const target = { x: Math.round(pane.x - 300 + (i % 8) * 80), y: Math.round(pane.y + 60 + Math.floor(i / 8) * 70) };
        // The palette scrolls: bring the symbol into view first, as a user would.
        await (await app.browser.$(`[data-testid="palette-${kind}"]`)).scrollIntoView({ block: 'center' });
        await dragTo(app.browser, `[data-testid="palette-${kind}"]`, target, { steps: 8 });
        await savedAt(app.browser, i + 1);
      }
      // Every symbol — the Acme map's, among them a customer whose name takes two lines, and one
      // of each kind from the palette — is drawn at the size the canvas computed for it before
      // drawing it (canvas/nodes/sizes.ts), so React Flow's measurement of it changes nothing.
      const misses = await app.browser.execute(() => /** @type {any} */ (window).kaizenVsmCanvas.sizeMisses());
      expect(misses).toEqual([]);
      const customerName = await app.browser.execute(() => /** @type {HTMLElement} */ (document.querySelector('[data-id="state-street"] .vsm-factory__name')).offsetHeight);
      expect(customerName).toBe(28);
    } finally {
      await app.quit();
    }
    const saved = await exportDocument(file);
    const added = saved.maps[0].nodes.slice(-KINDS.length);
    expect(added.map((/** @type {{kind: string}} */ n) => n.kind)).toEqual(KINDS);
    // Each landed where it was dropped: below the value stream, in rows of eight.
    const rows = new Set(added.map((/** @type {{y: number}} */ n) => Math.round(n.y / 10)));
    expect(rows.size).toBe(Math.ceil(KINDS.length / 8));
  });

  it('connects two processes with a push arrow, copies and pastes, undoes and redoes', async () => {
    const { app, file } = await acme();
    try {
      const { browser } = app;
      // Connect: from Stamping's right handle to S. Weld #2's left handle.
      await (await browser.$('.react-flow__node[data-id="stamping"]')).moveTo();
      await dragTo(
        browser,
        '.react-flow__node[data-id="stamping"] .react-flow__handle-right',
        '.react-flow__node[data-id="weld-2"] .react-flow__handle-left',
        { steps: 12 },
      );
      await savedAt(browser, 1);
      await (await browser.$('[data-testid="edge-e-20"]')).waitForExist({ timeout: 10_000 });
      expect(await (await browser.$('[data-testid="edge-e-20"]')).getAttribute('class')).toContain('vsm-edge--push');

      // Copy and paste S. Weld #1: a new process appears, selected.
      await (await browser.$('.react-flow__node[data-id="weld-1"]')).click();
      await browser.keys(['Control', 'c']);
      await browser.keys(['Control', 'v']);
      await savedAt(browser, 2);
      await (await browser.$('.react-flow__node[data-id="process-1"]')).waitForDisplayed({ timeout: 10_000 });
      expect(await (await browser.$('.react-flow__node[data-id="process-1"]')).getAttribute('class')).toContain('selected');

      // Undo the paste, redo it.
      await (await browser.$('[data-testid="toolbar-undo"]')).click();
      await savedAt(browser, 3);
      expect(await (await browser.$('.react-flow__node[data-id="process-1"]')).isExisting()).toBe(false);
      await (await browser.$('[data-testid="toolbar-redo"]')).click();
      await savedAt(browser, 4);
      await (await browser.$('.react-flow__node[data-id="process-1"]')).waitForDisplayed({ timeout: 10_000 });
    } finally {
      await app.quit();
    }
    const saved = await exportDocument(file);
    const map = saved.maps[0];
    expect(map.edges).toContainEqual({ id: 'e-20', from: 'stamping', to: 'weld-2', kind: 'push' });
    const copy = map.nodes.find((/** @type {{id: string}} */ n) => n.id === 'process-1');
    expect(copy).toMatchObject({ kind: 'process', name: 'S. Weld #1', cycle_time_s: 39 });
  });
});
