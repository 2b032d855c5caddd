// @ts-check
// The Kaizen loop as a user runs it: open the example, read the suggestions, preview the largest
// lead-time cut on the map and accept it, see the future-state tab with its burst, the action in the plan, and the
// comparison of current and future — then find all of it in the saved document.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactPath, documentFromFixture, exportDocument, launchApp, screenshot, tempDir, waitFor } from './harness.mjs';

/** @typedef {import('./harness.mjs').Browser} Browser */

/**
 * Whether every symbol of the map drawn in `selector` lies inside its box: the map is fitted to
 * it (not left at zoom 1 with most of it out of sight).
 */
const fitted = (/** @type {Browser} */ browser, /** @type {string} */ selector) =>
  browser.execute((within) => {
    const box = /** @type {Element} */ (document.querySelector(within)).getBoundingClientRect();
    const symbols = [...document.querySelectorAll(`${within} .react-flow__node`)].map((node) => node.getBoundingClientRect());
    return symbols.length > 0 && symbols.every((r) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
  }, selector);

const text = async (/** @type {Browser} */ browser, /** @type {string} */ selector) =>
  String(await (await browser.$(selector)).getProperty('textContent'));

describe('the Kaizen loop', () => {
  it('accepts a suggestion into a future state with a burst and an action, and compares', async () => {
    const file = path.join(tempDir('kaizen-'), 'Idea to production.vsm');
    documentFromFixture('software-delivery.vsm.json', file);
    const app = await launchApp({ args: [file] });
    try {
      const { browser } = app;
      await (await browser.$('.react-flow__node[data-id="backlog"]')).waitForDisplayed({ timeout: 15_000 });

      // The suggestions, largest lead-time cut first: the backlog's WIP limit (10 → 2.5 days).
      await (await browser.$('[data-testid="toolbar-suggestions"]')).click();
      const first = await browser.$('[data-testid="suggestions"] li:first-child');
      await first.waitForDisplayed({ timeout: 15_000 });
      expect(await first.getAttribute('data-testid')).toBe('suggestion-wip_limit');
      expect(await text(browser, '[data-testid="suggestion-wip_limit"]')).toContain('lead time −22.5 %');
      await (await first.$('.suggestion__head')).click();
      const effect = await browser.$('[data-testid="suggestion-effect"]');
      await effect.waitForDisplayed({ timeout: 5_000 });
      expect(await effect.getProperty('textContent')).toContain('Lead time 33.3 d → 25.8 d (−22.5 %)');
      // Opening it highlights the backlog on the map.
      expect(await (await browser.$('.react-flow__node[data-id="backlog"]')).getAttribute('class')).toContain('selected');
      await screenshot(browser, artifactPath('kaizen-suggestions.png'));

      // The preview: the map as the change would leave it, the changed backlog highlighted, the
      // projected figures in place; nothing is saved until it is accepted from there.
      await (await browser.$('[data-testid="suggestion-preview-open"]')).click();
      const previewed = await browser.$('[data-testid="suggestion-preview-map"] .react-flow__node[data-id="backlog"]');
      await previewed.waitForDisplayed({ timeout: 15_000 });
      expect(await previewed.getAttribute('class')).toContain('selected');
      expect(await previewed.getProperty('textContent')).toContain('2.5 d');
      await waitFor(async () => (await browser.$$('[data-testid="suggestion-preview-map"] .react-flow__edge').length) === 15, {
        message: 'the arrows of the previewed map',
      });
      expect(await text(browser, '[data-testid="suggestion-preview"]')).toContain('1 highlighted symbol added or changed');
      expect(await fitted(browser, '[data-testid="suggestion-preview-map"]')).toBe(true);
      expect(await (await browser.$('[data-testid="status-saved"]')).getAttribute('data-revision')).toBe('0');
      await screenshot(browser, artifactPath('kaizen-preview.png'));

      await (await browser.$('[data-testid="preview-accept"]')).click();
      const futureTab = await browser.$('[data-testid="map-tab-future"]');
      await futureTab.waitForExist({ timeout: 15_000 });
      await waitFor(async () => (await futureTab.getAttribute('aria-selected')) === 'true', { message: 'the future state is shown' });
      const burst = await browser.$('.react-flow__node[data-id="burst"]');
      await burst.waitForDisplayed({ timeout: 10_000 });
      expect(await burst.getProperty('textContent')).toContain('Limit work in Backlog');
      await waitFor(async () => Number(await (await browser.$('[data-testid="metric-lead-time"]')).getAttribute('data-value')) < 30 * 86400, {
        message: 'the future state measures the shorter lead time',
      });

      // The plan holds the action, with the projection as its expected effect; give it an owner.
      await (await browser.$('[data-testid="panel-tab-kaizen"]')).click();
      const action = await browser.$('[data-testid="action-action"]');
      await action.waitForDisplayed({ timeout: 10_000 });
      expect(await text(browser, '[data-testid="action-action"] [data-testid="action-expected"]')).toBe('25.8 d');
      const owner = await action.$('input[aria-label="Owner"]');
      await owner.setValue('Dana');
      await browser.keys('Enter');
      await (await action.$('[data-testid="action-status"]')).selectByAttribute('value', 'in_progress');
      await screenshot(browser, artifactPath('kaizen-plan.png'));

      // Current and future side by side, with the change of every figure.
      await (await browser.$('[data-testid="toolbar-compare"]')).click();
      const row = await browser.$('[data-testid="compare-row-lead_time_s"]');
      await row.waitForDisplayed({ timeout: 15_000 });
      const cells = String(await row.getProperty('textContent'));
      expect(cells).toContain('33.3 d');
      expect(cells).toContain('25.8 d');
      expect(cells).toContain('−7.5 d');
      expect(cells).toContain('−22.5 %');
      expect(await text(browser, '[data-testid="compare-changes"]')).toContain('Symbols added: burst');
      await (await browser.$('[data-testid="compare-map-1"] .react-flow__node[data-id="burst"]')).waitForDisplayed({ timeout: 10_000 });
      // Both maps are drawn whole: every arrow of the example (11 material, 3 information, 1 rework).
      for (const side of [0, 1]) {
        await waitFor(async () => (await browser.$$(`[data-testid="compare-map-${side}"] .react-flow__edge`).length) === 15, {
          message: `the arrows of compared map ${side}`,
        });
      }
      await screenshot(browser, artifactPath('kaizen-compare.png'));
      for (const side of [0, 1]) expect(await fitted(browser, `[data-testid="compare-map-${side}"]`)).toBe(true);
      await waitFor(async () => Number(await (await browser.$('[data-testid="status-saved"]')).getAttribute('data-revision')) === 3, {
        message: 'accept, owner and status saved',
      });
    } finally {
      await app.quit();
    }
    const saved = await exportDocument(file);
    expect(saved.maps.map((/** @type {{id: string}} */ m) => m.id)).toEqual(['current', 'future']);
    const backlog = saved.maps[0].nodes.find((/** @type {{id: string}} */ n) => n.id === 'backlog');
    expect(backlog.wait_s).toBe(864000);
    expect(saved.maps[1].nodes.find((/** @type {{id: string}} */ n) => n.id === 'backlog').wait_s).toBe(216000);
    expect(saved.actions).toEqual([
      expect.objectContaining({ id: 'action', title: 'Limit work in Backlog', owner: 'Dana', status: 'in_progress', map: 'future', burst: 'burst', rule: 'wip_limit' }),
    ]);
  });
});
