// The fixtures again, in Firefox (ESR, driven over WebDriver BiDi with
// puppeteer-core), served at LinkedIn's URLs under the same CSP as in
// Chromium. Firefox gets its own build (dist-firefox/), whose content script
// runs the real WASM: the CSP checks below are what say Firefox allows it.
// What each fixture must show is in scenario.mjs. (The popup is not opened here: WebDriver BiDi refuses to
// navigate to a moz-extension:// page.)
import puppeteer from "puppeteer-core";
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { DIST, REPORT_PATH, cspHeader, fixtureNames, loadFixture, withNonces } from "./harness.mjs";
import { playFixture } from "./scenario.mjs";

const FIREFOX_DIST = `${DIST}-firefox`;
const FIREFOX = process.env.KINDLY_FIREFOX || ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find((p) => existsSync(p));
const LINKEDIN = "https://www.linkedin.com";

const names = fixtureNames();

let browser;
before(async () => {
  assert.ok(FIREFOX, "Firefox is needed: ./build.sh test installs firefox-esr as root, or set KINDLY_FIREFOX=/path/to/firefox");
  browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
  await browser.installExtension(FIREFOX_DIST);
});
after(async () => {
  await browser?.close();
});

/** A page that serves `fixture` for LinkedIn navigations and records what must never happen. */
async function fixturePage(fixture) {
  const page = await browser.newPage();
  const problems = { cspReports: [], foreignRequests: [], errors: [] };
  page.on("pageerror", (err) => problems.errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.errors.push(`console.error: ${msg.text()}`);
  });
  await page.setViewport({ width: 1100, height: 900 });
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "moz-extension:") return request.continue();
    if (url.origin === LINKEDIN && url.pathname === REPORT_PATH) {
      problems.cspReports.push(`${request.method()} ${request.url()}`); // BiDi cannot read the body
      return request.respond({ status: 204, body: "" });
    }
    if (request.isNavigationRequest() && url.origin === LINKEDIN) {
      return request.respond({
        status: 200,
        contentType: "text/html; charset=utf-8",
        headers: { "content-security-policy": cspHeader() },
        body: withNonces(fixture.html),
      });
    }
    problems.foreignRequests.push(`${request.method()} ${request.url()}`);
    return request.respond({ status: 404, body: "" });
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window.__kindlyViolations ||= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { page, problems };
}

for (const name of names) {
  test(`Firefox: fixture ${name}`, async () => {
    const fixture = loadFixture(name);
    const { page, problems } = await fixturePage(fixture);
    try {
      const open = (url) => page.goto(url, { waitUntil: "load" });
      await playFixture({ assert, page, fixture, open });
      const violations = await page.evaluate(() => window.__kindlyViolations || []);
      await new Promise((r) => setTimeout(r, 150)); // reports are posted asynchronously
      assert.deepEqual(problems.cspReports, [], "CSP violation reports");
      assert.deepEqual(violations, [], "CSP violations seen by the page");
      assert.deepEqual(problems.foreignRequests, [], "requests beyond the page and the extension");
      assert.deepEqual(problems.errors, [], "uncaught errors");
    } finally {
      await page.close();
    }
  });
}
