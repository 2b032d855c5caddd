// @ts-check
// The harness itself: isolation, real pointer drags and screenshots in the real webview. These
// inject their own elements, so they hold whatever UI the app shows.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, dataDir, dragBy, launchApp, screenshot, waitFor } from './harness.mjs';

/** @type {import('./harness.mjs').App} */
let app;

beforeAll(async () => {
  app = await launchApp();
  await waitFor(async () => (await app.browser.execute(() => document.readyState)) === 'complete');
});

afterAll(async () => {
  await app?.quit();
});

describe('the harness', () => {
  it('runs the app with its own data folder', async () => {
    expect(app.dataHome).not.toBe(process.env.XDG_DATA_HOME);
    const environ = fs.readFileSync(`/proc/${app.pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain(`XDG_DATA_HOME=${app.dataHome}`);
    await waitFor(() => fs.existsSync(path.join(dataDir(app.dataHome), 'session.json')));
  });

  it('drags with a real mouse: down, several moves, up', async () => {
    await app.browser.execute(() => {
      const target = document.createElement('div');
      target.id = 'e2e-drag-target';
      target.style.cssText =
        'position:fixed;left:100px;top:100px;width:80px;height:60px;background:#c33;z-index:2147483647';
      document.body.appendChild(target);
      /** @type {{ type: string, x: number, y: number, trusted: boolean, buttons: number }[]} */
      const events = [];
      Object.assign(window, { e2eEvents: events });
      // Everything from the press on the target on, as d3-drag sees it (later events on window).
      let pressed = false;
      const record = (/** @type {Event} */ e) => {
        const m = /** @type {MouseEvent} */ (e);
        if (pressed) events.push({ type: m.type, x: m.clientX, y: m.clientY, trusted: m.isTrusted, buttons: m.buttons });
      };
      target.addEventListener('pointerdown', () => (pressed = true), { capture: true });
      for (const type of ['pointerdown', 'mousedown', 'pointermove', 'mousemove', 'pointerup', 'mouseup']) {
        window.addEventListener(type, record);
      }
    });

    const { from, to } = await dragBy(app.browser, '#e2e-drag-target', 150, 90);
    expect(from).toEqual({ x: 140, y: 130 });
    expect(to).toEqual({ x: 290, y: 220 });

    /** @type {{ type: string, x: number, y: number, trusted: boolean, buttons: number }[]} */
    const events = await app.browser.execute(() => /** @type {any} */ (window).e2eEvents);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('pointerdown');
    expect(types).toContain('mousedown');
    expect(types.slice(-2)).toEqual(['pointerup', 'mouseup']);
    const moves = events.filter((e) => e.type === 'pointermove');
    expect(moves.length).toBeGreaterThanOrEqual(5);
    expect(moves.every((e) => e.buttons === 1)).toBe(true);
    expect(events.every((e) => e.trusted)).toBe(true);
    expect(events[0]).toMatchObject({ x: from.x, y: from.y });
    expect(events.at(-1)).toMatchObject({ x: to.x, y: to.y });
  });

  it('takes screenshots of the current frame', async () => {
    await app.browser.execute(() => {
      document.getElementById('e2e-drag-target')?.remove();
    });
    const file = await screenshot(app.browser, artifactPath('harness-screenshot.png'));
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const [innerWidth, innerHeight] = await app.browser.execute(() => [window.innerWidth, window.innerHeight]);
    expect([width, height]).toEqual([innerWidth, innerHeight]);
  });
});
