// The situation table (crates/kindly-core/tests/situations.rs), played in
// the browser: for each language, pages built from the table's cards, with
// the table's profile and history in storage, in a browser whose own
// language is the same. Every panel's action and first reply must be what
// the table says; the panel's words (action, reasons, how long it waited,
// where a reply goes) are the UI language's, never English in a German
// browser; and nothing is clicked on the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, readPanels, assertClean, withStorage, waitForPanels, FIXTURES, DIST } from "./harness.mjs";

const TABLE = JSON.parse(readFileSync(join(FIXTURES, "situations", "table.json"), "utf8"));
const URL = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
const messages = (lang) => JSON.parse(readFileSync(join(DIST, "_locales", lang, "messages.json"), "utf8"));

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One card in LinkedIn's current markup (E2b): name, lines, controls, note and Reply. */
function cardHtml(card) {
  const [acceptWord, ignoreWord] = card.buttons;
  const controls = `<div class="acts"><div><button type="button" aria-label="${esc(card.ignore)}"><span>${esc(ignoreWord)}</span></button></div><div><button type="button" aria-label="${esc(card.accept)}"><span>${esc(acceptWord)}</span></button></div></div>`;
  let body;
  let link;
  if (card.kind === "person") {
    link = `/in/${card.key}/`;
    body = `<p><a href="${link}"><strong>${esc(card.name)}</strong></a></p>${card.lines.map((l) => `<p>${esc(l)}</p>`).join("")}`;
  } else {
    link = card.target ? card.target.path : card.inviter.path;
    let line = esc(card.line).replace(esc(card.inviter.name), `<a href="${card.inviter.path}"><strong>${esc(card.inviter.name)}</strong></a>`);
    if (card.target) line = line.replace(esc(card.target.text), `<a href="${card.target.path}"><strong>${esc(card.target.text)}</strong></a>`);
    body = `<p>${line}</p><p>${esc(card.time)}</p>`;
  }
  const note = card.note
    ? `<div class="note"><p><span data-testid="expandable-text-box">${esc(card.note)}</span></p>${card.reply ? `<div><button type="button">${esc(card.reply)}</button></div>` : ""}</div>`
    : "";
  return `<hr role="presentation"><div componentkey="${card.componentkey}"><div role="listitem" class="card"><div class="pic"><a href="${link}" tabindex="-1"><img alt="" src="data:,"></a></div><div class="text">${body}</div>${controls}${note}</div></div>`;
}

/** A received-invitations page holding `cards`, with LinkedIn's compose box (Send). */
function pageHtml(lang, cards) {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Manage invitations | LinkedIn</title>
<style>body{font:14px system-ui;margin:0} main{height:100vh;overflow-y:auto} .card{display:flex;flex-wrap:wrap;gap:8px;padding:12px 24px} .text{flex:1} .note{flex-basis:100%} .acts{display:flex;gap:8px}</style></head>
<body><main><div><p>Manage invitations</p><div data-testid="lazy-column">${cards.map(cardHtml).join("")}</div></div></main>
<aside class="compose"><form><textarea aria-label="Write a message"></textarea><button type="submit">Send</button></form></aside></body></html>`;
}

/** Stored data for a group: its profile, and people relative to today. */
function storedFor(group) {
  const today = Math.floor(Date.now() / 86400000);
  const items = {
    "kindly.meta": JSON.stringify({ schema: 4 }),
    "kindly.profile": JSON.stringify(group.profile),
  };
  for (const [key, p] of Object.entries(group.people)) {
    const person = { ...p };
    if (p.days_ago !== undefined) {
      const day = today - p.days_ago;
      Object.assign(person, { first_seen: day, last_seen: day, invitations: [day] });
      delete person.days_ago;
    }
    items[`kindly.person.${key}`] = JSON.stringify(person);
  }
  return items;
}

for (const lang of Object.keys(TABLE.languages)) {
  test(`the situation table in ${lang}: every panel acts as the table says, in ${lang}`, async () => {
    const browser = await launch({ uiLanguage: lang });
    const m = messages(lang);
    const english = messages("en");
    const failures = [];
    try {
      const groups = TABLE.languages[lang];
      for (const [g, group] of groups.entries()) {
        browser.reset();
        await withStorage(browser, async (items) => {
          await chrome.storage.local.clear();
          await chrome.storage.local.set(items);
        }, storedFor(group));
        const page = await browser.context.newPage();
        try {
          await browser.open({ html: pageHtml(lang, group.cards), spec: { url: URL } }, { page });
          await waitForPanels(page, (marks) => marks.length >= group.cards.length, { timeout: 15000 });
          const seen = await readPanels(page);
          assert.equal(seen.length, group.cards.length, `${lang} group ${g}: one panel per card`);
          group.cards.forEach((card, i) => {
            const panel = seen[i];
            const where = `[${lang}] ${card.case}`;
            if (panel.key !== card.key) failures.push(`${where}: panel for ${panel.key}`);
            if (!card.actions.includes(panel.action)) failures.push(`${where}: ${panel.action}, want ${card.actions} (${card.why}); reasons: ${panel.reasons.join(" | ")}`);
            const first = panel.templates[0] ?? null;
            if (card.first.length === 0 ? first !== null : !card.first.includes(first)) {
              failures.push(`${where}: first reply ${first}, want ${card.first.join(" or ") || "none"}`);
            }
            if (panel.actionText !== m[`action_${panel.action}`].message) failures.push(`${where}: action reads “${panel.actionText}”`);
            if (lang !== "en") {
              const englishReason = panel.reasons.find((r) => Object.entries(english).some(([k, v]) => k.startsWith("reason_") && v.message === r && m[k].message !== r));
              if (englishReason) failures.push(`${where}: a reason in English: ${englishReason}`);
            }
            if (panel.reasons.some((r) => r.includes("(s)"))) failures.push(`${where}: “(s)” in ${panel.reasons}`);
            panel.delivery.forEach((d, j) => {
              const want = panel.action === "accept" ? "after_accept" : "on_card";
              if (d !== want) failures.push(`${where}: reply ${j} goes ${d} on ${panel.action}`);
            });
          });
          if (g === 0) await page.screenshot({ path: join(DIST, `situations-${lang}.png`) });
          const clicks = await page.evaluate(() => window.__pageClicks);
          assert.deepEqual(clicks, [], `${lang} group ${g}: Kindly clicked nothing on the page`);
          await assertClean(null, browser, page, assert);
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
    assert.ok(failures.length === 0, `\n${failures.join("\n")}`);
  });
}
