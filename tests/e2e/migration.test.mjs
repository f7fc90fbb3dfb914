// Stored data of an older Kindly, opened first by the invitations page
// rather than the popup. The content script reads only a few keys at start
// (kindly-core's store::START_KEYS) and never migrates: finding an older
// schema, it asks the background worker to open the store, which backs up
// every entry, people included, migrates, and writes the company index for
// everyone; then the engine reads again. An empty store gets defaults the
// same way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadFixture, panels, assertClean, useBrowser } from "./harness.mjs";

const main = loadFixture("e2b-received-en");
const RILEY = main.spec.cards[0].key;

const used = useBrowser();
const { inWorker } = used;

const day = Math.floor(Date.now() / 86400000) - 3;
const SCHEMA_2 = {
  "kindly.meta": JSON.stringify({ schema: 2 }),
  "kindly.profile": JSON.stringify({ name: "Robin Vale", industries: ["software"], policy: "industry_focused" }),
  "kindly.templates": "[]",
  [`kindly.person.${RILEY}`]: JSON.stringify({ name: "Riley Park", kind: "person", relationship: "met_once", note: "kept from schema 2", first_seen: day, last_seen: day, invitations: [day] }),
  // Someone not on the page, filed under a company by their headline.
  "kindly.person.quinn-moss-9f8e7d": JSON.stringify({ name: "Quinn Moss", kind: "person", headline: "Engineer at Northwind", first_seen: day, last_seen: day, invitations: [day] }),
};

test("a schema-2 store opened first by the invitations page is backed up whole and migrated", async () => {
  used.browser.reset();
  await inWorker(async (items) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(items);
  }, SCHEMA_2);
  const page = await used.browser.open(main);
  await panels(page, main.spec.cards.length);
  let all;
  for (let i = 0; i < 50; i++) {
    all = await inWorker(() => chrome.storage.local.get(null));
    if (JSON.parse(all["kindly.meta"]).schema === 4 && all["kindly.backup.v2"]) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(JSON.parse(all["kindly.meta"]).schema, 4, "migrated to the current schema");
  const backup = JSON.parse(all["kindly.backup.v2"]);
  assert.equal(backup.schema, 2);
  assert.deepEqual(backup.entries, SCHEMA_2, "the backup holds every old entry, people included");
  assert.equal(JSON.parse(all[`kindly.person.${RILEY}`]).note, "kept from schema 2", "people are kept");
  const index = Object.entries(all).filter(([key]) => key.startsWith("kindly.company."));
  assert.ok(
    index.some(([, members]) => "quinn-moss-9f8e7d" in JSON.parse(members)),
    `the company index files everyone: ${JSON.stringify(index)}`,
  );
  await assertClean(null, used.browser, page, assert);
  await page.close();
});

test("an empty store is opened by the background worker: panels appear with the default replies", async () => {
  used.browser.reset();
  await inWorker(() => chrome.storage.local.clear());
  const page = await used.browser.open(main);
  await panels(page, main.spec.cards.length);
  const all = await inWorker(() => chrome.storage.local.get(null));
  assert.equal(JSON.parse(all["kindly.meta"] ?? "{}").schema, 4, "the worker wrote a new user's store");
  assert.ok(JSON.parse(all["kindly.templates"] ?? "[]").length >= 14, "with the template library");
  await assertClean(null, used.browser, page, assert);
  await page.close();
});
