import { describe, expect, it } from "vitest";

import type { Design } from "../model/types";
import { conditionValidator, principalIdValidator, resourceValidator, trustConditionFields, withCondition } from "./structured";

describe("structured IAM editors", () => {
  it("names what is wrong with a principal, by kind", () => {
    expect(principalIdValidator("service")("ecs-tasks.amazonaws.com")).toBeNull();
    expect(principalIdValidator("service")("ecs")).toMatch(/service principal such as/);
    expect(principalIdValidator("external_account")("123")).toMatch(/12 digits/);
    expect(principalIdValidator("external_account")("123456789012")).toBeNull();
    expect(principalIdValidator("identity")("")).toMatch(/Say which one/);
  });

  it("offers the conditions IAM evaluates for each kind of principal", () => {
    expect(trustConditionFields("service").map(([field]) => field)).toEqual(["source_account", "source_arn"]);
    expect(trustConditionFields("external_account").map(([field]) => field)).toEqual(["external_id", "organization_id"]);
    expect(trustConditionFields("federated").map(([field]) => field)).toEqual(["audience", "amr"]);
  });

  it("sets and clears a condition, leaving no empty conditions behind", () => {
    const trust = { kind: "external_account" as const, id: "999999999999" };
    const scoped = withCondition(trust, "external_id", " vendor-7f3a ");
    expect(scoped).toEqual({ ...trust, conditions: { external_id: "vendor-7f3a" } });
    expect(withCondition(scoped, "external_id", "")).toEqual(trust);
  });

  it("names a condition value that cannot be right", () => {
    const design = { segments: [{ id: "prod", kind: "account" }], components: [{ id: "orders" }] } as unknown as Design;
    expect(conditionValidator(design, "organization_id")("o-a1b2c3d4e5")).toBeNull();
    expect(conditionValidator(design, "organization_id")("org-1")).toMatch(/organization id/);
    expect(conditionValidator(design, "source_account")("prod")).toBeNull();
    expect(conditionValidator(design, "source_account")("12345")).toMatch(/12-digit/);
    expect(conditionValidator(design, "source_arn")("orders")).toBeNull();
    expect(conditionValidator(design, "source_arn")("ordres")).toMatch(/component of this design or an ARN/);
  });

  it("takes the design's elements, ARNs and * as resources, and names anything else", () => {
    const validate = resourceValidator(["orders-db", "assets"]);
    expect(validate("orders-db, arn:aws:s3:::bucket/*, *")).toBeNull();
    expect(validate("orders-db, ordres-db")).toBe("'ordres-db' is neither an element of this design nor an ARN.");
  });
});
