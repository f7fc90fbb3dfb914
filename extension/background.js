// Kindly's background worker (a service worker in Chromium, a background
// script in Firefox). Its one job: when a LinkedIn tab arrives at the
// invitation manager by in-app navigation (the loader says so), inject the
// engine into that tab and frame. It needs `scripting` and the host
// permission for https://www.linkedin.com/* (the content scripts already
// ask for that host, so the browser shows no new warning).
chrome.runtime.onMessage.addListener((message, sender) => {
  if (message?.kindly !== "engine" || sender.id !== chrome.runtime.id || !sender.tab) return;
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
