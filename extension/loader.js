// The loader: the only Kindly code on LinkedIn pages other than the
// invitation manager. It brings in the engine (content.js) when Kindly has
// something to do, and only then:
// - LinkedIn navigates in-app, so a person often reaches the invitation
//   manager from the feed without a page load; the engine is declared in the
//   manifest only for the invitation manager's URLs, and on such an in-app
//   arrival this loader asks the background worker to inject it.
// - LinkedIn's "Add a note" dialog (the connect flow on profiles, search
//   results, suggestions) opens on any page: the engine draws its note strip
//   there. The check is cheap: a dialog root holding a multi-line text box,
//   or a lone textarea beside a "0/200" counter (markup without a dialog
//   role), looked for at most once per animation frame. Step one of that
//   dialog ("Add a note to your invitation?") has no box yet, and its "Send
//   without a note" sends: a dialog root offering to add a note brings the
//   engine too, so that invitation is remembered (the engine's own words,
//   kindly_core::dialog ADD_NOTE, in the four languages Kindly reads).
// It reads no text but a counter's, stores nothing and adds nothing to the
// page; it sends one message, once.
const ENGINE_UNDER = "/mynetwork/invitation-manager";
const BOX = "textarea,[contenteditable=true],[contenteditable=''],[contenteditable=plaintext-only],[role=textbox][aria-multiline=true]";
const ROOTS = ["[role=dialog]", "[role=alertdialog]", "dialog[open]", "[aria-modal=true]"];
const BOX_IN_DIALOG = ROOTS.flatMap((root) => BOX.split(",").map((box) => `${root} ${box}`)).join(",");
const COUNTER = /\b\d{1,4}\s*\/\s*(200|300)\b/;
const ADD_NOTE = /add a note|ajouter une note|notiz hinzuf|nachricht hinzuf|agregar una nota|añadir una nota/i;

const here = () => location.pathname.startsWith(ENGINE_UNDER);

// A note dialog (either step) in `scope` (a document or a shadow root).
function noteDialogIn(scope) {
  if (scope.querySelector(BOX_IN_DIALOG)) return true;
  for (const root of scope.querySelectorAll(ROOTS.join(","))) {
    if (ADD_NOTE.test(root.textContent)) return true;
  }
  // A counter sits beside its box: a few small ancestors, never a page's
  // big containers (their text would be costly to read).
  for (const box of scope.querySelectorAll("textarea")) {
    let region = box.parentElement;
    for (let up = 0; region && up < 3 && region !== scope.body && region.childElementCount <= 12; up++) {
      if (COUNTER.test(region.textContent)) return true;
      region = region.parentElement;
    }
  }
  return false;
}

// Loaded on the invitation manager itself: the manifest injected the engine.
if (!here()) {
  const stops = [];
  let asked = false;
  let frame = 0;
  const ask = () => {
    if (asked) return;
    asked = true;
    for (const stop of stops) stop();
    stops.length = 0;
    cancelAnimationFrame(frame);
    try {
      chrome.runtime.sendMessage({ kindly: "engine" }).catch(() => {});
    } catch {
      // The extension was reloaded or removed: this page keeps the old loader.
    }
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(check);
  };
  const observer = new MutationObserver(schedule);
  // Overlays mount near `body`, some in an open shadow root (whose changes
  // the document's observer does not see), some in a same-origin frame.
  const scopes = () => {
    const found = [document];
    for (const host of document.querySelectorAll("body > *, body > * > *")) {
      if (host.shadowRoot) found.push(host.shadowRoot);
    }
    for (const frameElement of document.querySelectorAll("iframe")) {
      try {
        if (frameElement.contentDocument) found.push(frameElement.contentDocument);
      } catch {}
    }
    return found;
  };
  function check() {
    frame = 0;
    if (asked) return;
    if (here()) return ask();
    for (const scope of scopes()) {
      if (noteDialogIn(scope)) return ask();
      if (scope !== document) observer.observe(scope, { childList: true, subtree: true });
    }
  }
  const on = (target, type, capture = false) => {
    target.addEventListener(type, schedule, capture);
    stops.push(() => target.removeEventListener(type, schedule, capture));
  };
  // The Navigation API reports pushState navigations, popstate the back
  // button; the observer notices the page's re-render and dialogs; a frame's
  // `load` (caught on its way down) its content.
  on(window, "popstate");
  on(document, "load", true);
  if (window.navigation) on(window.navigation, "currententrychange");
  observer.observe(document, { childList: true, subtree: true });
  stops.push(() => observer.disconnect());
  check();
}
