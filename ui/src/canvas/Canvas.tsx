/**
 * The map canvas: a controlled React Flow view of the active map. The document stays the single
 * source of truth; while a drag is under way the canvas shows local positions, and when the
 * gesture ends it becomes one change batch (one undo step). Nodes dropped from the palette are
 * added the same way.
 */
import { startTransition, useCallback, useEffect, useMemo, useState } from "react";
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  ViewportPortal,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnNodeDrag,
  type ReactFlowInstance,
} from "@xyflow/react";
import type { Change, Map } from "../bindings";
import { useAppState, type AppStore } from "../store/appStore";
import { SymbolDefs } from "../symbols";
import { edgeTypes } from "./edges/VsmEdge";
import { nodeTypes } from "./nodes";
import { toFlowEdges, toFlowNodes, type VsmFlowEdge, type VsmFlowNode } from "./toFlow";
import { estimatedSize } from "./nodes/sizes";
import { copy, cut, duplicate, pasteAction } from "../actions/clipboard";
import { deleteSelection, selectAll } from "../actions/editing";
import { connectChange } from "./connect";
import { align } from "./guides";
import { DETAIL_ZOOM, DetailLevelProvider, FULL_DETAIL, useFlowDetailLevel } from "./zoom";
import type { ImageFormat } from "./exportImage";
import { exportImageTo } from "../actions/exportImage";
import { ContextMenu, type MenuRequest } from "./ContextMenu";
import { Overview } from "./Overview";
import { firstPaintSubset } from "./firstPaint";
import { FitOnOpen } from "./FitOnOpen";

/**
 * Benchmarks and end-to-end scripts set the viewport (zoom 1, fit) through this handle; it offers
 * nothing a user cannot do with the zoom controls.
 */
function exposeForAutomation(instance: ReactFlowInstance<VsmFlowNode, VsmFlowEdge>, store: AppStore) {
  (window as unknown as { kaizenVsmCanvas?: unknown }).kaizenVsmCanvas = {
    setViewport: instance.setViewport,
    fitView: instance.fitView,
    getViewport: instance.getViewport,
    /** What File > Export PNG/SVG does once the save dialog returned `path`. */
    exportTo: (format: ImageFormat, path: string) => exportImageTo(store, format, path),
    /** Symbols drawn at another size than the canvas computed for them (nodes/sizes.ts). */
    sizeMisses: () =>
      instance.getNodes().flatMap((node) => {
        const drawn = instance.getInternalNode(node.id)?.measured;
        const estimated = { width: node.initialWidth, height: node.initialHeight };
        return drawn && (drawn.width !== estimated.width || drawn.height !== estimated.height) ? [{ id: node.id, estimated, drawn }] : [];
      }),
  };
}

// Props that are arrays or objects, made once: React Flow copies changed ones into its store, and
// each store change re-runs every symbol's and arrow's selectors (a new array per render did so on
// every render of the canvas).
const SNAP_GRID: [number, number] = [10, 10];
const MULTI_SELECTION_KEYS = ["Control", "Meta", "Shift"];
const PRO_OPTIONS = { hideAttribution: true };

/** The canvas's size before it is laid out: the window less the palette, side panel and dock. */
const canvasSizeGuess = () => ({ width: window.innerWidth - 400, height: window.innerHeight - 260 });

/** How a map opens: fitted when that keeps it readable, else at its top-left at a readable zoom. */
export function openingView(map: Map, size = canvasSizeGuess()) {
  if (map.nodes.length === 0) return { fitView: true };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of map.nodes) {
    const { width, height } = estimatedSize(node);
    minX = Math.min(minX, node.x ?? 0);
    minY = Math.min(minY, node.y ?? 0);
    maxX = Math.max(maxX, (node.x ?? 0) + width);
    maxY = Math.max(maxY, (node.y ?? 0) + height);
  }
  const fitted = Math.min(size.width / (maxX - minX), size.height / (maxY - minY)) * 0.92;
  if (fitted >= DETAIL_ZOOM) return { fitView: true, fitViewOptions: { padding: 0.08 } };
  const zoom = 0.7;
  return { defaultViewport: { x: 40 - minX * zoom, y: 40 - minY * zoom, zoom } };
}

/** The performance mark set when the canvas's first frame with the map has been painted (benchmarks read it). */
export const MAP_DRAWN_MARK = "kaizen-vsm-map-drawn";

/**
 * Calls `onDrawn` once the browser has painted the frame with the first symbols React Flow
 * rendered for `nodes` (App renders the rest of the window after that), and sets MAP_DRAWN_MARK.
 */
function FirstDraw({ nodes, onDrawn }: { nodes: VsmFlowNode[]; onDrawn: () => void }) {
  const adopted = useStore((state) => state.nodes === nodes);
  useEffect(() => {
    if (!adopted) return;
    // The animation frame comes before that frame's paint; a task queued from it runs after.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(
      () =>
        (timer = setTimeout(() => {
          performance.mark(MAP_DRAWN_MARK);
          onDrawn();
        })),
    );
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [adopted, onDrawn]);
  return null;
}

export function Canvas({ store, onDrawn }: { store: AppStore; onDrawn?: () => void }) {
  const doc = useAppState(store, (s) => s.doc);
  const activeMapId = useAppState(store, (s) => s.activeMapId);
  const selection = useAppState(store, (s) => s.selection);
  const unit = useAppState(store, (s) => s.unit);
  const [exporting, setExporting] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const drawnNow = useCallback(() => {
    // With App's update for the rest of the window (a transition too): one render, not two.
    startTransition(() => setDrawn(true));
    onDrawn?.();
  }, [onDrawn]);
  const flowInstance = useReactFlow<VsmFlowNode, VsmFlowEdge>();
  useEffect(
    () =>
      store.registerImageExporter(async (format) => {
        setExporting(true);
        try {
          // html-to-image is loaded when first needed, not with the canvas.
          const { renderMapImage } = await import("./exportImage");
          return await renderMapImage(flowInstance, format);
        } finally {
          setExporting(false);
        }
      }),
    [store, flowInstance],
  );
  const detail = useFlowDetailLevel();
  const { miniature, zoomedOut } = detail;
  const showGrid = useAppState(store, (s) => s.showGrid);
  const [positions, setPositions] = useState<Record<string, { x: number; y: number }>>({});

  const map = useMemo(() => doc?.document.maps.find((m) => m.id === activeMapId) ?? doc?.document.maps[0] ?? null, [doc, activeMapId]);
  const report = useMemo(() => doc?.metrics.maps.find((m) => m.id === map?.id) ?? null, [doc, map]);
  const flowKey = `${doc?.path}#${map?.id}`;
  // The sizes React Flow measured (its dimension changes), handed back with every node so that
  // re-created node objects keep them (toFlow's `measured`). Per map shown: a new flow starts empty.
  const measured = useMemo(() => ({ flow: flowKey, sizes: new Map<string, { width: number; height: number }>() }), [flowKey]);
  const overrides = useMemo(
    () => ({ positions, unit, selectedNodes: new Set(selection.nodes), selectedEdges: new Set(selection.edges), measured: measured.sizes }),
    [positions, unit, selection, measured],
  );
  const nodes = useMemo(() => (map ? toFlowNodes(map, report, overrides) : []), [map, report, overrides]);
  const edges = useMemo(() => (map ? toFlowEdges(map, overrides) : []), [map, overrides]);
  // How the map opens (computed when another map or document is shown, not on every edit: the
  // view is the user's). A large map opening at its start draws its first frame from the symbols
  // around that view only (firstPaint.ts); the whole map follows once that frame is painted.
  const [opened, setOpened] = useState(() => ({ flow: flowKey, view: map ? openingView(map) : { fitView: true } }));
  if (opened.flow !== flowKey) setOpened({ flow: flowKey, view: map ? openingView(map) : { fitView: true } });
  const firstFrame = onDrawn && "defaultViewport" in opened.view ? opened.view.defaultViewport : null;
  const shown = useMemo(() => (firstFrame ? firstPaintSubset(nodes, edges, firstFrame, canvasSizeGuess()) : { nodes, edges }), [nodes, edges, firstFrame]);

  const [guides, setGuides] = useState<{ vertical: number | null; horizontal: number | null }>({ vertical: null, horizontal: null });
  const onNodesChange = useCallback(
    (changes: NodeChange<VsmFlowNode>[]) => {
      const moved: Record<string, { x: number; y: number }> = {};
      // Alignment guides for a single dragged symbol: snap it to the others' edges and centres.
      const drags = changes.filter((c) => c.type === "position" && c.dragging && c.position);
      if (drags.length === 1 && drags[0].type === "position" && drags[0].position) {
        const change = drags[0];
        const self = flowInstance.getInternalNode(change.id);
        const position = change.position;
        if (self && position) {
          const size = { width: self.measured.width ?? 0, height: self.measured.height ?? 0 };
          const others = flowInstance
            .getNodes()
            .filter((n) => n.id !== change.id && !store.getState().selection.nodes.includes(n.id))
            .map((n) => {
              const internal = flowInstance.getInternalNode(n.id);
              return { ...(internal?.internals.positionAbsolute ?? n.position), width: internal?.measured.width ?? 0, height: internal?.measured.height ?? 0 };
            });
          const snap = align({ ...position, ...size }, others);
          change.position = { x: position.x + snap.dx, y: position.y + snap.dy };
          setGuides({ vertical: snap.vertical, horizontal: snap.horizontal });
        }
      }
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === "dimensions" && change.dimensions) measured.sizes.set(change.id, change.dimensions);
        if (change.type === "position" && change.position) moved[change.id] = change.position;
        if (change.type === "select") {
          selected ??= new Set(store.getState().selection.nodes);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (Object.keys(moved).length > 0) setPositions((current) => ({ ...current, ...moved }));
      if (selected) store.select({ nodes: [...selected], edges: store.getState().selection.edges });
    },
    [store, flowInstance, measured],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<VsmFlowEdge>[]) => {
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === "select") {
          selected ??= new Set(store.getState().selection.edges);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (selected) store.select({ nodes: store.getState().selection.nodes, edges: [...selected] });
    },
    [store],
  );

  const onNodeDragStop: OnNodeDrag<VsmFlowNode> = useCallback(
    (_event, _node, dragged) => {
      const changes: Change[] = dragged
        .filter((n) => n.position.x !== (n.data.node.x ?? 0) || n.position.y !== (n.data.node.y ?? 0))
        .map((n) => ({ op: "update_node", id: n.id, set: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }));
      setGuides({ vertical: null, horizontal: null });
      // The store reports a refused change itself (it never rejects); the drag's positions go either way.
      void store.apply(changes).then(() => setPositions({}));
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!map) return;
      const change = connectChange(map, connection.source, connection.target);
      if (change?.op !== "add_edge") return;
      void store.apply([change]).then((applied) => applied && store.select({ nodes: [], edges: [change.edge.id] }));
    },
    [map, store],
  );

  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const openMenu = useCallback((event: React.MouseEvent | MouseEvent, actions: MenuRequest["actions"]) => {
    event.preventDefault();
    setMenu({ x: event.clientX, y: event.clientY, actions });
  }, []);
  const onNodeContextMenu = useCallback(
    (event: React.MouseEvent, node: VsmFlowNode) => {
      if (!store.getState().selection.nodes.includes(node.id)) store.select({ nodes: [node.id], edges: [] });
      openMenu(event, [copy, cut, duplicate, deleteSelection]);
    },
    [openMenu, store],
  );
  const onEdgeContextMenu = useCallback(
    (event: React.MouseEvent, edge: VsmFlowEdge) => {
      store.select({ nodes: [], edges: [edge.id] });
      openMenu(event, [deleteSelection]);
    },
    [openMenu, store],
  );
  const onPaneContextMenu = useCallback((event: React.MouseEvent | MouseEvent) => openMenu(event, [pasteAction, selectAll]), [openMenu]);

  // A map small enough to read when fitted opens fitted; a large one opens readable at its start
  // (the overview shows the rest) — fitting 500 symbols into a window shows nothing legible and
  // costs the first paint every one of them.
  const initialView = opened.view;
  // Nothing to draw: the rest of the window need not wait.
  useEffect(() => {
    if (!map) onDrawn?.();
  }, [map, onDrawn]);
  if (!map) return <div className="canvas canvas--empty">No map</div>;
  // An export draws every symbol in full detail, whatever the zoom.
  return (
    <DetailLevelProvider value={exporting ? FULL_DETAIL : detail}>
    <div className={`canvas${miniature ? " is-miniature" : ""}`} data-testid="canvas">
      <ReactFlow<VsmFlowNode, VsmFlowEdge>
        key={flowKey}
        nodes={shown.nodes}
        edges={shown.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        disableKeyboardA11y
        snapToGrid
        snapGrid={SNAP_GRID}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        defaultViewport={"defaultViewport" in initialView ? initialView.defaultViewport : undefined}
        minZoom={0.1}
        maxZoom={4}
        // Culling pays when few symbols are in view; zoomed out, nearly all are, and recomputing
        // the visible set on every pan frame cost more than it saved (docs/performance.md).
        onlyRenderVisibleElements={!zoomedOut && !exporting}
        proOptions={PRO_OPTIONS}
        colorMode="system"
        onInit={(instance) => exposeForAutomation(instance, store)}
      >
        {"fitView" in initialView && <FitOnOpen nodes={shown.nodes} padding={initialView.fitViewOptions?.padding} />}
        {showGrid && !zoomedOut && <Background variant={BackgroundVariant.Lines} gap={40} lineWidth={0.5} />}
        <Controls showInteractive={false} />
        <ViewportPortal>
          {/* Inside the viewport, so an exported image carries the arrow markers it uses. */}
          <SymbolDefs />
          {guides.vertical !== null && <div className="guide guide--vertical" style={{ transform: `translateX(${guides.vertical}px)` }} />}
          {guides.horizontal !== null && <div className="guide guide--horizontal" style={{ transform: `translateY(${guides.horizontal}px)` }} />}
        </ViewportPortal>
        {menu && <ContextMenu store={store} request={menu} onClose={() => setMenu(null)} />}
        {/* The overview comes with the rest of the window, after the map (App). */}
        {!drawn && <FirstDraw nodes={shown.nodes} onDrawn={drawnNow} />}
        {!onDrawn && <Overview />}
      </ReactFlow>
    </div>
    </DetailLevelProvider>
  );
}
