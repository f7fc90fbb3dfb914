// Kindly in LinkedIn's "Add a note" dialog, in Chromium: every dialog
// fixture (tests/fixtures/note-dialog/, played by note-dialog.mjs), the
// loader bringing the engine only once a dialog opens, and the invitation
// remembered when the person sends it with LinkedIn's own Send. Zero
// requests, zero CSP reports throughout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES, launch, loadFixture, assertClean, withStorage, waitInPanels, inPanels } from "./harness.mjs";
import { playNoteDialog } from "./note-dialog.mjs";

const names = readdirSync(join(FIXTURES, "note-dialog"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => `note-dialog/${f.slice(0, -".json".length)}`)
  .sort();

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function fresh() {
  browser.reset();
  await withStorage(browser, () => chrome.storage.local.clear());
}

for (const name of names) {
  test(`note dialog ${name}`, async () => {
    await fresh();
    const fixture = loadFixture(name);
    const page = await browser.context.newPage();
    const open = (url) => browser.open(fixture, { url, page });
    await playNoteDialog({ assert, page, open, fixture });
    await assertClean(null, browser, page, assert);
    await page.close();
  });
}

/** The stored record of the invitation to `key`, once written (5 s at most). */
async function rememberedSent(key) {
  for (let i = 0; i < 50; i++) {
    const stored = (await withStorage(browser, (k) => chrome.storage.local.get(k), `kindly.sent.${key}`))[`kindly.sent.${key}`];
    if (stored) return stored;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

const stripShown = (page, timeout) =>
  waitInPanels(page, (panels) => panels.some((p) => p.dataset.kind === "note"), undefined, { timeout });

/** The only click on LinkedIn's controls is the person's own, on `label`. */
async function assertOnlyTheirClick(page, label) {
  const clicks = await page.evaluate(() => window.__pageClicks);
  assert.deepEqual(
    clicks.map((c) => [c.label, c.trusted]),
    [[label, true]],
    `the only click on LinkedIn's controls is the person's own ${label}`,
  );
}

test("the loader brings the engine when a dialog opens, in the document or in an open shadow root", async () => {
  await fresh();
  const cases = [
    // The Ember dialog, mounted later in the document.
    {
      fixture: loadFixture("note-dialog/ember-step2-en"),
      later: (html) => {
        const start = html.indexOf('<div id="artdeco-modal-outlet">');
        const end = html.indexOf("<script nonce");
        return [html.slice(0, start) + html.slice(end), html.slice(start, end)];
      },
      mount: (markup) => document.body.insertAdjacentHTML("beforeend", markup),
    },
    // The 2026 dialog, put later into #interop-outlet's open shadow root.
    {
      fixture: loadFixture("note-dialog/sdui-step2-en"),
      later: (html) => {
        const open = '<template shadowrootmode="open">';
        const start = html.indexOf(open) + open.length;
        const end = html.indexOf("</template>", start);
        const inner = html.slice(start, end).replace(/<style>[\s\S]*?<\/style>/, "");
        return [html.slice(0, start) + html.slice(end), inner];
      },
      mount: (markup) => document.querySelector("#interop-outlet").shadowRoot.append(document.createRange().createContextualFragment(markup)),
    },
  ];
  for (const { fixture, later, mount } of cases) {
    const [page0, dialog] = later(fixture.html);
    const page = await browser.context.newPage();
    await browser.open({ ...fixture, html: page0 }, { page });
    await new Promise((r) => setTimeout(r, 800));
    assert.equal((await inPanels(page, (panels) => panels.length)), 0, `${fixture.name}: nothing before the dialog opens`);
    await page.evaluate(mount, dialog);
    await stripShown(page, 8000);
    await assertClean(null, browser, page, assert);
    await page.close();
  }
});

test("sending with LinkedIn's Send remembers whom, the note and what was said; Kindly clicks nothing", async () => {
  await fresh();
  const fixture = loadFixture("note-dialog/ember-step2-en");
  const page = await browser.open(fixture);
  await stripShown(page, 8000);
  // What the person says beside the dialog: where they met.
  const field = await inPanels(page, (panels) => {
    const input = panels[0].querySelector("[data-kindly=met-at]");
    input.focus();
    return !!input;
  });
  assert.ok(field, "a field for where you met");
  await page.keyboard.type("RustConf");
  const withPlace = await waitInPanels(page, (panels) =>
    [...panels[0].querySelectorAll("[data-kindly=note-text]")].map((n) => n.textContent).find((t) => t.includes("at RustConf")),
  );
  assert.ok(withPlace, "a note says where you met, with its preposition");
  // The person writes, then sends with LinkedIn's own button.
  await page.locator("textarea").click();
  await page.keyboard.type("Hi Ana, great to meet you at RustConf. I'd like to stay in touch.");
  await page.evaluate(() => document.querySelector('[aria-label="Send invitation"]').removeAttribute("disabled"));
  await page.locator('[aria-label="Send invitation"]').click();
  // LinkedIn closes the dialog once the invitation went out.
  await page.evaluate(() => document.querySelector("#artdeco-modal-outlet").remove());
  const stored = await rememberedSent("ana-lima-1a2b3c");
  assert.ok(stored, "the invitation is remembered under the invitee's key");
  const record = JSON.parse(stored);
  assert.equal(record.note, "Hi Ana, great to meet you at RustConf. I'd like to stay in touch.");
  assert.equal(record.met_at, "RustConf");
  assert.equal(record.name, "Ana Lima", "the dialog names no one: the profile's heading does");
  assert.equal(record.status, "pending");
  await assertOnlyTheirClick(page, "Send invitation");
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("a send without a note is remembered too (the loader brings the engine at step one)", async () => {
  await fresh();
  const fixture = loadFixture("note-dialog/ember-step1-en");
  const page = await browser.open(fixture);
  // No strip at step one: give the loader and the engine time to arrive.
  await new Promise((r) => setTimeout(r, 2000));
  await page.locator('[aria-label="Send without a note"]').click();
  // LinkedIn closes the dialog once the invitation went out.
  await page.evaluate(() => document.querySelector("#artdeco-modal-outlet").remove());
  const stored = await rememberedSent("ana-lima-1a2b3c");
  assert.ok(stored, "the invitation sent without a note is remembered under the invitee's key");
  const record = JSON.parse(stored);
  assert.equal(record.note, "");
  assert.equal(record.name, "Ana Lima");
  assert.equal(record.status, "pending");
  await assertOnlyTheirClick(page, "Send without a note");
  await assertClean(null, browser, page, assert);
  await page.close();
});
