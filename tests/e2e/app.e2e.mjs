// End-to-end test of the desktop app: the real binary, driven through tauri-driver and
// WebdriverIO under Xvfb, on a copy of the reference example.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it as test } from "node:test";

import { answerFileDialog, centre, drag, launch, requireProgram, settledCentre, startMoto, workspace } from "./harness.mjs";
import { diagramLines } from "./pdfDiagram.mjs";

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

/** How many flows' routes a saved design keeps (the entries under `layout:`'s `routes:`). */
function savedRoutes(text) {
  const lines = text.split("\n");
  const start = lines.indexOf("  routes:");
  if (start < 0) return 0;
  let count = 0;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== "" && !line.startsWith("    ")) break;
    if (/^    [^ -].*:$/.test(line)) count++;
  }
  return count;
}

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
    requireProgram("pdftotext", "run make setup");
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

  it("draws the reference's flows on ELK's routes, every label clear of nodes and titles", async () => {
    await frame("prod-vpc");
    await browser.keys(["Control", "1"]);
    await browser.pause(600);
    const routed = () => browser.execute(() => [...document.querySelectorAll(".flow-label")].map((l) => l.dataset.routed));
    await browser.waitUntil(async () => {
      const kinds = await routed();
      return kinds.length > 0 && kinds.every((k) => k === "elk");
    }, { timeout: 30_000, timeoutMsg: `flows not on ELK's routes: ${await routed()}` });
    const clashes = await browser.execute(() => {
      const box = (e) => e.getBoundingClientRect();
      const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const labels = [...document.querySelectorAll(".flow-label")].map((l) => [l.dataset.testid, box(l)]);
      const others = [
        ...[...document.querySelectorAll(".element-node")].map((n) => [n.dataset.testid, box(n)]),
        ...[...document.querySelectorAll(".segment-header .segment-name")].map((n) => [n.textContent, box(n)]),
      ];
      return labels.flatMap(([label, a]) => others.filter(([, b]) => meet(a, b)).map(([other]) => `${label} over ${other}`));
    });
    assert.deepEqual(clashes, []);
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
    await (await $('[data-testid="control"][data-status="not-satisfied"]')).waitForExist({ timeout: 5_000, timeoutMsg: "no ISO 27001 control is unsatisfied" });
    await (await $('[data-testid="tab-findings"]')).click();
  });

  it("moves the database into an isolated subnet and the finding goes", async () => {
    // The egress VPC holds both the public subnet and the isolated transit subnet.
    await frame("shared-vpc");
    const from = await settledCentre(browser, '[data-testid="node-rds"]');
    const isolated = await centre(browser, '[data-testid="node-shared-tgw-a"]');
    // Held left of its centre, on its name, and within it at the zoom that frames the VPC.
    await drag(browser, { x: from.x - 20, y: from.y }, { x: isolated.x - 40, y: isolated.y + 10 }, 20);
    await browser.waitUntil(async () => (await parentOf("rds")) === "shared-tgw-a", { timeout: 5_000, timeoutMsg: "the database did not move" });
    await browser.waitUntil(async () => (await findingsFor("rds", "ZT-NET-001")).length === 0, {
      timeout: 10_000,
      timeoutMsg: "the public-subnet finding stayed",
    });
  });

  it("draws a flow, edits its port, and undoes the edit", async () => {
    await frame("shared-vpc");
    const source = await centre(browser, '.react-flow__handle[data-nodeid="egress-firewall"][data-handlepos="right"]');
    const target = await centre(browser, '.react-flow__handle[data-nodeid="rds"][data-handlepos="left"]');
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

  it("opens the window's own menus on right-click and never the web view's", async () => {
    await frame("shared-vpc");
    await (await $('[data-testid="node-egress-firewall"]')).click({ button: "right" });
    await (await $('[data-testid="context-menu-element"]')).waitForExist({ timeout: 5_000, timeoutMsg: "no element menu" });
    assert.ok(await exists('[data-testid="context-delete"]'));
    assert.deepEqual(await browser.execute(() => [...document.querySelectorAll(".react-flow__node.selected")].map((n) => n.dataset.id)), ["egress-firewall"]);
    await browser.keys("Escape");
    await browser.waitUntil(async () => !(await exists('[data-testid="context-menu-element"]')), { timeout: 5_000, timeoutMsg: "Escape left the menu open" });

    await (await $('[data-testid="flow-label-egress-firewall-to-rds"]')).click({ button: "right" });
    await (await $('[data-testid="context-menu-flow"]')).waitForExist({ timeout: 5_000, timeoutMsg: "no flow menu" });
    await (await $('[data-testid="context-show-target"]')).click();
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelector(".react-flow__node.selected")?.dataset.id)) === "rds", {
      timeout: 5_000,
      timeoutMsg: "Go to target did not select the database",
    });
    // The view glides onto the database; an empty spot is looked for once it stands still.
    await settledCentre(browser, '[data-testid="node-rds"]');

    // A point of the canvas where no node, edge or panel is: what a right-click on the canvas hits.
    const empty = await browser.execute(() => {
      const r = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
      for (let y = r.top + 60; y < r.bottom - 60; y += 20) {
        for (let x = r.left + 20; x < r.right - 200; x += 20) {
          if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane")) return { x: Math.round(x), y: Math.round(y) };
        }
      }
      return null;
    });
    assert.ok(empty, "no empty spot on the canvas");
    await browser.performActions([{
      type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
      actions: [{ type: "pointerMove", duration: 0, origin: "viewport", x: empty.x, y: empty.y }, { type: "pointerDown", button: 2 }, { type: "pointerUp", button: 2 }],
    }]);
    await browser.releaseActions();
    await (await $('[data-testid="context-menu-canvas"]')).waitForExist({ timeout: 5_000, timeoutMsg: "no canvas menu" });
    await (await $('[data-testid="context-shortcuts"]')).click();
    await (await $('[data-testid="shortcuts"]')).waitForExist({ timeout: 5_000, timeoutMsg: "no shortcuts sheet" });
    await browser.keys("Escape");
    // The web view's own menu (Back, Reload, Inspect Element) is refused everywhere but in text fields.
    const refused = await browser.execute(() => {
      const event = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
      document.querySelector(".react-flow__pane").dispatchEvent(event);
      return event.defaultPrevented;
    });
    assert.equal(refused, true);
    await press("?");
    await (await $('[data-testid="shortcuts"]')).waitForExist({ timeout: 5_000, timeoutMsg: "? did not open the shortcuts sheet" });
    await press("Escape");
    assert.equal(await exists('[data-testid="dirty-marker"]'), true, "the design still holds the unsaved database and flow");
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
    // The file keeps the routes that held when it was saved (none of ELK's hold once a drop has
    // moved the layout away from ELK's); the reopened window saves them again once it draws them.
    const routed = savedRoutes(first);
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll('.flow-label[data-routed="elk"]').length)) === routed, {
      timeout: 30_000,
      timeoutMsg: `the reopened design does not draw the ${routed} routes its file keeps`,
    });
    await (await $('[data-testid="save"]')).click();
    await browser.pause(1000);
    assert.equal(readFileSync(savedAs, "utf8"), first, "a reopened design saves back byte for byte");
  });

  it("refuses to export the database its one-zone subnet cannot hold, in the finding's words", async () => {
    // The transit subnet is the shared VPC's only isolated subnet: a DB subnet group needs two zones.
    await browser.waitUntil(async () => (await findingsFor("rds", "ZT-NET-019")).length === 1, {
      timeout: 10_000,
      timeoutMsg: "no finding that the database's tier has one zone",
    });
    await (await $('[data-testid="menu-export"]')).click();
    await (await $('[data-testid="export-cfn"]')).click();
    await browser.waitUntil(async () => /`rds` cannot be exported as drawn: .*two availability zones/.test((await text('[data-testid="notice"]')) ?? ""), {
      timeout: 20_000,
      timeoutMsg: "the export did not refuse the one-zone database",
    });
    // The architect removes the database; the rest deploys as drawn.
    await frame("rds");
    await (await $('[data-testid="node-rds"]')).click({ button: "right" });
    await (await $('[data-testid="context-delete"]')).click();
    await browser.waitUntil(async () => !(await exists('[data-testid="node-rds"]')), { timeout: 5_000, timeoutMsg: "the database was not deleted" });
    // Back to the whole design, as the reopened file showed it, for the report's comparison.
    await (await $('[data-testid="fit"]')).click();
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll(".element-node").length)) > 40, {
      timeout: 5_000,
      timeoutMsg: "the fit did not show the whole design",
    });
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

  it("draws the canvas in the report: every element, placed as on the canvas", async () => {
    const lines = diagramLines(report);
    const nodes = await browser.execute(() =>
      [...document.querySelectorAll(".element-node")].map((node) => {
        const { left, top } = node.getBoundingClientRect();
        return { id: node.dataset.elementId, name: node.querySelector(".element-name")?.textContent ?? "", x: left, y: top };
      }),
    );
    assert.ok(nodes.length > 40, `only ${nodes.length} nodes on the canvas`);
    // The report shortens a name that does not fit its box with an ellipsis.
    const shows = (line, name) => line.text === name || (line.text.endsWith("…") && name.startsWith(line.text.slice(0, -1)));
    const found = nodes.map((node) => ({ ...node, lines: lines.filter((line) => shows(line, node.name)) }));
    assert.deepEqual(found.filter((node) => node.lines.length === 0).map((node) => node.id), [], "elements missing from the report's diagram");
    const placed = found.filter((node) => node.lines.length === 1).map((node) => ({ ...node, pdf: node.lines[0] }));
    assert.ok(placed.length > nodes.length * 0.8, `only ${placed.length} of ${nodes.length} names are unique on the page`);
    for (const axis of ["x", "y"]) {
      // Left to right and top to bottom in the same order as on the canvas...
      const inverted = placed.flatMap((a) =>
        placed.filter((b) => a[axis] < b[axis] - 1 && a.pdf[axis] > b.pdf[axis] + 0.5).map((b) => `${a.id} before ${b.id}`),
      );
      assert.deepEqual(inverted, [], `order along ${axis} differs from the canvas`);
      // ...and at the same places: the page is the canvas scaled, so one straight line maps
      // every node's corner on the screen to its name on the page.
      const n = placed.length;
      const mean = (f) => placed.reduce((sum, node) => sum + f(node), 0) / n;
      const [mx, my] = [mean((node) => node[axis]), mean((node) => node.pdf[axis])];
      const slope = mean((node) => (node[axis] - mx) * (node.pdf[axis] - my)) / mean((node) => (node[axis] - mx) ** 2);
      const off = placed.filter((node) => Math.abs(my + slope * (node[axis] - mx) - node.pdf[axis]) > 1).map((node) => node.id);
      assert.deepEqual(off, [], `not where the canvas has them along ${axis}`);
    }
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
      for (const status of statuses) assert.match(status, /^(not-satisfied|not-evaluated|evidenced-attestation-required|attestation-required|satisfied|not-applicable)$/);
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

  it("lists every data path and highlights one's flows on the canvas", async () => {
    await press("Escape");
    await (await $('[data-testid="tab-paths"]')).click();
    await (await $('[data-testid="data-path"]')).waitForExist({ timeout: 10_000, timeoutMsg: "the reference lists no data path" });
    const flows = await browser.execute(() => document.querySelector('[data-testid="data-path"]').dataset.flows.split(" "));
    assert.ok(flows.length >= 1, `${flows}`);
    await (await $('[data-testid="data-path"]')).click();
    await browser.waitUntil(
      async () => {
        const selected = await browser.execute(() => [...document.querySelectorAll(".react-flow__edge.selected")].map((e) => e.getAttribute("data-id") ?? e.dataset.testid));
        return flows.every((flow) => selected.some((id) => id && id.includes(flow)));
      },
      { timeout: 5_000, timeoutMsg: `the path's flows ${flows} are not highlighted` },
    );
    await press("Escape");
    await (await $('[data-testid="tab-findings"]')).click();

    // Runs-as is drawn only when asked for, and goes again when the toggle is cleared.
    assert.equal(await exists('[data-testid^="relation-runs-as:"]'), false);
    await (await $('[data-testid="overlay-runs-as"]')).click();
    await (await $('[data-testid="fit"]')).click();
    await (await $('[data-testid^="relation-runs-as:"]')).waitForExist({ timeout: 5_000, timeoutMsg: "no runs-as relation drawn" });
    await (await $('[data-testid="overlay-runs-as"]')).click();
    await browser.waitUntil(async () => !(await exists('[data-testid^="relation-runs-as:"]')), { timeout: 5_000, timeoutMsg: "the overlay stayed" });
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
    // The steps CloudFormation cannot take show with the plan, each with its command or console path.
    const steps = (await text('[data-testid="manual-steps"]')) ?? "";
    assert.match(steps, /Enable Amazon Inspector[\s\S]*Run aws inspector2 enable/, steps);
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

  /** The id of the element the inspector shows. */
  const inspected = () => browser.execute(() => document.querySelector('[data-testid="inspector-id"]')?.value ?? null);
  /** Drags a palette item (found through the palette's filter) to a point on the screen. */
  async function dropFromPalette(key, filter, to) {
    await (await $('[data-testid="palette-filter"]')).setValue(filter);
    await (await $(`[data-testid="palette-${key}"]`)).waitForExist({ timeout: 5_000, timeoutMsg: `palette item ${key} not shown for "${filter}"` });
    const from = await centre(browser, `[data-testid="palette-${key}"]`);
    // Slow enough that the window has taken up the drag before the pointer is released.
    await drag(browser, from, to, 30);
    await (await $('[data-testid="palette-filter"]')).clearValue();
  }
  const rect = (selector) => browser.execute((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  }, selector);
  const blank = join(work, "shop.zta.yaml");
  let shopAlb = "alb";
  let shopService = "ecs_service";

  it("draws a one-account shop from a blank design, keeping text typed before a drag", async () => {
    // A new user's first start: a fresh profile and no file, so the window opens on a blank design.
    await app.stop();
    app = await launch({ binary, driver, env: moto.env });
    browser = app.browser;
    await browser.waitUntil(async () => (await browser.execute(() => document.body.dataset.ready)) === "true", {
      timeout: 30_000,
      timeoutMsg: "the window did not start",
    });
    assert.equal(await browser.execute(() => document.querySelectorAll(".react-flow__node").length), 0, "the first start is not blank");
    const nodeIds = () => browser.execute(() => [...document.querySelectorAll(".react-flow__node")].map((n) => n.dataset.id));
    /** Drops a palette item and returns the id of the node it added. */
    async function add(key, filter, to, what) {
      const before = new Set(await nodeIds());
      await dropFromPalette(key, filter, to);
      let added = null;
      await browser.waitUntil(async () => {
        added = (await nodeIds()).find((id) => !before.has(id)) ?? null;
        return added !== null;
      }, {
        timeout: 5_000,
        timeoutMsg: `${what} was not added (notice: ${await text('[data-testid="notice"]')}; under the drop: ${await browser.execute(
          (p) => document.elementFromPoint(p.x, p.y)?.className ?? "nothing", to)})`,
      });
      return added;
    }
    const canvas = await rect('[data-testid="canvas"]');
    const account = await add("segment-account", "account", { x: canvas.left + 80, y: canvas.top + 80 }, "the account");
    await (await $('[data-testid="fit"]')).click();
    await browser.pause(500);
    // Typed into the inspector and, without Enter or leaving the field, straight on to the palette.
    const name = await $('[data-testid="inspector-name"]');
    await name.click();
    await browser.keys(["Control", "a"]);
    await name.addValue("Shop account");
    const box = await rect(`[data-testid="node-${account}"]`);
    const vpc = await add("segment-vpc", "VPC", { x: box.left + 50, y: box.top + 70 }, "the VPC");
    assert.match(await text(`[data-testid="node-${account}"]`), /Shop account/, "the name typed before the drag was lost");

    await (await $('[data-testid="fit"]')).click();
    await browser.pause(500);
    const vpcBox = await rect(`[data-testid="node-${vpc}"]`);
    const subnet = await add("segment-subnet-public", "Public subnet", { x: vpcBox.left + 40, y: vpcBox.top + 50 }, "the public subnet");
    const privateSubnet = await add("segment-subnet-private", "Private subnet", { x: vpcBox.x + 40, y: vpcBox.top + 50 }, "the private subnet");
    const publicBox = await rect(`[data-testid="node-${subnet}"]`);
    const privateBox = await rect(`[data-testid="node-${privateSubnet}"]`);
    const alb = await add("component-alb", "Application Load Balancer", { x: publicBox.x, y: publicBox.y + 10 }, "the ALB");
    assert.equal(await parentOf(alb), subnet, "the ALB landed in the public subnet");
    const service = await add("component-ecs_service", "ECS", { x: privateBox.x, y: privateBox.y + 10 }, "the ECS service");

    // A JWT flow drawn before there is any pool to name as its issuer.
    await drag(browser, await centre(browser, `.react-flow__handle[data-nodeid="${alb}"][data-handlepos="right"]`),
      await centre(browser, `.react-flow__handle[data-nodeid="${service}"][data-handlepos="left"]`), 20);
    await browser.waitUntil(async () => /-to-/.test((await inspected()) ?? ""), { timeout: 5_000, timeoutMsg: "the flow was not drawn" });
    const flow = await inspected();
    await (await $('[data-testid="inspector-auth"]')).selectByAttribute("value", "jwt");
    await (await $('[data-testid="inspector-issuer"]')).waitForExist({ timeout: 5_000 });

    // The one user pool, then the flow's issuer picked from a list holding only it.
    const accountBox = await rect(`[data-testid="node-${account}"]`);
    const pool = await add("identity-cognito_user_pool", "Cognito", { x: accountBox.right - 40, y: accountBox.bottom - 40 }, "the user pool");
    await (await $('[data-testid="search"]')).setValue(flow);
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await inspected()) === flow, { timeout: 5_000, timeoutMsg: "the flow was not selected" });
    const issuer = await $('[data-testid="inspector-issuer"]');
    assert.deepEqual(await browser.execute(() => [...document.querySelectorAll('[data-testid="inspector-issuer"] option')].map((o) => o.value)), ["", pool]);
    await issuer.selectByAttribute("value", pool);
    await browser.waitUntil(async () => (await issuer.getValue()) === pool, { timeout: 5_000, timeoutMsg: "choosing the only pool set nothing" });

    await (await $('[data-testid="menu-file"]')).click();
    await (await $('[data-testid="save-as"]')).click();
    await answerFileDialog("^Save design as$", blank, { save: true });
    await browser.waitUntil(async () => /shop\.zta\.yaml/.test(await text('[data-testid="file-title"]')), { timeout: 10_000, timeoutMsg: "not saved" });
    const saved = readFileSync(blank, "utf8");
    assert.match(saved, new RegExp(`issuer: ${pool}`));
    assert.match(saved, /name: Shop account/);
    shopAlb = alb;
    shopService = service;
  });

  it("nudges a node with an arrow key, undoes and redoes the nudge, and saves it", async () => {
    const position = () => browser.execute((id) => document.querySelector(`.react-flow__node[data-id="${id}"]`).style.transform, shopAlb);
    const before = await position();
    await (await $(`[data-testid="node-${shopAlb}"]`)).click();
    await browser.keys("ArrowRight");
    await browser.waitUntil(async () => (await position()) !== before, { timeout: 5_000, timeoutMsg: "the arrow key did not move the node" });
    const after = await position();
    assert.ok(await exists('[data-testid="dirty-marker"]'), "a nudge marks the design dirty");
    await (await $('[data-testid="undo"]')).click();
    await browser.waitUntil(async () => (await position()) === before, { timeout: 5_000, timeoutMsg: "undo did not take the nudge back" });
    assert.equal(await exists('[data-testid="dirty-marker"]'), false, "undoing the only change leaves the design clean");
    await (await $('[data-testid="redo"]')).click();
    await browser.waitUntil(async () => (await position()) === after, { timeout: 5_000, timeoutMsg: "redo did not repeat the nudge" });
    const first = readFileSync(blank, "utf8");
    await (await $('[data-testid="save"]')).click();
    await browser.waitUntil(async () => !(await exists('[data-testid="dirty-marker"]')), { timeout: 10_000, timeoutMsg: "the nudge was not saved" });
    const second = readFileSync(blank, "utf8");
    assert.notEqual(second, first, "the saved file holds the nudged position");
    const x = (yaml) => Number(new RegExp(`\\n {4}${shopAlb}:\\n {6}x: (-?\\d+)`).exec(yaml)?.[1]);
    // Nodes snap to the 10 px grid, so a nudge moves by one grid step.
    assert.equal(x(second), x(first) + 10, `the ALB moved 10 px right:\n${second}`);
  });

  it("snaps a dragged node to the grid", async () => {
    const translate = (id) => browser.execute((node) => {
      const match = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(document.querySelector(`.react-flow__node[data-id="${node}"]`).style.transform);
      return match ? [Number(match[1]), Number(match[2])] : null;
    }, id);
    const before = await translate(shopService);
    const from = await centre(browser, `[data-testid="node-${shopService}"]`);
    await drag(browser, from, { x: from.x + 37, y: from.y + 23 }, 12);
    await browser.waitUntil(async () => (await translate(shopService)).join() !== before.join(), { timeout: 5_000, timeoutMsg: "the drag did not move the node" });
    const [x, y] = await translate(shopService);
    assert.deepEqual([x % 10, y % 10], [0, 0], `the node came to rest off the grid at ${x}, ${y}`);
  });

  it("adds to the selection with shift-click, aligns it with Alt+W, and undoes the alignment", async () => {
    const top = (id) => browser.execute((node) => Math.round(document.querySelector(`[data-testid="node-${node}"]`).getBoundingClientRect().top), id);
    const selected = () => browser.execute(() => [...document.querySelectorAll(".react-flow__node.selected")].map((n) => n.dataset.id).sort());
    // Apart first, so that aligning has something to do.
    const from = await centre(browser, `[data-testid="node-${shopService}"]`);
    await drag(browser, from, { x: from.x, y: from.y + 40 }, 12);
    await browser.waitUntil(async () => (await top(shopService)) !== (await top(shopAlb)), { timeout: 5_000, timeoutMsg: "the nodes did not come apart" });
    const before = [await top(shopAlb), await top(shopService)];

    await (await $(`[data-testid="node-${shopAlb}"]`)).click();
    const point = await centre(browser, `[data-testid="node-${shopService}"]`);
    await browser.performActions([
      { type: "key", id: "keyboard", actions: [{ type: "keyDown", value: "\uE008" }, { type: "pause", duration: 0 }, { type: "pause", duration: 0 }, { type: "pause", duration: 0 }, { type: "keyUp", value: "\uE008" }] },
      { type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [
        { type: "pause", duration: 0 },
        { type: "pointerMove", duration: 0, origin: "viewport", x: point.x, y: point.y },
        { type: "pointerDown", button: 0 },
        { type: "pointerUp", button: 0 },
        { type: "pause", duration: 0 },
      ] },
    ]);
    await browser.releaseActions();
    await browser.waitUntil(async () => (await selected()).length === 2, { timeout: 5_000, timeoutMsg: `shift-click did not add to the selection: ${await selected()}` });
    assert.deepEqual(await selected(), [shopAlb, shopService].sort());

    await browser.keys(["Alt", "w"]);
    await browser.keys(["Alt"]);
    await browser.waitUntil(async () => Math.abs((await top(shopAlb)) - (await top(shopService))) <= 1, {
      timeout: 5_000,
      timeoutMsg: `Alt+W did not align the tops: ${await top(shopAlb)} and ${await top(shopService)}`,
    });
    await (await $('[data-testid="undo"]')).click();
    await browser.waitUntil(async () => (await top(shopAlb)) === before[0] && (await top(shopService)) === before[1], {
      timeout: 5_000,
      timeoutMsg: "undo did not take the alignment back in one step",
    });
  });
});
