/**
 * One edge of the map, drawn as its VSM arrow: striped push arrow, hollow shipment arrow, thin
 * manual-information arrow, zig-zag electronic-information arrow, dashed kanban and rework
 * arrows, labelled FIFO and pull arrows.
 */
import { memo } from "react";
import { EdgeLabelRenderer, useInternalNode, type EdgeProps, type InternalNode } from "@xyflow/react";
import { ARROW_MARKER_ID, OPEN_ARROW_MARKER_ID, hollowArrow, pushArrowBody, pushArrowStripes, zigzagPath } from "../../symbols";
import { useZoomedOut } from "../zoom";
import { formatPercent } from "../../format/units";
import type { VsmFlowEdge } from "../toFlow";
import { edgeEnds, labelPoint, reworkCurve, type Box } from "./floating";

function boxOf(node: InternalNode): Box {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
}

function VsmEdgeView({ id, source, target, data, selected }: EdgeProps<VsmFlowEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const simplified = useZoomedOut();
  if (!from || !to || !data) return null;
  const [fromBox, toBox] = [boxOf(from), boxOf(to)];
  const [a, b] = edgeEnds(fromBox, toBox);
  const line = `M ${a.x} ${a.y} L ${b.x} ${b.y}`;
  const kind = data.edge.kind;
  if (simplified) {
    // Zoomed out: one plain line per arrow (material thicker than information), nothing else;
    // rework keeps its loop, which a straight line would run behind the boxes between.
    const material = kind === "push" || kind === "pull" || kind === "fifo" || kind === "shipment";
    return (
      <path
        d={kind === "rework" ? reworkCurve(fromBox, toBox).d : line}
        className={`vsm-edge vsm-edge--simple${material ? " is-material" : ""}${selected ? " is-selected" : ""}`}
        data-testid={`edge-${id}`}
      />
    );
  }
  const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  let visual: React.ReactNode;
  let hit = line;
  let label: string | null = null;
  let labelAt = middle;
  switch (kind) {
    case "push": {
      const stripes = pushArrowStripes(a, b, 10);
      visual = (
        <>
          <path d={pushArrowBody(a, b, 10)} className="vsm-edge__body vsm-edge__body--hollow" />
          {!simplified && <path d={stripes.d} className="vsm-edge__stripes" />}
        </>
      );
      break;
    }
    case "shipment":
      visual = <path d={hollowArrow(a, b, 12)} className="vsm-edge__body vsm-edge__body--hollow" />;
      break;
    case "info_electronic":
      visual = <path d={zigzagPath(a, b)} className="vsm-edge__line" markerEnd={`url(#${ARROW_MARKER_ID})`} />;
      break;
    case "info_manual":
      visual = <path d={line} className="vsm-edge__line" markerEnd={`url(#${ARROW_MARKER_ID})`} />;
      break;
    case "kanban":
      visual = <path d={line} className="vsm-edge__line vsm-edge__line--dashed" markerEnd={`url(#${ARROW_MARKER_ID})`} />;
      break;
    case "pull":
      visual = <path d={line} className="vsm-edge__line vsm-edge__line--pull" markerEnd={`url(#${OPEN_ARROW_MARKER_ID})`} />;
      label = "pull";
      labelAt = labelPoint(a, b);
      break;
    case "fifo":
      visual = <path d={line} className="vsm-edge__line vsm-edge__line--pull" markerEnd={`url(#${ARROW_MARKER_ID})`} />;
      label = "FIFO";
      labelAt = labelPoint(a, b);
      break;
    case "rework": {
      const curve = reworkCurve(fromBox, toBox);
      hit = curve.d;
      visual = <path d={curve.d} className="vsm-edge__line vsm-edge__line--rework" markerEnd={`url(#${ARROW_MARKER_ID})`} />;
      label = `rework ${formatPercent(data.edge.probability ?? 0)}`;
      labelAt = curve.middle;
      break;
    }
  }
  return (
    <g className={`vsm-edge vsm-edge--${kind}${selected ? " is-selected" : ""}`} data-testid={`edge-${id}`}>
      <path d={hit} className="vsm-edge__hit" />
      {visual}
      {label && !simplified && (
        <EdgeLabelRenderer>
          <div
            className={`vsm-edge__label vsm-edge__label--${kind}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelAt.x}px, ${labelAt.y}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
}

export const VsmEdge = memo(VsmEdgeView);
export const edgeTypes = { vsm: VsmEdge };
