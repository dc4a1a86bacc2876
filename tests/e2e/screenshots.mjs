// Takes the README screenshots from the real window under Xvfb, on a copy of the reference
// example: `import -window root` captures what the X server shows (WebDriver screenshots leave
// out the SVG edge labels).
// Usage: node screenshots.mjs OUTPUT_DIR   (env ZTA_APP_BINARY, TAURI_DRIVER)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { launch, settledCentre, startMoto, workspace } from "./harness.mjs";

const output = resolve(process.argv[2] ?? join(workspace, "docs/screenshots"));
mkdirSync(output, { recursive: true });
const binary = process.env.ZTA_APP_BINARY ?? join(workspace, "target/debug/zta-designer");
const driver = process.env.TAURI_DRIVER ?? join(workspace, ".tools/bin/tauri-driver");

const work = mkdtempSync(join(tmpdir(), "zta-shots-"));
const design = join(work, "aws-zta-reference.zta.yaml");
copyFileSync(join(workspace, "examples/aws-zta-reference.zta.yaml"), design);

function shoot(name) {
  const file = join(output, `${name}.png`);
  execFileSync("import", ["-window", "root", file]);
  console.log(`wrote ${file}`);
}

// The deploy dialog is shown against moto in the reference's workload account.
const moto = await startMoto("222222222222");
const app = await launch({ binary, driver, args: [design], env: moto.env });
const { browser } = app;
const click = async (selector) => (await browser.$(selector)).click();
const validated = () =>
  browser.waitUntil(async () => /Validated in/.test(await browser.execute(() => document.querySelector('[data-testid="validation-status"]')?.textContent ?? "")), {
    timeout: 20_000,
  });
try {
  await validated();

  // The whole design, fitted to the window.
  await click('[data-testid="fit"]');
  await settledCentre(browser, '[data-testid="node-prod-vpc"]');
  shoot("overview");

  // The workload's application subnets at 100%, the size at which names and flow labels are
  // meant to be read: the VPC is larger than the window at that size, its first subnet not.
  await (await browser.$('[data-testid="search"]')).setValue("app-a");
  await browser.keys("Enter");
  await settledCentre(browser, '[data-testid="node-app-a"]');
  await browser.execute(() => window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })));
  await browser.execute(() => window.dispatchEvent(new KeyboardEvent("keydown", { key: "1", ctrlKey: true, bubbles: true })));
  await sleep(800);
  await settledCentre(browser, '[data-testid="node-app-a"]');
  // The search box keeps the focus ring it had for the search.
  await browser.execute(() => document.activeElement?.blur());
  shoot("actual-size");

  // A data path picked in the Paths tab, its flows highlighted, with what each workload runs as.
  await click('[data-testid="tab-paths"]');
  await (await browser.$('[data-testid="data-path"]')).waitForExist({ timeout: 10_000 });
  await click('[data-testid="overlay-runs-as"]');
  await browser.waitUntil(async () => browser.execute(() => document.querySelector('[data-testid="overlay-runs-as"]').checked), { timeout: 10_000 });
  await click('[data-testid="data-path"]');
  await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll(".react-flow__edge.selected").length)) > 0, { timeout: 10_000 });
  // The view glides onto the path; the X server's picture trails the web view.
  await sleep(3000);
  shoot("paths");
  await click('[data-testid="overlay-runs-as"]');
  await browser.execute(() => window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })));
  await click('[data-testid="tab-findings"]');

  // A flow found by the search box, framed with its ends and open in the inspector.
  await (await browser.$('[data-testid="search"]')).setValue("orders-to-db");
  await browser.keys("Enter");
  await settledCentre(browser, '[data-testid="node-orders-db"]');
  await (await browser.$('[data-testid="inspector-tls"]')).waitForExist({ timeout: 10_000 });
  shoot("flow-inspector");

  // The same flow made plaintext: live validation finds it, the panel explains it, the canvas
  // badges the elements and dashes the flow.
  await (await browser.$('[data-testid="inspector-tls"]')).selectByAttribute("value", "none");
  await browser.waitUntil(async () => (await browser.$$('[data-testid="finding"]')).length > 0, { timeout: 20_000 });
  await validated();
  await click('[data-testid="finding"] .finding-main');
  await settledCentre(browser, '[data-testid="node-orders-db"]');
  shoot("findings");

  // The compliance panel on the changed design: ZTMM stages and the ISO/IEC 27001 controls.
  await click('[data-testid="tab-compliance"]');
  await (await browser.$('[data-testid="framework-iso27001"]')).waitForExist({ timeout: 20_000 });
  await click('[data-testid="framework-iso27001"]');
  await click('[data-testid="filter-not-satisfied"]');
  await sleep(500);
  shoot("compliance");

  // The deploy dialog with the workload account's change set under review. The design was
  // changed above, so deploy asks to save it first; the copy is a temporary file.
  await click('[data-testid="deploy"]');
  // Deploy asks before it saves the changed design.
  await (await browser.$('[data-testid="confirm"]')).waitForExist({ timeout: 10_000 });
  await click('[data-testid="confirm"]');
  await (await browser.$('[data-testid="deploy-connect"]')).waitForExist({ timeout: 20_000 });
  await click('[data-testid="deploy-connect"]');
  await (await browser.$('[data-testid="deploy-start"]')).waitForExist({ timeout: 30_000 });
  const parameters = await browser.execute(() => [...document.querySelectorAll('[data-testid^="parameter-"]')].map((i) => i.dataset.testid.slice(10)));
  const values = {
    S3EndpointPrefixListId: "pl-6da54004",
    TgwRef: "tgw-0a1b2c3d4e5f60718",
  };
  for (const name of parameters) {
    await (await browser.$(`[data-testid="parameter-${name}"]`)).setValue(values[name] ?? (/Image$/.test(name) ? `222222222222.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:${"3f1c9a0b".repeat(8)}` : "example"));
  }
  await click('[data-testid="deploy-start"]');
  await (await browser.$('[data-testid="change-set"]')).waitForExist({ timeout: 60_000 });
  await browser.waitUntil(async () => (await browser.execute(() => document.querySelector('li[data-phase="review"]') !== null)), { timeout: 10_000 });
  // The review table is tall; the X server's picture trails the webview by a frame or two.
  await sleep(1500);
  shoot("deploy");
  await click('[data-testid="decline-change-set"]');
} finally {
  await app.stop();
  moto.stop();
}
