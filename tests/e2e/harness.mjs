// The end-to-end harness: real headless Chromium with the built extension,
// LinkedIn fixtures served at LinkedIn's real URLs with a LinkedIn-like CSP,
// and a record of everything that must never happen (CSP reports, foreign
// requests, uncaught errors) for each test to assert is empty.
import { chromium } from "playwright-core";
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
/**
 * Starts Chromium with the extension (the folder `extension`, by default
 * the build's). Returns { context, extensionId, problems, serve(fixture,
 * opts), newPage(), close() }. `uiLanguage` ("de", …) is the browser's own
 * language (`--lang`), which the extension's UI strings follow.
 */
export async function launch({ headers = {}, headless = true, uiLanguage, extension = DIST } = {}) {
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
 * (`trusted`). Kindly's panels live in shadow roots, so a click in one
 * reaches the document as a click on its host, never on a page control.
 */
export function recordClicks() {
  const clicks = (window.__pageClicks = []);
  const note = (e) => {
    const path = e.composedPath();
    if (path.some((n) => n instanceof Element && n.hasAttribute("data-kindly-panel"))) return;
    const target = path[0];
    const control = target instanceof Element ? target.closest("button, a, [role=button], input[type=submit]") : null;
    if (!control) return;
    const label = (control.getAttribute("aria-label") || control.textContent || "").trim().replace(/\s+/g, " ");
    clicks.push({ type: e.type, label: label.slice(0, 80), trusted: e.isTrusted });
  };
  document.addEventListener("click", note, true);
  document.addEventListener("submit", note, true);
}

/** Runs `fn(arg)` in an extension page (chrome.storage and friends), then closes it. */
export async function withStorage(browser, fn, arg) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    // The popup opens (and may first write) the store: let it finish, so
    // its writes never land after `fn`'s.
    await page.waitForSelector("#kindly-popup[data-ready=true]");
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
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

/** Waits for `count` panels, then returns what each says (host attributes + shadow parts). */
/**
 * Panels are drawn when their card comes near the viewport; until then the
 * host is a marker (key, kind, action). This scrolls each undrawn card into
 * view, as a person would, until every panel is drawn, then back to the top.
 * Fails naming the card whose panel never appeared.
 */
export async function drawAll(page) {
  const stuck = await page.evaluate(async () => {
    // A timer, not requestAnimationFrame: a hostile fixture replaces that.
    const frame = () => new Promise((r) => setTimeout(r, 16));
    const undrawn = () => document.querySelector("[data-kindly-panel]:not([data-kindly-drawn])");
    for (let host = undrawn(); host; host = undrawn()) {
      (host.parentElement || host).scrollIntoView({ block: "start" });
      let frames = 0;
      while (!host.hasAttribute("data-kindly-drawn") && host.isConnected && frames < 20) {
        await frame();
        frames++;
      }
      if (frames >= 20) return host.getAttribute("data-kindly-key");
    }
    window.scrollTo(0, 0);
    for (const el of document.querySelectorAll("*")) if (el.scrollTop) el.scrollTop = 0;
    await frame();
    return null;
  });
  if (stuck !== null) throw new Error(`the panel of card ${stuck} was not drawn when its card was scrolled into view`);
}

export async function panels(page, count, { timeout = 5000 } = {}) {
  if (count > 0) {
    await page.waitForFunction((n) => document.querySelectorAll("[data-kindly-panel]").length >= n, count, { timeout });
  } else {
    await page.waitForTimeout(300);
  }
  return readPanels(page);
}

/**
 * Draws every panel (scrolling as a person would), then returns what each
 * says. Plain `page.evaluate`, so Playwright and Puppeteer pages both work.
 */
export async function readPanels(page) {
  await drawAll(page);
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-kindly-panel]")].map((host) => {
      const root = host.shadowRoot;
      const q = (sel) => (root ? root.querySelector(sel) : null);
      return {
        key: host.getAttribute("data-kindly-key"),
        kind: host.getAttribute("data-kindly-kind"),
        action: host.getAttribute("data-kindly-action"),
        actionText: q("[data-kindly=action]")?.textContent ?? null,
        reasons: root ? [...root.querySelectorAll("[data-kindly=reasons] li")].map((li) => li.textContent) : [],
        suggestions: root ? [...root.querySelectorAll("[data-kindly=suggestion] [data-kindly=text]")].map((p) => p.textContent) : [],
        templates: root ? [...root.querySelectorAll("[data-kindly=suggestion]")].map((e) => e.getAttribute("data-kindly-template")) : [],
        delivery: root ? [...root.querySelectorAll("[data-kindly=suggestion]")].map((e) => e.getAttribute("data-kindly-delivery")) : [],
        waited: q("[data-kindly=waited]")?.textContent ?? null,
        openShadow: !!root,
      };
    }),
  );
}

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
    assert.equal(panel.kind, card.kind, `${where}: data-kindly-kind`);
    if (card.key) assert.equal(panel.key, card.key, `${where}: data-kindly-key`);
    assert.ok(panel.openShadow, `${where}: open shadow root`);
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
