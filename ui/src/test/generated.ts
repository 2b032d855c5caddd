/** A large generated map for tests: supplier → (inventory → process) × steps → customer. */
import type { Map } from "../bindings";

export function generated(steps: number): Map {
  const map: Map = { id: "big", nodes: [{ id: "supplier", kind: "supplier", x: 0, y: 0 }], edges: [] };
  let previous = "supplier";
  for (let i = 0; i < steps; i++) {
    const col = (2 * i) % 25;
    const row = Math.floor((2 * i) / 25);
    map.nodes.push({ id: `inv-${i}`, kind: "inventory", x: col * 240, y: 200 + row * 160, quantity: 100 });
    map.nodes.push({ id: `p-${i}`, kind: "process", x: (col + 1) * 240, y: 200 + row * 160, cycle_time_s: 30 });
    map.edges.push({ id: `a${i}`, from: previous, to: `inv-${i}`, kind: "push" }, { id: `b${i}`, from: `inv-${i}`, to: `p-${i}`, kind: "push" });
    previous = `p-${i}`;
  }
  return map;
}
