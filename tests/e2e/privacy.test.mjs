// Permissions and privacy, checked on the built extensions (dist/ and
// dist-firefox/, or KINDLY_DIST and KINDLY_DIST-firefox) without a browser:
// the manifest asks for no more than Kindly needs, and the shipped code
// holds no remote URL, no network call it could make on its own, no
// string-to-code (eval, new Function, string timers) and no HTML parsing
// sink (innerHTML & co.). Strict on purpose: an exception must be listed
// here with the reason it is harmless.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { DIST, DIST_FIREFOX } from "./harness.mjs";

const TEXT_EXT = new Set([".js", ".mjs", ".html", ".css", ".json"]);

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (TEXT_EXT.has(extname(name))) out.push(p);
  }
  return out;
}

/** The two packages build.sh makes: the same files but the content script. */
const PACKAGES = [
  { browser: "Chromium", dir: DIST },
  { browser: "Firefox", dir: DIST_FIREFOX },
];

/** Each hit with a little context, for a readable failure. */
function hits(text, re) {
  const out = [];
  for (const m of text.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"))) {
    out.push(text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40));
  }
  return out;
}

for (const { browser, dir } of PACKAGES) {
  const label = browser === "Chromium" ? "" : `${browser} package: `;
  const manifest = () => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const shipped = () => files(dir).map((p) => ({ path: relative(dir, p), text: readFileSync(p, "utf8") }));
  const js = () => shipped().filter((f) => f.path.endsWith(".js"));

  test(`${label}the built extension is there`, () => {
    assert.ok(existsSync(join(dir, "manifest.json")), `no manifest in ${dir}: run ./build.sh`);
    assert.ok(existsSync(join(dir, "content.js")), "content.js");
  });

  test(`${label}manifest: storage and scripting only (and Chromium's side panel), LinkedIn only, nothing web-accessible`, () => {
    const m = manifest();
    assert.equal(m.manifest_version, 3);
    // Beside the page: Chromium's side panel needs its permission; Firefox's sidebar none.
    const permissions = browser === "Firefox" ? ["storage", "scripting"] : ["storage", "scripting", "sidePanel"];
    assert.deepEqual(m.permissions, permissions, "permissions");
    // The host the content scripts already cover: no new install warning.
    assert.deepEqual(m.host_permissions, ["https://www.linkedin.com/*"], "host permissions");
    for (const key of ["optional_permissions", "optional_host_permissions", "web_accessible_resources", "externally_connectable", "declarative_net_request"]) {
      assert.equal(m[key], undefined, `no ${key}`);
    }
    const background = browser === "Firefox" ? { scripts: ["background.js"] } : { service_worker: "background.js" };
    assert.deepEqual(m.background, background, "one background worker");
    // The loader on every LinkedIn page, the engine on the invitation manager only.
    assert.deepEqual(
      m.content_scripts.map((cs) => [cs.js, cs.matches]),
      [
        [["loader.js"], ["https://www.linkedin.com/*"]],
        [["content.js"], ["https://www.linkedin.com/mynetwork/invitation-manager*"]],
      ],
      "content scripts",
    );
    for (const cs of m.content_scripts) {
      assert.equal(cs.all_frames, false, "top frame only");
      assert.equal(cs.css, undefined, "no injected stylesheet (panels style their own shadow root)");
      assert.equal(cs.match_about_blank ?? false, false);
      assert.equal(cs.world ?? "ISOLATED", "ISOLATED", "never in the page's main world");
    }
    // Extension pages: own scripts and WASM only, nothing remote.
    assert.deepEqual(Object.keys(m.content_security_policy ?? {}), ["extension_pages"]);
    const csp = m.content_security_policy.extension_pages;
    assert.equal(csp, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  });

  test(`${label}the loader on every LinkedIn page is small, reads no storage and holds no engine`, () => {
    const loader = readFileSync(join(dir, "loader.js"), "utf8");
    assert.ok(loader.length <= 8 * 1024, `loader.js is ${loader.length} bytes (budget 8 KB)`);
    assert.deepEqual(hits(loader, /asmFunc|WebAssembly|\bstorage\b|document\.create|appendChild|attachShadow/), [], "loader.js: nothing but a message");
  });

  test(`${label}no remote URL in the shipped files`, () => {
    // The only allowed URL-like strings: the match patterns in the manifest
    // (patterns the browser matches pages against, never fetched).
    const found = [];
    for (const f of shipped()) {
      let text = f.text;
      if (f.path === "manifest.json") {
        const m = JSON.parse(text);
        delete m.content_scripts;
        delete m.host_permissions;
        text = JSON.stringify(m);
      }
      for (const h of hits(text, /\b(?:https?|wss?|ftp):\/\/|(?:["'`(]|url\()\/\/[a-z0-9.-]+\.[a-z]{2,}/gi)) found.push(`${f.path}: …${h}…`);
    }
    assert.deepEqual(found, []);
  });

  test(`${label}no network API in the content script; the popup, the side panel and the background worker fetch only their WASM`, () => {
    const NET = /\bfetch\s*\(|XMLHttpRequest|\bWebSocket\b|sendBeacon|\bEventSource\b|importScripts|\bimport\s*\(|\bnew\s+(?:Shared)?Worker\b|RTCPeerConnection|navigator\.serviceWorker/;
    for (const f of js()) {
      const found = hits(f.text, NET);
      if (f.path === "popup.js" || f.path === "sidepanel.js" || f.path === "background.js") {
        // wasm-bindgen's loader: `fetch(chrome.runtime.getURL("kindly_web_bg.wasm"))`,
        // a chrome-extension:// URL inside the extension itself (the worker
        // runs the popup's WASM to open the store).
        assert.equal(found.length, 1, `${f.path}: one fetch, for its WASM: ${found.join(" | ")}`);
        assert.match(found[0], /fetch\(/);
        assert.match(f.text, /chrome\.runtime\.getURL\("kindly_web_bg\.wasm"\)/);
      } else {
        assert.deepEqual(found, [], `${f.path}: network APIs`);
      }
    }
  });

  test(`${label}the content script ${browser === "Firefox" ? "runs its WASM, carried inside it" : "never compiles WebAssembly (the page's CSP would report it)"}`, () => {
    const content = readFileSync(join(dir, "content.js"), "utf8");
    if (browser === "Firefox") {
      // Firefox compiles WASM in a content script under the extension's rules
      // (the Firefox end-to-end tests check that no CSP violation follows).
      assert.equal(hits(content, /new WebAssembly\.Module\(/).length, 1, "one compile, of the bundled bytes");
      assert.deepEqual(hits(content, /asmFunc/), [], "no wasm2js module beside it");
    } else {
      assert.deepEqual(hits(content, /WebAssembly/), []);
    }
  });

  test(`${label}no string-to-code in shipped JS`, () => {
    const CODE = /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|\bset(?:Timeout|Interval)\s*\(\s*["'`]|\.setAttribute\s*\(\s*["'`]on[a-z]+["'`]|javascript:/;
    for (const f of js()) assert.deepEqual(hits(f.text, CODE), [], `${f.path}: string-to-code`);
  });

  test(`${label}no HTML parsing sink in shipped JS`, () => {
    const SINK = /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write(?:ln)?\b|createContextualFragment|parseFromString|\bsrcdoc\b|setHTMLUnsafe/;
    for (const f of js()) assert.deepEqual(hits(f.text, SINK), [], `${f.path}: HTML sinks`);
  });
}
