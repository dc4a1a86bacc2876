// A data flow: an arrow labelled with protocol, port and authentication, dashed when the flow is
// not encrypted and coloured by the most sensitive class of data it carries.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";

import { flowLabel, flowStroke } from "../../model/flows";
import { Badge } from "../nodes/Badge";
import type { FlowEdge as FlowEdgeType } from "../toFlow";

function FlowEdgeView(props: EdgeProps<FlowEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const stroke = flowStroke(data.flow);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{
          stroke: stroke.color,
          strokeWidth: selected ? 3 : 1.8,
          strokeDasharray: stroke.dashed ? "6 4" : undefined,
        }}
      />
      <EdgeLabelRenderer>
        <div
          className={`flow-label nodrag nopan${selected ? " selected" : ""}${stroke.dashed ? " plaintext" : ""}`}
          data-testid={`flow-label-${id}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: stroke.color }}
        >
          <span className="flow-text">{data.flow.name ?? flowLabel(data.flow)}</span>
          <Badge badge={data.badge} />
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
