// One end-to-end test per fixture in Chromium (what each must show is in
// scenario.mjs), with nothing requested, violated or thrown on the way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, loadFixture, assertClean, fixtureNames } from "./harness.mjs";
import { playFixture } from "./scenario.mjs";

const names = fixtureNames();

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const name of names) {
  test(`fixture ${name}`, async () => {
    const fixture = loadFixture(name);
    browser.reset();
    const page = await browser.context.newPage();
    try {
      await playFixture({ assert, page, fixture, open: (url) => browser.open(fixture, { url, page }) });
      await assertClean(null, browser, page, assert);
    } finally {
      await page.close();
    }
  });
}
