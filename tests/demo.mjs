// `./build.sh demo`: the bundled sample invitations page with Kindly loaded.
// Saves dist/demo.png (the panels) and dist/demo-popup.png (the popup). With
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
  if (headed) {
    await page.bringToFront();
    console.log("demo: close the browser window to finish");
    await new Promise((resolve) => browser.context.on("close", resolve));
  }
} finally {
  await browser.close().catch(() => {});
}
