// The store listing, made by the demo (`node demo.mjs --listing DIR`, which
// `./build.sh release` runs) so that it never shows an older Kindly:
// screenshots at the stores' 1280×800 of the panel, the popup and the
// review, a 440×280 promo tile, the name and short and long descriptions in
// every language of extension/_locales, and the privacy disclosure from the
// README. Fails on text the stores would refuse (too long, missing).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST } from "./e2e/harness.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LOCALES = join(ROOT, "extension/_locales");
const SHOT = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
// The Chrome Web Store's limits: name 75 characters, short description 132
// (the manifest's description); long description 16,000.
const LIMITS = { ext_name: 75, ext_description: 132, listing_long: 16000 };

/** Every message of `lang`, from all its files (listing.json included). */
export function messages(lang) {
  const all = {};
  for (const file of readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith(".json")).sort()) {
    const part = JSON.parse(readFileSync(join(LOCALES, lang, file), "utf8"));
    for (const [key, value] of Object.entries(part)) all[key] = value.message;
  }
  return all;
}

/** The README's "What the stores are told" text, after its first paragraph (which says what it is), as plain text. */
export function privacyDisclosure() {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.match(/^### What the stores are told\n([\s\S]*?)(?=^#)/m);
  if (!section) throw new Error('listing: README.md has no "### What the stores are told" section');
  const paragraphs = section[1].trim().split(/\n\s*\n/).slice(1);
  return paragraphs.map((p) => p.replace(/\s*\n\s*/g, " ").replace(/`/g, "")).join("\n\n") + "\n";
}

/** Width and height of a PNG file, from its header. */
function pngSize(file) {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function dataUrl(file) {
  return `data:image/png;base64,${readFileSync(file).toString("base64")}`;
}

/**
 * A picture of `size` made of HTML (the listing's own compositions: the
 * popup on a backdrop, the promo tile). `context` is a browser context.
 */
async function compose(context, size, html, out) {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>
    html, body { margin: 0; width: ${size.width}px; height: ${size.height}px; overflow: hidden; }
    body { font-family: system-ui, "DejaVu Sans", sans-serif; background: linear-gradient(135deg, #efecfb, #ffffff 70%); color: #1d2226; }
    .pane { display: flex; align-items: center; gap: 64px; height: 100%; padding: 0 72px; box-sizing: border-box; }
    .pane h1 { font-size: 44px; line-height: 1.15; margin: 0 0 18px; color: #5b4bb7; }
    .pane p { font-size: 26px; line-height: 1.4; margin: 0; max-width: 520px; }
    .pane img { box-shadow: 0 12px 40px rgba(29, 34, 38, .25); border-radius: 10px; border: 1px solid #d9e0e6; max-height: 700px; }
    .tile { display: flex; flex-direction: column; justify-content: center; align-items: center; height: 100%; background: #5b4bb7; color: #fff; text-align: center; gap: 10px; }
    .tile img { width: 96px; height: 96px; image-rendering: pixelated; border-radius: 18px; background: #fff; padding: 8px; }
    .tile h1 { font-size: 40px; margin: 0; }
    .tile p { font-size: 19px; margin: 0 24px; opacity: .95; }
  </style><body>${html}</body>`);
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  await page.screenshot({ path: out });
  await page.close();
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/**
 * Writes the listing into `out`. `browser` is the demo's (harness.launch),
 * `page` its LinkedIn page with every panel drawn, so the history the review
 * shows is there.
 */
export async function writeListing(browser, page, out) {
  mkdirSync(out, { recursive: true });
  const en = messages("en");
  const written = [];

  // 1. The panels, as a person sees them on the invitations page.
  await page.setViewportSize(SHOT);
  await page.evaluate(() => document.querySelector("main")?.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const panelShot = join(out, "screenshot-1-panel.png");
  await page.screenshot({ path: panelShot });
  written.push(panelShot);

  // 2 and 3. The popup's templates and its review, each beside a caption.
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 680 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForFunction(() => document.querySelector("#kindly-popup")?.getAttribute("aria-busy") === "false", null, { timeout: 10000 });
  const raw = join(out, ".popup.png");
  const shots = [
    ["templates", "screenshot-2-popup.png", en.listing_caption_popup],
    ["review", "screenshot-3-review.png", en.listing_caption_review],
  ];
  for (const [tab, name, caption] of shots) {
    await popup.click(`#tab-${tab}`);
    await popup.waitForSelector(`#panel-${tab}:not([hidden])`);
    if (tab === "review") await popup.waitForSelector("#panel-review li.card");
    await popup.mouse.move(2, 670); // no hover highlight on the tab just clicked
    await popup.waitForTimeout(200);
    await popup.screenshot({ path: raw });
    const file = join(out, name);
    await compose(
      browser.context,
      SHOT,
      `<div class="pane"><div><h1>${escapeHtml(en.ext_name)}</h1><p>${escapeHtml(caption)}</p></div><img src="${dataUrl(raw)}" alt=""></div>`,
      file,
    );
    written.push(file);
  }
  await popup.close();
  rmSync(raw);

  // 4. The promo tile.
  const tile = join(out, "promo-tile-440x280.png");
  await compose(
    browser.context,
    TILE,
    `<div class="tile"><img src="${dataUrl(join(DIST, "icons/128.png"))}" alt=""><h1>Kindly</h1><p>${escapeHtml(en.listing_tagline)}</p></div>`,
    tile,
  );
  written.push(tile);
  for (const file of written) {
    const want = file === tile ? TILE : SHOT;
    const got = pngSize(file);
    if (got.width !== want.width || got.height !== want.height) {
      throw new Error(`listing: ${file} is ${got.width}×${got.height}, not ${want.width}×${want.height}`);
    }
  }

  // 5. The words, in every language there is.
  const problems = [];
  for (const lang of readdirSync(LOCALES).sort()) {
    const m = messages(lang);
    if (!existsSync(join(LOCALES, lang, "listing.json"))) {
      console.warn(`listing: no extension/_locales/${lang}/listing.json: ${lang} gets its name and short description only`);
    }
    mkdirSync(join(out, lang), { recursive: true });
    for (const [key, file] of [["ext_name", "name.txt"], ["ext_description", "short-description.txt"], ["listing_long", "long-description.txt"]]) {
      const text = m[key];
      if (text === undefined) continue;
      if ([...text].length > LIMITS[key]) problems.push(`${lang} ${key}: ${[...text].length} characters, the store takes ${LIMITS[key]}`);
      writeFileSync(join(out, lang, file), `${text}\n`);
    }
  }
  if (!existsSync(join(out, "en", "long-description.txt"))) problems.push("no English long description (extension/_locales/en/listing.json)");

  // 6. The privacy disclosure, which must name every permission the package asks for.
  const privacy = privacyDisclosure();
  const manifest = JSON.parse(readFileSync(join(DIST, "manifest.json"), "utf8"));
  const asked = [...(manifest.permissions || []), ...(manifest.host_permissions || []), ...(manifest.content_scripts || []).flatMap((c) => c.matches)];
  for (const p of new Set(asked)) if (!privacy.includes(p)) problems.push(`the privacy disclosure (README) does not name the permission ${p}`);
  writeFileSync(join(out, "privacy.txt"), privacy);
  if (problems.length) throw new Error(`listing:\n  ${problems.join("\n  ")}`);
  return written;
}
