// The packages as the stores check them: the Firefox zip passes `web-ext
// lint` (what addons.mozilla.org runs) with nothing to report, and the
// Chromium package loads with nothing on its chrome://extensions entry (no
// manifest warning, no error). Both also for a manifest with what later
// versions may add (a further content script, a side panel) beside the
// background worker and host permissions it has, translated by
// `./build.sh manifest`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, DIST_FIREFOX, launch } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, "../..");
const WEB_EXT = resolve(here, "../node_modules/.bin/web-ext");
const version = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")).version;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r;
}

/** A scratch folder, removed when the test ends. */
function scratch(t) {
  const dir = mkdtempSync(join(tmpdir(), "kindly-store-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Unpacks `zip` into a new folder: what a store receives. */
function unzip(t, zip) {
  const dir = scratch(t);
  const r = run("python3", ["-m", "zipfile", "-e", zip, dir]);
  assert.equal(r.status, 0, r.stderr);
  return dir;
}

/** `web-ext lint`'s findings on a folder: ["error CODE: message", …]. */
function webExtLint(dir) {
  const r = run(WEB_EXT, ["lint", "--source-dir", dir, "--output", "json", "--no-config-discovery"]);
  const report = JSON.parse(r.stdout);
  return ["errors", "warnings", "notices"].flatMap((kind) =>
    report[kind].map((m) => `${kind.slice(0, -1)} ${m.code}: ${m.message}${m.file ? ` (${m.file})` : ""}`),
  );
}

/**
 * What chrome://extensions shows for the extension in `dir`: install
 * warnings, manifest errors (unrecognised keys…) and runtime errors, read
 * through the developerPrivate API the page itself uses. Manifest errors are
 * only kept in developer mode, so it is switched on and the extension
 * reloaded; the popup is opened so that its errors, if any, are there too.
 */
async function extensionPageProblems(dir) {
  // Some packages here carry a stand-in worker, which opens no store.
  const browser = await launch({ extension: dir, waitForStore: false });
  try {
    const page = await browser.context.newPage();
    await page.goto("chrome://extensions");
    await page.evaluate(async (id) => {
      await chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
      await chrome.developerPrivate.reload(id, { failQuietly: false, populateErrorForUnpacked: true });
    }, browser.extensionId);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForFunction(() => document.querySelector("#kindly-popup")?.getAttribute("aria-busy") === "false", null, { timeout: 10000 });
    await popup.close();
    const info = await page.evaluate((id) => chrome.developerPrivate.getExtensionInfo(id), browser.extensionId);
    return [
      ...info.installWarnings.map((w) => `install warning: ${w}`),
      ...info.manifestErrors.map((e) => `manifest: ${e.message}`),
      ...info.runtimeErrors.map((e) => `runtime: ${e.message} (${e.source})`),
    ];
  } finally {
    await browser.close();
  }
}

/** Writes the manifest `./build.sh manifest` makes of `source` for `browser`; returns it. */
function browserManifest(t, browser, source) {
  const dir = scratch(t);
  const from = join(dir, "manifest.json");
  const to = join(dir, `${browser}.json`);
  writeFileSync(from, JSON.stringify(source, null, 2));
  const r = run("bash", [join(ROOT, "build.sh"), "manifest", browser, from, to]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(readFileSync(to, "utf8"));
}

/**
 * The repository's manifest with what later versions may add: a background
 * service worker with the scripting permission and host permissions (which
 * it has already), a further content script, a side panel.
 */
function futureManifest() {
  const m = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8"));
  // Each once: manifest.json may already ask for them (a duplicate is an error).
  const withItem = (list = [], item) => (list.includes(item) ? list : [...list, item]);
  return {
    ...m,
    background: { service_worker: "background.js" },
    permissions: withItem(m.permissions, "scripting"),
    host_permissions: withItem(m.host_permissions, "https://www.linkedin.com/*"),
    content_scripts: [...m.content_scripts, { matches: ["https://www.linkedin.com/*"], js: ["engine.js"], run_at: "document_idle" }],
    side_panel: { default_path: "sidepanel.html" },
  };
}

/** A copy of the package `dir` with `manifest` and stand-ins for the files it may name. */
function packageWith(t, dir, manifest) {
  const copy = scratch(t);
  cpSync(dir, copy, { recursive: true });
  for (const f of ["background.js", "engine.js"]) writeFileSync(join(copy, f), "void 0;\n");
  writeFileSync(join(copy, "sidepanel.html"), '<!doctype html><html lang="en"><meta charset="utf-8"><title>Kindly</title></html>\n');
  writeFileSync(join(copy, "manifest.json"), JSON.stringify(manifest, null, 2));
  return copy;
}

test("web-ext lint finds nothing in the Firefox zip", (t) => {
  const unpacked = unzip(t, join(DIST_FIREFOX, `kindly-${version}-firefox.zip`));
  assert.deepEqual(webExtLint(unpacked), []);
});

test("Chromium's extension page shows no warning or error for the Chromium zip", async (t) => {
  const unpacked = unzip(t, join(DIST, `kindly-${version}.zip`));
  assert.deepEqual(await extensionPageProblems(unpacked), []);
});

test("the checks see a key the browser does not know", async (t) => {
  const m = JSON.parse(readFileSync(join(DIST, "manifest.json"), "utf8"));
  const chromium = packageWith(t, DIST, { ...m, kindly_unknown_key: true, sidebar_action: { default_panel: "sidepanel.html" } });
  const seen = await extensionPageProblems(chromium);
  assert.ok(seen.some((p) => p.includes("'kindly_unknown_key'")), seen.join("\n"));
  assert.ok(seen.some((p) => p.includes("'sidebar_action'")), seen.join("\n"));
  const ff = JSON.parse(readFileSync(join(DIST_FIREFOX, "manifest.json"), "utf8"));
  const firefox = packageWith(t, DIST_FIREFOX, { ...ff, background: { service_worker: "background.js" } });
  assert.ok(webExtLint(firefox).some((p) => p.startsWith("error BACKGROUND_SERVICE_WORKER")), "web-ext lint reports a lone service worker");
});

test("each browser gets the manifest it understands, also with a background worker, host permissions and a side panel", async (t) => {
  const source = futureManifest();
  const chrome = browserManifest(t, "chrome", source);
  const firefox = browserManifest(t, "firefox", source);

  assert.deepEqual(chrome.background, { service_worker: "background.js" });
  assert.deepEqual(firefox.background, { scripts: ["background.js"] });
  assert.deepEqual(chrome.side_panel, { default_path: "sidepanel.html" });
  assert.ok(chrome.permissions.includes("sidePanel"), "Chromium's side panel needs its permission");
  assert.equal(firefox.side_panel, undefined);
  assert.equal(firefox.sidebar_action.default_panel, "sidepanel.html");
  assert.ok(!firefox.permissions.includes("sidePanel"));
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.equal(firefox.minimum_chrome_version, undefined);
  for (const m of [chrome, firefox]) {
    assert.equal(m.version, source.version, "the version is the one in manifest.json");
    assert.deepEqual(m.host_permissions, source.host_permissions);
    assert.deepEqual(m.content_scripts, source.content_scripts);
    assert.ok(m.permissions.includes("scripting") && m.permissions.includes("storage"));
  }

  assert.deepEqual(webExtLint(packageWith(t, DIST_FIREFOX, firefox)), [], "Firefox's manifest");
  assert.deepEqual(await extensionPageProblems(packageWith(t, DIST, chrome)), [], "Chromium's manifest");
});

test("Firefox's sidebar becomes Chromium's side panel, and a lone background script its worker", (t) => {
  const m = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8"));
  const source = { ...m, background: { scripts: ["background.js"] }, sidebar_action: { default_panel: "sidepanel.html" } };
  const chrome = browserManifest(t, "chrome", source);
  assert.deepEqual(chrome.background, { service_worker: "background.js" });
  assert.deepEqual(chrome.side_panel, { default_path: "sidepanel.html" });
  assert.equal(chrome.sidebar_action, undefined);
  const firefox = browserManifest(t, "firefox", source);
  assert.deepEqual(firefox.background, source.background);
  assert.deepEqual(firefox.sidebar_action, source.sidebar_action);
});
