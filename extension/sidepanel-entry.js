// The side panel's loader (sidepanel.html, Chromium's side panel and
// Firefox's sidebar). Extension pages allow 'wasm-unsafe-eval', so it runs
// the real WASM, the popup's build (kindly-web's side_panel module).
//
// It talks to one tab's content script over a port (chrome.tabs.connect):
// the extension's own messaging, nothing through the page. The tab is the
// one named by `?tab=<id>` (how the tests open this page in a tab), else the
// active tab of this window, followed as the person switches tabs. A tab
// without Kindly's content script refuses the port; it is tried again when
// the tab loads or every few seconds while nothing answers.
import * as glue from "kindly-pkg/kindly_web_bg.js";

const url = chrome.runtime.getURL("kindly_web_bg.wasm");
const { instance } = await WebAssembly.instantiateStreaming(fetch(url), {
  "./kindly_web_bg.js": glue,
});
glue.__wbg_set_wasm(instance.exports);
await glue.start_side_panel();

const named = Number(new URLSearchParams(location.search).get("tab")) || null;
const RETRY_MS = 2000;
let port = null;
let tabId = null;
let retry = 0;

async function activeTab() {
  if (named) return named;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function drop() {
  if (!port) return;
  const old = port;
  port = null;
  old.disconnect();
  glue.side_panel_disconnected();
}

async function connect() {
  clearTimeout(retry);
  const id = await activeTab();
  if (port && id === tabId) return;
  drop();
  tabId = id;
  if (id === null) return;
  let opened;
  try {
    opened = chrome.tabs.connect(id, { name: "kindly-side" });
  } catch {
    retry = setTimeout(connect, RETRY_MS);
    return;
  }
  port = opened;
  opened.onMessage.addListener((message) => {
    if (typeof message === "string") glue.side_panel_receive(message);
  });
  opened.onDisconnect.addListener(() => {
    void chrome.runtime.lastError; // no content script there: expected
    if (port !== opened) return;
    port = null;
    glue.side_panel_disconnected();
    retry = setTimeout(connect, RETRY_MS);
  });
}

chrome.tabs.onActivated.addListener(() => named || connect());
chrome.tabs.onUpdated.addListener((id, change) => {
  if (id === tabId && change.status === "complete" && !port) connect();
});
connect();
