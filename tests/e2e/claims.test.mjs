// What a reply claims, end to end: a template the user writes says "good to
// meet you"; the editor notices the claim, the user ticks it, and the panel
// offers the reply only on a card whose note says they met (Riley's says
// they saw a talk, not a meeting). The profile's reply language and "open
// to new roles" are kept.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, loadFixture, panels, assertClean, withStorage, waitInPanels } from "./harness.mjs";

const main = loadFixture("e2b-received-en");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const stored = async (key) => JSON.parse((await withStorage(browser, (k) => chrome.storage.local.get(k), key))[key] || "null");

async function until(check, what) {
  for (let i = 0; i < 60; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never: ${what}`);
}

test("a template's claims: noticed in the editor, kept, and honoured by the panels", async () => {
  browser.reset();
  await withStorage(browser, async () => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set({
      "kindly.meta": JSON.stringify({ schema: 4 }),
      "kindly.profile": JSON.stringify({ first_run_done: true }),
      "kindly.templates": "[]",
    });
  });
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 700 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForSelector("#kindly-popup[data-ready=true]");
  await popup.click("#tpl-new");
  await popup.fill("#ed-title", "Met you");
  await popup.fill("#ed-body", "Hi {first_name|there}, thank you, it was good to meet you. Kindly-claims-marker.");
  await popup.check("#ed-act-accept");
  // The editor notices what the text claims before it is ticked.
  await until(async () => (await popup.textContent("#ed-claims-hint")).includes("We met in person"), "the claims hint");
  await popup.check("#ed-claim-met_in_person");
  await until(async () => (await popup.textContent("#ed-claims-hint")) === "", "the hint clears once ticked");
  await popup.screenshot({ path: "/tmp/kindly-editor-claims.png", fullPage: true });
  await popup.click("#ed-save");
  await until(async () => ((await stored("kindly.templates")) || []).some((t) => t.title === "Met you"), "the template saved");
  const saved = (await stored("kindly.templates")).find((t) => t.title === "Met you");
  assert.deepEqual(saved.claims, ["met_in_person"]);

  // Profile: open to roles and the reply language are kept.
  await popup.click("#tab-profile");
  await popup.check("#prof-roles");
  await popup.selectOption("#prof-reply-lang", "de");
  await until(async () => {
    const p = await stored("kindly.profile");
    return p.open_to_roles === true && p.reply_language === "de";
  }, "the profile saved");
  await popup.close();

  // The panels: the user's "met you" reply is offered nowhere on this page:
  // Riley saw a talk, and no one else says they met.
  const page = await browser.open(main);
  const seen = await panels(page, main.spec.cards.length);
  for (const panel of seen) {
    assert.ok(!panel.suggestions.some((s) => s.includes("Kindly-claims-marker")), `${panel.key}: no claimed meeting`);
  }
  // Tell Kindly they met Ana: her panel now offers it, after accepting.
  await withStorage(browser, (key) => chrome.storage.local.set({ [`kindly.person.${key}`]: JSON.stringify({ relationship: "met_once" }) }), main.spec.cards[5].key);
  await waitInPanels(
    page,
    (panels, key) => [...(panels.find((p) => p.dataset.key === key)?.querySelectorAll("[data-kindly=text]") || [])].some((p) => p.textContent.includes("Kindly-claims-marker")),
    main.spec.cards[5].key,
  );
  await assertClean(null, browser, page, assert);
  await page.close();
});
