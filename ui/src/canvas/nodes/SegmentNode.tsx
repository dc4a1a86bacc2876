// A segment drawn as a resizable frame: account, region, VPC, subnet (coloured by tier), or a
// zone outside AWS. Children are React Flow nodes whose parent is this one. Zoomed far out, a
// segment shows its name and what it holds in type that keeps a readable size on screen, when
// that text fits inside the segment (or its name alone, in a smaller one); a segment too small
// for either keeps the text in its tooltip, so that summaries never spill over their neighbours.
import { NodeResizer, useStore, type NodeProps } from "@xyflow/react";
import { memo } from "react";

import { segmentIcons, subnetIcons } from "../../model/icons";
import { summaryFit } from "../summaryFit";
import { segmentHeaderText } from "../titleBands";
import type { SegmentNode as SegmentNodeType } from "../toFlow";
import { Badge } from "./Badge";

function SegmentNodeView({ data, selected, width, height }: NodeProps<SegmentNodeType>) {
  const { segment, badge, summary } = data;
  const tier = segment.kind === "subnet" ? (segment.tier ?? "private") : null;
  const icon = tier ? subnetIcons[tier] : segmentIcons[segment.kind];
  const { kind: kindLabel, detail } = segmentHeaderText(segment);
  const summaryDetail = `${kindLabel} · ${summary}`;
  // A selector of three values: the node renders again only when its summary changes what it
  // shows, not on every frame of a zoom.
  const fit = useStore((state) => summaryFit(segment.name, summaryDetail, width ?? 0, height ?? 0, state.transform[2]));
  return (
    <div
      className={`segment segment-${segment.kind}${tier ? ` tier-${tier}` : ""}`}
      data-testid={`node-${segment.id}`}
      data-element-id={segment.id}
      title={summary && fit !== "full" ? `${segment.name}\n${summaryDetail}` : undefined}
    >
      <NodeResizer isVisible={selected} minWidth={160} minHeight={100} lineClassName="resize-line" handleClassName="resize-handle" />
      <div className="segment-header">
        <img src={icon} alt="" className="segment-icon" draggable={false} />
        <span className="segment-name">{segment.name}</span>
        <span className="segment-kind">{kindLabel}</span>
        {detail && <span className="segment-detail">{detail}</span>}
        <Badge badge={badge} />
      </div>
      {summary && fit !== "none" && (
        <div className="segment-summary" data-testid={`summary-${segment.id}`}>
          <span className="summary-name">{segment.name}</span>
          {fit === "full" && <span className="summary-detail">{summaryDetail}</span>}
        </div>
      )}
    </div>
  );
}

export const SegmentNode = memo(SegmentNodeView);
