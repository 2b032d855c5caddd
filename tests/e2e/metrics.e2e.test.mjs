// @ts-check
// The numbers follow what the user types: a new cycle time in a process's data box changes the
// lead time, the timeline ladder and which box carries the bottleneck mark.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromFixture, launchApp, tempDir, waitFor } from './harness.mjs';

/** @typedef {import('./harness.mjs').Browser} Browser */

const text = async (/** @type {Browser} */ browser, /** @type {string} */ selector) =>
  String(await (await browser.$(selector)).getProperty('textContent'));

describe('metrics in the app', () => {
  it('updates lead time, ladder and bottleneck as a cycle time is typed', async () => {
    const file = path.join(tempDir('acme-'), 'Acme Stamping.vsm');
    documentFromFixture('acme-stamping.vsm.json', file);
    const app = await launchApp({ args: [file] });
    try {
      const { browser } = app;
      const box = await browser.$('.react-flow__node[data-id="assembly-1"]');
      await box.waitForDisplayed({ timeout: 15_000 });
      const leadBefore = Number(await (await browser.$('[data-testid="metric-lead-time"]')).getAttribute('data-value'));
      expect(await text(browser, '[data-testid="ladder-assembly-1"]')).toContain('62 s');
      expect(await text(browser, '[data-testid="metric-bottleneck"]')).toContain('Assembly #1');
      expect(await (await browser.$('[data-testid="process-assembly-1"] .vsm-mark--bottleneck')).isExisting()).toBe(true);

      await box.click();
      const cycleTime = await browser.$('[data-testid="inspector-cycle_time_s"]');
      await cycleTime.waitForDisplayed({ timeout: 10_000 });
      expect(await cycleTime.getValue()).toBe('62');
      // The number, its unit and its provenance menu share the row inside the side panel: the
      // menu once took the whole row, squeezing the number to a sliver and running off the window.
      const row = await browser.execute(() => {
        const rect = (/** @type {string} */ selector) => /** @type {Element} */ (document.querySelector(selector)).getBoundingClientRect();
        const panel = rect('.side');
        return { panelRight: panel.right, input: rect('[data-testid="inspector-cycle_time_s"]'), menu: rect('[data-testid="provenance-cycle_time_s"]') };
      });
      expect(row.input.width).toBeGreaterThan(60);
      expect(row.menu.left).toBeGreaterThan(row.input.right);
      expect(row.menu.right).toBeLessThanOrEqual(row.panelRight);
      await cycleTime.clearValue();
      await cycleTime.setValue('40');
      await browser.keys('Enter');

      await waitFor(async () => (await text(browser, '[data-testid="ladder-assembly-1"]')).includes('40 s'), {
        message: 'the ladder shows the new cycle time',
        timeout: 15_000,
      });
      const leadAfter = Number(await (await browser.$('[data-testid="metric-lead-time"]')).getAttribute('data-value'));
      expect(leadBefore - leadAfter).toBeCloseTo(22, 6);
      expect(await text(browser, '[data-testid="ladder-totals"]')).toContain('Processing 166 s');
      expect(await text(browser, '[data-testid="metric-bottleneck"]')).toContain('S. Weld #2');
      expect(await (await browser.$('[data-testid="process-assembly-1"] .vsm-mark--bottleneck')).isExisting()).toBe(false);
      expect(await (await browser.$('[data-testid="process-weld-2"] .vsm-mark--bottleneck')).isExisting()).toBe(true);
    } finally {
      await app.quit();
    }
  });
});
