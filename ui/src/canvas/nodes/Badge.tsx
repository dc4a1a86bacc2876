// The severity badge an element carries when validation found something wrong with it.
import type { Badges } from "../toFlow";

export function Badge({ badge }: { badge?: Badges[string] }) {
  if (!badge) return null;
  return (
    <span
      className={`badge badge-${badge.severity}`}
      data-testid="finding-badge"
      title={`${badge.count} finding${badge.count === 1 ? "" : "s"}, worst ${badge.severity}`}
    >
      {badge.count}
    </span>
  );
}
