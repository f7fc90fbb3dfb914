// What every fixture must show, in any browser: the sidecar (`<name>.json`)
// says which invitations the page holds, in order; Kindly must give each
// exactly one panel of the right kind, greet people by the right first name,
// keep up with every step the page takes, and leave LinkedIn's own nodes
// alone. Only `page.evaluate`, `page.url` and the harness's `inPanels` are
// used, so a Playwright page (Chromium) and a Puppeteer page (Firefox) both
// play it.
import { checkPanels, inPanels, ownDom, panelCount, readPanels, waitForPanels } from "./harness.mjs";

/** Two animation frames in the page: anything Kindly scheduled has run. */
const frames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Waits until the panels match `cards` (count and keys), then checks them. */
async function expectPanels(assert, page, cards, label) {
  const keyed = cards.map((c) => c.key ?? null);
  // On timeout, fall through: the assertions say what differs.
  await waitForPanels(
    page,
    (all) => {
      const marks = all.filter(onCard);
      return marks.length === keyed.length && keyed.every((k, i) => k === null || marks[i].key === k);
    },
    { timeout: 8000 },
  );
  // Where none are expected, give a wrong panel time to appear.
  if (cards.length === 0) await new Promise((r) => setTimeout(r, 300));
  await frames(page);
  checkPanels(assert, (await readPanels(page)).filter(onCard), cards, label);
}

/** Invitation panels; the Sent tab's rows have panels of their own (kind "sent"). */
const onCard = (mark) => mark.kind !== "sent";

/** On the Sent tab: one panel per row (the sidecar's `sent`), in order, each with its reasons. */
async function expectSentPanels(assert, page, sent, label) {
  const keys = sent.map((r) => r.key);
  const marks = await waitForPanels(page, (all) => all.filter((m) => m.kind === "sent").length >= keys.length, { timeout: 8000 });
  assert.deepEqual(marks.filter((m) => m.kind === "sent").map((m) => m.key), keys, `${label}: one panel per sent invitation`);
  const reasons = await inPanels(page, (panels) =>
    panels.filter((p) => p.dataset.kind === "sent").map((p) => p.querySelectorAll("[data-kindly=reasons] li").length),
  );
  assert.ok(reasons.every((n) => n > 0), `${label}: each sent panel says why`);
}

/**
 * Plays `fixture` in `page`; `open(url)` must load the fixture's HTML at
 * `url` (the sidecar's invitations URL when `url` is omitted).
 */
export async function playFixture({ assert, page, open, fixture }) {
  const name = fixture.name;
  // The same page where Kindly stays idle: LinkedIn's DOM as served.
  await open("https://www.linkedin.com/feed/kindly-baseline/");
  const baseline = await ownDom(page);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await panelCount(page), 0, "no panels off the invitations page");

  await open(fixture.spec.url);
  await expectPanels(assert, page, fixture.spec.cards, name);
  if (fixture.spec.sent) await expectSentPanels(assert, page, fixture.spec.sent, name);
  assert.equal(await ownDom(page), baseline, "LinkedIn's own nodes are unchanged");

  for (const step of fixture.spec.steps ?? []) {
    await page.evaluate((s) => window.fixture.step(s), step.step);
    if (step.step === "rerender" || step.step === "remove-panels") {
      // Restored before the next paint: no waiting beyond two frames.
      await frames(page);
      assert.equal(await panelCount(page), step.cards.length, `${name} after ${step.step}: panels back within a frame`);
    }
    if (step.url) assert.equal(page.url(), step.url, `${name} after ${step.step}: url`);
    await expectPanels(assert, page, step.cards, `${name} after ${step.step}`);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no page text ran as script");
}
