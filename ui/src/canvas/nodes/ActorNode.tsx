// An actor: a person or an outside system that starts flows into the design.
import type { NodeProps } from "@xyflow/react";
import { memo } from "react";

import { actorLabels } from "../../model/catalog";
import { actorIcons } from "../../model/icons";
import type { ActorNode as ActorNodeType } from "../toFlow";
import { Badge } from "./Badge";
import { Handles } from "./Handles";

function ActorNodeView({ data, selected }: NodeProps<ActorNodeType>) {
  const { actor, badge } = data;
  return (
    <div
      className={`element-node actor-node${selected ? " selected" : ""}`}
      data-testid={`node-${actor.id}`}
      data-element-id={actor.id}
    >
      <img src={actorIcons[actor.kind]} alt="" className="element-icon" draggable={false} />
      <div className="element-text">
        <span className="element-name" title={actor.name}>{actor.name}</span>
        <span className="element-kind">{actorLabels[actor.kind]}</span>
      </div>
      <Badge badge={badge} />
      <Handles />
    </div>
  );
}

export const ActorNode = memo(ActorNodeView);
