// @ts-check
// The app starts on a fresh data folder, and leaves a damaged document alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, dataDir, documentFromFixture, exportDocument, FIRST_DOCUMENT, launchApp, repoRoot, tempDir, waitFor } from './harness.mjs';

/** @param {import('./harness.mjs').Browser} browser */
const readyState = (browser) => browser.execute(() => document.readyState);

describe('the app', () => {
  it('starts on an empty data folder, copies the example there and opens it', async () => {
    const app = await launchApp();
    try {
      expect(app.browser.sessionId).toBeTruthy();
      await waitFor(async () => (await readyState(app.browser)) === 'complete', { message: 'the page loads' });
      expect(await app.browser.execute(() => document.body !== null && document.title !== undefined)).toBe(true);

      const documents = dataDir(app.dataHome);
      const first = path.join(documents, FIRST_DOCUMENT);
      await waitFor(() => fs.existsSync(first) && fs.existsSync(path.join(documents, 'session.json')), {
        message: `${FIRST_DOCUMENT} and session.json in ${documents}`,
      });
      const session = JSON.parse(fs.readFileSync(path.join(documents, 'session.json'), 'utf8'));
      expect(session.last_document).toBe(first);
    } finally {
      await app.quit();
    }

    // The copy is the bundled example, unchanged by starting and closing the app.
    const saved = await exportDocument(path.join(dataDir(app.dataHome), FIRST_DOCUMENT));
    const example = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests/fixtures/software-delivery.vsm.json'), 'utf8'));
    expect(saved).toEqual(example);
  });

  it('starts again on the same data folder with the document it had open', async () => {
    const first = await launchApp();
    const documents = dataDir(first.dataHome);
    try {
      await waitFor(() => fs.existsSync(path.join(documents, 'session.json')), { message: 'session.json' });
    } finally {
      await first.quit();
    }
    const before = JSON.parse(fs.readFileSync(path.join(documents, 'session.json'), 'utf8'));

    const again = await launchApp({ dataHome: first.dataHome });
    try {
      await waitFor(async () => (await readyState(again.browser)) === 'complete', { message: 'the page loads' });
    } finally {
      await again.quit();
    }
    const after = JSON.parse(fs.readFileSync(path.join(documents, 'session.json'), 'utf8'));
    expect(after.last_document).toBe(before.last_document);
    // The example is copied on the very first start only.
    expect(fs.readdirSync(documents).filter((name) => name.endsWith('.vsm'))).toEqual([FIRST_DOCUMENT]);
  });

  it('reports a damaged document given on the command line and leaves it byte-for-byte unchanged', async () => {
    const dir = tempDir('corrupt-');
    const file = path.join(dir, 'corrupt.vsm');
    // A real document (made by the CLI from the example) whose second page is overwritten.
    documentFromFixture('software-delivery.vsm.json', file);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize + 8, 2 * pageSize);
    fs.writeFileSync(file, bytes);

    const app = await launchApp({ args: [file] });
    try {
      await waitFor(async () => (await readyState(app.browser)) === 'complete', { message: 'the page loads' });
      // The window says why, naming the file, and opens something else (the example) instead.
      const banner = await app.browser.$('[data-testid="problem-banner"]');
      await banner.waitForDisplayed({ timeout: 15_000 });
      expect(await banner.getAttribute('data-code')).toBe('corrupt');
      const text = await banner.getText();
      expect(text).toContain('The document is damaged');
      expect(text).toContain('corrupt.vsm');
      expect(text).toContain('was not changed');
      await (await app.browser.$('.react-flow__node[data-id="development"]')).waitForDisplayed({ timeout: 15_000 });
    } finally {
      await app.quit();
    }

    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    // Nothing was written next to it either (no -wal, -shm or backup files).
    expect(fs.readdirSync(dir)).toEqual(['corrupt.vsm']);
  });
});
