// The "Add a note" dialog fixtures again, in Firefox (dist-firefox/, the
// real WASM), played by note-dialog.mjs under the same CSP as in Chromium.
// Every mount: the document, LinkedIn's open shadow roots and same-origin
// frames (the harness's `inPanels` walks open shadow roots and runs in the
// frame that holds Kindly's hosts: WebDriver BiDi, see harness.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST_FIREFOX, FIXTURES, loadFixture, recordClicks, recordViolations } from "./harness.mjs";
import { assertFirefoxClean, launchFirefox } from "./firefox.mjs";
import { playNoteDialog } from "./note-dialog.mjs";

const fixtures = readdirSync(join(FIXTURES, "note-dialog"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => loadFixture(`note-dialog/${f.slice(0, -".json".length)}`))
  .sort((a, b) => a.name.localeCompare(b.name));

let firefox;
before(async () => {
  firefox = await launchFirefox(DIST_FIREFOX);
});
after(async () => {
  await firefox?.close();
});

for (const fixture of fixtures) {
  test(`Firefox: note dialog ${fixture.name}`, async () => {
    const { page, problems } = await firefox.fixturePage(fixture.html, { init: recordViolations });
    await page.evaluateOnNewDocument(recordClicks);
    try {
      const open = (url) => page.goto(url, { waitUntil: "load" });
      await playNoteDialog({ assert, page, fixture, open });
      await assertFirefoxClean(assert, page, problems);
    } finally {
      await page.close();
    }
  });
}
