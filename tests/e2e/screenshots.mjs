// Takes the README screenshots from the real window under Xvfb: `import -window root` captures
// what the X server shows (WebDriver screenshots leave out the SVG edge labels).
// Usage: node screenshots.mjs OUTPUT_DIR
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { launch, workspace } from "./harness.mjs";

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

const app = await launch({ binary, driver, args: [design] });
const { browser } = app;
try {
  await browser.setWindowRect(0, 0, 1440, 900);
  await (await browser.$('[data-testid="node-prod-vpc"]')).waitForExist({ timeout: 15_000 });
  await browser.execute(() => document.querySelector('[data-testid="fit"]').click());
  await sleep(1500);
  shoot("overview");

  const flow = await browser.execute(() => document.querySelector('[data-testid^="flow-label-"]')?.dataset.testid);
  if (flow) {
    await (await browser.$(`[data-testid="${flow}"]`)).click();
    await sleep(800);
    shoot("flow-inspector");
  }

  await browser.execute(() => document.querySelector('[data-testid="tab-findings"]').click());
  const finding = await browser.$('[data-testid="finding"] .finding-main');
  if (await finding.isExisting()) {
    await finding.click();
    await sleep(1200);
    shoot("findings");
  }
} finally {
  await app.stop();
}
