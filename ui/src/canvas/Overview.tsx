/**
 * The minimap: the whole map in miniature with the visible part framed; click or drag in it to
 * move the view there. Drawn as one path for all symbols and one frame that moves with the view
 * without re-rendering, so it costs almost nothing per frame while panning (React Flow's own
 * minimap redrew every symbol on each frame in WebKitGTK's software renderer).
 */
import { useEffect, useMemo, useRef } from "react";
import { Panel, useReactFlow, useStore, useStoreApi } from "@xyflow/react";

const WIDTH = 170;
const HEIGHT = 110;

export function Overview() {
  // The nodes the canvas hands React Flow (positions and sizes, measured or estimated): a new array
  // whenever they change. (React Flow's node lookup is one Map changed in place: a memo keyed on it
  // never saw the nodes arrive, and the overview stayed empty.)
  const nodes = useStore((s) => s.nodes);
  const api = useStoreApi();
  const flow = useReactFlow();
  const frame = useRef<SVGRectElement>(null);
  const dragging = useRef(false);

  const { path, view } = useMemo(() => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let d = "";
    for (const node of nodes) {
      const { x, y } = node.position;
      const w = node.measured?.width ?? 0;
      const h = node.measured?.height ?? 0;
      d += `M${Math.round(x)} ${Math.round(y)}h${Math.round(w)}v${Math.round(h)}h${-Math.round(w)}z`;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x + w);
      maxY = Math.max(maxY, y + h);
    }
    if (!Number.isFinite(minX)) return { path: "", view: { x: 0, y: 0, w: 1, h: 1 } };
    const pad = Math.max(maxX - minX, maxY - minY) * 0.05;
    return { path: d, view: { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad } };
  }, [nodes]);

  useEffect(() => {
    const place = () => {
      const { transform, width, height } = api.getState();
      const [tx, ty, zoom] = transform;
      frame.current?.setAttribute("x", String(-tx / zoom));
      frame.current?.setAttribute("y", String(-ty / zoom));
      frame.current?.setAttribute("width", String(width / zoom));
      frame.current?.setAttribute("height", String(height / zoom));
    };
    place();
    return api.subscribe(place);
  }, [api]);

  const moveTo = (event: React.PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const scale = Math.max(view.w / box.width, view.h / box.height);
    const x = view.x + (event.clientX - box.left - (box.width - view.w / scale) / 2) * scale;
    const y = view.y + (event.clientY - box.top - (box.height - view.h / scale) / 2) * scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="overview">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        role="img"
        aria-label="Map overview: click or drag to move the view"
        data-testid="overview"
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => dragging.current && moveTo(event)}
        onPointerUp={() => (dragging.current = false)}
      >
        <path d={path} className="overview__nodes" />
        <rect ref={frame} className="overview__frame" vectorEffect="non-scaling-stroke" />
      </svg>
    </Panel>
  );
}
