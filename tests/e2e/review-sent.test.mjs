// The review's "sent" section (popup): an invitation that waited past the
// threshold gets its suggestion with the reasons; one no longer pending can
// be marked accepted, and then the follow-up is suggested with where you
// met filled in. Kindly never withdraws or sends anything itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const today = Math.floor(Date.now() / 86_400_000);

/** A stored invitation the user sent (`kindly.sent.<key>`, store schema 4). */
const sent = (fields) =>
  JSON.stringify({
    name: "",
    sent: today - 30,
    note: "",
    met_at: "",
    topic: "",
    mutual_name: "",
    language: "en",
    status: "pending",
    status_day: today - 30,
    last_listed: 0,
    followed_up: false,
    seen_sent: true,
    ...fields,
  });

test("the review's sent section: waiting too long, then an accept brings the follow-up", async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 700 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const ready = () => page.waitForFunction(() => document.querySelector("#kindly-popup")?.dataset.ready === "true", null, { timeout: 10000 });
  await ready();
  // The popup wrote a fresh store; the invitations are added beside it.
  await page.evaluate(
    async (items) => chrome.storage.local.set(items),
    {
      "kindly.sent.riley-park-3c4d5e": sent({ name: "Riley Park", seen_sent: false }),
      "kindly.sent.ana-lima-1a2b3c": sent({ name: "Ana Lima", met_at: "RustConf", status: "unknown", status_day: today - 1, note: "Hi Ana" }),
    },
  );
  await page.reload();
  await ready();
  await page.click("#tab-review");
  const section = page.locator("#review-sent");
  await section.waitFor();

  const riley = section.locator('[data-sent=pending][data-key="riley-park-3c4d5e"]');
  assert.equal(await riley.getAttribute("data-sent-action"), "withdraw", "a month without an answer, nothing known: withdraw kindly");
  const reasons = await riley.locator(".reasons li").allTextContents();
  assert.ok(reasons.some((r) => /4 weeks/.test(r)), `how long it waited: ${reasons}`);
  assert.ok(reasons.some((r) => /never withdraws/.test(r)), `Kindly never withdraws: ${reasons}`);

  const ana = section.locator('[data-sent=gone][data-key="ana-lima-1a2b3c"]');
  await ana.locator("button[data-act=sent-accepted]").click();
  const followUp = section.locator('[data-sent=follow-up][data-key="ana-lima-1a2b3c"]');
  await followUp.waitFor();
  const message = await followUp.locator("p.follow-up").textContent();
  assert.match(message, /Ana/, "the follow-up greets her");
  assert.match(message, /RustConf/, "the follow-up says where you met");
  const stored = await page.evaluate(() => chrome.storage.local.get("kindly.sent.ana-lima-1a2b3c"));
  assert.equal(JSON.parse(stored["kindly.sent.ana-lima-1a2b3c"]).status, "accepted", "the accept is stored");

  await followUp.locator("button[data-act=sent-followed-up]").click();
  await section.locator('[data-sent=follow-up]').waitFor({ state: "detached" });
  assert.deepEqual(browser.problems.foreignRequests, [], "no request beyond the extension");
  assert.deepEqual(browser.problems.errors, [], "no uncaught error");
  await page.close();
});
