// The end-to-end harness: real headless Chromium with the built extension,
// LinkedIn fixtures served at LinkedIn's real URLs with a LinkedIn-like CSP,
// and a record of everything that must never happen (CSP reports, foreign
// requests, uncaught errors) for each test to assert is empty.
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, "../fixtures");
export const DIST = resolve(process.env.KINDLY_DIST || resolve(here, "../../dist"));
/** The Firefox package build.sh makes beside DIST (its content script runs the real WASM). */
export const DIST_FIREFOX = `${DIST}-firefox`;
const CHROMIUM = process.env.KINDLY_CHROMIUM || "/usr/bin/chromium";

export const NONCE = "kindly-fixture";
export const REPORT_PATH = "/kindly-test/csp-report";

/** LinkedIn's kind of CSP: nonce/host-based scripts, no eval, no wasm, a report-uri. */
export function cspHeader() {
  return [
    "default-src 'none'",
    `script-src 'nonce-${NONCE}' https://static.licdn.com`,
    `style-src 'nonce-${NONCE}'`,
    "img-src data: https://media.licdn.com",
    "font-src data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    `report-uri https://www.linkedin.com${REPORT_PATH}`,
  ].join("; ");
}

/** Chromium's id for an unpacked extension: derived from its absolute path. */
export function extensionId(dir) {
  const hex = createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

/** Every fixture with a sidecar, by name, sorted. */
export function fixtureNames() {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export function loadFixture(name) {
  const html = readFileSync(join(FIXTURES, `${name}.html`), "utf8");
  const spec = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8"));
  return { name, html, spec };
}

/** Gives the fixture's own <style>/<script> the nonce the CSP allows. */
export function withNonces(html) {
  return html.replace(/<(style|script)(?![^>]*\bnonce=)/gi, `<$1 nonce="${NONCE}"`);
}

/**
 * Starts Chromium with the extension (the folder `extension`, by default
 * the build's). Returns { context, extensionId, problems, serve(fixture,
 * opts), newPage(), close() }. `uiLanguage` ("de", …) is the browser's own
 * language (`--lang`), which the extension's UI strings follow.
 */
/**
 * Runs `fn(arg)` in the extension's background worker (`id`): storage
 * without opening the popup, which would open the store itself.
 */
export async function inWorker(context, id, fn, arg) {
  const ours = (w) => w.url().startsWith(`chrome-extension://${id}/`);
  const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent("serviceworker", { predicate: ours }));
  return worker.evaluate(fn, arg);
}

/**
 * Waits until the worker's install-time opening of the store has written
 * it (`kindly.meta`), so a test's own storage changes come after it.
 */
async function storeOpened(context, id) {
  for (let i = 0; i < 200; i++) {
    const meta = await inWorker(context, id, () => chrome.storage.local.get("kindly.meta"));
    if (meta["kindly.meta"]) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the background worker did not open the store on install");
}

/**
 * Starts Chromium with the extension. `waitForStore: false` skips waiting
 * for the install-time opening of the store (for a test that seeds an old
 * store itself and wants the engine to find it first).
 */
export async function launch({ headers = {}, headless = true, uiLanguage, extension = DIST, waitForStore = true } = {}) {
  if (!existsSync(join(extension, "manifest.json"))) throw new Error(`no built extension in ${extension}: run ./build.sh`);
  const userDataDir = mkdtempSync(join(tmpdir(), "kindly-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    ignoreDefaultArgs: ["--disable-extensions", "--disable-component-extensions-with-background-pages"],
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(uiLanguage ? [`--lang=${uiLanguage}`] : []),
    ],
    viewport: { width: 1100, height: 900 },
    ...(uiLanguage ? { locale: uiLanguage } : {}),
  });
  const id = extensionId(extension);
  const problems = { cspReports: [], violations: [], foreignRequests: [], errors: [] };
  let current = null; // { html, url }

  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: "https://www.linkedin.com" });
  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.protocol === "chrome-extension:" || url.protocol === "data:") return route.continue();
    if (url.origin === "https://www.linkedin.com" && url.pathname === REPORT_PATH) {
      problems.cspReports.push(request.postData() || "(report)");
      return route.fulfill({ status: 204, body: "" });
    }
    if (current && request.isNavigationRequest() && url.origin === "https://www.linkedin.com") {
      return route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        headers: { "content-security-policy": cspHeader(), ...headers, ...(current.headers || {}) },
        body: withNonces(current.html),
      });
    }
    problems.foreignRequests.push(`${request.method()} ${request.url()}`);
    return route.fulfill({ status: 404, body: "" });
  });

  const watch = (page) => {
    page.on("pageerror", (err) => problems.errors.push(`pageerror: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.errors.push(`console.error: ${msg.text()}`);
    });
  };
  context.on("page", watch);
  for (const page of context.pages()) watch(page);

  await context.addInitScript(recordViolations);
  await context.addInitScript(recordClicks);
  if (waitForStore) {
    try {
      await storeOpened(context, id);
    } catch (error) {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }

  return {
    context,
    extensionId: id,
    problems,
    /** Serves `fixture` ({html, spec}) for navigations and opens it in a page. */
    async open(fixture, { url, headers: extra, page } = {}) {
      current = { html: fixture.html, headers: extra };
      page ||= context.pages()[0] || (await context.newPage());
      await page.goto(url || fixture.spec.url, { waitUntil: "load" });
      return page;
    },
    /** Forgets recorded problems (each test asserts its own). */
    reset() {
      for (const list of Object.values(problems)) list.length = 0;
    },
    async collectViolations(page) {
      const found = await page.evaluate(() => window.__kindlyViolations || []);
      problems.violations.push(...found);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the page's main world before its scripts: CSP violations caused by
 * any world (Kindly's content script included) are dispatched on the
 * document, and kept in `window.__kindlyViolations`.
 */
export function recordViolations() {
  document.addEventListener("securitypolicyviolation", (e) => {
    (window.__kindlyViolations ||= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  });
}

/**
 * Runs in the page's main world before its scripts: every click on one of
 * the page's own controls (LinkedIn's Accept, Ignore, Reply, Send…) is kept
 * in `window.__pageClicks` with whether the browser made it for a person
 * (`trusted`). Kindly's panels live in closed shadow roots, so a click in
 * one reaches the page as a click on its bare host (a `div`, never a page
 * control, and not inside one).
 */
export function recordClicks() {
  const clicks = (window.__pageClicks = []);
  const note = (e) => {
    const target = e.composedPath()[0];
    const control = target instanceof Element ? target.closest("button, a, [role=button], input[type=submit]") : null;
    if (!control) return;
    const label = (control.getAttribute("aria-label") || control.textContent || "").trim().replace(/\s+/g, " ");
    clicks.push({ type: e.type, label: label.slice(0, 80), trusted: e.isTrusted });
  };
  document.addEventListener("click", note, true);
  document.addEventListener("submit", note, true);
}

/**
 * Opens the popup in a new tab of `browser` and waits until it has opened
 * the store (`data-ready`): its writes (defaults, repairs, pruning) are
 * done by then. The caller closes it.
 */
export async function openPopup(browser) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.waitForSelector("#kindly-popup[data-ready=true]");
  } catch (error) {
    await page.close();
    throw error;
  }
  return page;
}

/** Runs `fn(arg)` in an extension page (chrome.storage and friends), then closes it. */
export async function withStorage(browser, fn, arg) {
  // Opened first, so the popup's own writes never land after `fn`'s.
  const page = await openPopup(browser);
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/**
 * One browser for a test file: launched (with `options`, see `launch`)
 * before its tests, closed after them. Returns `{ browser, inWorker(fn,
 * arg) }`: `browser` is set once launched; `inWorker` runs in its
 * background worker (see `inWorker` above).
 */
export function useBrowser(options) {
  const used = {
    browser: null,
    inWorker: (fn, arg) => inWorker(used.browser.context, used.browser.extensionId, fn, arg),
  };
  before(async () => {
    used.browser = await launch(options);
  });
  after(async () => {
    await used.browser?.close();
  });
  return used;
}

/** Asserts none of the things that must never happen happened. */
export async function assertClean(t, browser, page, assert) {
  if (page) await browser.collectViolations(page);
  // Reports are posted asynchronously; give them a moment to arrive.
  await new Promise((r) => setTimeout(r, 150));
  assert.deepEqual(browser.problems.cspReports, [], "CSP violation reports");
  assert.deepEqual(browser.problems.violations, [], "CSP violations seen by the page");
  assert.deepEqual(browser.problems.foreignRequests, [], "requests beyond the page and the extension");
  assert.deepEqual(browser.problems.errors, [], "uncaught errors");
}

// ---------------------------------------------------------------------------
// Reaching Kindly's panels. Each is a closed shadow root on a bare host, so
// neither the page nor `page.evaluate` can see inside. Tests go through the
// browser's automation protocol, as only a debugger can: in Chromium the
// DevTools protocol (DOM.getDocument with pierce lists closed roots,
// DOM.resolveNode hands one to a world of the harness's own,
// Runtime.callFunctionOn runs code there); in Firefox WebDriver BiDi
// (script.callFunction serialising nodes with includeShadowTree "all" hands
// out closed roots, in a sandbox the page cannot see). Everything below
// goes through `inPanels`.

const chromiumWorlds = new WeakMap(); // page → { cdp, contextId }

/** Chromium: the harness's own world in `page` (made again after a navigation). */
async function chromiumWorld(page, fresh = false) {
  let world = chromiumWorlds.get(page);
  if (!world) {
    world = { cdp: await page.context().newCDPSession(page), contextId: null };
    chromiumWorlds.set(page, world);
  }
  if (fresh || world.contextId === null) {
    const { frameTree } = await world.cdp.send("Page.getFrameTree");
    const made = await world.cdp.send("Page.createIsolatedWorld", { frameId: frameTree.frame.id, worldName: "kindly-e2e" });
    world.contextId = made.executionContextId;
  }
  return world;
}

/** Chromium: evaluates `source` (a script) in the harness's world, e.g. a library the checks use. */
export async function evaluateInWorld(page, source) {
  for (const fresh of [false, true]) {
    const { cdp, contextId } = await chromiumWorld(page, fresh);
    const answer = await cdp.send("Runtime.evaluate", { expression: source, contextId }).catch((e) => ({ failed: e }));
    if (!answer.failed) return;
    if (fresh) throw answer.failed;
  }
}

/** Chromium: every closed shadow root in the page, resolved in the harness's world. */
async function chromiumCall(page, source, args) {
  try {
    return await chromiumCallIn(await chromiumWorld(page), source, args);
  } catch (error) {
    if (!/context/i.test(String(error.message))) throw error;
    return chromiumCallIn(await chromiumWorld(page, true), source, args); // the page navigated
  }
}

async function chromiumCallIn({ cdp, contextId: executionContextId }, source, args) {
  // DOM.performSearch looks through every shadow root, closed ones too (and,
  // unlike a pierced DOM.getDocument, copes with pages thousands of levels deep).
  await cdp.send("DOM.getDocument", { depth: 0 });
  const { searchId, resultCount } = await cdp.send("DOM.performSearch", { query: "[data-kindly=panel]" });
  const { nodeIds } = resultCount
    ? await cdp.send("DOM.getSearchResults", { searchId, fromIndex: 0, toIndex: resultCount })
    : { nodeIds: [] };
  await cdp.send("DOM.discardSearchResults", { searchId });
  const handles = [];
  for (const nodeId of nodeIds) {
    // A panel removed since the search (rebuilt) is simply gone.
    const { object } = await cdp.send("DOM.resolveNode", { nodeId, executionContextId }).catch((error) => {
      if (/context/i.test(String(error.message))) throw error;
      return {};
    });
    if (object?.objectId) handles.push({ objectId: object.objectId });
  }
  const { result, exceptionDetails } = await cdp.send("Runtime.callFunctionOn", {
    functionDeclaration: source,
    executionContextId,
    arguments: [{ value: JSON.stringify(args) }, ...handles],
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(`in the panels: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
  return result.value;
}

/** Firefox (puppeteer over WebDriver BiDi): the same, through puppeteer's own sandbox. */
async function firefoxCall(page, source, args) {
  // A realm sees its own frame's nodes only: `source` runs in the frame that
  // holds Kindly's hosts (the main frame when it holds any; a note strip
  // sits in the frame of LinkedIn's dialog).
  const main = page.mainFrame();
  const frames = [main, ...page.frames().filter((f) => f !== main)];
  for (const [i, frame] of frames.entries()) {
    const realm = frame.isolatedRealm().realm;
    // Candidate hosts: elements without attributes or light children, as
    // Kindly's are, in the document and LinkedIn's open shadow roots; each
    // serialised with its shadow root, closed ones too.
    const found = await realm.callFunction(
      `() => {
        const out = [];
        const walk = (scope) => {
          for (const e of scope.querySelectorAll("*")) {
            if (e.attributes.length === 0 && !e.firstChild) out.push(e);
            if (e.shadowRoot) walk(e.shadowRoot);
          }
        };
        if (document.body) walk(document.body);
        return out;
      }`,
      false,
      { serializationOptions: { maxDomDepth: 0, maxObjectDepth: 1, includeShadowTree: "all" }, resultOwnership: "root" },
    );
    if (found.type === "exception") throw new Error(`finding hosts: ${found.exceptionDetails.text}`);
    const roots = (found.result.value || [])
      .map((node) => node.value?.shadowRoot)
      .filter((root) => root && root.value?.mode === "closed" && root.sharedId)
      .map((root) => ({ sharedId: root.sharedId }));
    if (roots.length === 0 && i < frames.length - 1) continue;
    const answer = await realm.callFunction(source, true, {
      arguments: [{ type: "string", value: JSON.stringify(args) }, ...roots],
      resultOwnership: "none",
    });
    if (answer.type === "exception") throw new Error(`in the panels: ${answer.exceptionDetails.text}`);
    return answer.result.value;
  }
}

/**
 * Runs `fn(panels, ...args)` where `panels` are Kindly's `[data-kindly=panel]`
 * elements, in document order, each inside its closed root (its host is
 * `panel.getRootNode().host`). `fn` runs in a world the page cannot see; its
 * result must survive JSON. Works on Playwright (Chromium) and Puppeteer
 * (Firefox) pages.
 */
export async function inPanels(page, fn, ...args) {
  const source = `async function (argsJson, ...roots) {
    const order = (a, b) => (a.getRootNode().host.compareDocumentPosition(b.getRootNode().host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
    // Chromium hands over the panel elements, Firefox the closed roots.
    const panelOf = (n) => (n.nodeType === 11 ? [...n.children].find((e) => e.matches("[data-kindly=panel]")) : n);
    const inClosedRoot = (p) => p && p.nodeType === 1 && p.matches("[data-kindly=panel]") && p.getRootNode().mode === "closed";
    const panels = roots.map(panelOf).filter(inClosedRoot).filter((p) => p.getRootNode().host.isConnected).sort(order);
    const result = await (${fn.toString()})(panels, ...JSON.parse(argsJson));
    return JSON.stringify(result === undefined ? null : result);
  }`;
  const isPlaywright = typeof page.context === "function" && typeof page.context().newCDPSession === "function";
  const json = isPlaywright ? await chromiumCall(page, source, args) : await firefoxCall(page, source, args);
  return JSON.parse(json);
}

/** Polls `fn(panels, arg)` (see `inPanels`) until it returns something truthy; returns that. */
export async function waitInPanels(page, fn, arg, { timeout = 5000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await inPanels(page, fn, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms in the panels for: ${fn.toString().slice(0, 160)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What each panel's element says: key, kind, action, drawn. */
export const panelMarks = (page) =>
  inPanels(page, (panels) =>
    panels.map((p) => ({ key: p.dataset.key, kind: p.dataset.kind, action: p.dataset.action ?? null, drawn: p.hasAttribute("data-drawn") })),
  );

/** How many panels (drawn or not) the page holds. */
export const panelCount = async (page) => (await panelMarks(page)).length;

/** Polls `predicate(marks)` over the panels' marks until it holds or `timeout` ms pass; returns the last marks. */
export async function waitForPanels(page, predicate, { timeout = 5000 } = {}) {
  const end = Date.now() + timeout;
  let marks = await panelMarks(page);
  while (!predicate(marks) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    marks = await panelMarks(page);
  }
  return marks;
}

/**
 * Panels are drawn when their card comes near the viewport; until then the
 * panel element holds only key, kind and action. This scrolls each undrawn
 * card into view, as a person would, until every panel is drawn, then back
 * to the top. Fails naming the card whose panel never appeared.
 */
export async function drawAll(page) {
  // One call walks every undrawn panel (a call lists the whole page); a panel
  // rebuilt meanwhile is found by the next call.
  for (let round = 0; round < 5; round++) {
    const result = await inPanels(page, async (panels) => {
      const frame = () => new Promise((r) => setTimeout(r, 16));
      let walked = 0;
      for (const panel of panels) {
        const host = panel.getRootNode().host;
        if (panel.hasAttribute("data-drawn") || !host.isConnected) continue;
        walked++;
        (host.parentElement || host).scrollIntoView({ block: "start" });
        for (let frames = 0; !panel.hasAttribute("data-drawn") && host.isConnected; frames++) {
          if (frames >= 60) return { stuck: panel.dataset.key };
          await frame();
        }
      }
      window.scrollTo(0, 0);
      for (const el of document.querySelectorAll("*")) if (el.scrollTop) el.scrollTop = 0;
      await frame();
      return { walked };
    });
    if (result.stuck) throw new Error(`the panel of card ${result.stuck} was not drawn when its card was scrolled into view`);
    if (result.walked === 0) return;
  }
}

export async function panels(page, count, { timeout = 5000 } = {}) {
  if (count > 0) {
    await waitForPanels(page, (marks) => marks.length >= count, { timeout });
  } else {
    await page.waitForTimeout(300);
  }
  return readPanels(page);
}

/** Draws every panel (scrolling as a person would), then returns what each says. */
export async function readPanels(page) {
  await drawAll(page);
  return inPanels(page, (panels) =>
    panels.map((p) => {
      const suggestions = [...p.querySelectorAll("[data-kindly=suggestion]")];
      return {
        key: p.dataset.key,
        kind: p.dataset.kind,
        action: p.dataset.action ?? null,
        actionText: p.querySelector("[data-kindly=action]")?.textContent ?? null,
        reasons: [...p.querySelectorAll("[data-kindly=reasons] li")].map((li) => li.textContent),
        suggestions: suggestions.map((s) => s.querySelector("[data-kindly=text]")?.textContent ?? null),
        templates: suggestions.map((s) => s.getAttribute("data-kindly-template")),
        delivery: suggestions.map((s) => s.getAttribute("data-kindly-delivery")),
        waited: p.querySelector("[data-kindly=waited]")?.textContent ?? null,
        drawn: p.hasAttribute("data-drawn"),
      };
    }),
  );
}

/**
 * Where a panel's part is on screen (scrolled into view first): `{x, y}`,
 * the centre, for a real (trusted) click. `key` picks the panel, `selector`
 * the part, `index` which match.
 */
export async function partCentre(page, key, selector, index = 0) {
  const at = await inPanels(
    page,
    (panels, key, selector, index) => {
      const panel = panels.find((p) => p.dataset.key === key);
      const part = panel && panel.querySelectorAll(selector)[index];
      if (!part) return null;
      part.scrollIntoView({ block: "center" });
      const r = part.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    key,
    selector,
    index,
  );
  if (!at) throw new Error(`no ${selector} #${index} in the panel of ${key}`);
  return at;
}

/** A person's click on a panel's part: a real mouse event, trusted. */
export async function clickPart(page, key, selector, index = 0) {
  const { x, y } = await partCentre(page, key, selector, index);
  await page.mouse.click(x, y);
}

/** Moves keyboard focus to a panel's part (what a Tab would do). */
export async function focusPart(page, key, selector, index = 0) {
  const ok = await inPanels(
    page,
    (panels, key, selector, index) => {
      const part = panels.find((p) => p.dataset.key === key)?.querySelectorAll(selector)[index];
      part?.focus();
      return !!part;
    },
    key,
    selector,
    index,
  );
  if (!ok) throw new Error(`no ${selector} #${index} in the panel of ${key} to focus`);
}

/**
 * A part of one panel, found like a Playwright locator but through
 * `inPanels`: `panelPart(page, key)` is the panel's host, `.locator(sel)`
 * narrows to matching elements inside it, `.first()` / `.nth(i)` pick one.
 * Reads (`textContent`, `getAttribute`, `isVisible`, `inputValue`, `count`,
 * `allTextContents`, `boundingBox`) run in the harness's world; `click`
 * is a real mouse click at the part's centre, and `fill` and `selectOption`
 * real key presses, as a person's are (Kindly ignores events made by
 * script).
 */
export function panelPart(page, key, steps = []) {
  // The part-finding and `fn` are put together here, in Node, so the page's
  // world is never asked to compile code (its CSP forbids eval).
  const run = (fn, ...args) => {
    const find = new Function(
      "panels",
      "key",
      "steps",
      "args",
      `const panel = panels.find((p) => p.dataset.key === key);
      let found = panel ? [panel.getRootNode().host] : [];
      for (const [i, step] of steps.entries()) {
        const scopes = i === 0 ? [panel] : found;
        found = scopes.flatMap((scope) => (scope ? [...scope.querySelectorAll(step.selector)] : []));
        if (step.index !== null) found = found[step.index] ? [found[step.index]] : [];
      }
      return (${fn.toString()})(found, ...args);`,
    );
    return inPanels(page, find, key, steps, args);
  };
  const pick = (index) => panelPart(page, key, steps.length ? [...steps.slice(0, -1), { ...steps.at(-1), index }] : steps);
  const one = async (fn, ...args) => {
    const value = await run(fn, ...args);
    return value;
  };
  return {
    locator: (selector) => panelPart(page, key, [...steps, { selector, index: null }]),
    first: () => pick(0),
    nth: (i) => pick(i),
    count: () => one((els) => els.length),
    textContent: () => one((els) => els[0]?.textContent ?? null),
    allTextContents: () => one((els) => els.map((e) => e.textContent)),
    getAttribute: (name) => one((els, name) => els[0]?.getAttribute(name) ?? null, name),
    inputValue: () => one((els) => els[0]?.value ?? null),
    isVisible: () =>
      one((els) => {
        const e = els[0];
        if (!e) return false;
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
      }),
    boundingBox: () =>
      one((els) => {
        const e = els[0];
        if (!e) return null;
        const r = e.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }),
    scrollIntoView: () => one((els) => els[0]?.scrollIntoView({ block: "center" })),
    /** Polls until a match exists. */
    async waitFor({ timeout = 5000 } = {}) {
      const end = Date.now() + timeout;
      while ((await this.count()) === 0) {
        if (Date.now() > end) throw new Error(`panel ${key}: ${steps.map((s) => s.selector).join(" ")} never appeared`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async click() {
      await this.scrollIntoView();
      const box = await this.boundingBox();
      if (!box) throw new Error(`panel ${key}: nothing to click at ${steps.map((s) => s.selector).join(" ")}`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    },
    async focus() {
      const ok = await one((els) => (els[0] ? (els[0].focus(), true) : false));
      if (!ok) throw new Error(`panel ${key}: nothing to focus at ${steps.map((s) => s.selector).join(" ")}`);
    },
    /** Types `text` into the field in place of what it holds, with real key presses. */
    async fill(text) {
      await this.focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Backspace");
      await page.keyboard.type(text);
    },
    /** Picks the option whose value is `value` in a select, with the arrow keys as a person would. */
    async selectOption(value) {
      await this.focus();
      const [from, to] = await one((els, value) => {
        const options = [...(els[0]?.options || [])];
        return [els[0]?.selectedIndex ?? -1, options.findIndex((o) => o.value === value)];
      }, value);
      if (to < 0) throw new Error(`panel ${key}: no option ${value} at ${steps.map((s) => s.selector).join(" ")}`);
      for (let i = from; i !== to; i += Math.sign(to - from)) await page.keyboard.press(to > from ? "ArrowDown" : "ArrowUp");
      if ((await this.inputValue()) !== value) throw new Error(`panel ${key}: the arrow keys did not pick ${value}`);
    },
    /** A screenshot of the part, clipped from the page's. */
    async screenshot({ path }) {
      await this.scrollIntoView();
      const box = await this.boundingBox();
      if (!box) throw new Error(`panel ${key}: nothing to photograph`);
      await page.screenshot({ path, clip: box });
    },
  };
}

/** The page's own DOM (`body.innerHTML`), with Kindly's hosts taken out. */
export const ownDom = (page) =>
  inPanels(page, (panels) => {
    const path = (node) => {
      const steps = [];
      for (let n = node; n !== document.body; n = n.parentNode) steps.unshift([...n.parentNode.childNodes].indexOf(n));
      return steps;
    };
    // Last first: removing a host never moves one before it.
    const paths = panels.map((p) => path(p.getRootNode().host)).reverse();
    const copy = document.body.cloneNode(true);
    for (const steps of paths) steps.reduce((n, i) => n.childNodes[i], copy).remove();
    return copy.innerHTML;
  });

/**
 * Checks the panels read from a page against a sidecar's cards, in order:
 * one per invitation, the right kind and key, an action with reasons, and
 * each person greeted by their first name with no placeholder left.
 */
export function checkPanels(assert, seen, cards, label) {
  assert.equal(seen.length, cards.length, `${label}: one panel per invitation`);
  cards.forEach((card, i) => {
    const panel = seen[i];
    const where = `${label} card ${i} (${card.key ?? card.kind})`;
    assert.equal(panel.kind, card.kind, `${where}: data-kind`);
    if (card.key) assert.equal(panel.key, card.key, `${where}: data-key`);
    assert.ok(panel.drawn, `${where}: drawn`);
    assert.ok(panel.action && panel.actionText, `${where}: an action`);
    assert.ok(panel.reasons.length > 0, `${where}: reasons`);
    if (card.kind === "person" && panel.suggestions.length > 0) {
      const first = panel.suggestions[0];
      if (card.first_name) {
        assert.ok(first.includes(card.first_name), `${where}: first reply greets ${card.first_name}: ${first.slice(0, 80)}`);
      }
      assert.doesNotMatch(first, /[{}]|Hi ,|\s,/u, `${where}: no unfilled placeholder`);
    }
    if (card.kind !== "person") {
      assert.equal(panel.suggestions.length, 0, `${where}: no person reply on a ${card.kind} invitation`);
    }
  });
}
