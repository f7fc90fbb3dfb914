// The content script's module in Firefox: the real WASM. Firefox compiles
// WebAssembly in a content script under the extension's rules, not the
// page's CSP (checked: no violation, no report), so Kindly runs there faster
// than as wasm2js. The bytes are bundled into content.js as base64 text
// (esbuild's base64 loader): no web_accessible_resources, nothing the page
// could probe, and a string costs next to nothing on the LinkedIn pages where
// Kindly never starts; it is decoded only in `instantiate()`. Same interface
// as the wasm2js module.
import base64 from "kindly-pkg/kindly_web_bg.wasm";
import * as glue from "kindly-pkg/kindly_web_bg.js";

function decode(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function instantiate() {
  const module = new WebAssembly.Module(decode(base64));
  return new WebAssembly.Instance(module, { "./kindly_web_bg.js": glue }).exports;
}
