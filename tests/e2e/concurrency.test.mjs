// Two LinkedIn tabs and the popup editing at once (issue 17, item 6). Each
// writes only the entry it changed (a person, the templates), so edits to
// different entries all land; the same entry edited in two tabs ends at the
// last write, and the tab whose write lost shows the newer value and says it
// was changed elsewhere. Every edit is a person's: real key presses and
// clicks (Kindly ignores events made by script).
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, drawAll, loadFixture, openPopup, panelPart, panels, useBrowser } from "./harness.mjs";

const main = loadFixture("e2b-received-en");
const [RILEY, MORGAN] = main.spec.cards.map((card) => card.key);

const used = useBrowser();
const { inWorker } = used;
const readAll = () => inWorker(() => chrome.storage.local.get(null));
const stored = async (key) => JSON.parse((await readAll())[`kindly.person.${key}`] ?? "{}");

/** Polls storage until `predicate(all)` holds; fails saying `what`. */
async function storedWhen(predicate, what) {
  for (let i = 0; i < 100; i++) {
    const all = await readAll();
    if (predicate(all)) return all;
    await new Promise((r) => setTimeout(r, 50));
  }
  const all = await readAll();
  const mine = Object.fromEntries(Object.entries(all).filter(([k]) => /person\.(riley|morgan)|templates/.test(k)).map(([k, v]) => [k, k.endsWith("templates") ? v.slice(-300) : v]));
  assert.fail(`storage never held ${what}: ${JSON.stringify(mine)}`);
}

/** A fresh store, then the invitations page in two tabs, every panel drawn. */
async function twoTabs() {
  await inWorker(() => chrome.storage.local.clear());
  await (await openPopup(used.browser)).close();
  used.browser.reset();
  const tabs = [];
  for (let i = 0; i < 2; i++) {
    const page = await used.browser.open(main, { page: await used.browser.context.newPage() });
    await panels(page, main.spec.cards.length);
    tabs.push(page);
  }
  return tabs;
}

/** Opens "More" on `key`'s panel in `page` (the note and the relationship). */
async function more(page, key) {
  const panel = panelPart(page, key);
  await panel.locator("[data-kindly=more]").click();
  await panel.locator("[data-kindly=note]").waitFor();
  return panel;
}

/** What `key`'s panel in `page` shows (drawn first): its note and the line saying it changed elsewhere. */
const shown = async (page, key) => {
  await drawAll(page); // a panel redrawn out of view is drawn when scrolled to
  return {
  note: await panelPart(page, key).locator("[data-kindly=note]").inputValue(),
  elsewhere: await panelPart(page, key).locator("[data-kindly=changed-elsewhere]").textContent(),
  };
};

/** Polls `shown` until `predicate` holds (or 5 s pass); returns the last. */
async function shownWhen(page, key, predicate) {
  let now;
  for (let i = 0; i < 100; i++) {
    now = await shown(page, key);
    if (predicate(now)) return now;
    await new Promise((r) => setTimeout(r, 50));
  }
  return now;
}

test("two tabs and the popup editing different entries at once: every update is kept", async () => {
  const [a, b] = await twoTabs();
  const popup = await openPopup(used.browser);
  try {
    // Each types first (typing writes nothing), then all three commit at once.
    const riley = await more(a, RILEY);
    const morgan = await more(b, MORGAN);
    await riley.locator("[data-kindly=note]").fill("Tab A: met Riley at the Lisbon meetup");
    await popup.click("#tpl-new");
    await popup.fill("#ed-title", "Concurrency thanks");
    await popup.fill("#ed-body", "Hi {first_name|there}, thank you. Written from the popup at once.");
    const friend = await morgan.locator("input[name=relationship][value=friend]").boundingBox();
    await Promise.all([
      a.keyboard.press("Tab"), // the note is saved on change
      b.mouse.click(friend.x + friend.width / 2, friend.y + friend.height / 2),
      popup.click("#ed-save"),
    ]);

    const all = await storedWhen(
      (all) =>
        JSON.parse(all[`kindly.person.${RILEY}`] ?? "{}").note?.startsWith("Tab A") &&
        JSON.parse(all[`kindly.person.${MORGAN}`] ?? "{}").relationship === "friend" &&
        (all["kindly.templates"] ?? "").includes("Concurrency thanks"),
      "tab A's note, tab B's relationship and the popup's template together",
    );
    assert.equal(JSON.parse(all[`kindly.person.${RILEY}`]).note, "Tab A: met Riley at the Lisbon meetup");
    // Each tab shows what the other wrote, and says nothing was lost.
    const inA = await shownWhen(a, MORGAN, () => true);
    assert.equal(inA.elsewhere, null, "tab A edited nothing of Morgan's: nothing to tell");
    const rileyInB = await shownWhen(b, RILEY, (s) => s.note?.startsWith("Tab A"));
    assert.equal(rileyInB.note, "Tab A: met Riley at the Lisbon meetup", "tab B shows tab A's note");
    for (const [tab, key] of [
      [a, RILEY],
      [b, MORGAN],
    ]) {
      assert.equal(await panelPart(tab, key).locator("[data-kindly=changed-elsewhere]").count(), 0, `${key}: its own edit stands`);
    }
    for (const page of [a, b]) await assertClean(null, used.browser, page, assert);
  } finally {
    for (const page of [a, b, popup]) await page.close();
  }
});

test("one note edited in two tabs ends at the last write, and the tab whose write lost is told", async () => {
  const [a, b] = await twoTabs();
  try {
    const inA = await more(a, RILEY);
    await inA.locator("[data-kindly=note]").fill("first, from tab A");
    await a.keyboard.press("Tab");
    await storedWhen((all) => (all[`kindly.person.${RILEY}`] ?? "").includes("first, from tab A"), "tab A's note");
    // Tab B shows A's note, edits it after, and so writes last.
    const seenInB = await shownWhen(b, RILEY, (s) => s.note === "first, from tab A");
    assert.equal(seenInB.note, "first, from tab A", "tab B shows tab A's note");
    await panelPart(b, RILEY).locator("[data-kindly=note]").fill("last, from tab B");
    await b.keyboard.press("Tab");
    await storedWhen((all) => (all[`kindly.person.${RILEY}`] ?? "").includes("last, from tab B"), "tab B's note");
    assert.equal((await stored(RILEY)).note, "last, from tab B", "the last write stands");

    // Tab A lost: it shows B's note and says it was changed elsewhere.
    const lost = await shownWhen(a, RILEY, (s) => s.elsewhere !== null);
    assert.equal(lost.note, "last, from tab B", "the tab that lost shows the newer note");
    assert.match(lost.elsewhere ?? "", /^Changed in another tab or in Kindly's popup/, "and says why it changed");
    // Tab B won: nothing to tell.
    assert.equal((await shown(b, RILEY)).elsewhere, null, "the tab that wrote last is told nothing");

    // Both at once: whichever write storage took last stands, in both tabs,
    // and only the other tab is told.
    await panelPart(a, RILEY).locator("[data-kindly=note]").fill("both at once: A");
    await panelPart(b, RILEY).locator("[data-kindly=note]").fill("both at once: B");
    await Promise.all([a.keyboard.press("Tab"), b.keyboard.press("Tab")]);
    await storedWhen((all) => (all[`kindly.person.${RILEY}`] ?? "").includes("both at once"), "one of the two notes");
    await new Promise((r) => setTimeout(r, 300)); // both writes reported everywhere
    const last = (await stored(RILEY)).note;
    const [winner, loser] = last.endsWith("A") ? [a, b] : [b, a];
    const told = await shownWhen(loser, RILEY, (s) => s.elsewhere !== null);
    assert.equal(told.note, last, "the tab that lost shows the note that stands");
    assert.ok(told.elsewhere, "the tab that lost is told");
    const won = await shown(winner, RILEY);
    assert.deepEqual(won, { note: last, elsewhere: null }, "the tab that won keeps its note and is told nothing");
    for (const page of [a, b]) await assertClean(null, used.browser, page, assert);
  } finally {
    for (const page of [a, b]) await page.close();
  }
});
