// Gives an example design the layout the app's auto-layout makes, saved in its `layout:`
// section, by driving the real window: open the file, auto-layout (Ctrl+L, ELK in the web
// view's worker), save. The saved boxes are then where ELK routes the flows, so the example
// opens with every flow on its route and its label clear of the nodes.
// Usage: node layout-example.mjs FILE...   (env ZTA_APP_BINARY, TAURI_DRIVER; under xvfb-run)
import { resolve, join } from "node:path";

import { launch, workspace } from "./harness.mjs";

const binary = process.env.ZTA_APP_BINARY ?? join(workspace, "target/debug/zta-designer");
const driver = process.env.TAURI_DRIVER ?? join(workspace, ".tools/bin/tauri-driver");

for (const file of process.argv.slice(2).map((f) => resolve(f))) {
  const app = await launch({ binary, driver, args: [file] });
  const { browser } = app;
  const dirty = () => browser.execute(() => document.querySelector('[data-testid="dirty-marker"]') !== null);
  try {
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelectorAll(".react-flow__node").length)) > 0, { timeout: 20_000 });
    await browser.execute(() => window.dispatchEvent(new KeyboardEvent("keydown", { key: "l", ctrlKey: true, bubbles: true })));
    await browser.waitUntil(dirty, { timeout: 60_000, timeoutMsg: `auto-layout changed nothing in ${file}` });
    await browser.execute(() => window.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true })));
    await browser.waitUntil(async () => !(await dirty()), { timeout: 20_000, timeoutMsg: `${file} was not saved` });
    console.log(`laid out ${file}`);
  } finally {
    await app.stop();
  }
}
