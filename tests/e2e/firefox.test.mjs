// The fixtures again, in Firefox (ESR, driven over WebDriver BiDi with
// puppeteer-core; see firefox.mjs), served at LinkedIn's URLs under the same
// CSP as in Chromium. Firefox gets its own build (dist-firefox/), whose
// content script runs the real WASM: the CSP checks below are what say
// Firefox allows it. What each fixture must show is in scenario.mjs. The
// popup is not opened here: WebDriver BiDi refuses to navigate to a
// moz-extension:// page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { DIST_FIREFOX, fixtureNames, loadFixture, recordViolations } from "./harness.mjs";
import { assertFirefoxClean, launchFirefox } from "./firefox.mjs";
import { playFixture } from "./scenario.mjs";

const names = fixtureNames();

let firefox;
before(async () => {
  firefox = await launchFirefox(DIST_FIREFOX);
});
after(async () => {
  await firefox?.close();
});

for (const name of names) {
  test(`Firefox: fixture ${name}`, async () => {
    const fixture = loadFixture(name);
    const { page, problems } = await firefox.fixturePage(fixture.html, { init: recordViolations });
    try {
      const open = (url) => page.goto(url, { waitUntil: "load" });
      await playFixture({ assert, page, fixture, open });
      await assertFirefoxClean(assert, page, problems);
    } finally {
      await page.close();
    }
  });
}
