// Kindly beside the page (the setting "Show Kindly: beside the page"), end
// to end in Chromium: the content script reads and judges the page and adds
// nothing to it, and the side panel lists its invitations with the in-page
// panel's own view, in step with the page.
//
// The real side panel cannot be driven headless (chrome.sidePanel.open needs
// a user gesture on the browser's own UI), so the side panel's page is opened
// in a tab of its own, with the fixture's tab named by `?tab=<id>`: the same
// page, the same WASM and the same port the side panel uses.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, loadFixture, readPanels, checkPanels, panelPart, panels, waitInPanels, inPanels, withStorage, assertClean } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
  // In the page's own world, before its scripts: the DOM as the page made
  // it (at DOMContentLoaded, before any content script runs at
  // document_idle), and every change made to it from then on.
  await browser.context.addInitScript(() => {
    window.__snapshot = () =>
      JSON.stringify({
        html: document.documentElement.outerHTML,
        sheets: document.adoptedStyleSheets.length,
        focus: document.activeElement?.tagName ?? null,
      });
    window.__mutations = 0;
    document.addEventListener("DOMContentLoaded", () => {
      window.__before = window.__snapshot();
      new MutationObserver((records) => (window.__mutations += records.length)).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
  });
});
after(async () => {
  await browser?.close();
});

const show = (where) =>
  withStorage(
    browser,
    async (where) => {
      const settings = JSON.parse((await chrome.storage.local.get("kindly.settings"))["kindly.settings"] || "{}");
      await chrome.storage.local.set({ "kindly.settings": JSON.stringify({ ...settings, show_kindly: where }) });
    },
    where,
  );

/** The side panel's page for the LinkedIn tab, in a tab of its own. */
async function openSide() {
  const side = await browser.context.newPage();
  await side.setViewportSize({ width: 420, height: 900 });
  await side.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const tab = await side.evaluate(async () => (await chrome.tabs.query({ url: "https://www.linkedin.com/*" }))[0]?.id);
  assert.ok(tab, "the fixture's tab");
  await side.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tab}`);
  return side;
}

/** The keys the side panel lists, in order, once they are `count`. */
async function listed(side, count, { timeout = 8000 } = {}) {
  await side.waitForFunction((n) => document.querySelectorAll("#kindly-side-list > li").length === n, count, { timeout });
  return side.evaluate(() => [...document.querySelectorAll("#kindly-side-list > li")].map((li) => li.dataset.key));
}

async function besideWith(fixture) {
  await show("beside_page");
  browser.reset();
  const page = await browser.open(fixture);
  const side = await openSide();
  // The page marks its cards in animation frames, which a hidden tab does
  // not get (as in the page): the LinkedIn tab is the one in front, as it
  // is beside a real side panel.
  await page.bringToFront();
  await listed(side, fixture.spec.cards.length);
  return { page, side };
}

test("beside the page: the page's DOM is exactly as the page made it, and the list matches the cards", async () => {
  const fixture = loadFixture("e2b-received-en");
  const { page, side } = await besideWith(fixture);
  try {
    // The list: one panel per invitation, in the page's order, as the
    // in-page panel would say it (the same checks as the fixtures test).
    const seen = await readPanels(side);
    checkPanels(assert, seen, fixture.spec.cards, "side panel");
    assert.match(await side.locator("#kindly-side-status").textContent(), /6 invitations/);
    // The page: nothing added, changed, styled or focused by Kindly.
    const [before, now, mutations] = await page.evaluate(() => [window.__before, window.__snapshot(), window.__mutations]);
    assert.ok(before && before.length > 1000, "the page's DOM was recorded before Kindly ran");
    assert.equal(now, before, "the DOM, attributes included, is as the page made it");
    assert.equal(mutations, 0, "no change at all was made to the page's DOM");
    assert.equal(await inPanels(page, (panels) => panels.length), 0, "no panel host in the page");
    await assertClean(null, browser, page, assert);
  } finally {
    await side.close();
  }
  // The same check fails in the page: it sees what Kindly adds there.
  await show("in_page");
  browser.reset();
  const inPage = await browser.open(fixture);
  await panels(inPage, fixture.spec.cards.length);
  const [before, now] = await inPage.evaluate(() => [window.__before, window.__snapshot()]);
  assert.notEqual(now, before, "in the page, Kindly's hosts are there");
});

test("beside the page: cards answered, refilled or appended on the page reach the list", async () => {
  const rerender = loadFixture("rerender");
  let { page, side } = await besideWith(rerender);
  try {
    const [, , answered, reused] = rerender.spec.steps.map((s) => s.cards.map((c) => c.key));
    const reusedCards = rerender.spec.steps[3].cards;
    await page.evaluate(() => window.fixture.step("answer-first"));
    assert.deepEqual(await listed(side, answered.length), answered, "the answered card left the list");
    await page.evaluate(() => window.fixture.step("reuse-second"));
    await side.waitForFunction((key) => !!document.querySelector(`#kindly-side-list > li[data-key="${key}"]`), reused[0]);
    assert.deepEqual(await listed(side, reused.length), reused, "the refilled row is its new person's");
    checkPanels(assert, await readPanels(side), reusedCards, "after reuse-second");
    assert.equal(await page.evaluate(() => window.__mutations > 0), true, "the page itself changed");
  } finally {
    await side.close();
  }
  const append = loadFixture("append-on-scroll");
  ({ page, side } = await besideWith(append));
  try {
    await page.evaluate(() => window.fixture.step("append"));
    const all = append.spec.steps[0].cards.map((c) => c.key);
    assert.deepEqual(await listed(side, all.length), all, "appended cards join the list in order");
    // The cards on screen are marked in the list; scrolled, the mark follows.
    const onScreen = () => side.evaluate(() => [...document.querySelectorAll("#kindly-side-list > li[data-on-screen]")].map((li) => li.dataset.key));
    await side.waitForFunction(() => document.querySelector("#kindly-side-list > li[data-on-screen]"));
    const first = await onScreen();
    assert.ok(first.includes(all[0]), `the first card is on screen: ${first}`);
    assert.ok(first.length < all.length, `not every card is on screen: ${first}`);
    await page.evaluate((name) => {
      const label = [...document.querySelectorAll("main *")].find((e) => e.childElementCount === 0 && e.textContent.trim() === name);
      label.scrollIntoView({ block: "center" });
    }, append.spec.steps[0].cards.at(-1).name);
    await side.waitForFunction((key) => !!document.querySelector(`#kindly-side-list > li[data-key="${key}"][data-on-screen]`), all.at(-1));
    assert.ok(!(await onScreen()).includes(all[0]), "the first card scrolled away: no longer marked");
    await assertClean(null, browser, page, assert);
  } finally {
    await side.close();
  }
});

test("beside the page: Copy works, and a relationship and a note chosen there show in the page after switching back", async () => {
  const fixture = loadFixture("e2b-received-en");
  const { page, side } = await besideWith(fixture);
  const ANA = "ana-lima-2e4f6a";
  const RILEY = "riley-park-3c4d5e";
  try {
    const riley = panelPart(side, RILEY);
    const text = await riley.locator("[data-kindly=suggestion] [data-kindly=text]").first().textContent();
    await riley.locator("[data-kindly=copy]").first().click();
    await waitInPanels(side, (panels, key) => !!panels.find((p) => p.dataset.key === key)?.querySelector("[data-kindly=copy][data-kindly-copied=true]"), RILEY);
    // Read where the harness may read the clipboard: the LinkedIn page.
    await page.bringToFront();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text, "the reply is on the clipboard");
    await side.bringToFront();

    const ana = panelPart(side, ANA);
    await ana.locator("[data-kindly=more]").click();
    await panelPart(side, ANA).locator("[data-kindly-part=relationship-friend]").waitFor();
    await panelPart(side, ANA).locator("[data-kindly-part=relationship-friend]").click();
    await waitInPanels(side, (panels, key) => panels.find((p) => p.dataset.key === key)?.querySelector("input[name=relationship]:checked")?.value === "friend", ANA);
    await panelPart(side, ANA).locator("[data-kindly=note]").focus();
    await side.keyboard.type("Met at the Rust meetup");
    await side.keyboard.press("Tab");
    const stored = await side.waitForFunction(
      async (key) => {
        const person = JSON.parse((await chrome.storage.local.get(`kindly.person.${key}`))[`kindly.person.${key}`] || "{}");
        return person.relationship === "friend" && person.note === "Met at the Rust meetup" && person;
      },
      ANA,
      { timeout: 5000 },
    );
    assert.ok(await stored.jsonValue(), "saved like the in-page panel's");
  } finally {
    await side.close();
  }
  // Back in the page: the open page's content script moves its panels in,
  // with what was chosen beside it.
  await show("in_page");
  await panels(page, fixture.spec.cards.length);
  await panelPart(page, ANA).locator("[data-kindly=note]").waitFor();
  assert.equal(await panelPart(page, ANA).locator("[data-kindly=note]").inputValue(), "Met at the Rust meetup");
  assert.equal(await panelPart(page, ANA).locator("input[name=relationship]:checked").getAttribute("value"), "friend");
  await assertClean(null, browser, page, assert);
});

test("the side panel says what to do on a tab without Kindly, and when Kindly shows in the page", async () => {
  await show("in_page");
  browser.reset();
  const page = await browser.open(loadFixture("e2b-received-en"));
  await panels(page, 6);
  const side = await openSide();
  try {
    await side.waitForFunction(() => /in the page/i.test(document.querySelector("#kindly-side-status")?.textContent || ""));
    assert.equal(await side.locator("#kindly-side-list > li").count(), 0, "nothing listed: the panels are in the page");
    const elsewhere = await browser.context.newPage();
    await elsewhere.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=999999`);
    await elsewhere.waitForFunction(() => /invitations page/i.test(document.querySelector("#kindly-side-status")?.textContent || ""));
    await elsewhere.close();
  } finally {
    await side.close();
  }
});
