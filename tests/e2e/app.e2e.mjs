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

describe("ZTA Designer", { timeout: 300_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), "zta-e2e-"));
  const opened = join(work, "reference.zta.yaml");
  const savedAs = join(work, "saved-copy.zta.yaml");
  let app;
  let browser;

  before(async () => {
    assert.ok(existsSync(binary), `${binary} is missing: run make app-build (or set ZTA_APP_BINARY)`);
    requireProgram(driver, "run make setup-e2e to install tauri-driver");
    requireProgram("xdotool", "run make setup");
    copyFileSync(join(workspace, "examples/aws-zta-reference.zta.yaml"), opened);
    app = await launch({ binary, driver, args: [opened] });
    browser = app.browser;
  });

  after(async () => {
    await app?.stop();
  });

  const $ = (selector) => browser.$(selector);
  const text = (selector) => browser.execute((sel) => document.querySelector(sel)?.textContent ?? null, selector);
  const exists = (selector) => browser.execute((sel) => document.querySelector(sel) !== null, selector);
  const findingsFor = (id, rule) =>
    browser.execute(
      (element, code) =>
        [...document.querySelectorAll('[data-testid="finding"]')]
          .filter((f) => f.dataset.elements.split(" ").includes(element) && (!code || f.dataset.rule === code))
          .map((f) => `${f.dataset.rule}: ${f.textContent}`),
      id,
      rule,
    );
  const parentOf = (id) => browser.execute((node) => document.querySelector(`.react-flow__node[data-id="${node}"]`)?.dataset.parentId ?? null, id);
  const press = (key) => browser.execute((k) => window.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })), key);

  /** Frames `ids` on the canvas: fit everything, click (then Ctrl+click) each, press F. */
  async function frame(ids) {
    await press("Escape");
    await (await $('[data-testid="fit"]')).click();
    await browser.pause(700);
    for (const [index, id] of ids.entries()) {
      const point = await centre(browser, `[data-testid="node-${id}"]`);
      assert.ok(point, `node ${id} is on the canvas`);
      const keys = index === 0 ? [] : [{ type: "keyDown", value: "\uE009" }];
      await browser.performActions([
        { type: "key", id: "keyboard", actions: [...keys, { type: "pause", duration: 0 }, { type: "pause", duration: 0 }, { type: "pause", duration: 0 }, ...(index === 0 ? [] : [{ type: "keyUp", value: "\uE009" }])] },
        { type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [
          { type: "pointerMove", duration: 0, origin: "viewport", x: point.x, y: point.y },
          { type: "pointerDown", button: 0 },
          { type: "pointerUp", button: 0 },
        ] },
      ]);
      await browser.releaseActions();
    }
    await press("f");
    await browser.pause(700);
  }

  it("opens the reference example named on the command line", async () => {
    await (await $('[data-testid="node-prod-vpc"]')).waitForExist({ timeout: 20_000 });
    assert.match(await text('[data-testid="file-title"]'), /reference\.zta\.yaml/);
    assert.equal(await exists('[data-testid="dirty-marker"]'), false);
    await browser.waitUntil(async () => /Validated in/.test(await text('[data-testid="validation-status"]')), { timeout: 20_000 });
  });

  it("drops an RDS database into a public subnet and shows a finding naming it", async () => {
    await frame(["shared-public-a"]);
    const from = await centre(browser, '[data-testid="palette-component-rds"]');
    const subnet = await centre(browser, '[data-testid="node-shared-public-a"]');
    await drag(browser, from, { x: subnet.x, y: subnet.y + 20 });
    await (await $('[data-testid="node-rds"]')).waitForExist({ timeout: 5_000, timeoutMsg: "the dropped database did not appear" });
    assert.equal(await parentOf("rds"), "shared-public-a");
    assert.ok(await exists('[data-testid="dirty-marker"]'), "the design is marked dirty");
    await browser.waitUntil(async () => (await findingsFor("rds", "ZT-NET-001")).length > 0, {
      timeout: 10_000,
      timeoutMsg: "no finding about the database in a public subnet",
    });
    const [finding] = await findingsFor("rds", "ZT-NET-001");
    assert.match(finding, /rds/);
  });

  it("moves the database into an isolated subnet and the finding goes", async () => {
    await frame(["rds", "shared-tgw-a"]);
    const from = await centre(browser, '[data-testid="node-rds"]');
    const isolated = await centre(browser, '[data-testid="node-shared-tgw-a"]');
    await drag(browser, { x: from.x - 40, y: from.y }, { x: isolated.x - 40, y: isolated.y + 10 }, 20);
    await browser.waitUntil(async () => (await parentOf("rds")) === "shared-tgw-a", { timeout: 5_000, timeoutMsg: "the database did not move" });
    await browser.waitUntil(async () => (await findingsFor("rds", "ZT-NET-001")).length === 0, {
      timeout: 10_000,
      timeoutMsg: "the public-subnet finding stayed",
    });
  });

  it("draws a flow, edits its port, and undoes the edit", async () => {
    await frame(["egress-firewall", "rds"]);
    const source = await centre(browser, '.react-flow__handle.source[data-nodeid="egress-firewall"]');
    const target = await centre(browser, '.react-flow__handle.target[data-nodeid="rds"]');
    await drag(browser, source, target, 20);
    const label = '[data-testid="flow-label-egress-firewall-to-rds"]';
    await (await $(label)).waitForExist({ timeout: 5_000, timeoutMsg: "the flow was not drawn" });
    assert.equal(await text(label), "PostgreSQL 5432");
    const ports = await $('[data-testid="inspector-ports"]');
    await ports.waitForExist({ timeout: 5_000 });
    await ports.setValue("5433");
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await text(label)) === "PostgreSQL 5433", { timeout: 5_000, timeoutMsg: "the port edit did not reach the canvas" });
    await (await $('[data-testid="undo"]')).click();
    await browser.waitUntil(async () => (await text(label)) === "PostgreSQL 5432", { timeout: 5_000, timeoutMsg: "undo did not restore the port" });
  });

  it("saves to a new file through the dialog and reopens it unchanged", async () => {
    await (await $('[data-testid="save-as"]')).click();
    await answerFileDialog("Save design as", savedAs);
    await browser.waitUntil(async () => !(await exists('[data-testid="dirty-marker"]')), { timeout: 10_000, timeoutMsg: "saving did not clear the dirty marker" });
    assert.match(await text('[data-testid="file-title"]'), /saved-copy\.zta\.yaml/);
    const first = readFileSync(savedAs, "utf8");
    assert.match(first, /id: rds/);
    assert.match(first, /egress-firewall-to-rds/);

    await (await $('[data-testid="menu-recent"]')).click();
    const entry = await $("button=saved-copy.zta.yaml");
    await entry.waitForExist({ timeout: 5_000 });
    await entry.click();
    await browser.waitUntil(async () => (await parentOf("rds")) === "shared-tgw-a", { timeout: 10_000 });
    assert.equal(await text('[data-testid="flow-label-egress-firewall-to-rds"]'), "PostgreSQL 5432");
    assert.equal(await exists('[data-testid="dirty-marker"]'), false);
    await (await $('[data-testid="save"]')).click();
    await browser.pause(1000);
    assert.equal(readFileSync(savedAs, "utf8"), first, "a reopened design saves back byte for byte");
  });
});
