import { describe, expect, it } from "vitest";

import { exportNotice } from "./exports";

describe("export notice", () => {
  it("says where the templates went and what still needs a person", () => {
    expect(
      exportNotice({
        location: "shop.cfn.yaml",
        files: ["shop.cfn.yaml"],
        stacks: ["shop"],
        warnings: [],
        manual_steps: [],
        over_inline_limit: [],
      }),
    ).toBe("Exported 1 stack to shop.cfn.yaml.");
    expect(
      exportNotice({
        location: "reference-cloudformation",
        files: ["network.yaml", "prod.yaml", "manifest.json"],
        stacks: ["network", "prod"],
        warnings: ["w"],
        manual_steps: [
          { element: "inspector", account: "prod", title: "Enable Amazon Inspector", instructions: "No resource.", actions: [{ kind: "console", text: "Amazon Inspector console > Get started > Activate Inspector" }] },
          { element: "shield", account: "prod", title: "Subscribe to Shield Advanced", instructions: "Before deploying.", actions: [{ kind: "command", text: "aws shield create-subscription" }] },
        ],
        over_inline_limit: ["prod (61234 bytes)"],
      }),
    ).toBe(
      "Exported 2 stacks to reference-cloudformation. Upload to S3 before deploying: prod (61234 bytes) exceed the inline template limit. 2 manual steps remain after deploying. 1 warning.",
    );
  });
});
