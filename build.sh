#!/usr/bin/env bash
# Kindly's one entry point: set-up, build, test, demo, bench.
# Every step installs what it needs on a fresh machine, so a clean clone
# needs nothing but this script (plus Rust, Node and npm).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

# KINDLY_DIST / KINDLY_PKG let two builds of one checkout run side by side.
DIST="${KINDLY_DIST:-$ROOT/dist}"
PKG="${KINDLY_PKG:-$ROOT/target/kindly-pkg}"
TOOLS="$ROOT/tests/node_modules/.bin"
WASM_TARGET=wasm32-unknown-unknown
VERSION="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' manifest.json | head -n1)"

usage() {
  cat <<'EOF'
Usage: ./build.sh [command]

Commands:
  build    (default) set up the toolchain, build the extension into dist/
           (Chromium) and dist-firefox/ (Firefox: the content script runs the
           real WASM), each with a store zip
  test     fmt check, clippy -D warnings, cargo test, build, then the
           end-to-end tests in headless Chromium and Firefox (installs
           chromium and firefox-esr with apt-get when run as root and they
           are missing)
  demo [sample]
           build, open a bundled sample invitations page (default
           e2b-received-en; any name in tests/fixtures/) with the extension
           loaded (headless without a display) and save dist/demo.png and
           dist/demo-popup.png
  bench    build, run every benchmark and write BENCHMARKS.md
  help     show this help

Load dist/ in Chrome: chrome://extensions, Developer mode, Load unpacked.
EOF
}

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

ensure_rust() {
  command -v cargo >/dev/null || die "Rust is needed: install it from rustup (https://rustup.rs)."
  if command -v rustup >/dev/null; then
    local installed
    installed="$(rustup target list --installed 2>/dev/null || true)"
    grep -qx "$WASM_TARGET" <<<"$installed" || { say "adding Rust target $WASM_TARGET"; rustup target add "$WASM_TARGET"; }
    local components
    components="$(rustup component list --installed 2>/dev/null || true)"
    for c in rust-src rustfmt clippy; do
      grep -q "^$c" <<<"$components" || { say "adding Rust component $c"; rustup component add "$c"; }
    done
  fi
}

# esbuild, binaryen (wasm-opt, wasm2js), playwright-core and axe-core come
# from npm, pinned by tests/package-lock.json.
ensure_node_tools() {
  command -v npm >/dev/null || die "Node.js 18+ and npm are needed."
  local stamp="$ROOT/tests/node_modules/.kindly-lock"
  if [ ! -x "$TOOLS/esbuild" ] || [ ! -x "$TOOLS/wasm2js" ] || ! cmp -s "$ROOT/tests/package-lock.json" "$stamp"; then
    say "installing build and test tools from npm (tests/package-lock.json)"
    (cd "$ROOT/tests" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$ROOT/tests/package-lock.json" "$stamp"
  fi
}

ensure_chromium() {
  if [ -n "${KINDLY_CHROMIUM:-}" ] && [ -x "$KINDLY_CHROMIUM" ]; then return; fi
  for c in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$c" ]; then export KINDLY_CHROMIUM="$c"; return; fi
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Chromium (apt-get install chromium chromium-driver)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    export KINDLY_CHROMIUM=/usr/bin/chromium
    return
  fi
  die "Chromium is needed for the end-to-end tests: install it (Debian/Ubuntu: sudo apt-get install chromium chromium-driver) or set KINDLY_CHROMIUM=/path/to/chromium."
}

# Firefox plays the fixtures again (tests/e2e/firefox.test.mjs), with its
# own build (dist-firefox/), and in the benchmark.
ensure_firefox() {
  if [ -n "${KINDLY_FIREFOX:-}" ] && [ -x "$KINDLY_FIREFOX" ]; then return; fi
  for f in /usr/bin/firefox-esr /usr/bin/firefox; do
    if [ -x "$f" ]; then export KINDLY_FIREFOX="$f"; return; fi
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Firefox (apt-get install firefox-esr)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
    export KINDLY_FIREFOX=/usr/bin/firefox-esr
    return
  fi
  die "Firefox is needed for the end-to-end tests: install it (Debian/Ubuntu: sudo apt-get install firefox-esr) or set KINDLY_FIREFOX=/path/to/firefox."
}

# One release build of kindly-web for the MVP target; extra cargo flags
# (features) are passed through.
wasm_build() {
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C target-cpu=mvp -Zlocation-detail=none -Zfmt-debug=none" \
    cargo build -p kindly-web --release --target "$WASM_TARGET" \
      -Zbuild-std=panic_abort,std --quiet "$@"
}

build() {
  ensure_rust
  ensure_node_tools

  say "compiling kindly-web for the WebAssembly MVP (content script, then popup)"
  # wasm2js only understands MVP WebAssembly, and std must be rebuilt without
  # the newer features stable Rust now enables by default (RUSTC_BOOTSTRAP
  # lets stable use -Zbuild-std; rust-src provides std's source). For size:
  # panic locations and Debug formatting are left out (Kindly never shows
  # either to a person; panics still reach the console, without a location).
  # The content script is built without the popup's code (feature `popup`):
  # it is evaluated on LinkedIn's pages, where every kilobyte costs.
  # Each build keeps its file name: wasm-bindgen names the glue after it.
  local out="target/$WASM_TARGET/release/kindly_web.wasm" raw="$PKG-raw"
  rm -rf "$raw" && mkdir -p "$raw/content" "$raw/popup"
  wasm_build --no-default-features
  cp "$out" "$raw/content/"
  wasm_build
  cp "$out" "$raw/popup/"

  # The steps from here to the bundles take half a minute and depend only on
  # these inputs: when none changed, the last build's package is reused.
  local inputs
  inputs="$(cat "$raw/content/kindly_web.wasm" "$raw/popup/kindly_web.wasm" "$ROOT/build.sh" \
    Cargo.lock crates/kindly-bindgen/src/main.rs tests/package-lock.json | sha256sum)"
  if [ -f "$PKG/.inputs" ] && [ "$(cat "$PKG/.inputs")" = "$inputs" ]; then
    say "the WASM did not change: reusing the last package (bindings, wasm-opt, wasm2js)"
  else
    package_wasm "$raw"
    printf '%s' "$inputs" >"$PKG/.inputs"
  fi

  say "bundling the content script and the popup (esbuild)"
  rm -rf "$DIST" && mkdir -p "$DIST"
  bundle_content "$PKG/content/kindly_web_bg.wasm.js" "$DIST/content.js" --target=chrome111,firefox128
  "$TOOLS/esbuild" extension/popup-entry.js --bundle --format=esm --minify \
    --target=chrome111,firefox128 --legal-comments=none --log-level=warning \
    --alias:kindly-pkg="$PKG" --outfile="$DIST/popup.js"
  # The loader on every LinkedIn page, and the background worker that injects
  # the engine on in-app arrival: small, plain scripts.
  for script in loader background; do
    "$TOOLS/esbuild" "extension/$script.js" --bundle --format=iife --minify \
      --target=chrome111,firefox128 --legal-comments=none --log-level=warning --outfile="$DIST/$script.js"
  done
  cp "$PKG/kindly_web_bg.wasm" "$DIST/kindly_web_bg.wasm"
  cp manifest.json "$DIST/"
  cp -R extension/popup.html extension/popup.css extension/icons "$DIST/"
  merge_locales

  # Firefox: the same files, but a content script that runs the WASM itself
  # (extension/content-wasm.js), which Firefox allows under the page's CSP.
  local firefox="$DIST-firefox"
  rm -rf "$firefox" && cp -R "$DIST" "$firefox"
  bundle_content "$ROOT/extension/content-wasm.js" "$firefox/content.js" --target=firefox128 --loader:.wasm=base64
  firefox_manifest "$firefox/manifest.json"

  say "packing the store zips"
  pack_zip "$DIST" "kindly-$VERSION.zip"
  pack_zip "$firefox" "kindly-$VERSION-firefox.zip"
  say "built dist/ ($(du -k "$DIST/content.js" | cut -f1) KB engine, $(wc -c <"$DIST/loader.js") bytes loader, $(du -k "$DIST/kindly_web_bg.wasm" | cut -f1) KB WASM) and dist-firefox/ ($(du -k "$firefox/content.js" | cut -f1) KB engine)"
}

# The content script: the loader (extension/content-entry.js) with the
# module $1 (wasm2js, or the WASM's loader for Firefox) bundled into one
# classic script $2; further esbuild flags follow.
bundle_content() {
  local module="$1" out="$2"
  shift 2
  "$TOOLS/esbuild" extension/content-entry.js --bundle --format=iife --minify \
    --legal-comments=none --log-level=warning \
    --alias:kindly-pkg="$PKG/content" --alias:kindly-module="$module" --outfile="$out" "$@"
}

# Firefox runs extension background code as background scripts, not a
# service worker: the one manifest's `background.service_worker` becomes
# `background.scripts` in the Firefox package, and Chrome's
# `minimum_chrome_version` goes.
firefox_manifest() {
  python3 - "$1" <<'PY'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)
worker = manifest.get("background", {}).pop("service_worker", None)
if worker:
    manifest["background"]["scripts"] = [worker]
manifest.pop("minimum_chrome_version", None)
with open(path, "w", encoding="utf-8") as f:
    json.dump(manifest, f, ensure_ascii=False, indent=2)
PY
}

# Zips the folder $1 into $1/$2, for a store.
pack_zip() {
  (cd "$1" && python3 - "$2" <<'PY'
import os, sys, zipfile
out = sys.argv[1]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for base, _, files in os.walk("."):
        for f in sorted(files):
            p = os.path.join(base, f)[2:]
            if p != out and not p.endswith(".zip"):
                z.write(p)
PY
  )
}

# wasm-bindgen's glue, wasm-opt, wasm2js and the patches, from the raw
# builds in $1 into $PKG.
package_wasm() {
  local raw="$1"
  rm -rf "$PKG" && mkdir -p "$PKG/content"
  say "generating JS bindings (wasm-bindgen $(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml))"
  # RUSTC_BOOTSTRAP as for the WASM builds: cargo keys host artifacts on it,
  # and flipping it rebuilt the shared proc-macros and this tool every time.
  RUSTC_BOOTSTRAP=1 cargo run -p kindly-bindgen --release --quiet -- "$raw/popup/kindly_web.wasm" "$PKG"
  RUSTC_BOOTSTRAP=1 cargo run -p kindly-bindgen --release --quiet -- "$raw/content/kindly_web.wasm" "$PKG/content"

  say "optimising the WASM (wasm-opt -Oz) and translating the content script's to JS (wasm2js)"
  "$TOOLS/wasm-opt" -Oz "$PKG/kindly_web_bg.wasm" -o "$PKG/kindly_web_bg.wasm"
  "$TOOLS/wasm-opt" -Oz "$PKG/content/kindly_web_bg.wasm" -o "$PKG/content/kindly_web_bg.wasm"
  "$TOOLS/wasm2js" -Oz "$PKG/content/kindly_web_bg.wasm" -o "$PKG/content/kindly_web_bg.wasm.js"
  patch_stale_memory_views "$PKG/kindly_web_bg.js"
  patch_stale_memory_views "$PKG/content/kindly_web_bg.js"
  defer_instantiation "$PKG/content/kindly_web_bg.wasm.js"
}

# UI strings live in several files per language (common, panel, popup) so
# that each part of the UI owns its words; Chrome wants one messages.json.
# A key defined twice, or a language missing a key English has, fails the build.
merge_locales() {
  python3 - extension/_locales "$DIST/_locales" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
merged = {}
for lang in sorted(os.listdir(src)):
    messages = {}
    for name in sorted(os.listdir(os.path.join(src, lang))):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(src, lang, name), encoding="utf-8") as f:
            part = json.load(f)
        for key in part:
            if key in messages:
                sys.exit(f"locale {lang}: key {key} defined twice ({name})")
        messages.update(part)
    merged[lang] = messages
    os.makedirs(os.path.join(out, lang), exist_ok=True)
    with open(os.path.join(out, lang, "messages.json"), "w", encoding="utf-8") as f:
        json.dump(messages, f, ensure_ascii=False, indent=1)
english = set(merged.get("en", {}))
for lang, messages in merged.items():
    missing = sorted(english - set(messages))
    if missing:
        sys.exit(f"locale {lang} lacks {len(missing)} keys English has, e.g. {missing[:5]}")
PY
}

# wasm2js grows memory by swapping in a new ArrayBuffer without detaching the
# old one, so wasm-bindgen's cached views would silently read stale memory
# (strings come back empty). Make every cache check compare buffers instead.
patch_stale_memory_views() {
  local glue="$1"
  python3 - "$glue" <<'PY'
import re, sys
path = sys.argv[1]
src = open(path).read()
# Every `if (cachedXMemory0 === null || <staleness test>) {` gets one test:
# is the view still over the module's current buffer? (`buffer.detached`
# is false for wasm2js's old buffer, so wasm-bindgen's own test misses it.)
pattern = re.compile(r"if \((cached(\w+)Memory0) === null \|\|[^{]*\) \{")
src, n = pattern.subn(lambda m: f"if ({m.group(1)} === null || {m.group(1)}.buffer !== wasm.memory.buffer) {{", src)
if n < 2 or "byteLength === 0" in src or ".detached" in src:
    sys.exit(f"patch_stale_memory_views: wasm-bindgen's memory-view cache checks changed ({n} patched); update build.sh")
open(path, "w").write(src)
PY
}

# wasm2js instantiates the module as its file is evaluated, and the content
# script is evaluated on every LinkedIn page. Export `instantiate()` instead,
# so the loader builds the module (memory, data, storage reads) only where
# Kindly may work.
defer_instantiation() {
  local module="$1"
  python3 - "$module" <<'PY'
import re, sys
path = sys.argv[1]
src = open(path).read()
start = "var retasmFunc = asmFunc({"
i = src.find(start)
j = src.find("});", i)
if i < 0 or j < 0 or src.count(start) != 1:
    sys.exit("defer_instantiation: wasm2js output changed shape (no single `var retasmFunc = asmFunc({`); update build.sh")
call = src[i + len("var retasmFunc = "):j + 2]
exports = re.findall(r"^export var (\w+) = retasmFunc\.\1;$", src, re.M)
if "start_content" not in exports:
    sys.exit("defer_instantiation: no `export var start_content` in the wasm2js output; update build.sh")
rest = re.sub(r"^export var \w+ = retasmFunc\.\w+;\n?", "", src[j + 3:], flags=re.M)
if "retasmFunc" in rest:
    sys.exit("defer_instantiation: retasmFunc is used beyond the exports; update build.sh")
src = src[:i] + "export function instantiate() {\n  return " + call + ";\n}\n" + rest
open(path, "w").write(src)
PY
}

# The demo's pictures; `test` takes them too (headless), so a broken demo
# fails the tests rather than the first person who tries it.
run_demo() {
  ensure_chromium
  say "demo: sample page with Kindly loaded"
  (cd "$ROOT/tests" && KINDLY_DIST="$DIST" node demo.mjs "$@")
}

run_e2e() {
  ensure_chromium
  ensure_firefox
  say "end-to-end tests in headless Chromium and Firefox"
  (cd "$ROOT/tests" && KINDLY_DIST="$DIST" node --test --test-concurrency=1 --test-reporter=spec e2e/)
}

cmd="${1:-build}"
shift || true # what follows the command is the command's own
case "$cmd" in
  build) build ;;
  test)
    ensure_rust
    say "cargo fmt --check"; cargo fmt --all -- --check
    say "cargo clippy -D warnings"; cargo clippy --all-targets --quiet -- -D warnings
    say "cargo test"; cargo test --quiet
    build
    run_e2e
    CI=1 run_demo
    ;;
  demo)
    build
    run_demo "$@"
    ;;
  bench)
    build
    ensure_chromium
    ensure_firefox
    (cd "$ROOT/tests" && KINDLY_DIST="$DIST" node bench/run.mjs)
    ;;
  help|-h|--help) usage ;;
  *) usage; exit 2 ;;
esac
