/**
 * Small arrow icons (48×20) for the palette's edge kinds: push, pull, FIFO,
 * shipment, manual and electronic information, kanban and rework. They draw
 * with the same geometry (geometry.ts) as the real edges on the canvas and in
 * export, so the palette shows exactly what the map will draw.
 *
 * Icons are self-contained (no reliance on the page-wide <SymbolDefs>), so they
 * also render correctly on their own, e.g. in a drag preview.
 */
import { useId } from "react";
import { hollowArrow, pushArrowBody, zigzagPath } from "./geometry";
import { NSS, PAPER, PAPER_FALLBACK, SYMBOL_FONT, SymbolFrame, paperFill } from "./svg";
import type { SymbolProps } from "./svg";

const W = 48;
const H = 20;
const MID = H / 2;

/** A filled arrowhead whose tip is at (x, y), pointing along angle `deg` (0 = right). */
function Head({ x, y, deg = 0, length = 7, half = 3.5 }: { x: number; y: number; deg?: number; length?: number; half?: number }) {
  return (
    <path
      d={`M0 0 L${-length} ${-half} L${-length} ${half} Z`}
      transform={`translate(${x} ${y}) rotate(${deg})`}
      fill="currentColor"
      strokeWidth={1}
      strokeLinejoin="miter"
      {...NSS}
    />
  );
}

/** useId() output made safe for use in an SVG id and url(#…) reference. */
function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

/** Push arrow: thick arrow filled with diagonal black/white stripes. */
export function PushArrowIcon(props: SymbolProps) {
  const id = useSvgId("vsm-push-icon");
  return (
    <SymbolFrame w={W} h={H} label="Push arrow" props={props} strokeWidth={1.25}>
      <defs>
        <pattern id={id} patternUnits="userSpaceOnUse" width={5} height={5} patternTransform="rotate(45)">
          <rect width={5} height={5} fill={PAPER_FALLBACK} style={{ fill: PAPER }} stroke="none" />
          <rect width={2.5} height={5} fill="currentColor" stroke="none" />
        </pattern>
      </defs>
      <path d={pushArrowBody({ x: 3, y: MID }, { x: 45.5, y: MID }, 7)} fill={`url(#${id})`} strokeLinejoin="miter" {...NSS} />
    </SymbolFrame>
  );
}

/** Pull arrow: a circular arrow (about 300° of a circle, clockwise on screen). */
export function PullArrowIcon(props: SymbolProps) {
  const cx = W / 2;
  const cy = MID;
  const r = 7;
  const headLength = 5.5;
  const startDeg = 130;
  const tipDeg = 75 + 360;
  // The line stops where the head's base sits on the circle, so the head continues the arc.
  const lineEndDeg = tipDeg - (headLength / r) * (180 / Math.PI);
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const round = (n: number) => Math.round(n * 100) / 100;
  const at = (deg: number) => ({ x: round(cx + r * Math.cos(rad(deg))), y: round(cy + r * Math.sin(rad(deg))) });
  const start = at(startDeg);
  const end = at(lineEndDeg);
  const tip = at(tipDeg);
  const deg = round((Math.atan2(tip.y - end.y, tip.x - end.x) * 180) / Math.PI);
  return (
    <SymbolFrame w={W} h={H} label="Pull arrow" props={props} strokeWidth={1.75}>
      <path d={`M${start.x} ${start.y} A${r} ${r} 0 1 1 ${end.x} ${end.y}`} strokeLinecap="butt" {...NSS} />
      <Head x={tip.x} y={tip.y} deg={deg} length={headLength} half={3.25} />
    </SymbolFrame>
  );
}

/** FIFO flow: a miniature FIFO lane ending in an arrowhead. */
export function FifoArrowIcon(props: SymbolProps) {
  return (
    <SymbolFrame w={W} h={H} label="FIFO flow" props={props} strokeWidth={1.25}>
      <path d="M3 3.5 H37 M3 16.5 H37" strokeLinecap="butt" {...NSS} />
      <text
        x={20}
        y={12.6}
        textAnchor="middle"
        fontFamily={SYMBOL_FONT}
        fontSize={7.5}
        fontWeight="bold"
        fill="currentColor"
        stroke="none"
      >
        FIFO
      </text>
      <Head x={46} y={MID} length={7} half={4} />
    </SymbolFrame>
  );
}

/** Shipment: thick hollow arrow. */
export function ShipmentArrowIcon(props: SymbolProps) {
  return (
    <SymbolFrame w={W} h={H} label="Shipment arrow" props={props} strokeWidth={1.5}>
      <path d={hollowArrow({ x: 3, y: MID }, { x: 45.5, y: MID }, 8)} {...paperFill} strokeLinejoin="miter" {...NSS} />
    </SymbolFrame>
  );
}

/** Manual information flow: thin straight arrow. */
export function ManualInfoIcon(props: SymbolProps) {
  return (
    <SymbolFrame w={W} h={H} label="Manual information" props={props} strokeWidth={1.5}>
      <path d={`M3 ${MID} H39`} {...NSS} />
      <Head x={46} y={MID} />
    </SymbolFrame>
  );
}

/** Electronic information flow: thin arrow with a lightning zig-zag. */
export function ElectronicInfoIcon(props: SymbolProps) {
  return (
    <SymbolFrame w={W} h={H} label="Electronic information" props={props} strokeWidth={1.5}>
      <path d={zigzagPath({ x: 3, y: MID }, { x: 39.5, y: MID }, 6.5)} strokeLinecap="butt" strokeLinejoin="miter" {...NSS} />
      <Head x={46} y={MID} />
    </SymbolFrame>
  );
}

/** Kanban path: dashed arrow carrying a small kanban card. */
export function KanbanArrowIcon(props: SymbolProps) {
  return (
    <SymbolFrame w={W} h={H} label="Kanban arrow" props={props} strokeWidth={1.5}>
      <path d={`M3 ${MID} H39`} strokeDasharray="3.5 2.5" strokeLinecap="butt" {...NSS} />
      <path d="M9 5 H18 L21 8 V15 H9 Z" {...paperFill} strokeWidth={1.25} {...NSS} />
      <Head x={46} y={MID} />
    </SymbolFrame>
  );
}

/** Rework / loop back: curved dashed arrow returning to the left. */
export function ReworkArrowIcon(props: SymbolProps) {
  return (
    <SymbolFrame w={W} h={H} label="Rework arrow" props={props} strokeWidth={1.5}>
      <path d="M43 17 C40 1.5 14 1.5 10.5 12.2" strokeDasharray="3.5 2.5" strokeLinecap="butt" {...NSS} />
      <Head x={8.5} y={18} deg={110} length={6.5} half={3.5} />
    </SymbolFrame>
  );
}
