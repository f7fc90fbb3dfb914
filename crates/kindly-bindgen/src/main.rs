//! `kindly-bindgen IN.wasm OUT_DIR`: the wasm-bindgen CLI step, as a library
//! call. Depending on `wasm-bindgen-cli-support` with the same `=` pin as the
//! `wasm-bindgen` crate means Cargo.lock keeps both at one version and no
//! `cargo install` is needed (its `--locked` fails on this registry mirror).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(out_dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: kindly-bindgen IN.wasm OUT_DIR");
        return ExitCode::from(2);
    };
    // The bundler target gives an ES module glue (`*_bg.js`) with
    // `__wbg_set_wasm`, so the same glue can drive either the real WASM
    // (popup) or its wasm2js translation (content script).
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    let result = bindgen
        .input_path(input)
        .bundler(true)
        .and_then(|b| b.typescript(false).generate(out_dir));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kindly-bindgen: {err:#}");
            ExitCode::FAILURE
        }
    }
}
