import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import { flowLabel, flowStroke, mostSensitive } from "./flows";

describe("flow presentation", () => {
  const flows = smallDesign().flows;
  const byId = (id: string) => flows.find((f) => f.id === id)!;

  it("labels flows the way the Rust model does", () => {
    expect(flowLabel(byId("orders-db-flow"))).toBe("PostgreSQL 5432 · IAM");
    expect(flowLabel(byId("shopper-alb"))).toBe("HTTPS 443");
    expect(flowLabel({ ...byId("shopper-alb"), ports: [80, "8000-8080"], auth: "jwt", issuer: "pool" })).toBe("HTTPS 80,8000-8080 · JWT");
  });

  it("colours by the most sensitive class and dashes plaintext", () => {
    expect(mostSensitive(["pii", "internal", "cardholder", "public"])).toBe("cardholder");
    expect(flowStroke(byId("orders-db-flow"))).toEqual({ color: "#dc2626", dashed: false });
    expect(flowStroke({ ...byId("alb-orders"), tls: "none" }).dashed).toBe(true);
  });
});
