// @ts-check
// File > Export Kaizen Report… in the real app: the dialog's choices, its progress and its
// result are clicked through as a user would; the PDF the core writes is read back with poppler
// (pdfinfo, pdftotext). Only the native save dialog, which WebDriver cannot reach, is answered
// through `window.kaizenVsmDialogs.answerNextSave`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactPath, documentFromFixture, launchApp, screenshot, tempDir, waitFor } from './harness.mjs';

/** @typedef {import('./harness.mjs').Browser} Browser */

/**
 * Opens the report dialog from the toolbar, sets paper and sections by clicking, answers the save
 * dialog with `target`, exports, and returns the result text. Records whether the progress view
 * was shown (a MutationObserver, since rendering may be quicker than a WebDriver round trip).
 * @param {Browser} browser
 * @param {{ target: string, paper: 'a3' | 'a4', uncheck?: string[], shot?: string }} options
 */
async function exportReport(browser, { target, paper, uncheck = [], shot }) {
  await (await browser.$('[data-testid="toolbar-export-report"]')).click();
  const dialog = await browser.$('[role="dialog"][aria-modal="true"]');
  await dialog.waitForDisplayed({ timeout: 10_000 });
  await (await browser.$(`[data-testid="report-paper-${paper}"]`)).click();
  for (const section of uncheck) await (await browser.$(`[data-testid="report-section-${section}"]`)).click();
  if (shot) await screenshot(browser, artifactPath(shot));
  await browser.execute((file) => {
    const w = /** @type {any} */ (window);
    w.kaizenVsmDialogs.answerNextSave(file);
    w.reportProgressSeen = false;
    new MutationObserver(() => {
      const progress = document.querySelector('[data-testid="report-progress"]');
      if (progress?.textContent?.includes('Rendering the report')) w.reportProgressSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  }, target);
  await (await browser.$('[data-testid="report-export"]')).click();
  const saved = await browser.$('[data-testid="report-saved"]');
  await saved.waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the report was not written within 60 s' });
  const progressSeen = await browser.execute(() => /** @type {any} */ (window).reportProgressSeen);
  return { text: await saved.getText(), progressSeen };
}

/** @param {string} file */
const textOf = (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('the Kaizen report', () => {
  it('is exported from its dialog with the chosen paper and sections', async () => {
    const dir = tempDir('report-');
    const file = path.join(dir, 'Acme Kaizen.vsm');
    documentFromFixture('acme-kaizen.vsm.json', file);
    const full = path.join(dir, 'full.pdf');
    const short = path.join(dir, 'short.pdf');
    const app = await launchApp({ args: [file] });
    try {
      const { browser } = app;
      await (await browser.$('.react-flow__node[data-id="assembly-1"]')).waitForDisplayed({ timeout: 15_000 });

      const first = await exportReport(browser, { target: full, paper: 'a3', shot: 'report-dialog.png' });
      expect(first.progressSeen).toBe(true);
      expect(first.text).toMatch(new RegExp(`^Saved \\d+ pages? to ${full.replaceAll('.', '\\.')} \\(\\d+ KB\\)\\.$`));
      expect(await (await browser.$('[data-testid="report-missing"]')).isExisting()).toBe(false);
      await screenshot(browser, artifactPath('report-saved.png'));
      await (await browser.$('[data-testid="report-close"]')).click();
      await waitFor(async () => !(await (await browser.$('[role="dialog"]')).isExisting()), { message: 'the dialog closes' });

      // The dialog starts afresh: A4, without the action plan.
      const second = await exportReport(browser, { target: short, paper: 'a4', uncheck: ['action_plan'] });
      expect(second.text).toContain(`to ${short}`);
      await (await browser.$('[data-testid="report-close"]')).click();
    } finally {
      await app.quit();
    }

    const info = execFileSync('pdfinfo', [full], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Steering brackets: one week of stock$/m);
    expect(info).toMatch(/^Page size:\s+1190\.\d+ x 841\.\d+ pts \(A3\)$/m);
    const text = textOf(full);
    for (const expected of ['Steering brackets: one week of stock', 'Assembly #1', 'Dana (maintenance)', 'Countermeasures']) {
      expect(text).toContain(expected);
    }
    expect(execFileSync('pdfinfo', [short], { encoding: 'utf8' })).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);
    const shortText = textOf(short);
    expect(shortText).toContain('Assembly #1');
    expect(shortText).not.toContain('Countermeasures');
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
