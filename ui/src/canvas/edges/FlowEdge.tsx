// A data flow: an arrow labelled with protocol, port and authentication, dashed when the flow is
// not encrypted and coloured by the most sensitive class of data it carries. It follows the
// orthogonal route ELK gave it, with the label where ELK made room for it; while there is no
// route that holds (ELK still working or failed, or an end moved since), it is a step edge
// between the facing sides of its ends.
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";

import { flowStroke } from "../../model/flows";
import { labelText, routePath } from "../elkGraph";
import { Badge } from "../nodes/Badge";
import { useRouteStore } from "../routing";
import type { FlowEdge as FlowEdgeType } from "../toFlow";

function FlowEdgeView(props: EdgeProps<FlowEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const route = useRouteStore((s) => s.active[id]);
  const [stepPath, stepX, stepY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 6 });
  if (!data) return null;
  const path = route ? routePath(route.points) : stepPath;
  const [labelX, labelY] = route?.label ? [route.label.x, route.label.y] : [stepX, stepY];
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
          data-routed={route ? "elk" : "step"}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: stroke.color }}
        >
          <span className="flow-text">{labelText(data.flow)}</span>
          <Badge badge={data.badge} />
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
