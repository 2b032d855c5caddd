/**
 * Connection points of a node: drag from one to another symbol to connect them. Edges are drawn
 * border to border (floating), so the handles only start and end the drag; they show when the
 * pointer is over the symbol or the symbol is selected.
 */
import { Handle, Position } from "@xyflow/react";

export function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} className="vsm-handle" aria-label="Connect from here" />
      <Handle type="source" position={Position.Right} className="vsm-handle" aria-label="Connect from here" />
    </>
  );
}
