// @ts-check
/**
 * The e2e harness: starts the real Kaizen VSM binary in its WebKitGTK webview through tauri-driver
 * (which starts WebKitWebDriver, which starts the app), and gives tests helpers that read like a
 * user: launch the app, wait for something, drag a thing, take a screenshot, read what was saved.
 *
 * Every app runs under its own tauri-driver, started in its own process group (pgid = its pid) on
 * free ports, with its own XDG data, config and cache folders. `quit()` ends the WebDriver session
 * (which closes the app) and then the whole process group. The ports and process groups are
 * handled in processes.mjs (which also kills groups left running when this process exits).
 *
 * Linux only: it reads /proc to check which process listens on which port.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';
import {
  findOnPath,
  freePort,
  groupMembers,
  installExitHandlers,
  isExecutable,
  listeningPorts,
  recordGroup,
  safeRealpath,
  stopGroup,
  tail,
} from './processes.mjs';

export { freePort };

/** @typedef {WebdriverIO.Browser} Browser */

/**
 * @typedef {object} App
 * @property {Browser} browser the WebdriverIO session driving the app's webview
 * @property {string} dataHome the app's `XDG_DATA_HOME`; its documents are in `dataDir(dataHome)`
 * @property {number} pid the app process
 * @property {string} logFile tauri-driver's, WebKitWebDriver's and the app's stdout and stderr
 * @property {() => Promise<void>} quit ends the session (closes the app) and stops tauri-driver and
 *   everything it started; safe to call twice
 */

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

const targetDir = path.resolve(
  repoRoot,
  process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache/kaizen-vsm/target'),
);

/** The app binary: `$KAIZEN_VSM_APP`, or `$CARGO_TARGET_DIR/debug/kaizen-vsm`. */
export const APP = path.resolve(process.env.KAIZEN_VSM_APP || path.join(targetDir, 'debug/kaizen-vsm'));

/** The `vsm` command line: `$KAIZEN_VSM_CLI`, or `vsm` next to the app binary. */
export const CLI = path.resolve(process.env.KAIZEN_VSM_CLI || path.join(path.dirname(APP), 'vsm'));

/** The example document the app copies into an empty data folder and opens on its first start. */
export const FIRST_DOCUMENT = 'Idea to production.vsm';

const TAURI_DRIVER =
  process.env.TAURI_DRIVER || findOnPath('tauri-driver') || path.join(os.homedir(), '.cargo/bin/tauri-driver');
const NATIVE_DRIVER = process.env.WEBKIT_WEBDRIVER || findOnPath('WebKitWebDriver') || '/usr/bin/WebKitWebDriver';

/** How long tauri-driver may take to listen on its ports. */
const DRIVER_START_TIMEOUT = 15_000;

// ---------------------------------------------------------------------------------------------
// Temporary folders and artifacts

/** @type {string | undefined} */
let ownTempRoot;

/**
 * The folder for this run's temporary files: `$KAIZEN_E2E_TMP` (made and removed by
 * `tests/e2e/run`), or one made under the system temp folder when the tests run without it.
 */
export function tempRoot() {
  if (process.env.KAIZEN_E2E_TMP) return process.env.KAIZEN_E2E_TMP;
  ownTempRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'kaizen-vsm-e2e-'));
  return ownTempRoot;
}

/**
 * A new empty folder under {@link tempRoot}.
 * @param {string} [prefix]
 */
export function tempDir(prefix = 'tmp-') {
  return fs.mkdtempSync(path.join(tempRoot(), prefix));
}

/**
 * A document made from one of `tests/fixtures` (`name`: e.g. `acme-stamping.vsm.json`) by the
 * `vsm` command line, as a user's `.vsm` file at `file`. Returns `file`.
 * @param {string} name
 * @param {string} file
 */
export function documentFromFixture(name, file) {
  execFileSync(CLI, ['convert', path.join(repoRoot, 'tests/fixtures', name), file]);
  return file;
}

/**
 * Where a test keeps a file for people to look at (screenshots): `$KAIZEN_E2E_ARTIFACTS/name`, by
 * default in `artifacts/` of {@link tempRoot}. The folder is created.
 * @param {string} name
 */
export function artifactPath(name) {
  const dir = process.env.KAIZEN_E2E_ARTIFACTS || path.join(tempRoot(), 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/**
 * The app's document folder for an `XDG_DATA_HOME`.
 * @param {string} dataHome
 */
export function dataDir(dataHome) {
  return path.join(dataHome, 'kaizen-vsm');
}

// ---------------------------------------------------------------------------------------------
// Waiting

/**
 * Calls `fn` until it returns a truthy value (or a promise of one) and returns that value. Errors
 * thrown by `fn` count as "not yet"; the last one is reported if time runs out.
 * @template T
 * @param {() => T | Promise<T>} fn
 * @param {{ timeout?: number, interval?: number, message?: string }} [options]
 * @returns {Promise<Exclude<T, null | undefined | false | 0 | ''>>}
 */
export async function waitFor(fn, { timeout = 10_000, interval = 100, message } = {}) {
  const deadline = Date.now() + timeout;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    try {
      const value = await fn();
      if (value) return /** @type {any} */ (value);
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`waitFor timed out after ${timeout} ms${message ? `: ${message}` : ''}${reason}`, {
        cause: lastError,
      });
    }
    await sleep(interval);
  }
}

/**
 * Resolves once the webview has rendered a frame after everything done so far: two
 * `requestAnimationFrame` callbacks (the first runs before the pending frame is painted).
 * @param {Browser} browser
 */
export async function nextFrame(browser) {
  await browser.execute(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
  );
}

// ---------------------------------------------------------------------------------------------
// Interacting

/**
 * Saves a PNG screenshot of the window after the next frame is painted (right after a DOM change
 * the webview may still show the previous frame). Creates the folder; returns the path.
 * @param {Browser} browser
 * @param {string} file
 */
export async function screenshot(browser, file) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await nextFrame(browser);
  await browser.saveScreenshot(file);
  return file;
}

/**
 * Drags the element matching `selector` by (dx, dy) CSS pixels with a real mouse: pointer down at
 * its centre, `steps` small moves with short pauses (React Flow's d3-drag needs real intermediate
 * moves), then pointer up. Returns where the drag started and ended, in viewport coordinates.
 * @param {Browser} browser
 * @param {string} selector
 * @param {number} dx
 * @param {number} dy
 * @param {{ steps?: number, stepMs?: number, holdMs?: number }} [options]
 */
export async function dragBy(browser, selector, dx, dy, { steps = 10, stepMs = 20, holdMs = 50 } = {}) {
  const element = await browser.$(selector);
  await element.waitForDisplayed({ timeout: 10_000, timeoutMsg: `dragBy: nothing displayed matches ${selector}` });
  // Start where the element settled: a window that is still laying out (fonts, panels, a fit
  // of the view) can move it between reading its place and pressing the button, and a press
  // beside it drags nothing. Three equal readings 100 ms apart count as settled.
  const centre = () =>
    browser.execute((el) => {
      const box = /** @type {Element} */ (/** @type {unknown} */ (el)).getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, element);
  let rect = await centre();
  for (let same = 0, tries = 0; same < 2 && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await centre();
    same = next.x === rect.x && next.y === rect.y ? same + 1 : 0;
    rect = next;
  }
  const from = { x: Math.round(rect.x), y: Math.round(rect.y) };
  const to = { x: Math.round(rect.x + dx), y: Math.round(rect.y + dy) };
  /** @type {object[]} */
  const actions = [
    { type: 'pointerMove', duration: 0, origin: 'viewport', x: from.x, y: from.y },
    { type: 'pointerDown', button: 0 },
    { type: 'pause', duration: holdMs },
  ];
  for (let i = 1; i <= steps; i++) {
    actions.push({
      type: 'pointerMove',
      duration: stepMs,
      origin: 'viewport',
      x: Math.round(from.x + (dx * i) / steps),
      y: Math.round(from.y + (dy * i) / steps),
    });
    actions.push({ type: 'pause', duration: stepMs });
  }
  actions.push({ type: 'pause', duration: holdMs }, { type: 'pointerUp', button: 0 });
  await browser.performActions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }]);
  await browser.releaseActions();
  return { from, to };
}

/**
 * The centre of the first element matching `selector`, in viewport pixels.
 * @param {Browser} browser
 * @param {string} selector
 */
export async function centreOf(browser, selector) {
  const element = await browser.$(selector);
  // Exists rather than displayed: a connection handle is transparent until hovered.
  await element.waitForExist({ timeout: 10_000, timeoutMsg: `centreOf: nothing matches ${selector}` });
  return browser.execute((el) => {
    const box = /** @type {Element} */ (/** @type {unknown} */ (el)).getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, element);
}

/**
 * Drags the element matching `selector` to the centre of `target` (a selector) or to a viewport
 * point, with a real pointer (see `dragBy`).
 * @param {Browser} browser
 * @param {string} selector
 * @param {string | {x: number, y: number}} target
 * @param {{steps?: number, stepMs?: number, holdMs?: number}} [options]
 */
export async function dragTo(browser, selector, target, options) {
  const from = await centreOf(browser, selector);
  const to = typeof target === 'string' ? await centreOf(browser, target) : target;
  return dragBy(browser, selector, Math.round(to.x - from.x), Math.round(to.y - from.y), options);
}

// ---------------------------------------------------------------------------------------------
// Documents

/**
 * The document at `vsmPath` as its `.vsm.json` value, exported with `vsm convert` (which opens the
 * document as the app does; run it once the app has saved, e.g. after `quit()`).
 * @param {string} vsmPath
 * @returns {Promise<any>}
 */
export async function exportDocument(vsmPath) {
  if (!isExecutable(CLI)) {
    throw new Error(`the vsm command line is not at ${CLI}: build it (cargo build -p vsm-cli) or set KAIZEN_VSM_CLI`);
  }
  const out = path.join(tempDir('export-'), `${path.basename(vsmPath, '.vsm')}.vsm.json`);
  await new Promise((resolve, reject) => {
    execFile(CLI, ['convert', vsmPath, out, '--force'], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`vsm convert ${vsmPath} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

/**
 * Starts tauri-driver (and through it WebKitWebDriver) in a new process group with `env`, and
 * waits until the driver listens on `port` and its own WebKitWebDriver on `nativePort`. Fails if
 * either port is served by someone else (tauri-driver then exits, or forwards to a stranger).
 * @param {number} port
 * @param {number} nativePort
 * @param {NodeJS.ProcessEnv} env
 * @param {string} logFile
 */
async function startDriver(port, nativePort, env, logFile) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    TAURI_DRIVER,
    ['--port', String(port), '--native-port', String(nativePort), '--native-driver', NATIVE_DRIVER],
    { detached: true, stdio: ['ignore', log, log], env },
  );
  fs.closeSync(log);
  const pgid = /** @type {number} */ (child.pid);
  if (!pgid) throw new Error(`could not start ${TAURI_DRIVER}`);
  recordGroup(pgid);
  /** @type {number | null} */
  let exitCode = null;
  let exited = false;
  const exit = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      exitCode = code ?? (signal ? -1 : null);
      resolve(undefined);
    });
  });
  child.once('error', () => {}); // reported through 'exit' and the checks below

  try {
    const deadline = Date.now() + DRIVER_START_TIMEOUT;
    for (;;) {
      if (exited) throw new Error(`tauri-driver exited (code ${exitCode}): is port ${port} taken?`);
      // tauri-driver starts WebKitWebDriver before it listens: look at the port first, then at
      // the processes, so that a listening tauri-driver's WebKitWebDriver is surely in the list.
      const ownsPort = listeningPorts(pgid).has(port);
      const members = groupMembers(pgid);
      const ownsNative = members.some((m) => m.pid !== pgid && listeningPorts(m.pid).has(nativePort));
      if (ownsPort && ownsNative) break;
      if (ownsPort && !members.some((m) => m.comm.startsWith('WebKitWebDrive'))) {
        // tauri-driver would now forward to whoever listens on the native port.
        throw new Error(`WebKitWebDriver exited: is port ${nativePort} taken?`);
      }
      if (Date.now() > deadline) {
        throw new Error(`tauri-driver did not listen on ports ${port} and ${nativePort} within ${DRIVER_START_TIMEOUT} ms`);
      }
      await sleep(50);
    }
  } catch (error) {
    await stopGroup(pgid);
    await exit;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- ${logFile} ---\n${tail(logFile)}`, { cause: error });
  }
  return { pgid, exit };
}

/**
 * Starts the app under a fresh tauri-driver and opens a WebDriver session on it.
 *
 * The app's `XDG_DATA_HOME` is `dataHome` (a new empty folder unless given: pass the `dataHome`
 * of an earlier launch to start again on the same data), its `XDG_CONFIG_HOME` and
 * `XDG_CACHE_HOME` are new empty folders. `args` are the app's command line arguments (e.g. a
 * document path); `env` adds or overrides environment variables.
 *
 * @param {{ dataHome?: string, args?: string[], env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<App>}
 */
export async function launchApp({ dataHome, args = [], env = {} } = {}) {
  if (!isExecutable(APP)) {
    throw new Error(`the app binary is not at ${APP}: build it (cargo build -p kaizen-vsm) or set KAIZEN_VSM_APP`);
  }
  if (!isExecutable(TAURI_DRIVER)) {
    throw new Error(`tauri-driver not found (${TAURI_DRIVER}): cargo install tauri-driver --locked, or set TAURI_DRIVER`);
  }
  installExitHandlers();

  const home = tempDir('app-');
  const data = path.resolve(dataHome ?? path.join(home, 'data'));
  fs.mkdirSync(data, { recursive: true });
  const logFile = path.join(home, 'tauri-driver.log');
  /** @type {NodeJS.ProcessEnv} */
  const appEnv = {
    ...process.env,
    XDG_DATA_HOME: data,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    NO_AT_BRIDGE: '1', // no accessibility bus: nothing to talk to, only warnings
    ...env,
  };

  /** @type {{ pgid: number, exit: Promise<unknown> } | undefined} */
  let driver;
  /** @type {number} */
  let port = 0;
  /** @type {unknown} */
  let lastError;
  for (let attempt = 1; attempt <= 3 && !driver; attempt++) {
    port = await freePort();
    const nativePort = await freePort({ exclude: [port] });
    try {
      driver = await startDriver(port, nativePort, appEnv, logFile);
    } catch (error) {
      lastError = error; // most likely a port taken meanwhile: try others
    }
  }
  if (!driver) throw lastError;
  const { pgid, exit } = driver;

  /** @type {Browser | undefined} */
  let browser;
  let appPid = 0;
  let quitting = false;
  const quit = async () => {
    if (quitting) return;
    quitting = true;
    if (browser) {
      const session = browser;
      await Promise.race([session.deleteSession().catch(() => {}), sleep(15_000)]);
      // The app closes when its session ends: give it a moment to exit and WebKitWebDriver a moment
      // to reap it, so that stopping the drivers leaves no zombie app behind.
      if (appPid) await waitFor(() => !fs.existsSync(`/proc/${appPid}`), { timeout: 5_000 }).catch(() => {});
    }
    await stopGroup(pgid);
    await exit;
  };

  try {
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: /** @type {any} */ (process.env.KAIZEN_E2E_WDIO_LOG_LEVEL || 'error'),
      connectionRetryCount: 0, // a retried "new session" would start a second app
      connectionRetryTimeout: 60_000,
      waitforTimeout: 10_000,
      capabilities: /** @type {any} */ ({
        'tauri:options': { application: APP, args },
        'wdio:enforceWebDriverClassic': true,
      }),
    });
    const appProcess = await waitFor(
      () => groupMembers(pgid).find((m) => safeRealpath(`/proc/${m.pid}/exe`) === safeRealpath(APP)),
      { timeout: 5_000, message: `the app process (${APP}) under tauri-driver ${pgid}` },
    );
    appPid = appProcess.pid;
  } catch (error) {
    await quit();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`launchApp: ${message}\n--- ${logFile} ---\n${tail(logFile)}`, { cause: error });
  }

  return { browser, dataHome: data, pid: appPid, logFile, quit };
}
