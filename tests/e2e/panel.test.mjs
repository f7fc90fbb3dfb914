// The suggestion panel's promises (issue 5), end to end in real Chromium and
// driven by the keyboard where a person would use it: choosing a
// relationship re-judges the card, Copy puts exactly the shown text on the
// clipboard and says so, editing shows politeness hints and a live count, a
// note and a bucket survive a reload, the shortcuts move between panels and
// copy, collapsing keeps the action visible, axe finds nothing serious, a
// hostile page stays text, non-person and scam cards get the right panel,
// and the panel follows the page's light or dark theme (screenshots).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { launch, loadFixture, panels, readPanels, assertClean, inPanels, panelPart, waitInPanels, panelMarks, waitForPanels, evaluateInWorld } from "./harness.mjs";
import { generate } from "../fixtures/generate.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SHOTS = process.env.KINDLY_SHOTS || "/tmp";

const main = loadFixture("e2b-received-en");
const CARDS = main.spec.cards;
const RILEY = CARDS[0].key;
const ANA = CARDS[5].key; // the last card: a person without a note

/** The main fixture with `css` added to the page's own styles. */
/** `fixture` with `css` added to its stylesheet, served as `name`. */
const styled = (fixture, name, css) => ({ name, spec: fixture.spec, html: fixture.html.replace("</head>", `<style>${css}</style></head>`) });
const mainStyled = (name, css) => styled(main, name, css);

/** Exactly one panel per card of the main fixture, in order. */
function assertOnePanelPerCard(seen) {
  assert.equal(seen.length, CARDS.length, "one panel per card");
  CARDS.forEach((c, i) => c.key && assert.equal(seen[i].key, c.key, `card ${i}`));
}

/** The main fixture with one card turned into an obvious scam invitation. */
const scam = {
  name: "inline-scam",
  spec: { url: main.spec.url },
  html: main.html
    .replaceAll("riley-park-3c4d5e", "sam-seller-9f9f9f")
    .replaceAll("Riley Park", "Sam Seller")
    .replaceAll("Reply to Riley", "Reply to Sam")
    .replace("Data Scientist at Contoso | ML &amp; analytics", "Crypto investment advisor")
    .replace(
      /(<span data-testid="expandable-text-box">)Hello, Riley here[^<]*/,
      "$1Invest in crypto with me, guaranteed return! Message me on WhatsApp +1 555 0100",
    ),
};

/** The main fixture drawn the way LinkedIn's dark theme draws it. */
const dark = mainStyled("inline-dark", "body{background:#1b1f23!important;color:#e8eaed!important}.b8nm6e,.r5jh2c,.fmbk01{background:#1d2226!important}");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const popupUrl = () => `chrome-extension://${browser.extensionId}/popup.html`;

/** Runs `fn(items)` against chrome.storage.local in an extension page. */
async function withStorage(fn, arg) {
  const page = await browser.context.newPage();
  try {
    await page.goto(popupUrl());
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** Every test starts from empty storage (the persistent profile is shared). */
const clearStorage = () => withStorage(() => chrome.storage.local.clear());

const readAll = () => withStorage(() => chrome.storage.local.get(null));

/** Waits until stored data satisfies `check`; returns everything stored. */
async function storedWhen(check, what) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const all = await readAll();
    if (check(all)) return all;
    if (Date.now() > deadline) assert.fail(`storage never showed ${what}: ${JSON.stringify(all).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens a fixture over fresh storage and waits for its panels. */
async function start(fixture = main, count = CARDS.length) {
  browser.reset();
  await clearStorage();
  const page = await browser.open(fixture);
  await panels(page, count);
  return page;
}

/** What has keyboard focus, looking into Kindly's closed roots. */
const focused = (page) =>
  inPanels(page, (panels) => {
    const panel = panels.find((p) => p.getRootNode().host === document.activeElement);
    const active = panel ? panel.getRootNode().activeElement : document.activeElement;
    return {
      host: panel ? panel.dataset.key : null,
      tag: active ? active.tagName.toLowerCase() : null,
      kindly: active ? active.getAttribute("data-kindly") : null,
      part: active ? active.getAttribute("data-kindly-part") : null,
      type: active ? active.getAttribute("type") : null,
      checked: active ? !!active.checked : null,
    };
  });

/** Presses Tab until `match(focus)` holds (at most `limit` times). */
async function tabTo(page, match, what, { limit = 40, key = "Tab" } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (match(now)) return now;
  }
  assert.fail(`Tab never reached ${what}`);
}

/** Opens a person panel's "More" (all replies, relationship, note) by keyboard. */
async function openMore(page, what) {
  await tabTo(page, (f) => f.kindly === "more", `${what}'s More button`);
  await page.keyboard.press("Enter");
  for (let i = 0; i < 100 && (await focused(page)).part !== "relationship-none"; i++) await page.waitForTimeout(50);
  return focused(page);
}

/** One panel's state, read inside its closed root. */
const panelState = (page, key) =>
  inPanels(page, (panels, key) => {
    const root = panels.find((p) => p.dataset.key === key);
    if (!root) return null;
    const q = (s) => root.querySelector(s);
    return {
      action: root.dataset.action,
      actionText: q("[data-kindly=action]")?.textContent ?? null,
      replies: [...root.querySelectorAll("[data-kindly=suggestion] [data-kindly=text]")].map((p) => p.textContent),
      templates: [...root.querySelectorAll("[data-kindly=suggestion]")].map((s) => s.getAttribute("data-kindly-template")),
      checked: root.querySelector("input[name=relationship]:checked")?.value ?? null,
      note: q("[data-kindly=note]")?.value ?? null,
      bucket: q("[data-kindly=bucket]")?.value ?? null,
      expanded: q("[data-kindly=toggle]")?.getAttribute("aria-expanded") ?? null,
      bodyHidden: q("#kindly-body")?.hidden ?? null,
    };
  }, key);

/** Waits until the panel of `key` shows its Copy button as having copied. */
const copiedIn = (page, key) =>
  waitInPanels(page, (panels, key) => !!panels.find((p) => p.dataset.key === key)?.querySelector("[data-kindly=copy][data-kindly-copied=true]"), key);

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test("choosing a relationship by keyboard re-judges the card: action and replies change", async () => {
  const page = await start();
  const before = await panelState(page, ANA);
  assert.equal(before.checked, null, "nothing said yet: the chooser waits behind More");
  // Ana wrote no note: LinkedIn offers no Reply, so nothing can be sent yet.
  assert.equal(before.replies.length, 0, "no Reply on Ana's card: no message to send");

  // Alt+Shift+K from nowhere: the last panel (Ana's), then Tab into the chooser.
  await page.keyboard.press("Alt+Shift+KeyK");
  assert.equal((await focused(page)).host, ANA);
  // A panel starts small: the top reply and "More"; More brings the chooser.
  assert.equal((await panelState(page, ANA)).replies.length, 0, "small by default, and nothing to send");
  const radio = await openMore(page, "Ana");
  assert.equal(radio.part, "relationship-none", "More lands on the checked radio");

  // Arrow keys walk the group; each choice redraws and keeps focus on it.
  const seen = new Map();
  for (const want of ["stranger", "met_once", "friend", "former_colleague", "know_well"]) {
    await page.keyboard.press("ArrowDown");
    await waitInPanels(page, (panels, [key, want]) => panels.find((p) => p.dataset.key === key)?.querySelector("input[name=relationship]:checked")?.value === want, [ANA, want]);
    const now = await focused(page);
    assert.equal(now.part, `relationship-${want}`, `focus stays on the chosen radio (${want})`);
    seen.set(want, await panelState(page, ANA));
  }
  const friend = seen.get("friend");
  const knowWell = seen.get("know_well");
  const stranger = seen.get("stranger");
  const metOnce = seen.get("met_once");
  assert.notEqual(friend.action, stranger.action, `friend (${friend.action}) differs from stranger (${stranger.action})`);
  assert.equal(metOnce.action, "accept", "met once: accept, and say so after accepting");
  assert.ok(metOnce.replies.length > 0 && metOnce.replies[0].includes("meet"), `a reply that mentions the meeting: ${metOnce.replies[0]}`);
  assert.ok(!knowWell.replies.some((r) => r.includes("meet")), "someone known well is not told 'good to meet you'");
  assert.ok(
    knowWell.action !== before.action || JSON.stringify(knowWell.replies) !== JSON.stringify(before.replies),
    "know well professionally changes the advice",
  );
  for (const state of seen.values()) {
    assert.equal(
      state.actionText.length > 0 && state.replies.every((r) => r.includes("Ana") && !/[{}]/.test(r)),
      true,
      `every reply greets Ana, no placeholder: ${JSON.stringify(state.replies)}`,
    );
  }

  // Remembered locally for this person.
  await storedWhen((all) => JSON.parse(all[`kindly.person.${ANA}`] || "{}").relationship === "know_well", "the relationship");
  await page.reload();
  await panels(page, CARDS.length);
  assert.equal((await panelState(page, ANA)).checked, "know_well", "the choice survives a reload");
  await assertClean(null, browser, page, assert);
});

test("Copy (keyboard) puts the exact rendered text on the clipboard, visibly and audibly", async () => {
  const page = await start();
  await page.evaluate(() => navigator.clipboard.writeText("before"));
  await page.keyboard.press("Alt+Shift+KeyJ");
  assert.equal((await focused(page)).host, RILEY);
  // The Why? details first: Enter opens it and the reasons are listed.
  await tabTo(page, (f) => f.tag === "summary", "Why?");
  await page.keyboard.press("Enter");
  const host = panelPart(page, RILEY);
  assert.equal(await host.locator("[data-kindly=why]").getAttribute("open"), "");
  assert.ok(await host.locator("[data-kindly=reasons] li").first().isVisible());

  await tabTo(page, (f) => f.kindly === "copy", "the first Copy button");
  const shown = await host.locator("[data-kindly=suggestion] [data-kindly=text]").first().textContent();
  await page.keyboard.press("Enter");
  const copy = host.locator("[data-kindly=copy]").first();
  await copiedIn(page, RILEY);
  assert.equal(await clipboard(page), shown, "exactly the shown text");
  assert.ok(shown.includes("Riley"));
  assert.equal((await copy.textContent()).trim(), "Copied", "visible Copied state");
  await host.locator("[data-kindly=suggestion]").first().screenshot({ path: join(SHOTS, "panel-copied.png") });
  const status = host.locator("[data-kindly=status]");
  assert.equal(await status.getAttribute("aria-live"), "polite");
  assert.match(await status.textContent(), /copied/i, "announced through the live region");
  assert.equal((await focused(page)).kindly, "copy", "focus stays on the button");
  // The label comes back, so a second copy is visible again.
  await waitInPanels(page, (panels, key) => panels.find((p) => p.dataset.key === key)?.querySelector("[data-kindly=copy]")?.textContent.trim() === "Copy", RILEY, { timeout: 6000 });
  await assertClean(null, browser, page, assert);
});

test("editing a reply shows a politeness hint and a live count; Copy copies the edit", async () => {
  const page = await start();
  await page.keyboard.press("Alt+Shift+KeyJ");
  await tabTo(page, (f) => f.kindly === "edit", "the first Edit button");
  await page.keyboard.press("Enter");
  const now = await focused(page);
  assert.equal(now.kindly, "editor", "Edit opens the editor and focuses it");
  const host = panelPart(page, RILEY);
  const item = host.locator("[data-kindly=suggestion]").first();
  assert.equal(await item.locator("[data-kindly=edit]").getAttribute("aria-expanded"), "true");
  assert.equal(await item.locator("[data-kindly=text]").isVisible(), false, "the text shows once, in the editor");
  const countBefore = await item.locator("[data-kindly=count]").textContent();

  const harsh = "Stop spamming me, this is annoying";
  await page.keyboard.press("Control+A");
  await page.keyboard.type(harsh);
  const hints = item.locator("[data-kindly=hints] li");
  await hints.first().waitFor();
  const hintText = (await hints.allTextContents()).join(" | ");
  assert.ok((await hints.count()) > 0, "a politeness hint");
  assert.ok(await hints.first().isVisible(), "the hint is visible");
  const count = await item.locator("[data-kindly=count]").textContent();
  assert.notEqual(count, countBefore, "the count follows the text");
  assert.match(count, new RegExp(`^${[...harsh].length}\\b`), `count: ${count}`);
  assert.equal(await item.locator("[data-kindly=text]").textContent(), harsh, "the shown text is the edit");
  assert.equal(await item.locator("[data-kindly=hints]").getAttribute("aria-live"), "polite");
  assert.ok(hintText.length > 0);
  await item.screenshot({ path: join(SHOTS, "panel-edit-hint.png") });

  // Tab on to Copy, press it: the edited text is what is copied.
  await tabTo(page, (f) => f.kindly === "copy", "Copy after the editor");
  await page.keyboard.press("Enter");
  await copiedIn(page, RILEY);
  assert.equal(await clipboard(page), harsh);

  // A gentler text clears the hint.
  await tabTo(page, (f) => f.kindly === "editor", "back to the editor", { key: "Shift+Tab" });
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Hi Riley, thanks for the invitation!");
  await waitInPanels(page, (panels, key) => panels.find((p) => p.dataset.key === key)?.querySelectorAll("[data-kindly=suggestion]")[0]?.querySelectorAll("[data-kindly=hints] li.warning, [data-kindly=hints] li.problem").length === 0, RILEY);

  // Edits are kept while the page is open, also when the panels are rebuilt
  // (a setting changed in the popup): the edit and its hint come back.
  await page.keyboard.press("Control+A");
  await page.keyboard.type(harsh);
  await hints.first().waitFor();
  // The panels as they are now, marked in the harness's own world (the page cannot see them).
  await inPanels(page, (panels) => panels.forEach((p) => (p.__old = true)));
  await withStorage(async () => {
    const settings = JSON.parse((await chrome.storage.local.get("kindly.settings"))["kindly.settings"] || "{}");
    settings.weekly_reminder = !settings.weekly_reminder;
    await chrome.storage.local.set({ "kindly.settings": JSON.stringify(settings) });
  });
  await waitInPanels(
    page,
    (panels, key) => {
      const panel = panels.find((p) => p.dataset.key === key);
      return panel && !panel.__old && panel.querySelector("[data-kindly=hints] li") !== null;
    },
    RILEY,
  );
  const rebuilt = panelPart(page, RILEY).locator("[data-kindly=suggestion]").first();
  assert.equal(await rebuilt.locator("[data-kindly=text]").textContent(), harsh, "the edit survives a rebuild");
  assert.equal(await rebuilt.locator("[data-kindly=editor]").inputValue(), harsh);
  assert.match(await rebuilt.locator("[data-kindly=count]").textContent(), new RegExp(`^${[...harsh].length}\\b`));
  await assertClean(null, browser, page, assert);
});

test("a private note and a bucket survive a page reload", async () => {
  const page = await start();
  await page.keyboard.press("Alt+Shift+KeyJ");
  await openMore(page, "Riley");
  await tabTo(page, (f) => f.kindly === "note", "the note");
  const note = "Met at the Lisbon meetup <b>not bold</b> {first_name} — follow up in June";
  await page.keyboard.type(note);
  await tabTo(page, (f) => f.kindly === "bucket", "the bucket"); // leaving the note commits it
  await page.keyboard.press("ArrowDown"); // No bucket → Accept later
  let state = await panelState(page, RILEY);
  if (state.bucket !== "accept_later") {
    // Some platforms open the list on ArrowDown instead: choose with Enter.
    await page.keyboard.press("Enter");
    state = await panelState(page, RILEY);
  }
  assert.equal(state.bucket, "accept_later");
  const stored = await storedWhen((all) => {
    const p = JSON.parse(all[`kindly.person.${RILEY}`] || "{}");
    return p.note === note && p.bucket === "accept_later";
  }, "the note and the bucket");
  assert.ok(stored);

  await page.reload();
  await panels(page, CARDS.length);
  state = await panelState(page, RILEY);
  assert.equal(state.note, note, "note back after reload, literally");
  assert.equal(state.bucket, "accept_later", "bucket back after reload");
  const other = await panelState(page, ANA);
  assert.equal(other.note, null, "notes are per person: another panel has none to show");
  assert.equal(other.bucket, null, "and no bucket either");
  await assertClean(null, browser, page, assert);
});

test("shortcuts: Alt+Shift+J / K move between panels, Alt+Shift+C copies the focused panel's top reply", async () => {
  const page = await start();
  const persons = CARDS.map((c) => c.key);
  await page.keyboard.press("Alt+Shift+KeyJ");
  let now = await focused(page);
  assert.equal(now.host, persons[0], "J from nowhere: the first panel");
  assert.equal(now.kindly, "toggle");
  await page.keyboard.press("Alt+Shift+KeyJ");
  assert.equal((await focused(page)).host, persons[1], "J: the next panel");
  await page.keyboard.press("Alt+Shift+KeyJ");
  assert.equal((await focused(page)).host, persons[2]);
  await page.keyboard.press("Alt+Shift+KeyK");
  assert.equal((await focused(page)).host, persons[1], "K: the previous panel");
  await page.keyboard.press("Alt+Shift+KeyK");
  assert.equal((await focused(page)).host, persons[0]);
  await page.keyboard.press("Alt+Shift+KeyK");
  assert.equal((await focused(page)).host, persons[persons.length - 1], "K wraps to the last");
  await page.keyboard.press("Alt+Shift+KeyJ");
  assert.equal((await focused(page)).host, persons[0], "J wraps to the first");

  // Riley's panel (focused after the wrap): C copies its top reply. Morgan
  // and Ana wrote no note, so theirs have none to copy.
  const riley = await panelState(page, persons[0]);
  await page.evaluate(() => navigator.clipboard.writeText("before"));
  await page.keyboard.press("Alt+Shift+KeyC");
  await copiedIn(page, persons[0]);
  assert.equal(await clipboard(page), riley.replies[0]);
  assert.ok(riley.replies[0].includes("Riley"));
  assert.equal((await focused(page)).host, persons[0], "focus stays in that panel");

  // Focus on the page but in no field (the body): C copies the first
  // panel's top reply.
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => navigator.clipboard.writeText("before"));
  await page.keyboard.press("Alt+Shift+KeyC");
  await copiedIn(page, persons[0]);
  assert.equal(await clipboard(page), (await panelState(page, persons[0])).replies[0]);

  // In a field (LinkedIn's search box), the keys are the person's typing
  // (Option+Shift+C types "Ç" on a Mac): Kindly takes none of them.
  const search = page.locator("input[type=search]");
  await search.focus();
  await page.evaluate(() => navigator.clipboard.writeText("before"));
  await page.keyboard.press("Alt+Shift+KeyC");
  await page.keyboard.press("Alt+Shift+KeyJ");
  await page.waitForTimeout(200);
  assert.equal(await clipboard(page), "before", "no copy while typing in the page's field");
  assert.equal(await page.evaluate(() => document.activeElement?.type), "search", "focus stays in the field");

  // Focus deeper inside a panel still counts as "this panel"; in its note
  // (a field) the keys are typing there too.
  await page.keyboard.press("Escape");
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("Alt+Shift+KeyJ");
  await page.keyboard.press("Alt+Shift+KeyJ");
  assert.equal((await focused(page)).host, persons[1]);
  await openMore(page, "Morgan");
  assert.equal((await focused(page)).host, persons[1], "inside the panel (a radio)");
  await page.keyboard.press("Alt+Shift+KeyJ");
  assert.equal((await focused(page)).host, persons[2], "J from inside a panel: the next one");
  await page.keyboard.press("Alt+Shift+KeyK");
  await openMore(page, "Morgan").catch(() => {});
  await tabTo(page, (f) => f.kindly === "note", "Morgan's note");
  await page.keyboard.press("Alt+Shift+KeyJ");
  const inNote = await focused(page);
  assert.equal(inNote.kindly, "note", "J typed in the note is left to the note");
  await assertClean(null, browser, page, assert);
});

test("collapsing hides the body and keeps the action; 'collapsed by default' starts panels collapsed", async () => {
  const page = await start();
  await page.keyboard.press("Alt+Shift+KeyJ");
  const host = panelPart(page, RILEY);
  const toggle = host.locator("[data-kindly=toggle]");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const heightOpen = (await host.boundingBox()).height;
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await host.locator("#kindly-body").isVisible(), false, "body hidden");
  assert.ok(await host.locator("[data-kindly=action]").isVisible(), "the action stays visible");
  assert.ok(await host.locator("[data-kindly=main-reason]").isVisible(), "the main reason stays visible");
  assert.ok((await host.boundingBox()).height < heightOpen / 2, "collapsed is small");
  await host.screenshot({ path: join(SHOTS, "panel-collapsed.png") });
  assert.equal((await focused(page)).kindly, "toggle", "focus stays on the toggle");
  await page.keyboard.press("Space");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.ok(await host.locator("[data-kindly=copy]").first().isVisible());

  // The global setting, written the way the popup writes it.
  await withStorage(async () => {
    const current = JSON.parse((await chrome.storage.local.get("kindly.settings"))["kindly.settings"] || "{}");
    await chrome.storage.local.set({
      "kindly.settings": JSON.stringify({
        collapsed_by_default: true,
        weekly_reminder: true,
        history_days: 180,
        message_limit: 8000,
        ...current,
        ...{ collapsed_by_default: true },
      }),
    });
  });
  // The open tab follows the change live, except where the person chose
  // (Riley's panel was opened by hand and stays open)…
  await waitInPanels(
    page,
    (panels, opened) => {
      const expanded = (p) => p.querySelector("[data-kindly=toggle]")?.getAttribute("aria-expanded");
      return panels.length > 0 && panels.every((p) => expanded(p) === (p.dataset.key === opened ? "true" : "false"));
    },
    RILEY,
  );
  // …and new panels start collapsed.
  await page.reload();
  const seen = await panels(page, CARDS.length);
  for (const { key } of seen) {
    const state = await panelState(page, key);
    assert.equal(state.expanded, "false", `${key} starts collapsed`);
    assert.equal(state.bodyHidden, true);
    assert.ok(await panelPart(page, key).locator("[data-kindly=action]").isVisible());
  }
  await assertClean(null, browser, page, assert);
});

async function axePanels(page, label) {
  // In the harness's own world (through DevTools, not a <script>: the page's
  // CSP stays intact), where the closed roots are handed to axe as if open.
  await evaluateInWorld(page, `${AXE}\n;true`);
  const result = await inPanels(page, (panels) => {
    const roots = new Map(panels.map((p) => [p.getRootNode().host, p.getRootNode()]));
    const own = Object.getOwnPropertyDescriptor(Element.prototype, "shadowRoot");
    Object.defineProperty(Element.prototype, "shadowRoot", {
      configurable: true,
      get() {
        return roots.get(this) ?? own.get.call(this);
      },
    });
    // eslint-disable-next-line no-undef
    return axe
      .run({ include: [...roots.keys()] }, { resultTypes: ["violations"] })
      .then((r) => ({
        bad: r.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`),
        checked: r.passes.length + r.violations.length + r.incomplete.length,
      }))
      .finally(() => Object.defineProperty(Element.prototype, "shadowRoot", own));
  });
  assert.ok(result.checked > 5, `axe really looked at the panels (${label})`);
  assert.deepEqual(result.bad, [], `serious accessibility problems in the panel (${label})`);
}

test("axe-core finds no serious or critical problem in the panels, light and dark", async () => {
  const page = await start();
  // Everything open: Why?, an editor with a hint.
  await inPanels(page, (panels) => {
    for (const panel of panels) panel.querySelector("[data-kindly=why]")?.setAttribute("open", "");
  });
  await panelPart(page, RILEY).locator("[data-kindly=edit]").first().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Stop spamming me, this is annoying");
  await panelPart(page, RILEY).locator("[data-kindly=hints] li").first().waitFor();
  await panelPart(page, RILEY).locator("[data-kindly=copy]").first().click();
  await axePanels(page, "light");

  // Every control is labelled and reachable (no positive tabindex, none removed).
  const unlabelled = await inPanels(page, (panels) =>
    panels.flatMap((panel) =>
      [...panel.querySelectorAll("button, input, textarea, select, summary")]
        .filter((c) => !c.hidden && c.tabIndex < 0)
        .map((c) => c.outerHTML.slice(0, 80)),
    ),
  );
  assert.deepEqual(unlabelled, [], "every visible control is in the Tab order");

  browser.reset();
  const darkPage = await browser.open(dark);
  await panels(darkPage, CARDS.length);
  await axePanels(darkPage, "dark");
  await assertClean(null, browser, darkPage, assert);
});

test("a hostile page: text stays text, nothing runs, nothing breaks", async () => {
  const hostile = loadFixture("hostile");
  const page = await start(hostile, hostile.spec.cards.length);
  const seen = await panels(page, hostile.spec.cards.length);
  assert.equal(seen.length, hostile.spec.cards.length);
  const report = await inPanels(page, (panels) =>
    panels.map((section) => {
      const root = section.getRootNode();
      const host = root.host;
      const card = host.parentElement.getBoundingClientRect();
      const box = host.getBoundingClientRect();
      return {
        key: section.dataset.key,
        label: section.getAttribute("aria-label"),
        foreign: [...root.querySelectorAll("*")]
          .map((e) => e.tagName.toLowerCase())
          .filter((t) => !["section", "header", "span", "p", "button", "div", "details", "summary", "ul", "li", "fieldset", "legend", "label", "input", "textarea", "select", "option"].includes(t)),
        text: section.textContent,
        width: box.width,
        cardWidth: card.width,
        height: box.height,
        overflow: section.scrollWidth - section.clientWidth,
        left: box.left - card.left,
        right: card.right - box.right,
      };
    }),
  );
  const by = Object.fromEntries(report.map((r) => [r.key, r]));
  // The engine reduces a name to its words (markup characters dropped); what
  // is left is text, and braces in a name are never filled in.
  assert.match(by["alex-hart-6e7f80"].label, /Alex\b.*\bHart/, by["alex-hart-6e7f80"].label);
  assert.match(by["kai-brandt-1a2b3c"].label, /Kai\b.*\bBrandt/);
  assert.doesNotMatch(by["kai-brandt-1a2b3c"].text, /Kai Kai|Brandt Brandt/, "braces in a name are not filled");
  for (const r of report) {
    assert.deepEqual(r.foreign, [], `${r.key}: no element came from page text`);
    assert.ok(r.width <= r.cardWidth + 0.5, `${r.key}: panel ${r.width}px within its card ${r.cardWidth}px`);
    assert.ok(r.left >= -0.5 && r.right >= -0.5, `${r.key}: panel inside its card (${r.left}, ${r.right})`);
    assert.ok(r.height <= 1500, `${r.key}: panel height ${r.height}px`);
    assert.ok(r.overflow <= 1, `${r.key}: nothing sticks out sideways (${r.overflow}px)`);
  }
  const replies = Object.fromEntries(seen.map((p) => [p.key, p.suggestions]));
  for (const card of hostile.spec.cards) {
    const first = replies[card.key]?.[0];
    if (first) assert.ok(first.includes(card.first_name), `${card.key}: greets ${card.first_name}: ${first.slice(0, 60)}`);
    if (first) assert.doesNotMatch(first, /[{}<>\u200B\u200D\uFEFF\u202E]/u, `${card.key}: no braces, tags or invisible controls in the reply`);
  }

  // Hostile text typed by the person stays text too: in an editor and a note.
  const alex = panelPart(page, "alex-hart-6e7f80");
  await alex.locator("[data-kindly=edit]").first().click();
  await page.keyboard.press("Control+A");
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>{first_name}`;
  await page.keyboard.type(payload);
  assert.equal(await alex.locator("[data-kindly=text]").first().textContent(), payload);
  await alex.locator("[data-kindly=more]").click();
  await panelPart(page, "alex-hart-6e7f80").locator("[data-kindly=note]").waitFor();
  // Typed as a person types (the panel ignores what a script sets), then
  // Tab commits it with a real change event.
  await panelPart(page, "alex-hart-6e7f80").locator("[data-kindly=note]").focus();
  await page.keyboard.type(payload);
  await page.keyboard.press("Tab");
  await storedWhen((all) => JSON.parse(all["kindly.person.alex-hart-6e7f80"] || "{}").note === payload, "the hostile note");
  await page.reload();
  await panels(page, hostile.spec.cards.length);
  assert.equal(await panelPart(page, "alex-hart-6e7f80").locator("[data-kindly=note]").inputValue(), payload);
  const foreignAfter = await inPanels(page, (panels) => panels.reduce((n, p) => n + p.querySelectorAll("img, script, b, a, svg, style").length, 0));
  assert.equal(foreignAfter, 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no page or user text ran as script");
  await panelPart(page, "pat-long-0d1e2f").screenshot({ path: join(SHOTS, "panel-hostile-long-note.png") });
  await assertClean(null, browser, page, assert);
});

test("non-person invitations get a compact panel with advice and no reply text", async () => {
  const nonPerson = loadFixture("non-person");
  const page = await start(nonPerson, nonPerson.spec.cards.length);
  const seen = await panels(page, nonPerson.spec.cards.length);
  const parts = await inPanels(page, (panels) =>
    panels.map((panel) => ({
      kind: panel.dataset.kind,
      suggestions: panel.querySelectorAll("[data-kindly=suggestion]").length,
      editors: panel.querySelectorAll("textarea").length,
      relationship: panel.querySelectorAll("[data-kindly=relationship]").length,
      height: panel.getRootNode().host.getBoundingClientRect().height,
    })),
  );
  parts.forEach((p, i) => {
    const card = nonPerson.spec.cards[i];
    assert.equal(p.kind, card.kind);
    assert.ok(seen[i].action && seen[i].actionText, `${card.kind}: an action`);
    assert.ok(seen[i].reasons.length > 0, `${card.kind}: reasons`);
    assert.equal(p.suggestions, 0, `${card.kind}: no reply`);
    assert.equal(p.editors, 0, `${card.kind}: no reply text to edit`);
    assert.equal(p.relationship, 0, `${card.kind}: no person chooser`);
    assert.ok(p.height < 200, `${card.kind}: compact (${p.height}px)`);
  });
  await assertClean(null, browser, page, assert);
});

test("a scam invitation explains LinkedIn's 'I don't know this person' before anything else", async () => {
  const page = await start(scam);
  const key = "sam-seller-9f9f9f";
  const order = await inPanels(page, (panels, key) => {
    const root = panels.find((p) => p.dataset.key === key);
    const body = root.querySelector("#kindly-body");
    return {
      action: root.dataset.action,
      first: body.firstElementChild?.getAttribute("data-kindly"),
      text: root.querySelector("[data-kindly=dont-know]")?.textContent ?? "",
      role: root.querySelector("[data-kindly=dont-know]")?.getAttribute("role"),
    };
  }, key);
  assert.equal(order.first, "dont-know", "the explanation opens the body");
  assert.match(order.text, /I don.t know this person/);
  assert.ok(["ignore", "decline"].includes(order.action), `scam advice: ${order.action}`);
  assert.ok(await panelPart(page, key).locator("[data-kindly=dont-know]").isVisible());
  // An ordinary card does not get it.
  assert.equal(await panelPart(page, ANA).locator("[data-kindly=dont-know]").count(), 0);
  await assertClean(null, browser, page, assert);
});

test("light and dark follow the page; screenshots at 100% and 200% zoom", async () => {
  let page = await start();
  const host = panelPart(page, RILEY);
  const isDark = () => inPanels(page, (panels, key) => panels.find((p) => p.dataset.key === key).classList.contains("dark"), RILEY);
  const background = (page) => inPanels(page, (panels, key) => getComputedStyle(panels.find((p) => p.dataset.key === key)).backgroundColor, RILEY);
  assert.equal(await isDark(), false, "light page: light panel");
  await host.screenshot({ path: join(SHOTS, "panel-light.png") });
  const lightBg = await background(page);

  page = await browser.open(dark);
  await panels(page, CARDS.length);
  const darkHost = panelPart(page, RILEY);
  assert.equal(await isDark(), true, "dark page: dark panel");
  const darkBg = await background(page);
  assert.notEqual(darkBg, lightBg);
  await darkHost.screenshot({ path: join(SHOTS, "panel-dark.png") });
  await panelPart(page, ANA).screenshot({ path: join(SHOTS, "panel-dark-ana.png") });

  // The panel in its card, as the person sees it.
  page = await browser.open(main);
  await panels(page, CARDS.length);
  await inPanels(page, (panels, key) => panels.find((p) => p.dataset.key === key).getRootNode().host.scrollIntoView({ block: "end" }), ANA);
  await page.screenshot({ path: join(SHOTS, "panel-in-page.png") });

  // 200% zoom of a 1100 px window lays the page out 550 CSS pixels wide:
  // the panel still fits its card and nothing sticks out.
  await page.setViewportSize({ width: 550, height: 900 });
  await page.waitForTimeout(200);
  const zoomed = panelPart(page, RILEY);
  const fit = await inPanels(page, (panels, key) => {
    const section = panels.find((p) => p.dataset.key === key);
    const h = section.getRootNode().host;
    h.scrollIntoView({ block: "start" });
    return {
      overflow: section.scrollWidth - section.clientWidth,
      width: h.getBoundingClientRect().width,
      card: h.parentElement.getBoundingClientRect().width,
    };
  }, RILEY);
  assert.ok(fit.overflow <= 1, `nothing sticks out at 200% (${fit.overflow}px)`);
  assert.ok(fit.width <= fit.card + 0.5, `panel within its card at 200% (${fit.width} vs ${fit.card})`);
  await page.screenshot({ path: join(SHOTS, "panel-zoom-200.png") });
  await zoomed.screenshot({ path: join(SHOTS, "panel-zoom-200-panel.png") });
  await page.setViewportSize({ width: 1100, height: 900 });
  await assertClean(null, browser, page, assert);
});

test("a dark canvas painted on <html> or a wrapper, with the body left transparent, still gives dark panels", async () => {
  // Only the body's background was looked at: transparent, it read as light.
  for (const [where, css] of [
    ["html", "html{background:#1b1f23!important}"],
    ["a wrapper", "#workspace,.b8nm6e{background:#1b1f23!important}"],
  ]) {
    const page = await browser.open(
      mainStyled(`inline-dark-${where}`, `${css}body{background:transparent!important;color:#e8eaed!important}.r5jh2c,.fmbk01{background:#1d2226!important}`),
    );
    try {
      await panels(page, CARDS.length);
      const dark = await inPanels(page, (panels, key) => panels.find((p) => p.dataset.key === key).classList.contains("dark"), RILEY);
      assert.equal(dark, true, `dark canvas on ${where}: dark panel`);
      await assertClean(null, browser, page, assert);
    } finally {
      await page.close();
    }
  }
});

test("a long page: every card gets its marker at once, panels are drawn as cards come into view", async () => {
  const many = loadFixture("many-500");
  const page = await browser.open(many);
  try {
    await waitForPanels(page, (marks) => marks.length >= 500, { timeout: 30_000 });
    // Give the viewport observer time to report, then count what was drawn.
    await page.waitForTimeout(500);
    const state = () =>
      inPanels(page, (panels) => ({
        hosts: panels.length,
        marked: panels.filter((p) => p.dataset.key && p.dataset.kind && p.dataset.action).length,
        drawn: panels.filter((p) => p.hasAttribute("data-drawn")).length,
        firstDrawn: panels[0]?.hasAttribute("data-drawn") ?? false,
        lastDrawn: panels.at(-1)?.hasAttribute("data-drawn") ?? true,
        undrawnWithContent: panels.filter((p) => !p.hasAttribute("data-drawn") && p.firstChild).length,
        hostsWithAttributes: panels.filter((p) => p.getRootNode().host.attributes.length > 0).length,
        // An undrawn host is out of the layout (not even a flex item taking a gap).
        undrawnInLayout: panels.filter((p) => !p.hasAttribute("data-drawn") && getComputedStyle(p.getRootNode().host).display !== "none").length,
      }));
    const before = await state();
    assert.equal(before.marked, 500, "every card's marker carries key, kind and action");
    assert.ok(before.firstDrawn, "the first card, in view, has its panel");
    assert.ok(!before.lastDrawn, "the last card, far below, has none yet");
    assert.ok(before.drawn > 0 && before.drawn < 60, `only cards near the view are drawn (${before.drawn})`);
    assert.equal(before.undrawnWithContent, 0, "a marker has no panel inside");
    assert.equal(before.hostsWithAttributes, 0, "no host carries an attribute");
    assert.equal(before.undrawnInLayout, 0, "undrawn hosts take no part in the layout");
    // Scroll to the last card with a note (a Reply to answer with), as a
    // person would: its panel appears with a reply.
    const index = many.spec.cards.findLastIndex((c) => c.has_note);
    await inPanels(page, (panels, i) => panels[i].getRootNode().host.parentElement.scrollIntoView(), index);
    const reply = await waitInPanels(
      page,
      (panels, i) => {
        const last = panels[i];
        return last.hasAttribute("data-drawn") && last.querySelector("[data-kindly=suggestion] [data-kindly=text]")?.textContent;
      },
      index,
    );
    const last = many.spec.cards[index];
    assert.ok(reply.includes(last.first_name), `the last card's reply greets ${last.first_name}: ${reply}`);
    await assertClean(null, browser, page, assert);
  } finally {
    await page.close();
  }
});

test("where the list scrolls inside main (as on LinkedIn), panels are ready a screen ahead of what main shows", async () => {
  // An observer of the viewport is clipped by `main`, whatever its margin:
  // it would draw a panel only once its card is visible, pushing the list
  // down under the person's eyes.
  const many = loadFixture("many-500");
  const page = await browser.open(many);
  // Until no panel has been drawn for a while (a scroll draws in slices).
  const settle = async () => {
    const count = async () => (await panelMarks(page)).filter((m) => m.drawn).length;
    let seen = -1;
    for (let i = 0, now = await count(); i < 50 && seen !== now; i++, now = await count()) {
      seen = now;
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  try {
    await waitForPanels(page, (marks) => marks.length >= 500, { timeout: 30_000 });
    await settle();
    // Scroll `main` well down the list, as a person would.
    const shown = await inPanels(page, (panels) => {
      const main = document.querySelector("main");
      const card = panels[40].getRootNode().host.parentElement;
      main.scrollTop += card.getBoundingClientRect().top - main.getBoundingClientRect().top;
      return getComputedStyle(main).overflowY;
    });
    assert.equal(shown, "auto", "the fixture's list scrolls inside main");
    await settle();
    const missing = await inPanels(page, (panels) => {
      const view = document.querySelector("main").getBoundingClientRect();
      // Visible, or within half a screen below or above.
      const near = (r) => r.bottom > view.top - view.height / 2 && r.top < view.bottom + view.height / 2;
      return panels
        .map((panel, index) => ({ index, drawn: panel.hasAttribute("data-drawn"), rect: panel.getRootNode().host.parentElement.getBoundingClientRect() }))
        .filter((c) => near(c.rect) && !c.drawn)
        .map((c) => `card ${c.index} at ${Math.round(c.rect.top - view.top)} px from main's top (main shows ${Math.round(view.height)} px)`);
    });
    assert.deepEqual(missing, [], "every card within half a screen of what main shows has its panel");
    await assertClean(null, browser, page, assert);
  } finally {
    await page.close();
  }
});

/** Scrolls the last card into view, as a person would, and waits for its panel to be drawn. */
async function lastPanelDrawnOnScroll(page) {
  await inPanels(page, (panels) => panels.at(-1).getRootNode().host.parentElement.scrollIntoView());
  await waitInPanels(page, (panels) => panels.at(-1).hasAttribute("data-drawn"));
}

/** The generated pages' layout with `main` left to grow with the list (it keeps overflow: auto; the window scrolls). */
const UNBOUNDED_MAIN =
  "html,body,#workspace>div,#workspace>div>div,#workspace section,main{height:auto!important}#workspace{position:static!important;padding-top:52px}";

test("where main says overflow: auto but grows with the list (the window scrolls), only cards near the window are drawn", async () => {
  // Such a box never scrolls; as the observer's root it would report every
  // card near and every panel of a long page would be drawn at once.
  const page = await browser.open(styled(loadFixture("many-500"), "many-500-window-scrolls", UNBOUNDED_MAIN));
  try {
    await waitForPanels(page, (marks) => marks.length >= 500, { timeout: 30_000 });
    await page.waitForTimeout(800);
    const state = await inPanels(page, (panels) => {
      const main = document.querySelector("main");
      return {
        overflow: getComputedStyle(main).overflowY,
        windowScrolls: document.scrollingElement.scrollHeight > innerHeight * 10,
        drawn: panels.filter((p) => p.hasAttribute("data-drawn")).length,
        firstDrawn: panels[0].hasAttribute("data-drawn"),
      };
    });
    assert.equal(state.overflow, "auto", "main still says overflow: auto");
    assert.ok(state.windowScrolls, "the window scrolls the list");
    assert.ok(state.firstDrawn, "the first card, in view, has its panel");
    assert.ok(state.drawn < 60, `only cards near the window are drawn (${state.drawn} of 500)`);
    // Scrolling the window reaches the last card's panel.
    await lastPanelDrawnOnScroll(page);
    await assertClean(null, browser, page, assert);
  } finally {
    await page.close();
  }
});

test("a box that was short when chosen and grows taller than the window hands its cards to the window's observer", async () => {
  // Two cards fit the window, so `main` (overflow: auto, unbounded) passes
  // for the list's scroller; then it grows with the list and the window
  // scrolls. Left as the root, it would report every appended card near.
  const page2 = generate(2, 200);
  const page = await browser.open(styled({ spec: JSON.parse(page2.json), html: page2.html }, "generated-2-grows", UNBOUNDED_MAIN));
  try {
    await waitForPanels(page, (marks) => marks.filter((m) => m.drawn).length >= 2, { timeout: 10_000 });
    await page.evaluate(() => window.fixture.step("append10"));
    await waitForPanels(page, (marks) => marks.length >= 202, { timeout: 30_000 });
    await page.waitForTimeout(800);
    const state = await inPanels(page, (panels) => ({
      windowScrolls: document.scrollingElement.scrollHeight > innerHeight * 5,
      drawn: panels.filter((p) => p.hasAttribute("data-drawn")).length,
    }));
    assert.ok(state.windowScrolls, "the window scrolls the list");
    assert.ok(state.drawn < 40, `only cards near the window are drawn (${state.drawn} of 202)`);
    await lastPanelDrawnOnScroll(page);
    await assertClean(null, browser, page, assert);
  } finally {
    await page.close();
  }
});

test("a card laid out as a flex row that does not wrap gets its panel on a row of its own, below the card", async () => {
  // Inside such a row the panel could only sit squeezed beside the avatar,
  // text and buttons; it goes into the wrapper around the card instead.
  const page = await browser.open(mainStyled("inline-one-line-rows", "[role=listitem]{flex-wrap:nowrap!important}"));
  try {
    assertOnePanelPerCard(await panels(page, CARDS.length));
    const misplaced = await inPanels(page, (panels) =>
      panels.flatMap((panel) => {
        const host = panel.getRootNode().host;
        const row = host.parentElement.closest("[role=listitem]") || host.parentElement.querySelector("[role=listitem]");
        const h = host.getBoundingClientRect();
        const r = row.getBoundingClientRect();
        const ok = h.top >= r.bottom - 1 && h.width >= r.width * 0.8;
        return ok ? [] : [`${panel.dataset.key}: panel at ${Math.round(h.left)},${Math.round(h.top)} ${Math.round(h.width)} wide; row ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.bottom)} ${Math.round(r.width)} wide`];
      }),
    );
    assert.deepEqual(misplaced, [], "every panel below its card's row, about as wide");
    await page.screenshot({ path: join(SHOTS, "panel-one-line-rows.png") });
    await assertClean(null, browser, page, assert);
  } finally {
    await page.close();
  }
});

test("a card drawn with display: contents still gets its panel", async () => {
  // Such a card has no box, so it never intersects the viewport.
  const page = await browser.open(mainStyled("inline-boxless", "[role=listitem]{display:contents!important}"));
  try {
    await waitForPanels(page, (marks) => marks.filter((m) => m.drawn).length >= CARDS.length);
    const seen = await panels(page, CARDS.length);
    assertOnePanelPerCard(seen);
    assert.ok(seen.every((p) => p.drawn), "every panel drawn");
    await assertClean(null, browser, page, assert);
  } finally {
    await page.close();
  }
});

test("on a right-to-left page the panel keeps its own language and direction", async () => {
  // An Arabic or Hebrew LinkedIn: without its own `dir`, the English panel
  // inherits right-to-left and shows "8000 / 204" and ".They wrote a note".
  const rtl = {
    name: "inline-rtl",
    spec: main.spec,
    html: main.html.replace('<html lang="en">', '<html lang="ar" dir="rtl">'),
  };
  assert.notEqual(rtl.html, main.html, "the page is right to left");
  const page = await browser.open(rtl);
  try {
    await panels(page, CARDS.length);
    const seen = await inPanels(page, (panels, key) => {
      const section = panels.find((p) => p.dataset.key === key);
      const host = section.getRootNode().host;
      const action = section.querySelector("[data-kindly=action]");
      return {
        lang: section.getAttribute("lang"),
        page: getComputedStyle(host).direction,
        action: getComputedStyle(action).direction,
      };
    }, RILEY);
    assert.equal(seen.page, "rtl", "the card itself is right to left");
    assert.equal(seen.lang, "en", "the panel says which language it speaks");
    assert.equal(seen.action, "ltr", "the panel's English reads left to right");
    // What the person writes takes its own direction, whatever the panel's.
    const written = await inPanels(page, (panels, key) => {
      const editor = panels.find((p) => p.dataset.key === key).querySelector("[data-kindly=editor]");
      const direction = (text) => {
        editor.value = text;
        return getComputedStyle(editor).direction;
      };
      return { hebrew: direction("שלום, תודה על ההזמנה"), english: direction("Hi Riley, thank you") };
    }, RILEY);
    assert.deepEqual(written, { hebrew: "rtl", english: "ltr" }, "a reply's direction follows its text");
    await assertClean(null, browser, page, assert);
  } finally {
    await page.close();
  }
});

test("a page that hunts for Kindly finds nothing naming it or the invitation, and cannot drive it", async () => {
  // What LinkedIn's own scripts could do once Kindly has drawn: look for it
  // by selector, attribute, text and shadowRoot, read the private note and
  // the verdict, and drive it with synthetic clicks, input/change events and
  // keydowns. All of it runs in the page's main world.
  const SECRET = "Secret-note-4242 met at the Lisbon meetup";
  browser.reset();
  await clearStorage();
  await withStorage(
    (args) => chrome.storage.local.set({ [`kindly.person.${args.key}`]: JSON.stringify({ name: "Riley Park", note: args.note, relationship: "friend", bucket: "accept_later" }) }),
    { key: RILEY, note: SECRET },
  );
  const page = await browser.open(main);
  const seen = await panels(page, CARDS.length);
  assert.equal(seen.length, CARDS.length);
  assert.equal(await panelPart(page, RILEY).locator("[data-kindly=note]").inputValue(), SECRET, "the note is in Kindly's panel");
  await page.evaluate(() => navigator.clipboard.writeText("before"));
  const storedBefore = await readAll();

  const found = await page.evaluate(async ({ secret, verdicts }) => {
    const findings = [];
    const all = () => [...document.querySelectorAll("*")];
    // Selectors and attributes naming Kindly or the invitation.
    for (const selector of ["[data-kindly]", "[data-kindly-panel]", "[data-kindly-key]", "[data-kindly-action]", "[class*=kindly i]", "[id*=kindly i]", "[data-key]", "[data-action]", "[data-drawn]"]) {
      const n = document.querySelectorAll(selector).length;
      if (n) findings.push(`${n} × ${selector}`);
    }
    for (const el of all()) {
      for (const { name, value } of el.attributes) {
        if (/kindly/i.test(name) || /kindly/i.test(value) || value.includes(secret)) findings.push(`attribute ${name}="${value.slice(0, 40)}" on <${el.localName}>`);
      }
      // Every shadow root the page can open (its own open ones) and what it says.
      const root = el.shadowRoot;
      if (root && (/kindly/i.test(root.innerHTML) || root.textContent.includes(secret))) findings.push(`an open shadow root on <${el.localName}> shows Kindly`);
    }
    // Text anywhere the page can read.
    const text = document.documentElement.outerHTML + document.body.innerText;
    if (text.includes(secret)) findings.push("the private note is in the page's DOM or text");
    if (/kindly/i.test(document.body.innerText)) findings.push("the word Kindly is in the page's visible text");
    for (const verdict of verdicts) if (document.body.innerText.includes(verdict)) findings.push(`the verdict "${verdict}" is in the page's text`);
    // Hosts: elements the page did not make look like nothing in particular.
    const bare = all().filter((e) => e.attributes.length === 0 && !e.firstChild && e.localName === "div");
    for (const host of bare) if (host.shadowRoot) findings.push("a bare host exposes its shadow root");

    // Drive it: synthetic events on every element and on the document (links
    // kept from navigating away, as a page could).
    document.addEventListener("click", (e) => e.preventDefault(), true);
    const fire = (target, event) => {
      try {
        target.dispatchEvent(event);
      } catch {}
    };
    // (Not inside links or forms: the page would navigate itself away.)
    for (const el of all().filter((e) => !e.closest("a, form, head"))) {
      fire(el, new MouseEvent("click", { bubbles: true, composed: true }));
      fire(el, new Event("input", { bubbles: true, composed: true }));
      fire(el, new Event("change", { bubbles: true, composed: true }));
    }
    for (const code of ["KeyJ", "KeyK", "KeyC"]) {
      const key = { bubbles: true, composed: true, altKey: true, shiftKey: true, code, key: code.slice(3) };
      fire(document, new KeyboardEvent("keydown", key));
      fire(window, new KeyboardEvent("keydown", key));
      for (const host of bare) fire(host, new KeyboardEvent("keydown", key));
    }
    await new Promise((r) => setTimeout(r, 500));
    const clip = await navigator.clipboard.readText().catch(() => "unreadable");
    if (clip !== "before") findings.push(`the clipboard changed: ${clip.slice(0, 40)}`);
    if (bare.includes(document.activeElement)) findings.push("a synthetic key moved focus into a panel");
    return findings;
  }, { secret: SECRET, verdicts: seen.map((p) => p.actionText) });
  assert.deepEqual(found, [], "what the page found of Kindly");

  // Nothing the page did reached Kindly's storage, nor changed the panels.
  await page.waitForTimeout(300);
  assert.deepEqual(await readAll(), storedBefore, "storage unchanged");
  const after = await readPanels(page);
  assert.deepEqual(after.map((p) => [p.key, p.action, p.suggestions]), seen.map((p) => [p.key, p.action, p.suggestions]), "panels unchanged");
  assert.equal(await panelPart(page, RILEY).locator("[data-kindly=note]").inputValue(), SECRET, "the note unchanged in the panel");
  await assertClean(null, browser, page, assert);
});
