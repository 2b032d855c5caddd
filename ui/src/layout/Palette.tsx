/**
 * The palette of VSM symbols, grouped as practitioners think of them. Drag a symbol onto the map,
 * or press it (mouse or keyboard) to add it in the middle of the view.
 */
import { useReactFlow } from "@xyflow/react";
import type { NodeKind } from "../bindings";
import { KIND_LABELS, newNodeChange, PALETTE_MIME } from "../canvas/newNode";
import type { AppStore } from "../store/appStore";
import { paletteIcons } from "../symbols";

const GROUPS: [title: string, kinds: NodeKind[]][] = [
  ["Process", ["process", "supplier", "customer", "operator"]],
  ["Material", ["inventory", "supermarket", "fifo", "buffer", "truck"]],
  ["Information", ["production_control", "kanban_post", "heijunka", "go_see", "sequenced_pull"]],
  ["Kaizen", ["kaizen_burst", "note"]],
];

export function Palette({ store }: { store: AppStore }) {
  const flow = useReactFlow();
  const addInView = (kind: NodeKind) => {
    const map = store.activeMap();
    const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
    if (!map || !pane) return;
    const at = flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    void store.apply([newNodeChange(map, kind, at)]);
  };
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
                  draggable
                  title={`${KIND_LABELS[kind]}: drag onto the map, or press to add`}
                  data-testid={`palette-${kind}`}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(PALETTE_MIME, kind);
                    event.dataTransfer.effectAllowed = "copy";
                  }}
                  onClick={() => addInView(kind)}
                >
                  {Icon && <Icon width={34} height={26} />}
                  <span>{KIND_LABELS[kind]}</span>
                </button>
              );
            })}
          </div>
        </section>
      ))}
    </aside>
  );
}
