// The Firefox harness: headless Firefox (ESR) driven over WebDriver BiDi
// with puppeteer-core, one extension installed, LinkedIn's URLs answered
// with a page under the same CSP as in Chromium (harness.mjs), and a record
// of what must never happen. Used by the Firefox end-to-end tests and the
// Firefox benchmark.
import puppeteer from "puppeteer-core";
import { existsSync } from "node:fs";
import { REPORT_PATH, cspHeader, withNonces } from "./harness.mjs";

export const FIREFOX = process.env.KINDLY_FIREFOX || ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find((p) => existsSync(p));
const LINKEDIN = "https://www.linkedin.com";

/** Starts Firefox with the extension in `extensionDir`. */
export async function launchFirefox(extensionDir) {
  if (!FIREFOX) throw new Error("Firefox is needed: ./build.sh installs firefox-esr as root, or set KINDLY_FIREFOX=/path/to/firefox");
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
  await browser.installExtension(extensionDir);
  return {
    browser,
    /**
     * A new page (1100×900) on which every LinkedIn navigation gets `html`;
     * `problems` collects CSP reports, requests beyond the page and the
     * extension, and uncaught errors. `init` runs in the page's main world
     * before its scripts.
     */
    async fixturePage(html, { init, initArg } = {}) {
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
            body: withNonces(html),
          });
        }
        problems.foreignRequests.push(`${request.method()} ${request.url()}`);
        return request.respond({ status: 404, body: "" });
      });
      if (init) await page.evaluateOnNewDocument(init, initArg);
      return { page, problems };
    },
    close: () => browser.close(),
  };
}

/** Asserts none of the things that must never happen happened on a `fixturePage`. */
export async function assertFirefoxClean(assert, page, problems) {
  const violations = await page.evaluate(() => window.__kindlyViolations || []);
  await new Promise((r) => setTimeout(r, 150)); // reports are posted asynchronously
  assert.deepEqual(problems.cspReports, [], "CSP violation reports");
  assert.deepEqual(violations, [], "CSP violations seen by the page");
  assert.deepEqual(problems.foreignRequests, [], "requests beyond the page and the extension");
  assert.deepEqual(problems.errors, [], "uncaught errors");
}
