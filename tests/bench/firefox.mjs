// Benchmark browser: headless Firefox (e2e/firefox.mjs) with ONE extension
// installed (Kindly's Firefox build, its Chromium build, or the floor), the
// same pages, CSP and main-world probe as in Chromium (browser.mjs).
// WebDriver BiDi gives no trace, so times are from DOMContentLoaded.
import { launchFirefox } from "../e2e/firefox.mjs";
import { appendSteps, median, probe } from "./browser.mjs";

export { FIREFOX } from "../e2e/firefox.mjs";
const INVITATIONS = "https://www.linkedin.com/mynetwork/invitation-manager/received/";

export async function firefoxWith(extensionDir) {
  const firefox = await launchFirefox(extensionDir);
  const foreign = [];
  return {
    foreign,
    /** Loads `html` until `n` markers are in; with `append`, then the append steps. */
    async load(html, n, { append = 0 } = {}) {
      const { page, problems } = await firefox.fixturePage(html, { init: probe });
      try {
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
          result.appendWork = median(step.samples.map((s) => s.work));
        }
        return result;
      } finally {
        foreign.push(...problems.foreignRequests);
        await page.close();
      }
    },
    close: () => firefox.close(),
  };
}
