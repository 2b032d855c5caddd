// @ts-check
// File > Export PNG / SVG writes the whole map as drawn: a PNG of the map's proportions with real
// content, and an SVG holding the symbols' text and the arrow markers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromFixture, launchApp, tempDir } from './harness.mjs';

describe('exporting the map', () => {
  it('writes a PNG and an SVG of the whole map', async () => {
    const dir = tempDir('export-');
    const file = path.join(dir, 'Acme Stamping.vsm');
    documentFromFixture('acme-stamping.vsm.json', file);
    const png = path.join(dir, 'acme.png');
    const svg = path.join(dir, 'acme.svg');
    const app = await launchApp({ args: [file] });
    try {
      const { browser } = app;
      await (await browser.$('.react-flow__node[data-id="stamping"]')).waitForDisplayed({ timeout: 15_000 });
      await browser.setTimeout({ script: 120_000 });
      for (const [format, target] of [['png', png], ['svg', svg]]) {
        const ok = await browser.executeAsync(
          (f, p, done) => /** @type {any} */ (window).kaizenVsmCanvas.exportTo(f, p).then(done),
          format,
          target,
        );
        expect(ok).toBe(true);
      }
    } finally {
      await app.quit();
    }
    const bytes = fs.readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [width, height, colours] = execFileSync('identify', ['-format', '%w %h %k', png], { encoding: 'utf8' }).split(' ').map(Number);
    // The Acme map is wide (≈ 1,700 × 500 canvas px), exported at 2× pixel ratio.
    expect(width).toBeGreaterThan(2000);
    expect(width / height).toBeGreaterThan(2);
    expect(colours).toBeGreaterThan(20);
    const text = fs.readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    for (const expected of ['Stamping', 'Assembly #1', 'State Street Assembly', 'vsm-arrow', '7,000 pcs']) expect(text).toContain(expected);
  });
});
