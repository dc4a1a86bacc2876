import { describe, expect, it } from "vitest";

import { normalizeDesign } from "../model/normalize";
import { smallDesign } from "../test/fixture";
import { completeActions, completeResources, designArns, loadActions, unknownAction } from "./iamCompletion";

describe("IAM completion", () => {
  it("holds every service's actions from parliament's definition", async () => {
    const list = await loadActions();
    expect(Object.keys(list).length).toBeGreaterThan(300);
    expect(Object.values(list).reduce((sum, names) => sum + names.length, 0)).toBeGreaterThan(15000);
    expect(list.s3).toContain("GetObject");
    expect(list["bedrock"]).toContain("InvokeModel");
  });

  it("completes the entry being typed, keeping the ones before it", async () => {
    const list = await loadActions();
    expect(completeActions("dynamo", list)).toEqual(expect.arrayContaining(["dynamodb:"]));
    const s3 = completeActions("kms:Decrypt, s3:GetObj", list);
    expect(s3[0]).toBe("kms:Decrypt, s3:GetObject");
    expect(s3.every((s) => s.startsWith("kms:Decrypt, s3:"))).toBe(true);
    // Text inside a name also matches, after the names that start with it.
    expect(completeActions("sqs:message", list)).toEqual(expect.arrayContaining(["sqs:ReceiveMessage", "sqs:SendMessage"]));
  });

  it("names an unknown service or action, and accepts wildcards", async () => {
    const list = await loadActions();
    expect(unknownAction("s3:GetObject, s3:Get*, sqs:*, *", list)).toBeNull();
    expect(unknownAction("ecs:RunTask, s4:GetObject", list)).toBe("'s4' is not the prefix of an AWS service.");
    expect(unknownAction("s3:GetObjekt", list)).toMatch(/^s3 has no action GetObjekt; did you mean s3:GetObject/);
  });

  it("offers the ARNs of the design's resources, in their account and region", () => {
    const base = smallDesign();
    const design = normalizeDesign({
      ...base,
      segments: base.segments.map((s) => (s.id === "vpc" ? { ...s, region: "eu-west-1" } : s)),
      components: [...base.components, { id: "orders-queue", kind: "sqs_queue", name: "orders", segment: "private" }],
    });
    const arns = designArns(design);
    expect(arns).toContain("arn:aws:sqs:eu-west-1:123456789012:orders-queue");
    expect(completeResources("orders-db, arn:aws:sqs", arns)).toEqual(["orders-db, arn:aws:sqs:eu-west-1:123456789012:orders-queue"]);
  });
});
