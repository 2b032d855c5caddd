/**
 * Connection points of a node. Edges are drawn centre to centre (floating), so handles are only
 * anchors for React Flow (and, later, for connecting by dragging); they stay invisible.
 */
import { Handle, Position } from "@xyflow/react";

export function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} className="vsm-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="vsm-handle" isConnectable={false} />
    </>
  );
}
