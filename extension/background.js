// Kindly's background worker (a service worker in Chromium, a background
// script in Firefox). Two jobs:
// - When a LinkedIn tab arrives at the invitation manager by in-app
//   navigation (the loader says so), inject the engine into that tab and
//   frame. It needs `scripting` and the host permission for
//   https://www.linkedin.com/* (the content scripts already ask for that
//   host, so the browser shows no new warning).
// - Open the store (backup, migration, repair, defaults, the company index:
//   kindly-web's `open_store`, the popup's WASM) on install and update, and
//   when the engine finds it not ready (kindly-core's store::read_start). So
//   the engine on LinkedIn carries none of that code. Extension workers may
//   compile WebAssembly ('wasm-unsafe-eval' in the manifest's CSP).
import * as glue from "kindly-pkg/kindly_web_bg.js";

let engine = null;
function loadEngine() {
  engine ??= WebAssembly.instantiateStreaming(fetch(chrome.runtime.getURL("kindly_web_bg.wasm")), {
    "./kindly_web_bg.js": glue,
  }).then(({ instance }) => {
    glue.__wbg_set_wasm(instance.exports);
    return glue;
  });
  return engine;
}

// One opening at a time: a tab's request during the install-time opening
// waits for it (and then finds nothing left to do).
let opening = Promise.resolve();
function openStore() {
  const run = opening.then(async () => (await loadEngine()).open_store());
  opening = run.catch(() => {});
  return run;
}

chrome.runtime.onInstalled.addListener(() => {
  openStore().catch((error) => console.warn("Kindly could not open its storage:", error?.message || error));
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return;
  if (message?.kindly === "store") {
    openStore().then(
      () => sendResponse({ opened: true }),
      (error) => sendResponse({ error: String(error?.message || error) }),
    );
    return true; // answered asynchronously
  }
  if (message?.kindly !== "engine" || !sender.tab) return;
  // Only LinkedIn's own pages (the loader runs nowhere else; checked again here).
  let host = "";
  try {
    const url = new URL(sender.url || sender.tab.url || "");
    host = url.protocol === "https:" ? url.host : "";
  } catch {}
  if (host !== "www.linkedin.com") return;
  chrome.scripting
    .executeScript({ target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] }, files: ["content.js"] })
    .catch((error) => console.warn("Kindly could not start on this tab:", error?.message || error));
});
