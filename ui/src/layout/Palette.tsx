/**
 * The palette of VSM symbols, grouped as practitioners think of them. Drag a symbol onto the map
 * (pointer events, so it works the same with a mouse, a pen and in automated tests), or press it
 * (mouse or keyboard) to add it in the middle of the view.
 */
import { useRef, useState } from "react";
import { useReactFlow } from "@xyflow/react";
import type { NodeKind } from "../bindings";
import { KIND_LABELS, newNodeChange } from "../canvas/newNode";
import type { AppStore } from "../store/appStore";
import type { EdgeKind } from "../bindings";
import { edgeIcons, paletteIcons } from "../symbols";

const ARROWS: [EdgeKind, string][] = [
  ["push", "Push"],
  ["pull", "Pull / withdrawal"],
  ["fifo", "FIFO flow"],
  ["shipment", "Shipment"],
  ["info_manual", "Manual information"],
  ["info_electronic", "Electronic information"],
  ["kanban", "Kanban signal"],
  ["rework", "Rework loop"],
];

const GROUPS: [title: string, kinds: NodeKind[]][] = [
  ["Process", ["process", "supplier", "customer", "operator"]],
  ["Material", ["inventory", "supermarket", "fifo", "buffer", "truck"]],
  ["Information", ["production_control", "production_kanban", "withdrawal_kanban", "signal_kanban", "kanban_post", "heijunka", "go_see", "sequenced_pull"]],
  ["Kaizen", ["kaizen_burst", "note"]],
];

/** Pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD = 4;

interface Drag {
  kind: NodeKind;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moved: boolean;
}

export function Palette({ store }: { store: AppStore }) {
  const flow = useReactFlow();
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const update = (next: Drag | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  const addAt = (kind: NodeKind, screen: { x: number; y: number }) => {
    const map = store.activeMap();
    if (!map) return;
    void store.apply([newNodeChange(map, kind, flow.screenToFlowPosition(screen))]);
  };
  const addInView = (kind: NodeKind) => {
    const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
    if (pane) addAt(kind, { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
  };

  const onPointerDown = (kind: NodeKind) => (event: React.PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    update({ kind, startX: event.clientX, startY: event.clientY, x: event.clientX, y: event.clientY, moved: false });
  };
  const onPointerMove = (event: React.PointerEvent) => {
    const current = dragRef.current;
    if (!current) return;
    const moved = current.moved || Math.hypot(event.clientX - current.startX, event.clientY - current.startY) > DRAG_THRESHOLD;
    update({ ...current, x: event.clientX, y: event.clientY, moved });
  };
  const onPointerUp = (event: React.PointerEvent) => {
    const current = dragRef.current;
    update(null);
    if (!current) return;
    if (!current.moved) return addInView(current.kind);
    const pane = document.querySelector(".react-flow__pane")?.getBoundingClientRect();
    const inside = pane && event.clientX >= pane.left && event.clientX <= pane.right && event.clientY >= pane.top && event.clientY <= pane.bottom;
    if (inside) addAt(current.kind, { x: event.clientX, y: event.clientY });
  };

  const Ghost = drag?.moved ? paletteIcons[drag.kind] : null;
  return (
    <aside className="palette" aria-label="Symbols">
      {GROUPS.map(([title, kinds]) => (
        <section key={title} className="palette__group">
          <h2 className="palette__title">{title}</h2>
          <div className="palette__items">
            {kinds.map((kind) => {
              const Icon = paletteIcons[kind];
              return (
                <button
                  key={kind}
                  type="button"
                  className="palette__item"
                  title={`${KIND_LABELS[kind]}: drag onto the map, or press to add`}
                  data-testid={`palette-${kind}`}
                  onPointerDown={onPointerDown(kind)}
                  onPointerMove={onPointerMove}
                  onPointerUp={onPointerUp}
                  onPointerCancel={() => update(null)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" || event.key === " ") {
                      event.preventDefault();
                      addInView(kind);
                    }
                  }}
                >
                  {Icon && <Icon width={34} height={26} />}
                  <span>{KIND_LABELS[kind]}</span>
                </button>
              );
            })}
          </div>
        </section>
      ))}
      <section className="palette__group" aria-label="Arrows">
        <h2 className="palette__title">Arrows</h2>
        <p className="palette__hint">Drag from the edge of one symbol to another; pick the kind in the inspector.</p>
        <ul className="palette__arrows">
          {ARROWS.map(([kind, label]) => {
            const Icon = edgeIcons[kind];
            return (
              <li key={kind} title={label}>
                {Icon && <Icon width={34} height={14} />}
                <span>{label}</span>
              </li>
            );
          })}
        </ul>
      </section>
      {Ghost && drag && (
        <div className="palette__ghost" style={{ left: drag.x, top: drag.y }} aria-hidden="true">
          <Ghost width={56} height={42} />
        </div>
      )}
    </aside>
  );
}
