// Popup loader. Extension pages allow 'wasm-unsafe-eval', so the popup runs
// the real WASM: the same build the content script runs translated.
import * as glue from "kindly-pkg/kindly_web_bg.js";

const url = chrome.runtime.getURL("kindly_web_bg.wasm");
const { instance } = await WebAssembly.instantiateStreaming(fetch(url), {
  "./kindly_web_bg.js": glue,
});
glue.__wbg_set_wasm(instance.exports);
glue.start_popup();
