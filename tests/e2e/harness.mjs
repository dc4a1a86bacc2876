// Drives the real ZTA Designer binary through tauri-driver and WebdriverIO. The caller runs this
// under an X server (xvfb-run); tauri-driver starts WebKitWebDriver, which starts the app.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { remote } from "webdriverio";

export const workspace = resolve(import.meta.dirname, "../..");

/** Fails with a message that says what to do when a required program is missing. */
export function requireProgram(path, hint) {
  try {
    execFileSync(path, ["--version"], { stdio: "ignore" });
  } catch (error) {
    if (error.code === "ENOENT") throw new Error(`${path} is missing: ${hint}`);
  }
}

/**
 * Starts tauri-driver and a session on the app with `args`; returns the browser and a stop
 * function. The app's config and data directories are fresh temporary ones, so recent files and
 * autosaves of the user never leak into the test or the other way round.
 */
export async function launch({ binary, driver, args = [], home }) {
  const appHome = home ?? mkdtempSync(join(tmpdir(), "zta-e2e-home-"));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(appHome, "config"),
    XDG_DATA_HOME: join(appHome, "data"),
    XDG_CACHE_HOME: join(appHome, "cache"),
  };
  const driverProcess = spawn(driver, ["--port", "4444", "--native-port", "4445"], { env, stdio: ["ignore", "inherit", "inherit"] });
  await waitForPort(4444);
  let browser;
  try {
    browser = await remote({
      hostname: "127.0.0.1",
      port: 4444,
      logLevel: "error",
      // If the app cannot start, session creation would otherwise wait for ever.
      connectionRetryTimeout: 60_000,
      connectionRetryCount: 0,
      capabilities: { "tauri:options": { application: binary, args } },
    });
  } catch (error) {
    driverProcess.kill();
    throw error;
  }
  await browser.waitUntil(async () => (await browser.execute(() => document.body.dataset.ready)) === "true", {
    timeout: 30_000,
    timeoutMsg: "the UI did not finish starting",
  });
  const stop = async () => {
    await browser.deleteSession().catch(() => {});
    driverProcess.kill();
    await sleep(300);
  };
  return { browser, stop, home: appHome };
}

async function waitForPort(port) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`tauri-driver did not listen on port ${port}`);
}

/** The centre of an element in viewport coordinates. */
export async function centre(browser, selector) {
  return browser.execute((sel) => {
    const element = document.querySelector(sel);
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
  }, selector);
}

/** Presses the mouse at `from`, moves in steps to `to` and releases: a real pointer drag. */
export async function drag(browser, from, to, steps = 12) {
  const moves = [];
  for (let i = 1; i <= steps; i++) {
    moves.push({
      type: "pointerMove",
      duration: 16,
      origin: "viewport",
      x: Math.round(from.x + ((to.x - from.x) * i) / steps),
      y: Math.round(from.y + ((to.y - from.y) * i) / steps),
    });
  }
  await browser.performActions([
    {
      type: "pointer",
      id: "mouse",
      parameters: { pointerType: "mouse" },
      actions: [
        { type: "pointerMove", duration: 0, origin: "viewport", x: from.x, y: from.y },
        { type: "pointerDown", button: 0 },
        { type: "pause", duration: 50 },
        ...moves,
        { type: "pause", duration: 50 },
        { type: "pointerUp", button: 0 },
      ],
    },
  ]);
  await browser.releaseActions();
}

/**
 * Answers the native GTK file dialog titled `title` by typing `path` into it. WebDriver cannot
 * reach native windows, so this goes through the X server with xdotool, as a user's keyboard would.
 */
export async function answerFileDialog(title, path) {
  const deadline = Date.now() + 15_000;
  let window = "";
  while (!window && Date.now() < deadline) {
    try {
      window = execFileSync("xdotool", ["search", "--name", `^${title}$`], { encoding: "utf8" }).trim().split("\n")[0];
    } catch {
      await sleep(200);
    }
  }
  if (!window) throw new Error(`no file dialog titled "${title}" appeared`);
  await sleep(400);
  execFileSync("xdotool", ["windowfocus", "--sync", window]);
  // Ctrl+L opens the location field in an open dialog; a save dialog already has its name field.
  if (!/save/i.test(title)) execFileSync("xdotool", ["key", "--window", window, "ctrl+l"]);
  execFileSync("xdotool", ["key", "--window", window, "ctrl+a"]);
  execFileSync("xdotool", ["type", "--window", window, "--delay", "5", path]);
  await sleep(200);
  execFileSync("xdotool", ["key", "--window", window, "Return"]);
}
