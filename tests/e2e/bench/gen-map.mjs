// @ts-check
// Large maps for benchmarks, shaped like shared/tools/gen-map: supplier → (inventory → process)
// × STEPS → customer, a forward skip edge from process i to process i + 3 for every fifth
// process, laid out on a grid. 250 steps ≈ 500 nodes and 550 edges.
//   node gen-map.mjs STEPS OUT.vsm.json [--seed N]

import fs from 'node:fs';

/** A small seeded generator (mulberry32), so a seed gives the same map. @param {number} seed */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {number} steps @param {number} seed */
export function generateMap(steps, seed = 42) {
  const next = random(seed);
  const int = (/** @type {number} */ lo, /** @type {number} */ hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (/** @type {number[]} */ list) => list[Math.floor(next() * list.length)];
  /** @type {Array<Record<string, string | number>>} */
  const nodes = [{ id: 'supplier', kind: 'supplier', name: 'Supplier', x: 0, y: 0 }];
  const edges = [];
  const processes = [];
  const cols = 25;
  let previous = 'supplier';
  for (let i = 0; i < steps; i++) {
    const col = (2 * i) % cols;
    const row = Math.floor((2 * i) / cols);
    const inventory = `inv-${i}`;
    const process = `p-${i}`;
    nodes.push({ id: inventory, kind: 'inventory', name: '', x: col * 240, y: 200 + row * 160, quantity: int(10, 5000) });
    nodes.push({
      id: process, kind: 'process', name: `Step ${i + 1}`, x: (col + 1) * 240, y: 200 + row * 160,
      cycle_time_s: int(5, 90), changeover_s: pick([0, 300, 600, 3600]), uptime: pick([0.8, 0.9, 1]), operators: int(1, 3),
    });
    edges.push({ id: `m${edges.length}`, from: previous, to: inventory, kind: 'push' });
    edges.push({ id: `m${edges.length}`, from: inventory, to: process, kind: 'push' });
    processes.push(process);
    previous = process;
  }
  nodes.push({ id: 'customer', kind: 'customer', name: 'Customer', x: cols * 240, y: 0 });
  edges.push({ id: `m${edges.length}`, from: previous, to: 'customer', kind: 'shipment' });
  for (let i = 0; i + 3 < processes.length; i += 5) edges.push({ id: `s${i}`, from: processes[i], to: processes[i + 3], kind: 'push' });
  return {
    format: 'kaizen-vsm',
    version: 1,
    maps: [{
      id: 'big', title: `Generated ${steps}-step stream`, state: 'current', derived_from: null,
      calendar: { shift_s: 28800, breaks_s: 1200, shifts_per_day: 2, day_basis: 'calendar' },
      demand: { quantity: 18400, per: 'month', working_days_per_period: 20, unit: 'pieces' },
      nodes, edges,
    }],
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const [steps, out] = process.argv.slice(2);
  const seedAt = process.argv.indexOf('--seed');
  const seed = seedAt > 0 ? Number(process.argv[seedAt + 1]) : 42;
  fs.writeFileSync(out, JSON.stringify(generateMap(Number(steps), seed), null, 2));
}
