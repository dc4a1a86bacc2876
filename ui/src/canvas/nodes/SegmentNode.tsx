// A segment drawn as a resizable frame: account, region, VPC, subnet (coloured by tier), or a
// zone outside AWS. Children are React Flow nodes whose parent is this one. Zoomed far out, a
// segment shows its name and what it holds in type that keeps a readable size on screen.
import { NodeResizer, type NodeProps } from "@xyflow/react";
import { memo } from "react";

import { segmentIcons, subnetIcons } from "../../model/icons";
import { segmentHeaderText } from "../titleBands";
import type { SegmentNode as SegmentNodeType } from "../toFlow";
import { Badge } from "./Badge";

function SegmentNodeView({ data, selected }: NodeProps<SegmentNodeType>) {
  const { segment, badge, summary } = data;
  const tier = segment.kind === "subnet" ? (segment.tier ?? "private") : null;
  const icon = tier ? subnetIcons[tier] : segmentIcons[segment.kind];
  const { kind: kindLabel, detail } = segmentHeaderText(segment);
  return (
    <div
      className={`segment segment-${segment.kind}${tier ? ` tier-${tier}` : ""}`}
      data-testid={`node-${segment.id}`}
      data-element-id={segment.id}
    >
      <NodeResizer isVisible={selected} minWidth={160} minHeight={100} lineClassName="resize-line" handleClassName="resize-handle" />
      <div className="segment-header">
        <img src={icon} alt="" className="segment-icon" draggable={false} />
        <span className="segment-name">{segment.name}</span>
        <span className="segment-kind">{kindLabel}</span>
        {detail && <span className="segment-detail">{detail}</span>}
        <Badge badge={badge} />
      </div>
      {summary && (
        <div className="segment-summary" data-testid={`summary-${segment.id}`}>
          <span className="summary-name">{segment.name}</span>
          <span className="summary-detail">{kindLabel} · {summary}</span>
        </div>
      )}
    </div>
  );
}

export const SegmentNode = memo(SegmentNodeView);
