// Kindly never clicks LinkedIn's controls; the person does, and what they
// answered is remembered. The page records every click on its own controls
// (Accept, Ignore, Reply, Send…) with whether the browser made it for a
// person (harness `recordClicks`): after using every part of Kindly's
// panels, there must be none; after the person's own clicks on Accept and
// Ignore, those invitations leave the weekly review's pending list for its
// history, with the day and a link to the profile.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, loadFixture, panels, assertClean, withStorage, panelPart } from "./harness.mjs";

const main = loadFixture("e2b-received-en");
const CARDS = main.spec.cards;
const RILEY = CARDS[0].key;
const MORGAN = CARDS[1].key;
const ANA = CARDS[5].key;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const clicks = (page) => page.evaluate(() => window.__pageClicks);
const readAll = () => withStorage(browser, () => chrome.storage.local.get(null));

async function start() {
  browser.reset();
  await withStorage(browser, () => chrome.storage.local.clear());
  const page = await browser.open(main);
  await panels(page, CARDS.length);
  return page;
}

test("using every part of Kindly's panels clicks nothing on LinkedIn's page", async () => {
  const page = await start();
  // Every panel drawn, Riley's opened in full, a relationship chosen, a
  // reply copied, edited and saved as a template, shortcuts used.
  const riley = panelPart(page, RILEY);
  await riley.locator("[data-kindly=more]").click();
  await riley.locator("[data-kindly-part=relationship-met_once]").waitFor();
  await riley.locator("[data-kindly-part=relationship-met_once]").click();
  await page.waitForTimeout(200);
  const suggestion = panelPart(page, RILEY).locator("[data-kindly=suggestion]").first();
  await suggestion.locator("[data-kindly=copy]").click();
  await suggestion.locator("[data-kindly=edit]").click();
  await suggestion.locator("[data-kindly=editor]").fill("Hi Riley, thank you for the invitation.");
  await suggestion.locator("[data-kindly=save-template]").click();
  await page.keyboard.press("Alt+Shift+KeyJ");
  await page.keyboard.press("Alt+Shift+KeyJ");
  await page.keyboard.press("Alt+Shift+KeyK");
  await page.keyboard.press("Alt+Shift+KeyC");
  await panelPart(page, ANA).locator("[data-kindly=toggle]").click();
  await page.waitForTimeout(300);
  assert.deepEqual(await clicks(page), [], "no click reached LinkedIn's Accept, Ignore, Reply or Send");
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("the person's own Accept and Ignore are remembered; the review keeps only what is pending", async () => {
  const page = await start();
  // A script's click is not the person's: not remembered.
  await page.evaluate(() => document.querySelector('[aria-label="Accept Taylor Kim’s invitation"]').click());
  // The person's clicks (trusted).
  await page.click('[aria-label="Accept Riley Park’s invitation"]');
  await page.click('[aria-label="Ignore an invitation to connect from Ana Lima"]');
  const seen = await clicks(page);
  assert.deepEqual(
    seen.map((c) => [c.label, c.trusted]),
    [
      ["Accept Taylor Kim’s invitation", false],
      ["Accept Riley Park’s invitation", true],
      ["Ignore an invitation to connect from Ana Lima", true],
    ],
    "only the test's own clicks, none from Kindly",
  );
  const today = Math.floor(Date.now() / 86400000);
  let stored;
  for (let i = 0; i < 50; i++) {
    stored = await readAll();
    if (stored[`kindly.person.${ANA}`]?.includes("outcome")) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const person = (key) => JSON.parse(stored[`kindly.person.${key}`]);
  assert.deepEqual(person(RILEY).outcome, { answer: "accepted", day: today });
  assert.deepEqual(person(ANA).outcome, { answer: "ignored", day: today });
  assert.equal(JSON.parse(stored["kindly.person.page/example-labs"] ?? "{}").outcome ?? null, null, "a script's click is not remembered");
  await page.close();

  // The weekly review: Morgan pending, Riley and Ana in the history.
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForSelector("#kindly-popup[data-ready=true]");
  await popup.click("#tab-review");
  const review = await popup.evaluate(() => {
    const panel = document.getElementById("panel-review");
    const history = document.getElementById("rev-history");
    const keys = (root) => [...root.querySelectorAll("li[data-key]")].map((li) => li.getAttribute("data-key"));
    return {
      pending: keys(panel).filter((k) => !history.contains(panel.querySelector(`li[data-key="${k}"]`))),
      history: keys(history),
      facts: [...history.querySelectorAll("li .facts")].map((p) => p.textContent),
      links: [...history.querySelectorAll("a[data-profile]")].map((a) => a.href),
    };
  });
  assert.ok(review.pending.includes(MORGAN), `Morgan is pending: ${review.pending}`);
  assert.ok(!review.pending.includes(RILEY) && !review.pending.includes(ANA), `answered are not pending: ${review.pending}`);
  assert.deepEqual(review.history.sort(), [ANA, RILEY].sort());
  assert.ok(review.facts.some((f) => f.startsWith("Accepted on")) && review.facts.some((f) => f.startsWith("Ignored on")), review.facts.join(" | "));
  assert.ok(review.links.includes(`https://www.linkedin.com/in/${RILEY}/`), review.links.join(" "));
  await popup.screenshot({ path: "/tmp/kindly-review.png", fullPage: true });
  await popup.close();
});
