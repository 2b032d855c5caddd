/**
 * The standard value stream mapping symbols (Rother & Shook, "Learning to See")
 * as SVG React components: one drawing of each symbol, reused by the map canvas
 * nodes, the palette, SVG/PNG export and later the PDF report.
 *
 * Each symbol is drawn in a viewBox equal to its default size, black ink
 * (currentColor) on paper (--vsm-paper), with no bitmaps, emoji or external fonts.
 * Kanban cards and small palette-only icons live in kanban.tsx and icons.tsx.
 */
import { BURST_FILL, BURST_FILL_FALLBACK, BURST_STROKE, NSS, SYMBOL_FONT, SymbolFrame, paperFill } from "./svg";
import type { SymbolProps } from "./svg";
import { SYMBOL_SIZE } from "./sizes";

/** Supplier / customer / outside process: a factory with a three-tooth saw-tooth roof. 110×70. */
export function Factory(props: SymbolProps) {
  // Each tooth rises from the eaves line to a peak and drops back vertically (|/|/|/|).
  const d = "M3 67 V30 L37.33 10 V30 L72.67 10 V30 L107 10 V67 Z";
  return (
    <SymbolFrame w={SYMBOL_SIZE.factory.w} h={SYMBOL_SIZE.factory.h} label="Factory" props={props} strokeWidth={2}>
      <path d={d} {...paperFill} {...NSS} />
    </SymbolFrame>
  );
}

/**
 * Inventory: a triangle with a bold serif "I". The "I" is drawn as a path, centred
 * on the triangle's incentre, so it does not depend on any font being installed.
 */
export function InventoryTriangle(props: SymbolProps) {
  // Equilateral: side 40, height 34.64; incentre at y = 2 + 2/3 · 34.64 ≈ 25.1.
  // The "I" spans y 17.6–32.6 (centred on 25.1), stem 4.2 wide, slab serifs 9 wide.
  const i = "M17.5 17.6 H26.5 V20.2 H24.1 V30 H26.5 V32.6 H17.5 V30 H19.9 V20.2 H17.5 Z";
  return (
    <SymbolFrame w={SYMBOL_SIZE.inventory.w} h={SYMBOL_SIZE.inventory.h} label="Inventory" props={props} strokeWidth={1.75}>
      <path d="M22 2 L42 36.64 H2 Z" {...paperFill} {...NSS} />
      <path d={i} fill="currentColor" stroke="none" />
    </SymbolFrame>
  );
}

/** Irregular, hand-drawn-looking 14-point starburst, computed once at module load. */
const BURST_POINTS = (() => {
  const cx = 60;
  const cy = 35;
  const rx = 57;
  const ry = 33;
  const outer = [1, 0.82, 0.97, 0.86, 1, 0.8, 0.94, 0.9, 0.99, 0.79, 0.95, 0.87, 1, 0.83];
  const inner = [0.7, 0.64, 0.72, 0.66, 0.69, 0.62, 0.71, 0.65, 0.7, 0.63, 0.72, 0.67, 0.68, 0.64];
  const jitter = [0.02, -0.05, 0.04, -0.02, 0.06, -0.04, 0.01, 0.05, -0.03, 0.03, -0.06, 0.02, 0.04, -0.02];
  const n = outer.length;
  const pts: string[] = [];
  for (let k = 0; k < n; k++) {
    const a = -Math.PI / 2 + (k * 2 * Math.PI) / n + jitter[k];
    const b = -Math.PI / 2 + ((k + 0.5) * 2 * Math.PI) / n - jitter[(k + 3) % n] * 0.6;
    const r = (v: number) => Math.round(v * 100) / 100;
    pts.push(`${r(cx + Math.cos(a) * rx * outer[k])},${r(cy + Math.sin(a) * ry * outer[k])}`);
    pts.push(`${r(cx + Math.cos(b) * rx * inner[k])},${r(cy + Math.sin(b) * ry * inner[k])}`);
  }
  return pts.join(" ");
})();

/** Kaizen burst: jagged red starburst, wide so improvement text can sit on it. 120×70. */
export function KaizenBurst(props: SymbolProps) {
  return (
    <SymbolFrame w={120} h={70} label="Kaizen burst" props={props} strokeWidth={2}>
      <polygon
        points={BURST_POINTS}
        stroke={BURST_STROKE}
        fill={BURST_FILL_FALLBACK}
        style={{ fill: BURST_FILL }}
        strokeLinejoin="miter"
        strokeMiterlimit={10}
        {...NSS}
      />
    </SymbolFrame>
  );
}

/** Truck shipment: cargo box, cab facing right, two wheels. 70×40. */
export function Truck(props: SymbolProps) {
  return (
    <SymbolFrame w={SYMBOL_SIZE.truck.w} h={SYMBOL_SIZE.truck.h} label="Truck" props={props} strokeWidth={1.75}>
      <rect x={2} y={3} width={43} height={27} {...paperFill} {...NSS} />
      <path d="M45 11 H57 L66.5 21 V30 H45 Z" {...paperFill} {...NSS} />
      <path d="M49 14 H56 L61.5 20 H49 Z" {...NSS} />
      <circle cx={15} cy={32} r={5} {...paperFill} {...NSS} />
      <circle cx={56} cy={32} r={5} {...paperFill} {...NSS} />
    </SymbolFrame>
  );
}

/** Operator: head over shoulders. 24×24. */
export function Operator(props: SymbolProps) {
  return (
    <SymbolFrame w={SYMBOL_SIZE.operator.w} h={SYMBOL_SIZE.operator.h} label="Operator" props={props} strokeWidth={1.5}>
      <path d="M3 22.5 A9 9 0 0 1 21 22.5 Z" {...paperFill} {...NSS} />
      <circle cx={12} cy={7.5} r={4.75} {...paperFill} {...NSS} />
    </SymbolFrame>
  );
}

/** Supermarket: shelving open on the left, three stacked compartments. 40×44. */
export function Supermarket(props: SymbolProps) {
  return (
    <SymbolFrame w={SYMBOL_SIZE.supermarket.w} h={SYMBOL_SIZE.supermarket.h} label="Supermarket" props={props} strokeWidth={2}>
      <path d="M3 3 H37 V41 H3 M37 15.67 H3 M37 28.33 H3" strokeLinecap="butt" strokeLinejoin="miter" {...NSS} />
    </SymbolFrame>
  );
}

export type FifoLaneProps = SymbolProps & {
  /** Maximum quantity, drawn small under the lane, e.g. "20" or "max 20 pcs". */
  max?: string;
};

/** FIFO lane: two parallel lines with "FIFO" between them and an optional "max …" below. 90×34. */
export function FifoLane({ max, ...props }: FifoLaneProps) {
  const maxText = max && max.trim() !== "" ? (/^max\b/i.test(max.trim()) ? max.trim() : `max ${max.trim()}`) : null;
  return (
    <SymbolFrame w={SYMBOL_SIZE.fifo.w} h={SYMBOL_SIZE.fifo.h} label={maxText ? `FIFO lane, ${maxText}` : "FIFO lane"} props={props} strokeWidth={1.75}>
      <path d="M3 3 H87 M3 23 H87" strokeLinecap="butt" {...NSS} />
      <text
        x={45}
        y={17.2}
        textAnchor="middle"
        fontFamily={SYMBOL_FONT}
        fontSize={12}
        fontWeight="bold"
        letterSpacing={1}
        fill="currentColor"
        stroke="none"
      >
        FIFO
      </text>
      {maxText && (
        <text x={45} y={32.5} textAnchor="middle" fontFamily={SYMBOL_FONT} fontSize={8} fill="currentColor" stroke="none">
          {maxText}
        </text>
      )}
    </SymbolFrame>
  );
}

/** Buffer / safety stock: three boxes stacked in a pyramid on a floor line. 36×40. */
export function BufferStock(props: SymbolProps) {
  const boxes: [number, number][] = [
    [10.5, 5.5],
    [2.5, 21.5],
    [18.5, 21.5],
  ];
  return (
    <SymbolFrame w={SYMBOL_SIZE.buffer.w} h={SYMBOL_SIZE.buffer.h} label="Buffer stock" props={props} strokeWidth={1.5}>
      {boxes.map(([x, y]) => (
        <rect key={`${x},${y}`} x={x} y={y} width={15} height={15} {...paperFill} {...NSS} />
      ))}
      <path d="M1 37.5 H35" strokeWidth={1.75} {...NSS} />
    </SymbolFrame>
  );
}

/** Kanban post: a mailbox-like box on a post with a base. 30×46. */
export function KanbanPost(props: SymbolProps) {
  return (
    <SymbolFrame w={SYMBOL_SIZE.kanban_post.w} h={SYMBOL_SIZE.kanban_post.h} label="Kanban post" props={props} strokeWidth={1.75}>
      <path d="M15 19 V42" {...NSS} />
      <path d="M7 43.5 H23" strokeWidth={2.25} {...NSS} />
      <rect x={3} y={4} width={24} height={15} {...paperFill} {...NSS} />
      <path d="M8 9.5 H22" {...NSS} />
    </SymbolFrame>
  );
}

/** Heijunka (load levelling) box: a rectangle with O X O X drawn as shapes. 64×30. */
export function Heijunka(props: SymbolProps) {
  const cells = [12, 25.33, 38.67, 52];
  return (
    <SymbolFrame w={SYMBOL_SIZE.heijunka.w} h={SYMBOL_SIZE.heijunka.h} label="Heijunka box" props={props} strokeWidth={1.75}>
      <rect x={2} y={2} width={60} height={26} {...paperFill} {...NSS} />
      {cells.map((x, k) =>
        k % 2 === 0 ? (
          <circle key={x} cx={x} cy={15} r={4.6} strokeWidth={2} {...NSS} />
        ) : (
          <path key={x} d={`M${x - 4} 11 L${x + 4} 19 M${x + 4} 11 L${x - 4} 19`} strokeWidth={2.2} {...NSS} />
        ),
      )}
    </SymbolFrame>
  );
}

/** Go-see production scheduling: eyeglasses. 52×24. */
export function GoSee(props: SymbolProps) {
  return (
    <SymbolFrame w={SYMBOL_SIZE.go_see.w} h={SYMBOL_SIZE.go_see.h} label="Go see" props={props} strokeWidth={1.75}>
      <path d="M6.6 12 L2.5 4 M45.4 12 L49.5 4" {...NSS} />
      <path d="M22.3 12.5 Q26 9 29.7 12.5" {...NSS} />
      <circle cx={14.5} cy={14} r={8} {...paperFill} {...NSS} />
      <circle cx={37.5} cy={14} r={8} {...paperFill} {...NSS} />
    </SymbolFrame>
  );
}

/** Sequenced-pull ball: a circle holding a smaller filled ball. 36×36. */
export function SequencedPull(props: SymbolProps) {
  return (
    <SymbolFrame w={SYMBOL_SIZE.sequenced_pull.w} h={SYMBOL_SIZE.sequenced_pull.h} label="Sequenced pull" props={props} strokeWidth={1.75}>
      <circle cx={18} cy={18} r={15.5} {...paperFill} {...NSS} />
      <circle cx={18} cy={18} r={7} fill="currentColor" stroke="none" />
    </SymbolFrame>
  );
}

/** Note: a sheet with a folded top-right corner. 40×44. */
export function Note(props: SymbolProps) {
  return (
    <SymbolFrame w={40} h={44} label="Note" props={props} strokeWidth={1.5}>
      <path d="M3 3 H28 L37 12 V41 H3 Z" {...paperFill} {...NSS} />
      <path d="M28 3 V12 H37" {...NSS} />
    </SymbolFrame>
  );
}

/** Palette icon for the production control box: a rectangle with two short lines. 40×28. */
export function ProductionControlIcon(props: SymbolProps) {
  return (
    <SymbolFrame w={40} h={28} label="Production control" props={props} strokeWidth={1.75}>
      <rect x={2} y={2} width={36} height={24} {...paperFill} {...NSS} />
      <path d="M10 11 H30 M10 17 H30" strokeWidth={1.5} {...NSS} />
    </SymbolFrame>
  );
}

/** Palette icon for a process box: a rectangle with a header band line. 40×34. */
export function ProcessIcon(props: SymbolProps) {
  return (
    <SymbolFrame w={40} h={34} label="Process" props={props} strokeWidth={1.75}>
      <rect x={2} y={2} width={36} height={30} {...paperFill} {...NSS} />
      <path d="M2 11 H38" {...NSS} />
    </SymbolFrame>
  );
}
