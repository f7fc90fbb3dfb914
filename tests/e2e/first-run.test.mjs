// The first run: a new user is asked for their name, field and connection
// policy once, in the popup or in the first panel on LinkedIn; answered or
// skipped, it never comes back, and the panels judge again with the answers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, loadFixture, panels, assertClean, withStorage, inPanels, panelPart, waitForPanels } from "./harness.mjs";

const main = loadFixture("e2b-received-en");
const CARDS = main.spec.cards;
/** The keys of the panels that ask the first run's questions. */
const asking = (page) => inPanels(page, (panels) => panels.filter((p) => p.querySelector("[data-kindly=first-run]")).map((p) => p.dataset.key));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const profile = async () => JSON.parse((await withStorage(browser, () => chrome.storage.local.get("kindly.profile")))["kindly.profile"]);

test("the first panel asks once; the answers are kept and the cards judged again", async () => {
  browser.reset();
  await withStorage(browser, () => chrome.storage.local.clear());
  const page = await browser.open(main);
  await panels(page, CARDS.length);
  const keys = await asking(page);
  assert.equal(keys.length, 1, "asked in one panel only");
  const form = panelPart(page, keys[0]).locator("[data-kindly=first-run]");
  // A script's click is not the person's answer (the page cannot answer for them).
  await inPanels(page, (panels) => panels.find((p) => p.querySelector("[data-kindly=first-run-skip]"))?.querySelector("[data-kindly=first-run-skip]").click());
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(await asking(page), keys, "a synthetic click on Skip is ignored");
  await form.locator("#kindly-fr-name").fill("Sam Lee");
  await form.locator("#kindly-fr-field").fill("product, data");
  await form.locator("#kindly-fr-policy").selectOption("open_networker");
  await form.locator("[data-kindly=first-run-save]").click();
  // Judged again: an open networker accepts Ana (no note), who was to be looked at.
  const marks = await waitForPanels(page, (marks) => marks.find((m) => m.key === CARDS[5].key)?.action === "accept");
  assert.equal(marks.find((m) => m.key === CARDS[5].key)?.action, "accept", "Ana judged again with the answers");
  const p = await profile();
  assert.deepEqual([p.name, p.industries, p.policy, p.first_run_done], ["Sam Lee", ["product", "data"], "open_networker", true]);
  await page.reload();
  await panels(page, CARDS.length);
  assert.deepEqual(await asking(page), [], "never asked again");
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("the popup asks once and can be skipped", async () => {
  browser.reset();
  await withStorage(browser, () => chrome.storage.local.clear());
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForSelector("#welcome-skip");
  await popup.click("#welcome-skip");
  await popup.waitForFunction(() => document.getElementById("welcome").hidden);
  assert.equal((await profile()).first_run_done, true);
  await popup.reload();
  await popup.waitForSelector("#kindly-popup[data-ready=true]");
  assert.equal(await popup.evaluate(() => document.getElementById("welcome").hidden), true, "never asked again");
  await popup.close();
});
