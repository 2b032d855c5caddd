/**
 * The timeline ladder (docs/ui.md): a square wave under the map along the critical path — waits
 * up, process times down — each segment under its symbol on the canvas, with the totals at the
 * right end. It follows pan and zoom; where the critical path does not run left to right on the
 * canvas, the rungs are spaced evenly instead.
 */
import { useEffect, useRef, useState } from "react";
import { useStore, useStoreApi } from "@xyflow/react";
import type { MapReport, Node, RungReport } from "../bindings";
import { dayLengthS, formatDays, formatDuration } from "../format/units";
import type { DurationUnit } from "../format/unitChoice";
import { centred, labelRows } from "./labelRows";

interface Placed {
  rung: RungReport;
  x0: number;
  x1: number;
}

const UP = 34;
const DOWN = 84;
/** Height of the drawing: room for a second row of figures under the low line. */
const HEIGHT = 120;
/** How far a label moves when it takes the second row (labels too close to print side by side). */
const ROW = 12;

/** Where each rung sits on screen: under its node, or evenly spaced when the path doubles back. */
export function placeRungs(
  rungs: RungReport[],
  boxes: Map<string, { x: number; width: number }>,
  width: number,
): Placed[] {
  const aligned = rungs.map((rung) => {
    const box = boxes.get(rung.id);
    return box ? { rung, x0: box.x, x1: box.x + box.width } : null;
  });
  const ordered = aligned.every((p, i) => p !== null && (i === 0 || p.x0 >= (aligned[i - 1]?.x0 ?? -Infinity)));
  if (ordered) return aligned as Placed[];
  const step = (width - 200) / Math.max(rungs.length, 1);
  return rungs.map((rung, i) => ({ rung, x0: 20 + i * step, x1: 20 + (i + 1) * step - 8 }));
}

/** The row (see `labelRows`) of each item that `text` gives a label, by item. */
function rowsOf<T extends { at: number }>(items: T[], text: (item: T) => string | null, fontSize: number): Map<T, number> {
  const labelled = items.flatMap((item) => {
    const label = text(item);
    return label === null ? [] : [{ item, label }];
  });
  const rows = labelRows(labelled.map(({ item, label }) => centred(item.at, label, fontSize)));
  return new Map(labelled.map(({ item }, i) => [item, rows[i]]));
}

export function Ladder({ report, nodes, unit, width }: { report: MapReport; nodes: Node[]; unit: DurationUnit; width: number }) {
  // Re-render on zoom and node changes only; panning just shifts the drawing (no React work per
  // frame, which a software renderer cannot afford with hundreds of rungs).
  const zoom = useStore((s) => s.transform[2]);
  const lookup = useStore((s) => s.nodeLookup);
  const api = useStoreApi();
  const wave = useRef<HTMLDivElement>(null);
  // Only rungs within a screen of the view are drawn; the drawing is redone when a pan has moved
  // half a screen from where it was drawn.
  const [anchor, setAnchor] = useState(() => api.getState().transform[0]);
  const boxes = new Map<string, { x: number; width: number }>();
  for (const rung of report.timeline) {
    const internal = lookup.get(rung.id);
    if (internal) {
      boxes.set(rung.id, { x: internal.internals.positionAbsolute.x * zoom, width: (internal.measured.width ?? 0) * zoom });
    }
  }
  const all = placeRungs(report.timeline, boxes, width);
  // Rungs under their boxes follow the pan; otherwise (boxes out of order) the ladder stands still.
  const aligned = all.every((p) => boxes.get(p.rung.id)?.x === p.x0);
  useEffect(() => {
    // A CSS transform on an HTML layer: WebKitGTK moves it cheaply, while changing an SVG
    // transform attribute cost ~90 ms a frame there.
    const shift = (tx: number) => {
      if (wave.current) wave.current.style.transform = `translateX(${aligned ? tx - anchor - width : -width}px)`;
      if (aligned && Math.abs(tx - anchor) > width / 2) setAnchor(tx);
    };
    shift(api.getState().transform[0]);
    return api.subscribe((state) => shift(state.transform[0]));
  });
  if (report.timeline.length === 0) {
    return <p className="dock__empty">{report.lead_time_s_reason ?? "Connect the flow to see the timeline."}</p>;
  }
  // Drawn in a strip three screens wide, from one screen left of the view (at `anchor`).
  const offset = aligned ? anchor + width : width;
  const placed = (aligned ? all.filter((p) => p.x1 + anchor > -width && p.x0 + anchor < 2 * width) : all).map((p) => ({
    ...p,
    x0: p.x0 + offset,
    x1: p.x1 + offset,
  }));
  const day = dayLengthS(report);
  const name = (id: string) => nodes.find((n) => n.id === id)?.name || id;
  let path = "";
  placed.forEach(({ rung, x0, x1 }, i) => {
    const y = rung.segment === "wait" ? UP : DOWN;
    path += i === 0 ? `M ${x0} ${y}` : ` L ${x0} ${y}`;
    path += ` L ${x1} ${y}`;
    const next = placed[i + 1];
    if (next) path += ` L ${x1} ${next.rung.segment === "wait" ? UP : DOWN}`;
  });
  const labels = placed.map(({ rung, x0, x1 }) => {
    const wait = rung.segment === "wait";
    return {
      rung,
      at: (x0 + x1) / 2,
      wait,
      text: wait ? formatDays(rung.elapsed_s / day) : formatDuration(rung.value_added_s, unit),
      // Office and DevOps steps wait inside themselves too: their lead time goes above the line.
      lead: !wait && rung.elapsed_s > rung.value_added_s ? formatDuration(rung.elapsed_s, unit) : null,
    };
  });
  // Where rungs are narrower than their figures (zoomed out, a narrow comparison pane), every
  // other figure moves a row away from the line so that none prints over its neighbour.
  const waitRows = rowsOf(labels.filter((l) => l.wait), (l) => l.text, 11);
  const stepRows = rowsOf(labels.filter((l) => !l.wait), (l) => l.text, 11);
  const leadRows = rowsOf(labels, (l) => (l.lead ? `LT ${l.lead}` : null), 10);
  return (
    <div className="ladder">
      <div ref={wave} className="ladder__strip" style={{ width: 3 * width }}>
      <svg className="ladder__wave" width={3 * width} height={HEIGHT} role="img" aria-label="Timeline ladder">
        <path d={path} className="ladder__line" />
        {labels.map((l) => (
          <g key={l.rung.id}>
            <text
              x={l.at}
              y={l.wait ? UP - 8 - ROW * (waitRows.get(l) ?? 0) : DOWN + 16 + ROW * (stepRows.get(l) ?? 0)}
              className={`ladder__label ladder__label--${l.rung.segment}`}
              data-testid={`ladder-${l.rung.id}`}
            >
              <title>{`${name(l.rung.id)}: ${l.wait ? "waits" : "works"} ${l.text}`}</title>
              {l.text}
            </text>
            {l.lead && (
              <text x={l.at} y={DOWN - 6 - ROW * (leadRows.get(l) ?? 0)} className="ladder__label ladder__label--lead">
                <title>{`${name(l.rung.id)}: lead time ${l.lead}`}</title>
                LT {l.lead}
              </text>
            )}
          </g>
        ))}
      </svg>
      </div>
      <div className={`ladder__totals ladder__totals--${all.at(-1)?.rung.segment === "wait" ? "low" : "high"}`} data-testid="ladder-totals">
        <div>
          Lead time <strong>{report.lead_time_days !== null ? formatDays(report.lead_time_days) : "—"}</strong>
        </div>
        <div>
          Processing <strong>{report.processing_time_s !== null ? formatDuration(report.processing_time_s, unit) : "—"}</strong>
        </div>
      </div>
    </div>
  );
}
