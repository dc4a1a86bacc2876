// End-to-end test of the desktop app: the real binary, driven through tauri-driver and
// WebdriverIO under Xvfb, on a copy of the reference example.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it as test } from "node:test";

import { answerFileDialog, centre, drag, launch, requireProgram, settledCentre, startMoto, workspace } from "./harness.mjs";

/**
 * A test step that, when it fails and E2E_ARTIFACTS names a folder, leaves a picture of the
 * screen there (taken from the X server, so it shows the native dialogs and the edge labels).
 */
function it(name, body) {
  test(name, async () => {
    try {
      await body();
    } catch (error) {
      const folder = process.env.E2E_ARTIFACTS;
      if (folder) {
        mkdirSync(folder, { recursive: true });
        execFileSync("import", ["-window", "root", join(folder, `${name.replace(/[^a-z0-9]+/gi, "-")}.png`)]);
      }
      throw error;
    }
  });
}

const binary = process.env.ZTA_APP_BINARY ?? join(workspace, "target/debug/zta-designer");
const driver = process.env.TAURI_DRIVER ?? join(workspace, ".tools/bin/tauri-driver");

describe("ZTA Designer", { timeout: 300_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), "zta-e2e-"));
  const opened = join(work, "reference.zta.yaml");
  const savedAs = join(work, "saved-copy.zta.yaml");
  const templates = join(work, "cloudformation");
  const report = join(work, "report.pdf");
  let app;
  let browser;
  let moto;

  before(async () => {
    assert.ok(existsSync(binary), `${binary} is missing: run make app-build (or set ZTA_APP_BINARY)`);
    requireProgram(driver, "run make setup-e2e to install tauri-driver");
    requireProgram("xdotool", "run make setup");
    requireProgram("qpdf", "run make setup");
    requireProgram("cfn-lint", "run make setup-python and put .venv/bin on PATH");
    copyFileSync(join(workspace, "examples/aws-zta-reference.zta.yaml"), opened);
    // The deploy step talks to moto through the SDK's standard chain: the app's environment
    // holds fake credentials and moto's endpoint, as a developer's shell would hold real ones.
    // The server answers for the reference's workload account.
    moto = await startMoto("222222222222");
    app = await launch({ binary, driver, args: [opened], env: moto.env });
    browser = app.browser;
  });

  after(async () => {
    await app?.stop();
    moto?.stop();
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
  /** The segment a component sits in, as the canvas draws it. */
  const parentOf = (id) => browser.execute((node) => document.querySelector(`[data-testid="node-${node}"]`)?.dataset.parent ?? null, id);
  const press = (key) => browser.execute((k) => window.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })), key);

  /** Selects and frames one element as a user would: type its id in the search box, press Enter. */
  async function frame(id) {
    const search = await $('[data-testid="search"]');
    await search.setValue(id);
    await browser.keys("Enter");
    await settledCentre(browser, `[data-testid="node-${id}"]`);
  }

  it("opens the reference example named on the command line", async () => {
    await (await $('[data-testid="node-prod-vpc"]')).waitForExist({ timeout: 20_000 });
    assert.match(await text('[data-testid="file-title"]'), /reference\.zta\.yaml/);
    assert.equal(await exists('[data-testid="dirty-marker"]'), false);
    await browser.waitUntil(async () => /Validated in/.test(await text('[data-testid="validation-status"]')), { timeout: 20_000 });
  });

  it("drops an RDS database into a public subnet and shows a finding naming it", async () => {
    await frame("shared-public-a");
    // Filtering brings the database to the top of the palette, as a user looking for it would.
    await (await $('[data-testid="palette-filter"]')).setValue("RDS");
    const from = await centre(browser, '[data-testid="palette-component-rds"]');
    const subnet = await settledCentre(browser, '[data-testid="node-shared-public-a"]');
    await drag(browser, from, { x: subnet.x, y: subnet.y + 20 });
    await (await $('[data-testid="node-rds"]')).waitForExist({ timeout: 5_000, timeoutMsg: "the dropped database did not appear" });
    assert.equal(await parentOf("rds"), "shared-public-a");
    await (await $('[data-testid="palette-filter"]')).clearValue();
    assert.ok(await exists('[data-testid="dirty-marker"]'), "the design is marked dirty");
    await browser.waitUntil(async () => (await findingsFor("rds", "ZT-NET-001")).length > 0, {
      timeout: 10_000,
      timeoutMsg: "no finding about the database in a public subnet",
    });
    const [finding] = await findingsFor("rds", "ZT-NET-001");
    assert.match(finding, /rds/);

    // The compliance panel follows: a critical finding sets its ZTMM pillar back to Traditional,
    // and the ISO/IEC 27001 controls it maps to are no longer satisfied.
    await (await $('[data-testid="tab-compliance"]')).click();
    await (await $('[data-testid="ztmm"] [data-stage="traditional"]')).waitForExist({ timeout: 15_000, timeoutMsg: "no ZTMM pillar fell back" });
    await (await $('[data-testid="framework-iso27001"]')).click();
    await (await $('[data-testid="control"][data-status="not_satisfied"]')).waitForExist({ timeout: 5_000, timeoutMsg: "no ISO 27001 control is unsatisfied" });
    await (await $('[data-testid="tab-findings"]')).click();
  });

  it("moves the database into an isolated subnet and the finding goes", async () => {
    // The egress VPC holds both the public subnet and the isolated transit subnet.
    await frame("shared-vpc");
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
    await frame("shared-vpc");
    const source = await centre(browser, '.react-flow__handle.source[data-nodeid="egress-firewall"]');
    const target = await centre(browser, '.react-flow__handle.target[data-nodeid="rds"]');
    await drag(browser, source, target, 20);
    const label = '[data-testid="flow-label-egress-firewall-to-rds"] .flow-text';
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
    await (await $('[data-testid="menu-file"]')).click();
    await (await $('[data-testid="save-as"]')).click();
    await answerFileDialog("^Save design as$", savedAs, { save: true });
    await browser.waitUntil(async () => /saved-copy\.zta\.yaml/.test(await text('[data-testid="file-title"]')), {
      timeout: 10_000,
      timeoutMsg: "the window does not name the saved file",
    });
    assert.equal(await exists('[data-testid="dirty-marker"]'), false, "saving cleared the dirty marker");
    const first = readFileSync(savedAs, "utf8");
    assert.match(first, /id: rds/);
    assert.match(first, /egress-firewall-to-rds/);

    await (await $('[data-testid="menu-file"]')).click();
    const entry = await $('[data-testid="recent-saved-copy.zta.yaml"]');
    await entry.waitForExist({ timeout: 5_000 });
    await entry.click();
    await browser.waitUntil(async () => (await parentOf("rds")) === "shared-tgw-a", { timeout: 10_000 });
    // Edges are drawn once their nodes are measured, a frame or more after the nodes.
    await browser.waitUntil(async () => (await text('[data-testid="flow-label-egress-firewall-to-rds"] .flow-text')) === "PostgreSQL 5432", {
      timeout: 10_000,
      timeoutMsg: "the reopened flow does not show its port",
    });
    assert.equal(await exists('[data-testid="dirty-marker"]'), false);
    await (await $('[data-testid="save"]')).click();
    await browser.pause(1000);
    assert.equal(readFileSync(savedAs, "utf8"), first, "a reopened design saves back byte for byte");
  });

  it("exports CloudFormation that cfn-lint accepts", async () => {
    await (await $('[data-testid="menu-export"]')).click();
    await (await $('[data-testid="export-cfn"]')).click();
    // The reference spans two accounts, so it exports as a folder of stacks and a manifest.
    await answerFileDialog("^Export CloudFormation", templates, { save: true });
    await browser.waitUntil(async () => /Exported 2 stacks/.test((await text('[data-testid="notice"]')) ?? ""), {
      timeout: 20_000,
      timeoutMsg: "the export did not report its stacks",
    });
    const files = readdirSync(templates);
    assert.ok(files.includes("manifest.json"), `no manifest among ${files}`);
    const yaml = files.filter((name) => name.endsWith(".yaml")).map((name) => join(templates, name));
    assert.equal(yaml.length, 2, `two templates expected among ${files}`);
    const lint = spawnSync("cfn-lint", ["--format", "parseable", "--", ...yaml], { encoding: "utf8" });
    // cfn-lint adds 2 for an error and 4 for a warning to its exit code; both fail the export.
    assert.equal(lint.status & 0b111, 0, `cfn-lint found problems:\n${lint.stdout}${lint.stderr}`);
  });

  it("exports the PDF compliance report that qpdf accepts", async () => {
    await (await $('[data-testid="menu-export"]')).click();
    await (await $('[data-testid="export-report"]')).click();
    await answerFileDialog("^Export compliance report$", report, { save: true });
    await browser.waitUntil(async () => /Wrote the compliance report report\.pdf/.test((await text('[data-testid="notice"]')) ?? ""), {
      timeout: 30_000,
      timeoutMsg: "the report was not written",
    });
    execFileSync("qpdf", ["--check", report], { stdio: "pipe" });
    assert.equal(readFileSync(report).subarray(0, 5).toString(), "%PDF-");
  });

  it("shows the compliance assessment per framework and frames a control's elements", async () => {
    await (await $('[data-testid="tab-compliance"]')).click();
    await (await $('[data-testid="compliance"]')).waitForExist({ timeout: 15_000 });
    const frameworks = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid^="framework-"]')].map((button) => button.textContent),
    );
    assert.equal(frameworks.length, 3, `three frameworks expected: ${frameworks}`);
    assert.ok(frameworks.some((title) => /PCI DSS/.test(title)), `${frameworks}`);
    const pillars = await browser.execute(() => [...document.querySelectorAll('[data-testid^="pillar-"]')].map((p) => p.dataset.stage));
    assert.ok(pillars.length >= 5, `the ZTMM pillars are shown: ${pillars}`);
    for (const index of [0, 1, 2]) {
      await browser.execute((i) => document.querySelectorAll('[data-testid^="framework-"]')[i].click(), index);
      const statuses = await browser.execute(() => [...document.querySelectorAll('[data-testid="control"]')].map((c) => c.dataset.status));
      assert.ok(statuses.length > 10, `framework ${frameworks[index]} lists its controls`);
      for (const status of statuses) assert.match(status, /^(not_satisfied|not_evaluated|evidenced_attestation_required|attestation_required|satisfied|not_applicable)$/);
    }
    // The filter narrows the list to one status.
    await browser.execute(() => document.querySelectorAll('[data-testid^="framework-"]')[0].click());
    await (await $('[data-testid="filter-satisfied"]')).click();
    const filtered = await browser.execute(() => [...document.querySelectorAll('[data-testid="control"]')].map((c) => c.dataset.status));
    assert.ok(filtered.length > 0 && filtered.every((status) => status === "satisfied"), `${filtered}`);
    await (await $('[data-testid="filter-satisfied"]')).click();
    // A control that findings fail selects the elements they name.
    const failing = await browser.execute(() => {
      const row = [...document.querySelectorAll('[data-testid="control"]')].find((c) => !c.querySelector("button").disabled);
      if (!row) return null;
      row.querySelector("button").click();
      return row.dataset.control;
    });
    if (failing) {
      await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll(".react-flow__node.selected").length)) > 0, {
        timeout: 5_000,
        timeoutMsg: `clicking ${failing} selected nothing`,
      });
    }
  });

  it("deploys through a change set it shows for review, and declining changes nothing", async () => {
    await (await $('[data-testid="deploy"]')).click();
    await (await $('[data-testid="deploy-dialog"]')).waitForExist({ timeout: 10_000 });
    await (await $('[data-testid="deploy-connect"]')).click();
    // The credentials are the workload account's: its stack is deployed here, the other waits
    // for its own account's credentials.
    await browser.waitUntil(async () => (await exists('[data-testid="deploy-start"]')) || (await exists('[data-testid="deploy-error"]')), {
      timeout: 30_000,
      timeoutMsg: "the plan did not arrive",
    });
    assert.equal(await exists('[data-testid="deploy-error"]'), false, await text('[data-testid="deploy-error"]'));
    const phases = await browser.execute(() =>
      Object.fromEntries([...document.querySelectorAll('li[data-testid^="deploy-stack-"]')].map((li) => [li.dataset.testid.slice(13), li.dataset.phase])),
    );
    const here = Object.keys(phases).filter((name) => phases[name] === "waiting");
    const elsewhere = Object.keys(phases).filter((name) => phases[name] === "elsewhere");
    assert.equal(here.length, 1, `one stack for this account: ${JSON.stringify(phases)}`);
    assert.equal(elsewhere.length, 1, `one stack for the other account: ${JSON.stringify(phases)}`);
    // Fill every parameter the deployer must give.
    const parameters = await browser.execute(() => [...document.querySelectorAll('[data-testid^="parameter-"]')].map((i) => i.dataset.testid.slice(10)));
    for (const name of parameters) {
      const value = /PrefixListId$/.test(name) ? "pl-6da54004" : /Image$/.test(name) ? "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:" + "0".repeat(64) : "value-" + name;
      await (await $(`[data-testid="parameter-${name}"]`)).setValue(value);
    }
    await (await $('[data-testid="deploy-start"]')).click();
    await (await $('[data-testid="change-set"]')).waitForExist({ timeout: 60_000, timeoutMsg: "no change set came for review" });
    const review = await text('[data-testid="change-set"]');
    assert.match(review, new RegExp(here[0]), "the change set names its stack");
    assert.match(review, /AWS::EC2::VPC/, "the change set lists the resources it adds");
    await (await $('[data-testid="decline-change-set"]')).click();
    await browser.waitUntil(async () => (await exists('[data-testid="deploy-close"]')), { timeout: 30_000, timeoutMsg: "the deployment did not end" });
    const phase = await browser.execute((name) => document.querySelector(`[data-testid="deploy-stack-${name}"]`)?.dataset.phase, here[0]);
    assert.equal(phase, "declined");
    await (await $('[data-testid="deploy-close"]')).click();
    assert.equal(await exists('[data-testid="deploy-dialog"]'), false);
  });
});
