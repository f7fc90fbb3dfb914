// The popup's promises, end to end in real Chromium with the real WASM:
// edits reach open LinkedIn tabs without reload, broken templates cannot be
// saved, export → wipe → import gives back the same data, bad files change
// nothing, schema-1 data is migrated with a backup, the review lists what the
// panels saw, and the popup opens cleanly and passes axe on every tab.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { launch, loadFixture, panels, assertClean, FIXTURES, waitInPanels } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const V1_STORE = JSON.parse(readFileSync(join(FIXTURES, "popup", "store-v1.json"), "utf8"));
const fixture = loadFixture("e2b-received-en");
const SHOTS = process.env.KINDLY_SHOTS || "/tmp";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const popupUrl = () => `chrome-extension://${browser.extensionId}/popup.html`;

/** Opens the popup as a page, 420 px wide like the real one. */
async function openPopup({ page } = {}) {
  page ||= await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(popupUrl());
  await waitReady(page);
  return page;
}

async function waitReady(page) {
  await page.waitForFunction(() => document.querySelector("#kindly-popup")?.dataset.ready === "true", null, {
    timeout: 10000,
  });
}

/** Everything in chrome.storage.local, read through the extension page. */
const storage = (page) => page.evaluate(() => chrome.storage.local.get(null));

/** Replaces all storage with `items`, then reloads the popup. */
async function seed(page, items) {
  await page.evaluate(async (items) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(items);
  }, items);
  await page.reload();
  await waitReady(page);
}

/** A fresh popup over empty storage (the popup then writes the defaults). */
async function freshPopup() {
  const page = await openPopup();
  await seed(page, {});
  return page;
}

async function tab(page, name) {
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#panel-${name}:not([hidden])`);
}

/** Waits until `check(storage)` is true; returns the storage. */
async function storageWhen(page, check, what) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const all = await storage(page);
    if (check(all)) return all;
    if (Date.now() > deadline) assert.fail(`storage never showed ${what}: ${JSON.stringify(Object.keys(all))}`);
    await page.waitForTimeout(50);
  }
}

const templatesIn = (all) => JSON.parse(all["kindly.templates"] || "[]");
const peopleIn = (all) => Object.keys(all).filter((k) => k.startsWith("kindly.person."));

async function axe(page, label) {
  await page.evaluate(`${AXE}\n;true`); // through DevTools, not a <script>: the page's CSP stays intact
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ),
  );
  assert.deepEqual(result, [], `accessibility problems on ${label}`);
}

/** A person record in the exact form Kindly writes it (field order included),
 * so storage seeded by the test compares equal to storage Kindly rewrote. */
const person = (name, extra = {}) =>
  JSON.stringify({
    name,
    kind: "person",
    relationship: null,
    note: "",
    bucket: null,
    first_seen: 20000,
    // Seen today: history older than the retention setting is pruned
    // whenever the store is opened (the popup opens it).
    last_seen: Math.floor(Date.now() / 86400000),
    invitations: [20000],
    last_action: "decline",
    headline: "Engineer at Example",
    age_when_seen: 4,
    outcome: null,
    ...extra,
  });

test("the popup opens without errors, with ARIA tabs that follow the arrow keys", async () => {
  browser.reset();
  const page = await freshPopup();
  assert.equal(await page.getAttribute("#tab-templates", "aria-selected"), "true");
  assert.ok((await page.locator("#tpl-results li").count()) > 5, "the default library is listed");
  await page.focus("#tab-templates");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-profile");
  assert.equal(await page.getAttribute("#tab-profile", "aria-selected"), "true");
  assert.ok(await page.isHidden("#panel-templates"));
  await page.keyboard.press("End");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-data");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-templates");
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("a template created in the popup appears in the panels of an open LinkedIn tab without reload", async () => {
  browser.reset();
  const popup = await freshPopup();
  // No templates at all, so what the panels show next can only be the new one
  // (the engine's ranking among many templates is not what this tests).
  await popup.evaluate(() => chrome.storage.local.set({ "kindly.templates": "[]" }));
  await popup.reload();
  await waitReady(popup);
  const linkedin = await browser.context.newPage();
  try {
    await browser.open(fixture, { page: linkedin });
    const before = await panels(linkedin, fixture.spec.cards.length);
    assert.deepEqual(before.flatMap((p) => p.suggestions), [], "no template, no reply");
    await linkedin.evaluate(() => (window.__sameDocument = true));

    await popup.bringToFront();
    await popup.click("#tpl-new");
    await popup.fill("#ed-title", "E2E thanks");
    await popup.fill("#ed-body", "Hi {first_name|there}, thank you for the invitation. Kindly-e2e-marker.");
    await popup.click("#ed-save");
    await storageWhen(popup, (all) => templatesIn(all).some((t) => t.title === "E2E thanks"), "the new template");
    assert.match(await popup.textContent("#status"), /Saved/);
    assert.equal(await popup.locator("#tpl-results h3").first().textContent(), "E2E thanks");

    await linkedin.bringToFront();
    await waitInPanels(linkedin, (panels) =>
      panels.some((panel) => [...panel.querySelectorAll("[data-kindly=text]")].some((p) => p.textContent.includes("Kindly-e2e-marker"))),
    );
    assert.equal(await linkedin.evaluate(() => window.__sameDocument), true, "the LinkedIn tab was not reloaded");
    const after = await panels(linkedin, fixture.spec.cards.length);
    const riley = after.find((p) => p.key === "riley-park-3c4d5e");
    assert.deepEqual(riley.suggestions, ["Hi Riley, thank you for the invitation. Kindly-e2e-marker."]);
    await assertClean(null, browser, linkedin, assert);
  } finally {
    await linkedin.close();
    await popup.close();
  }
});

test("an invalid template shows the error with its position and cannot be saved", async () => {
  browser.reset();
  const page = await freshPopup();
  const before = await storage(page);
  await page.click("#tpl-new");
  await page.fill("#ed-title", "Broken");
  await page.fill("#ed-body", "Hello\nHi {frist_name}, thanks!");
  const error = page.locator("#ed-errors li").first();
  await error.waitFor();
  const text = await error.textContent();
  assert.match(text, /^Line 2, column 4: Unknown placeholder \{frist_name\} at character 10/, text);
  assert.match(text, /first_name/, "suggests the name it meant");
  assert.equal(await page.getAttribute("#ed-body", "aria-invalid"), "true");
  assert.ok(await page.isDisabled("#ed-save"));
  // The keyboard shortcut cannot save it either.
  await page.focus("#ed-body");
  await page.keyboard.press("Control+Enter");
  await page.waitForTimeout(200);
  assert.deepEqual(await storage(page), before, "nothing was saved");
  assert.match(await page.textContent("#status"), /cannot be saved/);
  // The error moves the caret to the problem.
  await error.locator("button").click();
  assert.deepEqual(
    await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart]),
    ["ed-body", 9],
  );
  // Fixed, it saves.
  await page.fill("#ed-body", "Hello\nHi {first_name}, thanks!");
  await page.waitForSelector("#ed-errors:empty", { state: "attached" });
  assert.ok(!(await page.isDisabled("#ed-save")));
  await page.click("#ed-save");
  await storageWhen(page, (all) => templatesIn(all).some((t) => t.title === "Broken"), "the fixed template");
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("a template written in a right-to-left language is edited right to left", async () => {
  browser.reset();
  const page = await freshPopup();
  await page.click("#tpl-new");
  await page.fill("#ed-title", "תודה על ההזמנה");
  await page.fill("#ed-body", "שלום {first_name}, תודה על ההזמנה.");
  const direction = (id) => page.$eval(id, (e) => getComputedStyle(e).direction);
  assert.equal(await direction("#ed-title"), "rtl");
  assert.equal(await direction("#ed-body"), "rtl");
  await page.fill("#ed-body", "Hi {first_name}, thank you.");
  assert.equal(await direction("#ed-body"), "ltr");
  assert.equal(await page.getAttribute("html", "dir"), "ltr", "the popup's own strings stay left to right");
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("delete has undo, and move up/down reorder the list", async () => {
  browser.reset();
  const page = await freshPopup();
  const ids = templatesIn(await storage(page)).map((t) => t.id);
  await page.click("#tpl-del-0");
  await storageWhen(page, (all) => templatesIn(all)[0]?.id === ids[1], "the deletion");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tpl-undo");
  await page.keyboard.press("Enter");
  await storageWhen(page, (all) => templatesIn(all)[0]?.id === ids[0], "the undo");
  await page.click("#tpl-down-0");
  await storageWhen(page, (all) => templatesIn(all)[1]?.id === ids[0] && templatesIn(all)[0]?.id === ids[1], "the move");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tpl-down-1", "focus follows the moved template");
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("export then wipe then import gives back identical data", async () => {
  browser.reset();
  const page = await freshPopup();
  await page.evaluate(
    async (people) => {
      await chrome.storage.local.set(people);
    },
    {
      "kindly.person.ana-lima": person("Ana Lima", { note: "Met at RustConf", bucket: "accept_later" }),
      "kindly.person.bo-chen": person("Bo Chen", { invitations: [20000, 20005] }),
      "kindly.person.cy-diaz": person("Cy Díaz", { relationship: "friend", last_action: "accept" }),
    },
  );
  await page.reload();
  await waitReady(page);
  await tab(page, "profile");
  await page.fill("#prof-name", "Maria Export");
  await page.press("#prof-name", "Tab");
  await storageWhen(page, (all) => JSON.parse(all["kindly.profile"]).name === "Maria Export", "the profile");
  const original = await storage(page);
  assert.equal(peopleIn(original).length, 3);

  await tab(page, "data");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#exp-all")]);
  assert.match(download.suggestedFilename(), /^kindly-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = readFileSync(await download.path(), "utf8");
  assert.equal(JSON.parse(exported).format, "kindly-export");

  await page.click("#wipe");
  assert.equal(await page.evaluate(() => document.activeElement.id), "wipe-no", "the safe choice has focus");
  await page.click("#wipe-yes");
  const wiped = await storageWhen(page, (all) => peopleIn(all).length === 2, "the wipe");
  assert.equal(JSON.parse(wiped["kindly.person.ana-lima"]).note, "Met at RustConf", "what the user wrote is kept");
  assert.equal(JSON.parse(wiped["kindly.person.ana-lima"]).invitations.length, 0);

  await page.setInputFiles("#imp-file", { name: "kindly.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await page.waitForSelector("#imp-preview");
  const preview = await page.textContent("#imp-changes");
  assert.match(preview, /Add 1 person to the history: Bo Chen/);
  assert.match(preview, /Update 2 people/);
  assert.deepEqual(await storage(page), wiped, "nothing changes before Apply");
  await page.click("#imp-apply");
  const restored = await storageWhen(page, (all) => peopleIn(all).length === 3 && JSON.parse(all["kindly.person.bo-chen"]).invitations.length === 2, "the import");
  assert.deepEqual(restored, original);
  await assertClean(null, browser, page, assert);
  await page.close();
});

const BAD_FILES = [
  { what: "a malformed file", body: '{ "format": "kindly-export", "schema": 2, ', message: /not valid JSON at line 1, column \d+/ },
  { what: "a file from a future schema", body: JSON.stringify({ format: "kindly-export", schema: 99, templates: [] }), message: /newer Kindly \(schema 99\)/ },
  {
    what: "a file with wrong types",
    body: JSON.stringify({
      format: "kindly-export",
      schema: 2,
      scope: "all",
      profile: { name: 42 },
      settings: { history_days: "soon" },
      templates: [{ id: "x", title: "T", body: "Hi", target: "fax" }],
    }),
    message: /3 problems[\s\S]*profile\.name: expected text, found a number[\s\S]*settings\.history_days[\s\S]*templates\[0\]\.target/,
  },
  { what: "a file that is not Kindly's", body: JSON.stringify({ hello: "world" }), message: /not a Kindly export file/ },
];

test("importing a malformed, a future-schema or a wrongly typed file shows why and changes nothing", async () => {
  browser.reset();
  const page = await freshPopup();
  await tab(page, "data");
  const before = await storage(page);
  for (const bad of BAD_FILES) {
    await page.setInputFiles("#imp-file", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(bad.body) });
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector("#imp-error")?.textContent || ""), bad.message.source);
    const message = await page.textContent("#imp-error");
    assert.match(message, /Nothing was imported; your data is unchanged\./, bad.what);
    assert.match(message, bad.message, bad.what);
    assert.equal(await page.getAttribute("#imp-error", "role"), "alert");
    assert.equal(await page.locator("#imp-preview").count(), 0, `${bad.what}: no Apply offered`);
    assert.deepEqual(await storage(page), before, `${bad.what} changed nothing`);
  }
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("data written by schema 1 is migrated, with a backup of the old data", async () => {
  browser.reset();
  const page = await openPopup();
  await seed(page, { kindly: V1_STORE });
  const all = await storageWhen(page, (all) => "kindly.meta" in all, "the migrated store");
  assert.equal(JSON.parse(all["kindly.meta"]).schema, 4);
  assert.ok(!("kindly" in all), "the schema-1 key is gone once backed up");
  const backup = JSON.parse(all["kindly.backup.v1"]);
  assert.equal(backup.schema, 1);
  assert.deepEqual(JSON.parse(backup.entries.kindly), V1_STORE, "the backup holds the old data exactly");
  const profile = JSON.parse(all["kindly.profile"]);
  assert.equal(profile.name, "Maria Gonzalez");
  assert.equal(profile.policy, "know_well_only");
  const mine = templatesIn(all).filter((t) => !t.builtin);
  assert.deepEqual(mine.map((t) => t.title), ["My polite no", "Met at a meetup", "My polite no"]);
  assert.match(mine[0].body, /\{first_name\|there\}/);
  assert.equal(JSON.parse(all["kindly.person.ana-lima"]).relationship, "former_colleague");
  const notice = await page.textContent("#notices");
  assert.match(notice, /updated from Kindly’s older format \(schema 1\)/);
  assert.match(notice, /kindly\.backup\.v1/);
  assert.ok(await page.locator("#tpl-results h3", { hasText: "Met at a meetup" }).count());
  await page.screenshot({ path: `${SHOTS}/popup-migrated.png`, fullPage: false });
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("data from a newer Kindly is shown read-only and never written", async () => {
  browser.reset();
  const page = await openPopup();
  const future = {
    "kindly.meta": JSON.stringify({ schema: 9 }),
    "kindly.profile": JSON.stringify({ name: "From the future" }),
    "kindly.templates": JSON.stringify([{ id: "f", title: "Future template", body: "Hi {first_name}" }]),
  };
  await seed(page, future);
  assert.match(await page.textContent("#notices"), /newer version of Kindly \(schema 9\).*read-only/);
  assert.ok(await page.isDisabled("#tpl-new"));
  assert.ok(await page.isDisabled("#tpl-del-0"));
  await tab(page, "profile");
  assert.ok(await page.isDisabled("#prof-name"));
  await page.waitForTimeout(200);
  assert.deepEqual(await storage(page), future, "nothing was written");
  await assertClean(null, browser, page, assert);
  await page.close();
});

test("the review lists what the panels saw, oldest first, with repeat senders", async () => {
  browser.reset();
  const popup = await freshPopup();
  const linkedin = await browser.context.newPage();
  await browser.open(fixture, { page: linkedin });
  await panels(linkedin, fixture.spec.cards.length);
  // The content script records each card it judged.
  const recorded = await storageWhen(popup, (all) => peopleIn(all).length >= fixture.spec.cards.length, "the recorded people");
  const actions = Object.fromEntries(
    peopleIn(recorded).map((k) => [k.slice("kindly.person.".length), JSON.parse(recorded[k]).last_action]),
  );
  await linkedin.close();

  await popup.bringToFront();
  await tab(popup, "review");
  const review = popup.locator("#panel-review");
  await popup.waitForFunction((n) => document.querySelectorAll("#panel-review li.card").length === n, fixture.spec.cards.length);
  for (const card of fixture.spec.cards.filter((c) => c.kind === "person")) {
    await review.locator("li.card h3", { hasText: card.name }).first().waitFor({ timeout: 5000 });
  }
  assert.match(await popup.textContent("#review-summary"), new RegExp(`^Pending: ${fixture.spec.cards.length} ·`));
  // Grouped by the action the panel suggested.
  const riley = review.locator('li.card[data-key="riley-park-3c4d5e"]');
  const group = await riley.evaluate((li) => li.closest("section").querySelector("h2").textContent);
  const expected = { accept: "Accept", reply: "Reply", ask: "Ask first", decline: "Decline kindly", ignore: "Ignore", review: "Review later" }[actions["riley-park-3c4d5e"]];
  assert.ok(group.startsWith(expected), `${group} for ${actions["riley-park-3c4d5e"]}`);
  // The weekly reminder is offered, and can be marked done.
  await popup.click("#review-done");
  await storageWhen(popup, (all) => "kindly.popup.lastReview" in all, "the review day");
  assert.equal(await popup.locator("#review-done").count(), 0);
  // A bucket chosen here moves the person in the by-bucket view.
  await popup.selectOption("#rev-by", "bucket");
  await popup.locator('li.card[data-key="ana-lima-2e4f6a"] select').selectOption("accept_later");
  await storageWhen(popup, (all) => JSON.parse(all["kindly.person.ana-lima-2e4f6a"]).bucket === "accept_later", "the bucket");
  const bucket = await popup
    .locator('li.card[data-key="ana-lima-2e4f6a"]')
    .evaluate((li) => li.closest("section").querySelector("h2").textContent);
  assert.match(bucket, /^Accept later/);
  await assertClean(null, browser, popup, assert);
  await popup.close();
});

test("every tab passes axe and is screenshotted, light and dark", async () => {
  browser.reset();
  const page = await freshPopup();
  await page.evaluate(async (people) => chrome.storage.local.set(people), {
    "kindly.person.ana-lima": person("Ana Lima", { note: "Met at RustConf", bucket: "accept_later", invitations: [20000, 20008] }),
    "kindly.person.bo-chen": person("Bo Chen", { last_action: "ask", age_when_seen: 30 }),
    "kindly.person.cy-diaz": person("Cy Díaz", { relationship: "friend", last_action: "accept" }),
  });
  await page.reload();
  await waitReady(page);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const name of ["templates", "profile", "review", "data"]) {
      await tab(page, name);
      await axe(page, `${name} (${scheme})`);
      await page.screenshot({ path: `${SHOTS}/popup-${name}${scheme === "dark" ? "-dark" : ""}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await tab(page, "templates");
  await page.click("#tpl-edit-0");
  await page.fill("#ed-body", "HI {first_name}, your spam is STUPID. {frist}");
  await axe(page, "the editor");
  await page.screenshot({ path: `${SHOTS}/popup-editor-error.png` });
  await page.fill("#ed-body", "HI {first_name}, your spam is STUPID.");
  await page.selectOption("#ed-sample", "4");
  await page.locator(".preview-box").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/popup-editor.png` });
  await page.click("#ed-cancel");
  await tab(page, "data");
  await page.setInputFiles("#imp-file", {
    name: "t.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "kindly-export", schema: 2, scope: "templates", templates: [{ id: "new-one", title: "Imported one", body: "Hi {first_name}" }] })),
  });
  await page.waitForSelector("#imp-preview");
  await axe(page, "the import preview");
  await page.screenshot({ path: `${SHOTS}/popup-import-preview.png`, fullPage: true });
  await assertClean(null, browser, page, assert);
  await page.close();
});
