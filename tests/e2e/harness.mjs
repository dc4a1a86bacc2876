// Drives the real ZTA Designer binary through tauri-driver and WebdriverIO. The caller runs this
// under an X server (xvfb-run); tauri-driver starts WebKitWebDriver, which starts the app.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
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
 * autosaves of the user never leak into the test or the other way round. `env` adds to the app's
 * environment (the AWS settings of a deploy against moto).
 */
export async function launch({ binary, driver, args = [], home, env: extraEnv = {} }) {
  const appHome = home ?? mkdtempSync(join(tmpdir(), "zta-e2e-home-"));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(appHome, "config"),
    XDG_DATA_HOME: join(appHome, "data"),
    XDG_CACHE_HOME: join(appHome, "cache"),
    // No session bus runs under Xvfb; GTK keeps its settings in memory instead of warning on each change.
    GSETTINGS_BACKEND: "memory",
    ...extraEnv,
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

async function waitForPort(port, path = "/status") {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
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
 * Answers the native GTK file dialog whose title matches `title` (a regular expression) by typing
 * `path` into it. WebDriver cannot reach native windows, so this goes through the X server with
 * xdotool, as a user's keyboard would. A save dialog has its name field focused already; an open
 * dialog needs Ctrl+L to show its location field.
 */
export async function answerFileDialog(title, path, { save }) {
  const deadline = Date.now() + 20_000;
  let window = "";
  while (!window && Date.now() < deadline) {
    try {
      // Only a window on screen: the dialog of an earlier save may linger unmapped under the
      // same title, and focusing it fails (BadMatch).
      window = execFileSync("xdotool", ["search", "--onlyvisible", "--name", title], { encoding: "utf8" }).trim().split("\n")[0];
    } catch {
      await sleep(200);
    }
  }
  if (!window) throw new Error(`no file dialog titled /${title}/ appeared`);
  await sleep(400);
  execFileSync("xdotool", ["windowfocus", "--sync", window]);
  if (!save) execFileSync("xdotool", ["key", "--window", window, "ctrl+l"]);
  execFileSync("xdotool", ["key", "--window", window, "ctrl+a"]);
  execFileSync("xdotool", ["type", "--window", window, "--delay", "5", path]);
  await sleep(200);
  execFileSync("xdotool", ["key", "--window", window, "Return"]);
}

/**
 * Waits until the element's place on screen stops changing (a zoom or pan animation has ended),
 * then returns its centre. Each reading waits for two painted frames first, so an animation
 * that has been asked for but has not drawn yet cannot pass for a view at rest.
 */
export async function settledCentre(browser, selector, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last = null;
  let stable = 0;
  while (Date.now() < deadline) {
    const rect = await browser.executeAsync((sel, done) => {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const r = document.querySelector(sel)?.getBoundingClientRect();
          done(r ? [r.left, r.top, r.width, r.height].map(Math.round).join(",") : null);
        }),
      );
    }, selector);
    stable = rect !== null && rect === last ? stable + 1 : 0;
    if (stable >= 3) return centre(browser, selector);
    last = rect;
    await sleep(100);
  }
  throw new Error(`${selector} did not come to rest on screen`);
}

/** A free loopback port, as the system hands one out. */
async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the project's moto_server on a free loopback port, with every caller in `accountId`,
 * and returns the environment that points the AWS SDK's standard chain at it (fake credentials,
 * no shared config files), and a stop function.
 */
export async function startMoto(accountId) {
  const port = await freePort();
  const server = spawn(join(workspace, ".venv/bin/moto_server"), ["-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, MOTO_ACCOUNT_ID: accountId },
    stdio: "ignore",
  });
  await waitForPort(port, "/moto-api/");
  const nowhere = join(mkdtempSync(join(tmpdir(), "zta-e2e-aws-")), "absent");
  return {
    env: {
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: "AKIAZTATESTFAKE00001",
      AWS_SECRET_ACCESS_KEY: "zTaFakeSecretKey0000wJalrXUtnFEMIK7MDENGbP",
      AWS_REGION: "eu-west-1",
      AWS_CONFIG_FILE: nowhere,
      AWS_SHARED_CREDENTIALS_FILE: nowhere,
      AWS_EC2_METADATA_DISABLED: "true",
    },
    stop: () => server.kill(),
  };
}
