// The loader: the only Kindly code on LinkedIn pages other than the
// invitation manager. LinkedIn navigates in-app, so a person often reaches
// the invitation manager from the feed without a page load; the engine
// (content.js) is declared in the manifest only for the invitation
// manager's URLs, and on such an in-app arrival this loader asks the
// background worker to inject it into this tab. It reads nothing, stores
// nothing and adds nothing to the page; it sends one message, once.
const ENGINE_UNDER = "/mynetwork/invitation-manager";

const here = () => location.pathname.startsWith(ENGINE_UNDER);

// Loaded on the invitation manager itself: the manifest injected the engine.
if (!here()) {
  const stops = [];
  const check = () => {
    if (!here()) return;
    for (const stop of stops) stop();
    stops.length = 0;
    try {
      chrome.runtime.sendMessage({ kindly: "engine" }).catch(() => {});
    } catch {
      // The extension was reloaded or removed: this page keeps the old loader.
    }
  };
  const on = (target, type) => {
    target.addEventListener(type, check);
    stops.push(() => target.removeEventListener(type, check));
  };
  // The Navigation API reports pushState navigations, popstate the back
  // button; where the Navigation API is missing, a MutationObserver notices
  // the page's re-render (it only reads `location.pathname`).
  on(window, "popstate");
  if (window.navigation) {
    on(window.navigation, "currententrychange");
  } else {
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
    stops.push(() => observer.disconnect());
  }
}
