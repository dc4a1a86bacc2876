import { describe, expect, it } from "vitest";

import * as v from "./validate";

describe("inspector validation", () => {
  it("accepts ids the loader accepts and rejects the rest", () => {
    expect(v.validateId("orders-db_2.a", new Set())).toBeNull();
    expect(v.validateId("-db", new Set())).toMatch(/starting with a letter/);
    expect(v.validateId("db", new Set(["db"]))).toMatch(/already has/);
    expect(v.validateId("", new Set())).toMatch(/required/);
  });

  it("checks CIDR blocks, including host bits", () => {
    expect(v.cidr("10.0.0.0/16")).toBeNull();
    expect(v.cidr("10.0.1.0/16")).toMatch(/Host bits/);
    expect(v.cidr("10.0.0.300/24")).toMatch(/0 to 255/);
    expect(v.cidr("10.0.0.0/33")).toMatch(/0 to 32/);
    expect(v.cidr("ten")).toMatch(/IPv4/);
  });

  it("checks ports and ranges and parses them into the model's form", () => {
    expect(v.ports("443, 8000-8080")).toBeNull();
    expect(v.ports("70000")).toMatch(/0 to 65535/);
    expect(v.ports("90-80")).toMatch(/ends before/);
    expect(v.ports("http")).toMatch(/not a port/);
    expect(v.parsePorts("443, 8000 - 8080")).toEqual([443, "8000-8080"]);
  });

  it("checks account ids, regions, zones, actions and ARNs", () => {
    expect(v.accountId("123456789012")).toBeNull();
    expect(v.accountId("12345")).not.toBeNull();
    expect(v.region("eu-west-1")).toBeNull();
    expect(v.region("europe")).not.toBeNull();
    expect(v.availabilityZone("eu-west-1a")).toBeNull();
    expect(v.iamActions("s3:GetObject, kms:Decrypt")).toBeNull();
    expect(v.iamActions("GetObject")).toMatch(/not an IAM action/);
    expect(v.arn("arn:aws:iam::aws:policy/ReadOnlyAccess")).toBeNull();
    expect(v.arn("ReadOnlyAccess")).not.toBeNull();
    expect(v.jsonArray('[{"actions": ["s3:GetObject"]}]')).toBeNull();
    expect(v.jsonArray("{")).toMatch(/Not valid JSON/);
  });

  it("checks egress domains, hosted sign-in prefixes and OAuth callback URLs", () => {
    expect(v.domainList("api.example.com, .example.org")).toBeNull();
    expect(v.domainList("api.example.com, https://x.example.com")).toMatch(/'https:\/\/x.example.com' is not a domain/);
    expect(v.domainPrefix("shop-sign-in")).toBeNull();
    expect(v.domainPrefix("Shop_Sign_In")).not.toBeNull();
    expect(v.domainPrefix("-shop")).not.toBeNull();
    expect(v.callbackUrls("https://app.example.com/callback, http://localhost:3000/cb")).toBeNull();
    expect(v.callbackUrls("http://app.example.com/callback")).toMatch(/must use https/);
    expect(v.callbackUrls("app.example.com")).toMatch(/not a full URL/);
  });
});
