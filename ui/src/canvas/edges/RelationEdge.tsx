// A relation drawn over the flows on request (runs as, protects, uses key): a thin dotted line
// with its name, so that it never reads as a data flow.
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";

import { overlayLabels, type RelationEdge as RelationEdgeType } from "../toFlow";

const colors = { "runs-as": "#7c3aed", protects: "#0891b2", "uses-key": "#b45309" } as const;

function RelationEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<RelationEdgeType>) {
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  if (!data) return null;
  const color = colors[data.relation];
  return (
    <>
      <BaseEdge id={id} path={path} style={{ stroke: color, strokeWidth: 1.4, strokeDasharray: "2 4" }} />
      <EdgeLabelRenderer>
        <div className="relation-label nodrag nopan" data-testid={`relation-${id}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, color, borderColor: color }}>
          {overlayLabels[data.relation]}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const RelationEdge = memo(RelationEdgeView);
