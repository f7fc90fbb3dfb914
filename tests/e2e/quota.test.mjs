// Storage stays within its quota (issue 17, item 7): history older than the
// retention setting is pruned whenever the store is opened, and at 80 % of
// the quota the popup says so and offers an export and pruning. Storage is
// filled from the background worker, under a key that is not Kindly's, as
// other data would fill it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPopup as open, useBrowser } from "./harness.mjs";

const used = useBrowser();
const { inWorker } = used;
const openPopup = () => open(used.browser);
const readAll = () => inWorker(() => chrome.storage.local.get(null));
const today = Math.floor(Date.now() / 86400000);

const person = (name, lastSeen, extra = {}) =>
  JSON.stringify({ name, kind: "person", first_seen: lastSeen, last_seen: lastSeen, invitations: [lastSeen], ...extra });

test("history older than the retention setting is pruned when the store is opened; what the person wrote stays", async () => {
  await inWorker(() => chrome.storage.local.clear());
  (await openPopup()).close(); // a new user's store
  await inWorker((people) => chrome.storage.local.set(people), {
    "kindly.person.old-stranger": person("Old Stranger", today - 400),
    "kindly.person.old-friend": person("Old Friend", today - 400, { note: "Met at RustConf" }),
    "kindly.person.recent-one": person("Recent One", today - 10),
  });
  const popup = await openPopup();
  const stored = await readAll();
  assert.equal(stored["kindly.person.old-stranger"], undefined, "seen 400 days ago, nothing written: pruned");
  assert.ok(stored["kindly.person.old-friend"], "a note is never pruned");
  assert.ok(stored["kindly.person.recent-one"], "seen 10 days ago: kept (180 days by default)");
  assert.equal(await popup.locator(".notice").count(), 0, "no quota notice on a nearly empty store");
  await popup.close();
});

test("at 80 % of the quota the popup says so and offers export and pruning", async () => {
  await inWorker(() => chrome.storage.local.clear());
  (await openPopup()).close();
  await inWorker(async () => {
    const quota = chrome.storage.local.QUOTA_BYTES;
    const used = await chrome.storage.local.getBytesInUse(null);
    await chrome.storage.local.set({ "test.filler": "x".repeat(Math.ceil(quota * 0.85) - used) });
  });
  const popup = await openPopup();
  const notice = popup.locator(".notice", { hasText: "storage is" });
  const text = await notice.locator("p").first().textContent({ timeout: 5000 });
  assert.match(text, /^Kindly's storage is (8[5-9]|9\d)% full \(\d+\.\d MB of 10\.0 MB\)\. Export your data/, text);
  const buttons = await notice.locator("button").allTextContents();
  assert.deepEqual(buttons.length, 2, buttons.join(" | "));
  assert.match(buttons[0], /^Export/);
  assert.match(buttons[1], /^Prune/);
  // The notice's buttons work from any tab: Export downloads.
  const [download] = await Promise.all([popup.waitForEvent("download"), notice.locator("button").first().click()]);
  assert.match(download.suggestedFilename(), /^kindly-export-/);
  await notice.locator("button").nth(1).click();
  assert.match(await popup.textContent("#status"), /\S/, "pruning answers in the status line");
  await popup.close();
  await inWorker(() => chrome.storage.local.clear());
});
