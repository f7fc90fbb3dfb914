// One end-to-end test per fixture: the sidecar (`<name>.json`) says which
// invitations the page holds, in order; Kindly must give each exactly one
// panel of the right kind, greet people by the right first name, keep up
// with every step the page takes, and leave LinkedIn's own nodes alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { launch, loadFixture, panels, assertClean, FIXTURES } from "./harness.mjs";

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .sort();

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Two animation frames in the page: anything Kindly scheduled has run. */
const frames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Waits until the panels match `cards` (count and keys), then checks them. */
async function expectPanels(page, cards, label) {
  const keyed = cards.map((c) => c.key ?? null);
  try {
    await page.waitForFunction(
      (expected) => {
        const hosts = [...document.querySelectorAll("[data-kindly-panel]")];
        return hosts.length === expected.length && expected.every((k, i) => k === null || hosts[i].getAttribute("data-kindly-key") === k);
      },
      keyed,
      { timeout: 8000 },
    );
  } catch {
    /* fall through: the assertions below say what differs */
  }
  if (cards.length === 0) await frames(page);
  const seen = await panels(page, 0);
  assert.equal(seen.length, cards.length, `${label}: one panel per invitation`);
  cards.forEach((card, i) => {
    const panel = seen[i];
    const where = `${label} card ${i} (${card.key ?? card.kind})`;
    assert.equal(panel.kind, card.kind, `${where}: data-kindly-kind`);
    if (card.key) assert.equal(panel.key, card.key, `${where}: data-kindly-key`);
    assert.ok(panel.openShadow, `${where}: open shadow root`);
    assert.ok(panel.action && panel.actionText, `${where}: an action`);
    assert.ok(panel.reasons.length > 0, `${where}: reasons`);
    if (card.kind === "person" && panel.suggestions.length > 0) {
      const first = panel.suggestions[0];
      if (card.first_name) {
        assert.ok(first.includes(card.first_name), `${where}: first reply greets ${card.first_name}: ${first.slice(0, 80)}`);
      }
      assert.doesNotMatch(first, /[{}]|Hi ,|\s,/u, `${where}: no unfilled placeholder`);
    }
    if (card.kind !== "person") {
      assert.equal(panel.suggestions.length, 0, `${where}: no person reply on a ${card.kind} invitation`);
    }
  });
}

/** The page's own DOM, with Kindly's panels taken out. */
const ownDom = (page) =>
  page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll("[data-kindly-panel]").forEach((p) => p.remove());
    return copy.innerHTML;
  });

for (const name of names) {
  test(`fixture ${name}`, async () => {
    const fixture = loadFixture(name);
    browser.reset();
    const page = await browser.context.newPage();
    try {
      // The same page where Kindly stays idle: LinkedIn's DOM as served.
      await browser.open(fixture, { url: "https://www.linkedin.com/feed/kindly-baseline/", page });
      const baseline = await ownDom(page);
      assert.equal(await page.locator("[data-kindly-panel]").count(), 0, "no panels off the invitations page");

      await browser.open(fixture, { page });
      await expectPanels(page, fixture.spec.cards, name);
      assert.equal(await ownDom(page), baseline, "LinkedIn's own nodes are unchanged");

      for (const step of fixture.spec.steps ?? []) {
        await page.evaluate((s) => window.fixture.step(s), step.step);
        if (step.step === "rerender" || step.step === "remove-panels") {
          // Restored before the next paint: no waiting beyond two frames.
          await frames(page);
          const count = await page.locator("[data-kindly-panel]").count();
          assert.equal(count, step.cards.length, `${name} after ${step.step}: panels back within a frame`);
        }
        if (step.url) assert.equal(page.url(), step.url, `${name} after ${step.step}: url`);
        await expectPanels(page, step.cards, `${name} after ${step.step}`);
      }
      assert.equal(await page.evaluate(() => window.__pwned), undefined, "no page text ran as script");
      await assertClean(null, browser, page, assert);
    } finally {
      await page.close();
    }
  });
}
