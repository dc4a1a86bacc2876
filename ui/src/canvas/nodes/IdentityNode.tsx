// An identity (IAM role, user, group, user pool, permission set, identity provider), drawn as a
// rounded tag so it reads differently from the resources it acts on.
import type { NodeProps } from "@xyflow/react";
import { memo } from "react";

import { identityLabels } from "../../model/catalog";
import { identityIcons } from "../../model/icons";
import type { IdentityNode as IdentityNodeType } from "../toFlow";
import { Badge } from "./Badge";
import { Handles } from "./Handles";

function IdentityNodeView({ data, selected }: NodeProps<IdentityNodeType>) {
  const { identity, badge } = data;
  return (
    <div
      className={`element-node identity-node${selected ? " selected" : ""}`}
      data-testid={`node-${identity.id}`}
      data-element-id={identity.id}
    >
      <img src={identityIcons[identity.kind]} alt="" className="element-icon" draggable={false} />
      <div className="element-text">
        <span className="element-name" title={identity.name}>{identity.name}</span>
        <span className="element-kind">
          {identityLabels[identity.kind]}
          {identity.mfa && identity.mfa !== "off" ? " · MFA" : ""}
        </span>
      </div>
      <Badge badge={badge} />
      <Handles />
    </div>
  );
}

export const IdentityNode = memo(IdentityNodeView);
