/**
 * A map drawn read-only with the canvas's own symbols, fitted to its box: the two sides of the
 * comparison view. The symbols that differ from the other side are highlighted.
 *
 * Uncontrolled (`defaultNodes`) and remounted when what it shows changes: React Flow keeps a
 * node's measured handles only when the user's node carries `measured`, so re-created node
 * objects in a controlled flow lost their arrows for good.
 */
import { useMemo } from "react";
import { ReactFlow, ReactFlowProvider } from "@xyflow/react";
import type { Map, MapReport } from "../bindings";
import { edgeTypes } from "../canvas/edges/VsmEdge";
import { FitOnOpen } from "../canvas/FitOnOpen";
import { nodeTypes } from "../canvas/nodes";
import { FlowDetailLevel } from "../canvas/zoom";
import { toFlowEdges, toFlowNodes, type VsmFlowEdge, type VsmFlowNode } from "../canvas/toFlow";
import type { DurationUnit } from "../format/unitChoice";

/** A number per object: a new map or report (every revision makes new ones) gets a new number. */
const identities = new WeakMap<object, number>();
let lastIdentity = 0;
function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = ++lastIdentity;
    identities.set(value, id);
  }
  return id;
}

export function MapPreview({ map, report, unit, highlight, testId }: { map: Map; report: MapReport | null; unit: DurationUnit; highlight: ReadonlySet<string>; testId: string }) {
  const { nodes, edges, key } = useMemo(() => {
    const overrides = { positions: {}, selectedNodes: highlight, selectedEdges: new Set<string>(), unit };
    const key = `${identity(map)}:${report ? identity(report) : 0}:${unit}:${[...highlight].join(",")}`;
    return { nodes: toFlowNodes(map, report, overrides), edges: toFlowEdges(map, overrides), key };
  }, [map, report, unit, highlight]);
  return (
    <div className="preview" data-testid={testId}>
      <ReactFlowProvider>
        <FlowDetailLevel>
          <ReactFlow<VsmFlowNode, VsmFlowEdge>
            key={key}
            defaultNodes={nodes}
            defaultEdges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            minZoom={0.05}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            proOptions={{ hideAttribution: true }}
          >
            <FitOnOpen nodes={nodes} padding={0.05} />
          </ReactFlow>
        </FlowDetailLevel>
      </ReactFlowProvider>
    </div>
  );
}
