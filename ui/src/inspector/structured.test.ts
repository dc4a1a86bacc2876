import { describe, expect, it } from "vitest";

import { principalIdValidator, resourceValidator } from "./structured";

describe("structured IAM editors", () => {
  it("names what is wrong with a principal, by kind", () => {
    expect(principalIdValidator("service")("ecs-tasks.amazonaws.com")).toBeNull();
    expect(principalIdValidator("service")("ecs")).toMatch(/service principal such as/);
    expect(principalIdValidator("external_account")("123")).toMatch(/12 digits/);
    expect(principalIdValidator("external_account")("123456789012")).toBeNull();
    expect(principalIdValidator("identity")("")).toMatch(/Say which one/);
  });

  it("takes the design's elements, ARNs and * as resources, and names anything else", () => {
    const validate = resourceValidator(["orders-db", "assets"]);
    expect(validate("orders-db, arn:aws:s3:::bucket/*, *")).toBeNull();
    expect(validate("orders-db, ordres-db")).toBe("'ordres-db' is neither an element of this design nor an ARN.");
  });
});
