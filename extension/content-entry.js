// Content-script loader. In Chromium, LinkedIn's CSP forbids compiling
// WebAssembly in a content script (and a failed attempt is reported to
// LinkedIn), so there the Rust module runs as JavaScript translated from the
// same WASM by wasm2js; Firefox's build runs the WASM itself
// (content-wasm.js). build.sh points `kindly-module` at one or the other.
// esbuild bundles this into one classic script: no web_accessible_resources,
// nothing the page could probe.
//
// The script is injected on every LinkedIn page (LinkedIn navigates in-app),
// but Kindly only works on the invitation manager, under /mynetwork/. So the
// module is instantiated, and storage read, only once the path is there;
// which exact pages get panels is still decided in Rust (route.rs).
import * as glue from "kindly-pkg/kindly_web_bg.js";
import { instantiate } from "kindly-module";

const MAY_WORK_UNDER = "/mynetwork/";

let started = false;
const stops = [];

function startWhereKindlyMayWork() {
  if (started || !location.pathname.startsWith(MAY_WORK_UNDER)) return;
  started = true;
  for (const stop of stops) stop();
  // Storage first: its answer is a trip to the browser process, made while
  // the module is instantiated (Kindly shows nothing before it answers).
  let stored;
  try {
    stored = chrome.storage.local.get(null);
  } catch (error) {
    stored = Promise.reject(error);
  }
  glue.__wbg_set_wasm(instantiate());
  glue.start_content(stored);
}

startWhereKindlyMayWork();
if (!started) {
  // In-app navigations: the Navigation API reports pushState; popstate the
  // back button; where the Navigation API is missing, the page's re-render.
  const on = (target, type) => {
    target.addEventListener(type, startWhereKindlyMayWork);
    stops.push(() => target.removeEventListener(type, startWhereKindlyMayWork));
  };
  on(window, "popstate");
  if (window.navigation) {
    on(window.navigation, "currententrychange");
  } else {
    const observer = new MutationObserver(startWhereKindlyMayWork);
    observer.observe(document, { childList: true, subtree: true });
    stops.push(() => observer.disconnect());
  }
}
