// The engine's entry (content.js). In Chromium, LinkedIn's CSP forbids compiling
// WebAssembly in a content script (and a failed attempt is reported to
// LinkedIn), so there the Rust module runs as JavaScript translated from the
// same WASM by wasm2js; Firefox's build runs the WASM itself
// (content-wasm.js). build.sh points `kindly-module` at one or the other.
// esbuild bundles this into one classic script: no web_accessible_resources,
// nothing the page could probe.
//
// The engine is declared in the manifest for the invitation manager's URLs
// only, and injected by the background worker when a tab arrives there by
// in-app navigation (see loader.js); which exact pages get panels is still
// decided in Rust (route.rs), as the person moves around in-app. A second
// injection into the same page (back and forth in-app) finds it running.
import * as glue from "kindly-pkg/kindly_web_bg.js";
import { instantiate } from "kindly-module";

// In the content script's own world, which the page cannot see.
if (!globalThis.__kindlyEngine) {
  globalThis.__kindlyEngine = true;
  // Storage first: its answer is a trip to the browser process, made while
  // the module is instantiated (Kindly shows nothing before it answers).
  let stored;
  try {
    // Not the people (read by key for the cards on the page): the keys of
    // kindly-core's store::START_KEYS.
    stored = chrome.storage.local.get(["kindly.meta", "kindly.profile", "kindly.settings", "kindly.templates", "kindly"]);
  } catch (error) {
    stored = Promise.reject(error);
  }
  glue.__wbg_set_wasm(instantiate());
  glue.start_content(stored);
}
