// The four handles of an element, one per side. Flows connect in any direction (the canvas uses
// loose connections), and each flow is drawn from the sides of its two ends that face each other
// (see `facingSides` in toFlow.ts), so a flow going back or down does not loop around a node.
import { Handle, Position } from "@xyflow/react";

export const sides = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

export function Handles() {
  return (
    <>
      {sides.map((side) => (
        <Handle key={side} id={side} type="source" position={side} />
      ))}
    </>
  );
}
