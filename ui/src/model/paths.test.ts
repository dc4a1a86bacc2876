import { describe, expect, it } from "vitest";

import { smallDesign } from "../test/fixture";
import { dataPaths } from "./paths";

describe("data paths", () => {
  it("traces the shopper through the load balancer and the service to the database", () => {
    const { paths, truncated } = dataPaths(smallDesign());
    expect(truncated).toBe(false);
    expect(paths).toEqual([
      {
        nodes: ["shopper", "alb", "orders", "orders-db"],
        flows: ["shopper-alb", "alb-orders", "orders-db-flow"],
        data: ["cardholder", "pii"],
      },
    ]);
  });

  it("ends at the limit and says so", () => {
    const design = smallDesign();
    design.flows.push({ ...design.flows[0], id: "shopper-db", target: "orders-db" });
    expect(dataPaths(design).paths.map((p) => p.flows)).toEqual([["shopper-db"], ["shopper-alb", "alb-orders", "orders-db-flow"]]);
    const limited = dataPaths(design, 1);
    expect(limited.paths).toHaveLength(1);
    expect(limited.truncated).toBe(true);
  });

  it("never follows a loop", () => {
    const design = smallDesign();
    design.flows.push({ ...design.flows[1], id: "orders-alb", source: "orders", target: "alb" });
    expect(dataPaths(design).paths).toHaveLength(1);
  });
});
