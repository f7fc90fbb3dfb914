// Benchmark browser: headless Chromium with ONE unpacked extension (Kindly's
// dist/ or the floor extension), pages served at LinkedIn's URL under the
// same strict CSP as the end-to-end tests, and a main-world probe that
// timestamps panels as they appear.
//
// The probe lives in the page's main world (content scripts run in an
// isolated world, but they share the DOM): at DOMContentLoaded it records
// performance.now() and starts a MutationObserver that counts the bare hosts
// added to cards (markers) and keeps the time of the first and the last one,
// and a ResizeObserver that notes when each host first takes room (its panel
// drawn and laid out: the cards near the viewport). The panels are closed
// shadow roots, so this is all the page can see, and all the probe uses. A `performance.mark("bench-dcl")` ties performance.now() to
// the trace clock, so the content script's own start (its EvaluateScript
// trace event) can be put on the same time line.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cspHeader, NONCE } from "../e2e/harness.mjs";

const CHROMIUM = process.env.KINDLY_CHROMIUM || "/usr/bin/chromium";
/** The median of the finite values in `xs` (NaN when there is none). */
export function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const withNonces = (html) => html.replace(/<(style|script)(?![^>]*\bnonce=)/gi, `<$1 nonce="${NONCE}"`);

/**
 * In the page's main world: what the page itself could see of the panels.
 * Kindly's hosts (and the floor's) are bare `<div>`s, with no attribute and
 * no child, added to the cards; they are counted as they appear (markers),
 * and a ResizeObserver notes when each first takes room (drawn: its panel
 * laid out, what a person sees). The probe names no extension.
 */
export function probe() {
  const b = (window.__bench = { dcl: null, count: 0, first: null, last: null, marks: [], drawn: 0, firstDrawn: null, lastDrawn: null });
  const bare = (n) => n.localName === "div" && n.attributes.length === 0 && !n.firstChild;
  const hostsIn = (n) => (n.nodeType === 1 ? [...(bare(n) ? [n] : []), ...[...n.querySelectorAll("div:empty")].filter(bare)] : []);
  document.addEventListener("DOMContentLoaded", () => {
    b.dcl = performance.now();
    performance.mark("bench-dcl");
    const sized = new ResizeObserver((entries) => {
      for (const entry of entries) {
        if (entry.contentRect.height <= 0) continue;
        sized.unobserve(entry.target);
        b.drawn++;
        b.lastDrawn = performance.now();
        b.firstDrawn ??= b.lastDrawn;
      }
    });
    new MutationObserver((records) => {
      let added = 0;
      for (const r of records) {
        for (const n of r.addedNodes) {
          for (const host of hostsIn(n)) {
            added++;
            sized.observe(host);
          }
        }
      }
      if (added) {
        b.count += added;
        b.last = performance.now();
        b.first ??= b.last;
        // Milestones for the step measures.
        b.marks.push([b.count, b.last]);
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export async function launchWith(extensionDir) {
  const dir = resolve(extensionDir);
  const userDataDir = mkdtempSync(join(tmpdir(), "kindly-bench-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ["--disable-extensions", "--disable-component-extensions-with-background-pages"],
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--enable-precise-memory-info",
    ],
    viewport: { width: 1100, height: 900 },
  });
  let current = null;
  const foreign = [];
  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.protocol === "chrome-extension:" || url.protocol === "data:") return route.continue();
    if (current && request.isNavigationRequest() && url.origin === "https://www.linkedin.com") {
      return route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        headers: { "content-security-policy": cspHeader() },
        body: withNonces(current),
      });
    }
    foreign.push(request.url());
    return route.fulfill({ status: 404, body: "" });
  });
  await context.addInitScript(probe);
  // The service-worker-less extension needs a moment to register its content script.
  const warm = await context.newPage();
  await warm.waitForTimeout(300);
  await warm.close();
  return {
    context,
    foreign,
    serve(html) {
      current = html;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Stores `n` remembered people in Kindly's storage, as the content script
 * writes them (seen over the last 150 days, 60 companies), through an
 * extension page of the loaded extension.
 */
export async function seedPeople(browser, n) {
  const probe = await browser.context.newPage();
  await probe.goto("chrome://extensions");
  const id = await probe.evaluate(async () => (await chrome.management.getAll())[0]?.id);
  await probe.close();
  if (!id) throw new Error("no extension loaded");
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.evaluate(async (n) => {
    const today = Math.floor(Date.now() / 86400000);
    const items = {};
    for (let i = 0; i < n; i++) {
      const day = today - (i % 150);
      items[`kindly.person.remembered-${i}`] = JSON.stringify({
        name: `Remembered Person${i}`,
        kind: "person",
        first_seen: day,
        last_seen: day,
        invitations: [day],
        last_action: "accept",
        headline: `Engineer at Company ${i % 60}`,
        age_when_seen: 2,
      });
    }
    await chrome.storage.local.set(items);
  }, n);
  // The popup, opened again, reads everyone and writes the company index
  // (as it does for a person whose history grew): start-up then reads it.
  await page.reload();
  await page.waitForFunction(async () => Object.keys(await chrome.storage.local.get(null)).some((k) => k.startsWith("kindly.company.")), null, { timeout: 20_000, polling: 200 });
  await page.close();
}

/** Starts a trace on `cdp`; returns a function that stops it and gives the events. */
export async function startTrace(cdp) {
  await cdp.send("Tracing.start", {
    transferMode: "ReturnAsStream",
    traceConfig: {
      recordMode: "recordAsMuchAsPossible",
      includedCategories: ["devtools.timeline", "blink.user_timing", "toplevel", "__metadata"],
      excludedCategories: ["*"],
    },
  });
  return async () => {
    const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.end");
    const { stream } = await done;
    let text = "";
    for (;;) {
      const chunk = await cdp.send("IO.read", { handle: stream, size: 1 << 20 });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, "base64").toString("utf8") : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send("IO.close", { handle: stream });
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : parsed.traceEvents;
  };
}

/**
 * Reads a trace: the content script's start (EvaluateScript of `scriptName`
 * in the page's renderer), the `bench-dcl` mark, and the main-thread tasks.
 * Times are returned in the page's performance.now() milliseconds.
 */
export function readTrace(events, { scriptName, dcl }) {
  const mark = events.find((e) => e.name === "bench-dcl" && (e.ph === "R" || e.ph === "I" || e.ph === "b" || e.ph === "n" || e.ph === "i"));
  if (!mark) return null;
  const pid = mark.pid;
  const toPage = (ts) => dcl + (ts - mark.ts) / 1000;
  const mainTids = new Set(
    events.filter((e) => e.pid === pid && e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => e.tid),
  );
  const evaluate = events.find(
    (e) => e.pid === pid && e.name === "EvaluateScript" && e.ph === "X" && String(e.args?.data?.url || "").endsWith(scriptName),
  );
  const tasks = events
    .filter((e) => e.pid === pid && mainTids.has(e.tid) && e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.dur)
    .map((e) => ({ start: toPage(e.ts), ms: e.dur / 1000 }));
  // Animation-frame callbacks with their thread time (CPU, not wall time:
  // steadier on a busy machine).
  const frames = events
    .filter((e) => e.pid === pid && mainTids.has(e.tid) && e.ph === "X" && e.name === "FireAnimationFrame" && e.tdur)
    .map((e) => ({ start: toPage(e.ts), cpuMs: e.tdur / 1000 }));
  return {
    scriptStart: evaluate ? toPage(evaluate.ts) : null,
    scriptEvalMs: evaluate ? evaluate.dur / 1000 : null,
    tasks,
    frames,
  };
}

/**
 * In the page: the step `append10` repeated `steps` times, each to its 10th
 * new panel and a pause (one step is a few milliseconds, so one sample per
 * page load was noise). Kindly handles a burst in the next animation frame:
 * its work is from that frame's start to the last panel.
 */
export async function appendSteps(steps) {
  const b = window.__bench;
  const samples = [];
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    const want = b.count + 10;
    let frameStart = null;
    const start = performance.now();
    window.fixture.step("append10");
    const tStep = performance.now();
    requestAnimationFrame(() => {
      frameStart = performance.now();
    });
    const end = performance.now() + 5000;
    while (b.count < want && performance.now() < end) await new Promise((r) => setTimeout(r, 2));
    samples.push({
      latency: b.last - start,
      work: frameStart != null && frameStart <= b.last ? b.last - frameStart : NaN,
      pageStep: tStep - start,
    });
    await new Promise((r) => setTimeout(r, 30));
  }
  return { t0, last: b.last, count: b.count, samples };
}
