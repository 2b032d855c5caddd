/**
 * The map canvas: a controlled React Flow view of the active map. The document stays the single
 * source of truth; while a drag is under way the canvas shows local positions, and when the
 * gesture ends it becomes one change batch (one undo step). Nodes dropped from the palette are
 * added the same way.
 */
import { useCallback, useMemo, useState } from "react";
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnNodeDrag,
} from "@xyflow/react";
import type { Change } from "../bindings";
import { useAppState, type AppStore } from "../store/appStore";
import { SymbolDefs } from "../symbols";
import { edgeTypes } from "./edges/VsmEdge";
import { nodeTypes } from "./nodes";
import { toFlowEdges, toFlowNodes, type VsmFlowEdge, type VsmFlowNode } from "./toFlow";
import { copy, cut, duplicate, pasteAction } from "../actions/clipboard";
import { deleteSelection, selectAll } from "../actions/editing";
import { connectChange } from "./connect";
import { ContextMenu, type MenuRequest } from "./ContextMenu";

export function Canvas({ store }: { store: AppStore }) {
  const doc = useAppState(store, (s) => s.doc);
  const activeMapId = useAppState(store, (s) => s.activeMapId);
  const selection = useAppState(store, (s) => s.selection);
  const unit = useAppState(store, (s) => s.unit);
  const [positions, setPositions] = useState<Record<string, { x: number; y: number }>>({});
  // Sizes React Flow measured; kept on our nodes so the minimap and fit-view can use them.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});

  const map = useMemo(() => doc?.document.maps.find((m) => m.id === activeMapId) ?? doc?.document.maps[0] ?? null, [doc, activeMapId]);
  const report = useMemo(() => doc?.metrics.maps.find((m) => m.id === map?.id) ?? null, [doc, map]);
  const overrides = useMemo(
    () => ({ positions, measured, unit, selectedNodes: new Set(selection.nodes), selectedEdges: new Set(selection.edges) }),
    [positions, measured, unit, selection],
  );
  const nodes = useMemo(() => (map ? toFlowNodes(map, report, overrides) : []), [map, report, overrides]);
  const edges = useMemo(() => (map ? toFlowEdges(map, overrides) : []), [map, overrides]);

  const onNodesChange = useCallback(
    (changes: NodeChange<VsmFlowNode>[]) => {
      const moved: Record<string, { x: number; y: number }> = {};
      const sized: Record<string, { width: number; height: number }> = {};
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === "position" && change.position) moved[change.id] = change.position;
        if (change.type === "dimensions" && change.dimensions) sized[change.id] = change.dimensions;
        if (change.type === "select") {
          selected ??= new Set(store.getState().selection.nodes);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (Object.keys(moved).length > 0) setPositions((current) => ({ ...current, ...moved }));
      if (Object.keys(sized).length > 0) setMeasured((current) => ({ ...current, ...sized }));
      if (selected) store.select({ nodes: [...selected], edges: store.getState().selection.edges });
    },
    [store],
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
    async (_event, _node, dragged) => {
      const changes: Change[] = dragged
        .filter((n) => n.position.x !== (n.data.node.x ?? 0) || n.position.y !== (n.data.node.y ?? 0))
        .map((n) => ({ op: "update_node", id: n.id, set: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }));
      await store.apply(changes);
      setPositions({});
    },
    [store],
  );

  const onConnect = useCallback(
    async (connection: Connection) => {
      if (!map) return;
      const change = connectChange(map, connection.source, connection.target);
      if (change && change.op === "add_edge" && (await store.apply([change]))) {
        store.select({ nodes: [], edges: [change.edge.id] });
      }
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

  if (!map) return <div className="canvas canvas--empty">No map</div>;
  return (
    <div className="canvas" data-testid="canvas">
      <SymbolDefs />
      <ReactFlow<VsmFlowNode, VsmFlowEdge>
        key={`${doc?.path}#${map.id}`}
        nodes={nodes}
        edges={edges}
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
        snapGrid={[10, 10]}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Control", "Meta", "Shift"]}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.1}
        maxZoom={4}
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
        colorMode="system"
      >
        <Background variant={BackgroundVariant.Lines} gap={40} lineWidth={0.5} />
        <Controls showInteractive={false} />
        {menu && <ContextMenu store={store} request={menu} onClose={() => setMenu(null)} />}
        <MiniMap pannable zoomable ariaLabel="Map overview" nodeColor="#c9ced6" nodeStrokeColor="#5b6068" nodeStrokeWidth={2} style={{ width: 160, height: 100 }} />
      </ReactFlow>
    </div>
  );
}
