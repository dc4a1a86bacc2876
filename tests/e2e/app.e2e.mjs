// End-to-end test of the desktop app: the real binary, driven through tauri-driver and
// WebdriverIO under Xvfb, on a copy of the reference example.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { answerFileDialog, centre, drag, launch, requireProgram, workspace } from "./harness.mjs";

const binary = process.env.ZTA_APP_BINARY ?? join(workspace, "target/debug/zta-designer");
const driver = process.env.TAURI_DRIVER ?? join(workspace, ".tools/bin/tauri-driver");

describe("ZTA Designer", { timeout: 240_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), "zta-e2e-"));
  const design = join(work, "reference.zta.yaml");
  let app;

  before(async () => {
    assert.ok(existsSync(binary), `${binary} is missing: run make app-build (or set ZTA_APP_BINARY)`);
    requireProgram(driver, "run make setup-e2e to install tauri-driver");
    requireProgram("xdotool", "run make setup");
    copyFileSync(join(workspace, "examples/aws-zta-reference.zta.yaml"), design);
    app = await launch({ binary, driver, args: [design] });
  });

  after(async () => {
    await app?.stop();
  });

  const $ = (selector) => app.browser.$(selector);

  it("opens the reference example named on the command line", async () => {
    await (await $('[data-testid="node-prod-vpc"]')).waitForExist({ timeout: 15_000 });
    const title = await (await $('[data-testid="file-title"]')).getText();
    assert.match(title, /reference\.zta\.yaml/);
    assert.equal(await (await $('[data-testid="dirty-marker"]')).isExisting(), false);
  });

  it("drops an RDS database from the palette into a public subnet", async () => {
    const browser = app.browser;
    await browser.execute(() => document.querySelector('[data-testid="fit"]').click());
    await browser.pause(500);
    const from = await centre(browser, '[data-testid="palette-component-rds"]');
    const subnet = await browser.execute(() => {
      const frame = document.querySelector(".segment.tier-public");
      const rect = frame.getBoundingClientRect();
      return { id: frame.dataset.elementId, x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height - 24) };
    });
    await drag(browser, from, subnet);
    const node = await $('[data-testid="node-rds"]');
    await node.waitForExist({ timeout: 5_000, timeoutMsg: "the dropped database did not appear" });
    const parent = await browser.execute(() => document.querySelector('[data-testid="node-rds"]').closest(".react-flow__node").dataset.id);
    assert.equal(parent, "rds");
    assert.ok(await (await $('[data-testid="dirty-marker"]')).isExisting(), "the design is marked dirty");
  });
});
