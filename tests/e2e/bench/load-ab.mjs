// @ts-check
// Load to painted of two UI builds compared in pairs, for changes too small to see in single runs:
//   tests/e2e/bench/run load-ab DIST_A DIST_B [PAIRS]      (PAIRS: 20 by default)
// Each pair loads both builds in a fresh headless Chromium, one after the other, and waits for an
// idle CPU (92 % over 0.7 s) before each load: with a laxer wait (90 % over 0.5 s) the same two
// builds compared anywhere from −10 to +8 ms instead of −30 to −55 ms. The order alternates from
// pair to pair: whichever build loads first in a pair often measured 15–50 ms slower here, which
// alternating cancels out (and is printed). VERBOSE=1 prints every pair.
import fs from 'node:fs';
import path from 'node:path';
import { benchFixture, launch, median, openTimed, serve } from './chromium-page.mjs';

const [a, b] = process.argv.slice(2, 4).map((dist) => path.resolve(process.env.BENCH_CWD ?? '.', dist));
const pairs = Number(process.argv[4] ?? 20);
if (!a || !b) throw new Error('usage: load-ab.mjs DIST_A DIST_B [PAIRS]');

/** Share of the CPU idle over `ms`, from /proc/stat. @param {number} ms */
async function idleShare(ms) {
  const sample = () => fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const delta = sample().map((value, i) => value - before[i]);
  return (delta[3] + delta[4]) / delta.reduce((sum, value) => sum + value, 0);
}

async function untilIdle() {
  for (let tries = 0; tries < 120 && (await idleShare(700)) < 0.92; tries++);
}

const servers = [await serve(a), await serve(b)];
const fixture = benchFixture();
/** @type {{ a: number, b: number, bFirst: boolean }[]} */
const results = [];
try {
  for (let pair = 0; pair < pairs; pair++) {
    const bFirst = pair % 2 === 1;
    /** @type {number[]} */
    const times = [];
    for (const which of bFirst ? [1, 0] : [0, 1]) {
      await untilIdle();
      const browser = await launch();
      try {
        times[which] = (await openTimed(browser, servers[which].url, fixture)).loadToPaintedMs;
      } finally {
        await browser.close();
      }
    }
    results.push({ a: times[0], b: times[1], bFirst });
    if (process.env.VERBOSE) console.error(JSON.stringify(results[results.length - 1]));
  }
} finally {
  for (const server of servers) server.close();
}

const diff = (/** @type {boolean} */ bFirst) => median(results.filter((r) => r.bFirst === bFirst).map((r) => r.b - r.a));
const whenBSecond = diff(false);
const whenBFirst = diff(true);
console.log(JSON.stringify({
  a, b, pairs,
  medianA: median(results.map((r) => r.a)),
  medianB: median(results.map((r) => r.b)),
  // B − A with the order effect cancelled, and the order effect itself (cost of loading first).
  bMinusAMs: (whenBSecond + whenBFirst) / 2,
  firstInPairMs: (whenBFirst - whenBSecond) / 2,
}, null, 2));
