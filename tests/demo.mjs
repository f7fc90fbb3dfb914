// `./build.sh demo`: the bundled sample invitations page with Kindly loaded.
// Saves dist/demo.png (the panels), dist/demo-popup.png (the popup) and
// dist/demo-side.png (Kindly beside the page: the page and the side panel). With
// a display it opens a real window and stays open until you close it.
// With `--listing DIR` it also writes the store listing there (listing.mjs).
import { FIXTURES, fixtureNames, inPanels, launch, loadFixture, panels, panelPart, waitInPanels } from "./e2e/harness.mjs";
import { writeListing } from "./listing.mjs";
import { existsSync } from "node:fs";
import { join } from "node:path";

const headed = !!process.env.DISPLAY && !process.env.CI;
const fixtureName = process.argv[2] && !process.argv[2].startsWith("-") ? process.argv[2] : "e2b-received-en";
if (!existsSync(join(FIXTURES, `${fixtureName}.html`))) {
  const names = fixtureNames();
  console.error(`demo: no sample page "${fixtureName}" in tests/fixtures/; one of: ${names.join(", ")}`);
  process.exit(2);
}
const listingFlag = process.argv.indexOf("--listing");
const listingDir = listingFlag > 0 ? process.argv[listingFlag + 1] : null;
if (listingFlag > 0 && !listingDir) {
  console.error("demo: --listing needs the folder to write the listing into");
  process.exit(2);
}
const fixture = loadFixture(fixtureName);
const browser = await launch({ headless: !headed });
const { DIST } = await import("./e2e/harness.mjs");

/** A plain avatar: the fixtures' images are empty (`data:,`, nothing is loaded from outside), which browsers draw as broken. */
const AVATAR = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72"><rect width="72" height="72" fill="#d0d8de"/><circle cx="36" cy="28" r="13" fill="#8a9aa6"/><path d="M12 70c2-15 12-23 24-23s22 8 24 23z" fill="#8a9aa6"/></svg>',
)}`;

/**
 * Answers the first run in the popup's welcome form, as a new user would
 * (a name, a field, the default policy): the pictures show Kindly set up,
 * not its first-run questions.
 */
async function answerFirstRun() {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForSelector("#welcome-save");
  await popup.fill("#welcome-name", "Jordan Lee");
  await popup.fill("#welcome-field", "software, data");
  await popup.click("#welcome-save");
  await popup.waitForFunction(() => document.getElementById("welcome").hidden);
  await popup.close();
}

/**
 * The strip in LinkedIn's "Add a note" dialog (a profile's connect flow),
 * where the person said where they met: saved as `path`, the dialog only.
 */
async function noteStrip(path) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1100 });
  await browser.open(loadFixture("note-dialog/ember-step2-en"), { page });
  await waitInPanels(page, (all) => all.some((p) => p.dataset.kind === "note"), undefined, { timeout: 8000 });
  await inPanels(page, (all) => all.find((p) => p.dataset.kind === "note").querySelector("[data-kindly=met-at]").focus());
  await page.keyboard.type("RustConf");
  await page.waitForTimeout(300);
  const dialog = await page.locator('[role="dialog"]').boundingBox();
  await page.screenshot({ path, clip: dialog });
  await page.close();
}

/**
 * Kindly beside the page: the fixture page (nothing of Kindly's in it) and
 * the side panel listing its invitations, side by side in one picture, as
 * the browser shows them. The side panel's page is opened in a tab of its
 * own for the tab (headless Chromium cannot open the real side panel).
 */
async function showKindly(where) {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForSelector("#kindly-popup[data-ready=true]");
  await popup.evaluate(async (where) => {
    const settings = JSON.parse((await chrome.storage.local.get("kindly.settings"))["kindly.settings"] || "{}");
    await chrome.storage.local.set({ "kindly.settings": JSON.stringify({ ...settings, show_kindly: where }) });
  }, where);
  await popup.close();
}

async function besideThePage(path) {
  await showKindly("beside_page");
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 980, height: 900 });
  await browser.open(fixture, { page });
  await page.evaluate(async (avatar) => {
    const empty = [...document.querySelectorAll('img[src="data:,"]')];
    for (const img of empty) img.src = avatar;
    await Promise.all(empty.map((img) => img.decode().catch(() => {})));
  }, AVATAR);
  const side = await browser.context.newPage();
  await side.setViewportSize({ width: 420, height: 900 });
  await side.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const tab = await side.evaluate(async () => Math.max(...(await chrome.tabs.query({ url: "https://www.linkedin.com/*" })).map((t) => t.id)));
  await side.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tab}`);
  await side.waitForFunction((n) => document.querySelectorAll("#kindly-side-list > li").length === n, fixture.spec.cards.length, { timeout: 10000 });
  await side.waitForTimeout(300);
  const shots = [await page.screenshot(), await side.screenshot()].map((png) => `data:image/png;base64,${png.toString("base64")}`);
  const both = await browser.context.newPage();
  await both.setViewportSize({ width: 980 + 6 + 420, height: 900 });
  await both.setContent(
    `<body style="margin:0;display:flex;gap:6px;background:#8a9aa6">${shots.map((src) => `<img src="${src}">`).join("")}</body>`,
  );
  await both.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await both.screenshot({ path });
  for (const done of [both, side, page]) await done.close();
  await showKindly("in_page");
}

try {
  await answerFirstRun();
  const page = await browser.context.newPage();
  // Tall enough to show several cards: LinkedIn scrolls inside <main>.
  await page.setViewportSize({ width: 1100, height: 1500 });
  await browser.open(fixture, { page });
  const seen = await panels(page, fixture.spec.cards.length);
  await page.evaluate(async (avatar) => {
    const empty = [...document.querySelectorAll('img[src="data:,"]')];
    for (const img of empty) img.src = avatar;
    await Promise.all(empty.map((img) => img.decode().catch(() => {})));
  }, AVATAR);
  // Open "Why?" on the first panel so the picture shows the reasons too.
  if (seen.length > 0) {
    await panelPart(page, seen[0].key).locator("details[data-kindly=why] summary").first().click();
  }
  await page.evaluate(() => document.querySelector("main")?.scrollTo(0, 0));
  await page.screenshot({ path: join(DIST, "demo.png"), fullPage: true });
  await page.evaluate(() => {
    const main = document.querySelector("main");
    if (main) main.scrollTop = 0;
  });
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForTimeout(600);
  await popup.screenshot({ path: join(DIST, "demo-popup.png") });
  await noteStrip(join(DIST, "demo-note.png"));
  console.log(`demo: ${seen.length} panels on ${fixture.spec.url}`);
  console.log(`demo: saved ${join(DIST, "demo.png")}, ${join(DIST, "demo-popup.png")} and ${join(DIST, "demo-note.png")}`);
  if (listingDir) {
    const pictures = await writeListing(browser, page, listingDir);
    console.log(`demo: wrote the store listing into ${listingDir} (${pictures.length} pictures, texts, privacy.txt)`);
  }
  await besideThePage(join(DIST, "demo-side.png"));
  console.log(`demo: saved ${join(DIST, "demo-side.png")} (Kindly beside the page)`);
  if (headed) {
    await page.bringToFront();
    console.log("demo: close the browser window to finish");
    await new Promise((resolve) => browser.context.on("close", resolve));
  }
} finally {
  await browser.close().catch(() => {});
}
