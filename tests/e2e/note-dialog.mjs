// What every "Add a note" dialog fixture (tests/fixtures/note-dialog/) must
// show, in any browser: on the note step, one Kindly strip right under
// LinkedIn's note box with notes for the person, a count against the right
// limit, the politeness check reacting to what is typed, and "Use" filling
// the box without clicking anything of LinkedIn's; on any other dialog, no
// strip at all. Only `page.evaluate`, `page.mouse`, `page.keyboard` and the
// harness's `inPanels` are used, so a Playwright page (Chromium) and a
// Puppeteer page (Firefox) both play it.
import { inPanels, waitInPanels } from "./harness.mjs";

/** The account's limit on a fresh store (a free account). */
const ACCOUNT_LIMIT = 200;

/** Whether the fixture's dialog is the note step, where the strip belongs. */
export const wantsStrip = (spec) => spec.dialog?.step === "writing" && !spec.dialog.quota_used_up;

/** The strip's state, read in the harness's world (LinkedIn's box is the host's previous sibling). */
const readStrip = (page) =>
  inPanels(page, (panels) => {
    const strips = panels.filter((p) => p.dataset.kind === "note");
    const strip = strips[0];
    if (!strip) return { strips: 0 };
    const box = strip.getRootNode().host.previousElementSibling;
    return {
      strips: strips.length,
      others: panels.length - strips.length,
      underBox: !!box && box.matches("textarea, [contenteditable], [role=textbox]"),
      value: box ? (box.value ?? box.innerText) : null,
      count: strip.querySelector("[data-kindly=count]")?.textContent,
      over: strip.querySelector("[data-kindly=count]")?.hasAttribute("data-over"),
      notes: [...strip.querySelectorAll("[data-kindly=note-text]")].map((n) => n.textContent),
      hints: [...strip.querySelectorAll("[data-kindly-hint]")].map((h) => h.dataset.kindlyHint),
    };
  });

/** Centre of the strip's part `selector` (its `index`th), in page coordinates. */
const centreOf = (page, selector, index = 0) =>
  inPanels(
    page,
    (panels, selector, index) => {
      const strip = panels.find((p) => p.dataset.kind === "note");
      const part = strip?.querySelectorAll(selector)[index];
      if (!part) return null;
      part.scrollIntoView({ block: "center" });
      const r = part.getBoundingClientRect();
      let [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      // In a frame: its place in the page too.
      for (let w = part.ownerDocument.defaultView; w.frameElement; w = w.parent) {
        const f = w.frameElement.getBoundingClientRect();
        x += f.left + w.frameElement.clientLeft;
        y += f.top + w.frameElement.clientTop;
      }
      return { x, y };
    },
    selector,
    index,
  );

/** Puts the caret in LinkedIn's box with its text selected (what typing then replaces). */
const selectBox = (page) =>
  inPanels(page, (panels) => {
    const box = panels.find((p) => p.dataset.kind === "note")?.getRootNode().host.previousElementSibling;
    box?.focus();
    box?.select?.();
    return !!box;
  });

/** Plays one dialog fixture in `page`; `open(url)` loads the fixture's HTML at `url`. */
export async function playNoteDialog({ assert, page, open, fixture }) {
  const { name, spec } = fixture;
  await open(spec.url);
  if (!wantsStrip(spec)) {
    await new Promise((r) => setTimeout(r, 800));
    const seen = await readStrip(page);
    assert.equal(seen.strips, 0, `${name}: no strip outside the note step`);
    return;
  }
  const limit = spec.dialog.limit ?? ACCOUNT_LIMIT;
  let seen = await waitInPanels(page, (panels) => panels.some((p) => p.dataset.kind === "note"), undefined, { timeout: 8000 })
    .then(() => readStrip(page));
  assert.equal(seen.strips, 1, `${name}: one strip`);
  assert.equal(seen.others, 0, `${name}: no invitation panel off the invitations page`);
  assert.ok(seen.underBox, `${name}: the strip sits right under LinkedIn's note box`);
  assert.equal(seen.count, `0/${limit}`, `${name}: the count is against the dialog's limit (or the account's)`);
  assert.ok(seen.notes.length > 0, `${name}: notes offered`);
  // A dialog that names nobody, on the invitee's profile: the profile's
  // heading names them; elsewhere the notes greet without a name.
  const greeted = spec.dialog.first_name ?? spec.page_first_name;
  if (greeted) {
    assert.ok(seen.notes.some((n) => n.includes(greeted)), `${name}: a note greets ${greeted}`);
  } else {
    assert.ok(seen.notes.every((n) => !/ ,|\{|\}/.test(n)), `${name}: notes greet naturally without a name: ${seen.notes}`);
  }

  // "Use" fills the box as typing would; nothing of LinkedIn's is clicked.
  const use = await centreOf(page, "[data-kindly=use]");
  await page.mouse.click(use.x, use.y);
  const chosen = seen.notes[0];
  for (let i = 0; i < 40 && (seen = await readStrip(page)).value !== chosen; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(seen.value, chosen, `${name}: "Use" put the note in LinkedIn's box`);
  assert.equal(seen.count, `${[...chosen].length}/${limit}`, `${name}: the count follows the box`);
  assert.deepEqual(await page.evaluate(() => window.__pageClicks || []), [], `${name}: no click reached LinkedIn's Send`);

  // The politeness check reacts to what the person types.
  assert.ok(await selectBox(page), `${name}: the box takes focus`);
  await page.keyboard.type("PLEASE ACCEPT MY INVITATION RIGHT NOW");
  for (let i = 0; i < 40 && !(seen = await readStrip(page)).hints.includes("shouting"); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(seen.hints.includes("shouting"), `${name}: the check says it reads as shouting (${seen.hints})`);
  assert.equal(seen.count, `37/${limit}`, `${name}: the count follows typing`);
  assert.deepEqual(await page.evaluate(() => window.__pageClicks || []), [], `${name}: still no click on LinkedIn's controls`);
}
