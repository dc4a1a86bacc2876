// A component: its AWS icon, its name and kind, what it stores, and handles to draw flows.
import type { NodeProps } from "@xyflow/react";
import { memo } from "react";

import { kindInfo } from "../../model/catalog";
import { dataClassColors, dataClassLabels, mostSensitive } from "../../model/flows";
import { componentIcons } from "../../model/icons";
import type { ComponentNode as ComponentNodeType } from "../toFlow";
import { Badge } from "./Badge";
import { Handles } from "./Handles";

function ComponentNodeView({ data, selected }: NodeProps<ComponentNodeType>) {
  const { component, badge } = data;
  const stored = mostSensitive(component.stores);
  return (
    <div
      className={`element-node component-node${selected ? " selected" : ""}`}
      data-testid={`node-${component.id}`}
      data-element-id={component.id}
      data-parent={component.segment}
    >
      <img src={componentIcons[component.kind]} alt="" className="element-icon" draggable={false} />
      <div className="element-text">
        <span className="element-name" title={component.name}>{component.name}</span>
        <span className="element-kind">{kindInfo(component.kind).label}</span>
      </div>
      {stored && (
        <span className="stores-chip" style={{ background: dataClassColors[stored] }} title="Most sensitive data stored">
          {dataClassLabels[stored]}
        </span>
      )}
      <Badge badge={badge} />
      <Handles />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
