// Content-script loader. LinkedIn's CSP forbids compiling WebAssembly in a
// content script (and a failed attempt is reported to LinkedIn), so here the
// Rust module runs as JavaScript translated from the same WASM by wasm2js.
// esbuild bundles this into one classic script: no web_accessible_resources,
// nothing the page could probe.
import * as glue from "kindly-pkg/kindly_web_bg.js";
import * as asm from "kindly-pkg/kindly_web_bg.wasm.js";

glue.__wbg_set_wasm(asm);
glue.start_content();
