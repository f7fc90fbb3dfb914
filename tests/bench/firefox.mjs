// Benchmark browser: headless Firefox (ESR, over WebDriver BiDi with
// puppeteer-core) with ONE extension installed (Kindly's Firefox build, its
// Chromium build, or the floor), the same pages, CSP and main-world probe as
// in Chromium (browser.mjs). WebDriver BiDi gives no trace, so times are from
// DOMContentLoaded; the floor's first panel, a few DOM calls after its
// script starts, shows when Firefox runs `document_idle` scripts.
import puppeteer from "puppeteer-core";
import { existsSync } from "node:fs";
import { cspHeader, withNonces } from "../e2e/harness.mjs";
import { appendSteps, probe, PANEL_SELECTOR } from "./browser.mjs";

export const FIREFOX = process.env.KINDLY_FIREFOX || ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find((p) => existsSync(p));
const INVITATIONS = "https://www.linkedin.com/mynetwork/invitation-manager/received/";

export async function firefoxWith(extensionDir) {
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
  await browser.installExtension(extensionDir);
  const foreign = [];
  return {
    foreign,
    /** Loads `html` until `n` markers are in; with `append`, then the append steps. */
    async load(html, n, { append = 0 } = {}) {
      const page = await browser.newPage();
      try {
        await page.setViewport({ width: 1100, height: 900 });
        await page.setRequestInterception(true);
        page.on("request", (request) => {
          const url = new URL(request.url());
          if (url.protocol === "data:" || url.protocol === "moz-extension:") return request.continue();
          if (request.isNavigationRequest() && url.origin === "https://www.linkedin.com") {
            return request.respond({
              status: 200,
              contentType: "text/html; charset=utf-8",
              headers: { "content-security-policy": cspHeader() },
              body: withNonces(html),
            });
          }
          foreign.push(request.url());
          return request.respond({ status: 404, body: "" });
        });
        await page.evaluateOnNewDocument(probe, PANEL_SELECTOR);
        await page.goto(INVITATIONS, { waitUntil: "load" });
        await page.waitForFunction((want) => window.__bench && window.__bench.count >= want, { timeout: 60_000, polling: 20 }, n);
        await new Promise((r) => setTimeout(r, 150));
        const b = await page.evaluate(() => ({ ...window.__bench, marks: undefined }));
        const result = {
          first: b.first - b.dcl,
          last: b.last - b.dcl,
          firstDrawn: (b.firstDrawn ?? b.first) - b.dcl,
          lastDrawn: (b.lastDrawn ?? b.last) - b.dcl,
        };
        if (append) {
          const step = await page.evaluate(appendSteps, append);
          const work = step.samples.map((s) => s.work).filter(Number.isFinite).sort((a, c) => a - c);
          result.appendWork = work.length ? work[work.length >> 1] : NaN;
        }
        return result;
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
