// @ts-check
// Where the load to painted goes, from a trace of the main thread (DevTools protocol tracing):
//   tests/e2e/bench/run load-trace [RUNS]        (DIST=dir: another UI build; RUNS: 5 by default)
// Prints, per run and as medians, the milestones (ms from navigation start) and the main thread's
// work in each phase, to see which phase a change moved (a slow VM slows every figure; compare
// builds in alternating runs, as with `load-ab`):
//   scriptsMs          evaluating the UI's modules (v8.evaluateModule)
//   firstRenderMs      the task that renders the window with the map (React, React Flow, effects),
//                      less the modules evaluated in it
//   layoutInRenderMs   style and layout forced inside that task (React Flow measuring its pane)
//   paintFrameMs       the frame that paints it: style, layout, React Flow's measurement of the
//                      symbols drawn (resize observers) and paint
//   resizeObserversMs  of which resize observers
import { benchFixture, defaultDist, launch, median, openTimed, serve } from './chromium-page.mjs';

/** @typedef {{ name: string, ph: string, ts: number, dur?: number, pid: number, tid: number }} TraceEvent */

const runs = Number(process.argv[2] ?? 5);
const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel', 'disabled-by-default-devtools.timeline', 'blink', 'loading'];

/**
 * @param {TraceEvent[]} events
 */
function phases(events) {
  const mark = (/** @type {string} */ name) => {
    const found = events.find((e) => e.name === `kaizen-vsm-${name}`);
    if (!found) throw new Error(`no ${name} mark in the trace`);
    return found;
  };
  const inDocument = mark('symbols-in-document');
  const painted = mark('arrows-painted');
  const { pid, tid } = inDocument;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined);
  const navigation = events.filter((e) => e.name === 'navigationStart' && e.pid === pid && e.ts <= inDocument.ts).at(-1);
  if (!navigation) throw new Error('no navigationStart in the trace');
  const at = (/** @type {number} */ ts) => Math.round((ts - navigation.ts) / 1000);
  const ms = (/** @type {number} */ us) => Math.round(us / 100) / 10;
  const within = (/** @type {TraceEvent} */ outer, /** @type {string} */ name) =>
    main.filter((e) => e.name === name && e.ts >= outer.ts && e.ts + (e.dur ?? 0) <= outer.ts + (outer.dur ?? 0)).reduce((sum, e) => sum + (e.dur ?? 0), 0);
  const tasks = main.filter((e) => e.name === 'RunTask');
  const render = tasks.find((e) => e.ts <= inDocument.ts && inDocument.ts <= e.ts + (e.dur ?? 0));
  if (!render) throw new Error('no task around the first render');
  const paint = tasks.find((e) => e.ts > inDocument.ts && within(e, 'Paint') > 0);
  // Modules evaluated before the map is in the document; the UI's often in the render's own task.
  const scripts = main.filter((e) => e.name === 'v8.evaluateModule' && e.ts < inDocument.ts).reduce((sum, e) => sum + (e.dur ?? 0), 0);
  return {
    symbolsInDocumentAt: at(inDocument.ts),
    paintedAt: at(painted.ts),
    firstRenderStartAt: at(render.ts),
    scriptsMs: ms(scripts),
    firstRenderMs: ms((render.dur ?? 0) - within(render, 'v8.evaluateModule')),
    layoutInRenderMs: ms(within(render, 'UpdateLayoutTree') + within(render, 'Layout')),
    paintFrameMs: paint ? ms(paint.dur ?? 0) : NaN,
    resizeObserversMs: paint ? ms(within(paint, 'LocalFrameView::NotifyResizeObservers')) : NaN,
  };
}

const server = await serve(defaultDist());
const fixture = benchFixture();
/** @type {ReturnType<typeof phases>[]} */
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const browser = await launch();
    try {
      await browser.startTracing(undefined, { categories: CATEGORIES });
      await openTimed(browser, server.url, fixture);
      const trace = JSON.parse((await browser.stopTracing()).toString());
      results.push(phases(trace.traceEvents ?? trace));
      if (process.env.VERBOSE) console.error(JSON.stringify(results.at(-1)));
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}
const keys = /** @type {(keyof ReturnType<typeof phases>)[]} */ (Object.keys(results[0]));
console.log(JSON.stringify({ runs, median: Object.fromEntries(keys.map((key) => [key, median(results.map((r) => r[key]))])), each: results }, null, 2));
