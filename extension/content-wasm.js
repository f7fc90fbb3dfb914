// The content script's module in Firefox: the real WASM. Firefox compiles
// WebAssembly in a content script under the extension's rules, not the
// page's CSP (checked: no violation, no report), so Kindly runs there several
// times faster than as wasm2js. The bytes are bundled into content.js
// (esbuild's binary loader): no web_accessible_resources, nothing the page
// could probe. Same interface as the wasm2js module: `instantiate()`.
import bytes from "kindly-pkg/kindly_web_bg.wasm";
import * as glue from "kindly-pkg/kindly_web_bg.js";

export function instantiate() {
  const module = new WebAssembly.Module(bytes);
  return new WebAssembly.Instance(module, { "./kindly_web_bg.js": glue }).exports;
}
