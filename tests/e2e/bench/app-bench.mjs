// Measures the desktop app as a user meets it, on the release binary under Xvfb:
//   first start  process start until the window title names the opened file, which the UI sets
//                only after the canvas has painted, with empty caches as after an installation;
//   cold start   the same for a new process whose WebKit and Mesa caches the first start filled
//                (median of 5);
//   idle memory  resident memory of the app and its WebKit processes after 10 s of idling;
//   validation   the live-validation round trip (edit committed in the inspector → findings
//                shown) on a generated 1,000-element design, as the status bar reports it;
//   panning      frame times in the webview while the pointer pans a 2,000-node design.
// Usage: node app-bench.mjs [cold-start] [validation] [panning]   (all three when none is named;
// env ZTA_APP_BINARY, TAURI_DRIVER)
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { launch, workspace } from "../harness.mjs";

const binary = process.env.ZTA_APP_BINARY ?? join(workspace, "target/release/zta-designer");
const driver = process.env.TAURI_DRIVER ?? join(workspace, ".tools/bin/tauri-driver");
const reference = join(workspace, "examples/aws-zta-reference.zta.yaml");
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

function freshEnv() {
  const home = mkdtempSync(join(tmpdir(), "zta-bench-"));
  return { ...process.env, XDG_CONFIG_HOME: join(home, "c"), XDG_DATA_HOME: join(home, "d"), XDG_CACHE_HOME: join(home, "k") };
}

function windowWithTitle(title) {
  try {
    return execFileSync("xdotool", ["search", "--name", title], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false;
  }
}

/** Kibibytes of resident memory of a process and all its descendants. */
function treeRss(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const names = [];
  const visit = (id) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      names.push(/Name:\s+(\S+)/.exec(status)?.[1]);
    } catch {
      return;
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return { kib: total, processes: names };
}

/** Milliseconds from process start until the window names the opened file, and the process. */
async function startApp(env, timeout) {
  const started = performance.now();
  const child = spawn(binary, [reference], { env, stdio: "ignore" });
  while (!windowWithTitle("aws-zta-reference.zta.yaml — ZTA Designer")) {
    if (performance.now() - started > timeout) {
      child.kill();
      throw new Error(`the window did not name the file within ${timeout / 1000} s`);
    }
    await sleep(10);
  }
  return { time: performance.now() - started, child };
}

/**
 * The first start meets empty WebKit and Mesa caches, as after an installation: under Xvfb,
 * llvmpipe then compiles every shader the compositor uses. The cold starts after it start a new
 * process each time, with the caches the first start filled, as a user's next morning does.
 */
async function coldStart() {
  const env = freshEnv();
  const first = await startApp(env, 120_000);
  first.child.kill();
  await sleep(500);
  const times = [];
  let memory = null;
  for (let run = 0; run < 5; run++) {
    const { time, child } = await startApp(env, 60_000);
    times.push(time);
    if (run === 0) {
      await sleep(10_000);
      memory = treeRss(child.pid);
    }
    child.kill();
    await sleep(500);
  }
  return { first: first.time, times, memory };
}

async function validationRoundTrip() {
  const file = join(mkdtempSync(join(tmpdir(), "zta-bench-")), "design-1000.json");
  execFileSync("node", [join(import.meta.dirname, "generate-design.mjs"), "1000", file], { stdio: "inherit" });
  const app = await launch({ binary, driver, args: [file] });
  try {
    const { browser } = app;
    await browser.waitUntil(async () => /Validated in/.test(await (await browser.$('[data-testid="validation-status"]')).getText()), { timeout: 30_000 });
    const nodes = await browser.execute(() => document.querySelectorAll(".react-flow__node").length);
    if (nodes === 0) throw new Error("no node is drawn; the generated design did not load");
    // The page itself records each result the status bar shows, so the benchmark need not poll
    // the page while it validates (polling runs scripts on the thread it measures).
    await browser.execute(() => {
      const status = document.querySelector('[data-testid="validation-status"]');
      window.__validations = [];
      new MutationObserver(() => {
        const match = /Validated in (\d+)/.exec(status.textContent);
        if (match) window.__validations.push(Number(match[1]));
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    for (let i = 0; i < 15; i++) {
      const name = await browser.$('[data-testid="inspector"] input');
      await name.setValue(`Synthetic design ${i}`);
      await browser.keys("Enter");
      await browser.waitUntil(async () => (await browser.execute(() => window.__validations.length)) > i, { timeout: 10_000, interval: 200 });
      await sleep(300);
    }
    const samples = await browser.execute(() => window.__validations.slice(0, 15));
    return { samples, nodes };
  } finally {
    await app.stop();
  }
}

async function panning() {
  const file = join(mkdtempSync(join(tmpdir(), "zta-bench-")), "design-2000.json");
  execFileSync("node", [join(import.meta.dirname, "generate-design.mjs"), "2000", file, "--nodes"], { stdio: "inherit" });
  const app = await launch({ binary, driver, args: [file] });
  try {
    const { browser } = app;
    await browser.setWindowRect(0, 0, 1440, 900);
    // Frame the whole design, so that every node is drawn while the view moves: the heaviest
    // panning there is, since visible-only rendering then culls nothing.
    await browser.execute(() => document.querySelector('[data-testid="fit"]').click());
    await sleep(1000);
    const nodes = await browser.execute(() => document.querySelectorAll(".react-flow__node").length);
    if (nodes < 2000) throw new Error(`only ${nodes} nodes are drawn; the generated design did not load`);
    await browser.execute(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (window.__recording) requestAnimationFrame(tick);
      };
      window.__recording = true;
      requestAnimationFrame(tick);
    });
    const pane = await browser.execute(() => {
      const rect = document.querySelector(".react-flow__pane").getBoundingClientRect();
      return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
    });
    const moves = [];
    for (let i = 0; i < 120; i++) {
      const angle = (i / 120) * Math.PI * 4;
      moves.push({ type: "pointerMove", duration: 16, origin: "viewport", x: Math.round(pane.x + 250 * Math.cos(angle)), y: Math.round(pane.y + 150 * Math.sin(angle)) });
    }
    await browser.performActions([
      { type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [
        { type: "pointerMove", duration: 0, origin: "viewport", x: pane.x, y: pane.y },
        { type: "pointerDown", button: 0 },
        ...moves,
        { type: "pointerUp", button: 0 },
      ] },
    ]);
    await browser.releaseActions();
    const frames = await browser.execute(() => {
      window.__recording = false;
      return window.__frames.slice(2);
    });
    return { frames, nodes };
  } finally {
    await app.stop();
  }
}

const parts = process.argv.slice(2);
const wanted = (part) => parts.length === 0 || parts.includes(part);
const size = statSync(binary).size;
console.log(`binary: ${binary}, ${(size / 1024 / 1024).toFixed(1)} MiB`);
if (wanted("cold-start")) {
  const start = await coldStart();
  console.log(`first start to drawn canvas (reference example, empty caches): ${start.first.toFixed(0)} ms`);
  console.log(`cold start to drawn canvas (reference example, 5 runs, caches filled): median ${median(start.times).toFixed(0)} ms, all ${start.times.map((t) => t.toFixed(0)).join(", ")} ms`);
  console.log(`idle memory after 10 s: ${(start.memory.kib / 1024).toFixed(0)} MiB RSS over ${start.memory.processes.join(", ")}`);
}
if (wanted("validation")) {
  const validation = await validationRoundTrip();
  console.log(`validation round trip, 1,000-element design (${validation.nodes} nodes drawn): median ${median(validation.samples)} ms, p90 ${percentile(validation.samples, 0.9)} ms, samples ${validation.samples.join(", ")}`);
}
if (wanted("panning")) {
  const pan = await panning();
  const fps = 1000 / median(pan.frames);
  console.log(`panning (${pan.nodes} nodes drawn): ${pan.frames.length} frames, median ${median(pan.frames).toFixed(1)} ms (${fps.toFixed(0)} fps), p95 ${percentile(pan.frames, 0.95).toFixed(1)} ms, worst ${Math.max(...pan.frames).toFixed(1)} ms`);
}
