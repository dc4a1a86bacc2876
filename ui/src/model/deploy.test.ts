import { describe, expect, it } from "vitest";

import type { ChangeSetReview, DeployEvent, AccountPlan } from "../generated/app";
import { smallDesign } from "../test/fixture";
import {
  LOG_LIMIT,
  applyDeployEvent,
  changeCounts,
  designPlacement,
  failDeploy,
  finishDeploy,
  initialDeploy,
  parameterValues,
  planned,
  type DeployProgress,
  type DeployState,
} from "./deploy";
import type { Design } from "./types";

const progress = (p: DeployProgress): DeployEvent => ({ kind: "progress", progress: p });
const plan: AccountPlan = {
  account_id: "222222222222",
  region: "eu-west-1",
  stacks: [{ name: "prod", account_id: "222222222222", parameters: ["OrdersSvcImage"] }],
  elsewhere: [{ name: "network", account_id: "111111111111", parameters: [] }],
  manual_steps: [
    {
      element: "inspector",
      account: "prod",
      title: "Enable Amazon Inspector",
      instructions: "Enabling Inspector v2 has no CloudFormation resource.",
      actions: [{ kind: "command", text: "aws inspector2 enable --resource-types EC2 --account-ids 222222222222" }],
    },
  ],
};
const fold = (events: DeployEvent[], from: DeployState = planned(initialDeploy, plan)) => events.reduce(applyDeployEvent, from);

const changeSet: ChangeSetReview = {
  stack_name: "prod",
  change_set_type: "CREATE",
  changes: [
    { action: "add", logical_id: "Vpc", resource_type: "AWS::EC2::VPC", replacement: "never", changed_properties: [] },
    { action: "add", logical_id: "Db", resource_type: "AWS::RDS::DBInstance", replacement: "never", changed_properties: [] },
    { action: "modify", logical_id: "Role", resource_type: "AWS::IAM::Role", replacement: "conditional", changed_properties: ["Policies"] },
  ],
  capabilities: ["CAPABILITY_NAMED_IAM"],
  warnings: [],
};

const event = (logical_id: string, status: string, reason: string | null = null): DeployEvent =>
  progress({ kind: "stack_event", stack_name: "prod", timestamp: "t", logical_id, resource_type: "AWS::X::Y", status, reason });

describe("deploy dialog state", () => {
  it("lists this account's stacks and marks the others as deployed elsewhere", () => {
    const state = fold([]);
    expect(state.phase).toBe("planned");
    expect(state.account).toBe("222222222222");
    expect(state.stacks.map((s) => [s.name, s.phase])).toEqual([
      ["prod", "waiting"],
      ["network", "elsewhere"],
    ]);
  });

  it("waits for review, then counts settled resources while executing", () => {
    let state = fold([progress({ kind: "validating", stack_name: "prod", template_bytes: 1200 }), { kind: "review", change_set: changeSet }]);
    expect(state.phase).toBe("review");
    expect(state.review?.stack_name).toBe("prod");
    expect(changeCounts(changeSet)).toEqual({ add: 2, modify: 1 });

    state = fold(
      [
        progress({ kind: "executing", stack_name: "prod", resource_changes: 3 }),
        event("Vpc", "CREATE_IN_PROGRESS"),
        event("Vpc", "CREATE_COMPLETE"),
        event("Db", "CREATE_FAILED", "quota exceeded"),
        event("prod", "ROLLBACK_IN_PROGRESS"),
      ],
      state,
    );
    expect(state.review).toBeNull();
    const prod = state.stacks[0];
    expect([prod.phase, prod.settled, prod.total, prod.status]).toEqual(["executing", 2, 3, "ROLLBACK_IN_PROGRESS"]);
    expect(state.log.filter((line) => line.failed).map((line) => line.text)).toEqual(["Db (AWS::X::Y) CREATE_FAILED: quota exceeded"]);

    state = applyDeployEvent(state, progress({ kind: "finished", stack_name: "prod", status: "ROLLBACK_COMPLETE", succeeded: false }));
    expect(state.stacks[0].phase).toBe("failed");
  });

  it("ends done, declined at a stack, or failed with the shell's message", () => {
    const running = fold([{ kind: "review", change_set: changeSet }]);
    const declined = finishDeploy(running, "prod");
    expect([declined.phase, declined.stacks[0].phase]).toEqual(["done", "declined"]);
    const failed = failDeploy(running, "no credentials for profile dev");
    expect([failed.phase, failed.error, failed.stacks[0].phase]).toEqual(["failed", "no credentials for profile dev", "failed"]);
  });

  it("keeps only the latest log lines", () => {
    const events = Array.from({ length: LOG_LIMIT + 20 }, (_, i) => event(`R${i}`, "CREATE_IN_PROGRESS"));
    const state = fold(events);
    expect(state.log).toHaveLength(LOG_LIMIT);
    expect(state.log[state.log.length - 1].text).toContain(`R${LOG_LIMIT + 19}`);
  });

  it("sends only the parameters the deployer filled in, trimmed", () => {
    expect(parameterValues({ OrdersSvcImage: " repo@sha256:abc ", AdminPsGroupId: "", Zone: "  " })).toEqual({ OrdersSvcImage: "repo@sha256:abc" });
  });
});

describe("where the design says it deploys", () => {
  it("offers the design's region and names its accounts", () => {
    const design = smallDesign();
    design.segments.push({ id: "eu", kind: "region", name: "Ireland", parent: "prod", region: "eu-west-1" } as Design["segments"][number]);
    expect(designPlacement(design)).toEqual({ regions: ["eu-west-1"], accounts: [{ name: "Production", id: "123456789012" }] });
  });
});
