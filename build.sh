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
           loaded (headless without a display) and save dist/demo.png,
           dist/demo-popup.png and dist/demo-side.png (beside the page)
  release  from a clean checkout: build, check the packages as the stores
           do, and write dist/release/ (Chrome zip, Firefox zip, source zip
           with build instructions, SHA256SUMS, listing/); uploads nothing
  bench    build, run every benchmark and write BENCHMARKS.md (the last
           part fuzzes every target to 1M executions)
  bench-fuzz [executions]
           only that last part: its section of BENCHMARKS.md
  fuzz [seconds]
           run every cargo-fuzz target (crates/kindly-core/fuzz/) for
           that long each (default 60), print executions and crashes
  loops    fail if the modules of a crate import each other in a loop
           (each module uses only those below it); test runs it
  manifest chrome|firefox IN OUT
           write to OUT the manifest the browser understands, made from
           the manifest IN (build does this with manifest.json)
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

# esbuild, binaryen (wasm-opt, wasm2js), playwright-core, puppeteer-core,
# axe-core and web-ext come from npm, pinned by tests/package-lock.json.
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

# One release build of kindly-web for the MVP target into the target
# directory $1, with the extra rustc flags $2; further cargo flags (features)
# are passed through.
wasm_build() {
  local target_dir="$1" flags="$2"
  shift 2
  RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$target_dir" \
    RUSTFLAGS="-C target-cpu=mvp -Zlocation-detail=none -Zfmt-debug=none $flags" \
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
  # either to a person; the popup's panics still reach the console, without
  # a location).
  # The content script is built without the popup's code (feature `popup`):
  # it is evaluated on LinkedIn's pages, where every kilobyte costs.
  # Each build keeps its file name: wasm-bindgen names the glue after it.
  # The content build also panics without any panic machinery or message
  # (-Cpanic=immediate-abort: a panic is a trap, which the browser reports as
  # an error in the console), in a target directory of its own so the two
  # builds do not rebuild each other's std.
  local release="$WASM_TARGET/release/kindly_web.wasm" raw="$PKG-raw"
  rm -rf "$raw" && mkdir -p "$raw/content" "$raw/popup"
  wasm_build target/content "-Zunstable-options -Cpanic=immediate-abort" --no-default-features
  cp "target/content/$release" "$raw/content/"
  wasm_build target ""
  cp "target/$release" "$raw/popup/"

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

  say "bundling the content script, the popup and the side panel (esbuild)"
  rm -rf "$DIST" && mkdir -p "$DIST"
  bundle_content "$PKG/content/kindly_web_bg.wasm.js" "$DIST/content.js" --target=chrome111,firefox128
  # The popup and the side panel (Kindly beside the page) run the same
  # WASM, the popup's build, each with its own small loader.
  for page in popup sidepanel; do
    "$TOOLS/esbuild" "extension/$page-entry.js" --bundle --format=esm --minify \
      --target=chrome111,firefox128 --legal-comments=none --log-level=warning \
      --alias:kindly-pkg="$PKG" --outfile="$DIST/$page.js"
  done
  # The loader on every LinkedIn page (a small, plain script), and the
  # background worker that injects the engine on in-app arrival and opens the
  # store with the popup's WASM (its glue bundled in).
  for script in loader background; do
    "$TOOLS/esbuild" "extension/$script.js" --bundle --format=iife --minify \
      --target=chrome111,firefox128 --legal-comments=none --log-level=warning \
      --alias:kindly-pkg="$PKG" --outfile="$DIST/$script.js"
  done
  cp "$PKG/kindly_web_bg.wasm" "$DIST/kindly_web_bg.wasm"
  browser_manifest chrome manifest.json "$DIST/manifest.json"
  cp -R extension/popup.html extension/popup.css extension/sidepanel.html extension/sidepanel.css \
    extension/icons "$DIST/"
  merge_locales

  # Firefox: the same files, but a content script that runs the WASM itself
  # (extension/content-wasm.js), which Firefox allows under the page's CSP.
  local firefox="$DIST-firefox"
  rm -rf "$firefox" && cp -R "$DIST" "$firefox"
  browser_manifest firefox manifest.json "$firefox/manifest.json"
  bundle_content "$ROOT/extension/content-wasm.js" "$firefox/content.js" --target=firefox128 --loader:.wasm=base64

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

# Zips the folder $1 into $1/$2, for a store. The same files give the same
# bytes (sorted names, fixed dates and modes), so a rebuild can be compared
# with a published package.
pack_zip() {
  (cd "$1" && python3 - "$2" <<'PY'
import os, sys, zipfile
out = sys.argv[1]
names = []
for base, dirs, files in os.walk("."):
    dirs.sort()
    names += [os.path.join(base, f)[2:] for f in files]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for p in sorted(names):
        if p == out or p.endswith(".zip"):
            continue
        info = zipfile.ZipInfo(p, date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(p, "rb") as f:
            z.writestr(info, f.read(), compresslevel=9)
PY
  )
}

# Writes to $3 the manifest browser $1 (chrome | firefox) understands, from
# the one manifest $2 (written for Chromium, with Firefox's own keys beside):
# a key or permission only the other browser knows is left out (each would
# be reported as unrecognised), and the two shapes of the same feature are
# translated: a background service worker becomes background scripts in
# Firefox (which runs MV3 background pages, not workers), a side panel
# becomes a sidebar and back. tests/e2e/store.test.mjs loads both results
# in their browsers, so a key these lists miss fails the tests.
browser_manifest() {
  python3 - "$@" <<'PY'
import json, sys
browser, source, out = sys.argv[1:4]
with open(source, encoding="utf-8") as f:
    m = json.load(f)

CHROMIUM_ONLY_KEYS = {
    "minimum_chrome_version", "side_panel", "key", "update_url", "export", "import",
    "oauth2", "offline_enabled", "externally_connectable", "sandbox", "requirements",
    "storage", "event_rules", "file_browser_handlers", "file_handlers", "input_components",
    "tts_engine", "automation", "nacl_modules", "differential_fingerprint",
    "cross_origin_embedder_policy", "cross_origin_opener_policy", "trial_tokens",
}
FIREFOX_ONLY_KEYS = {
    "browser_specific_settings", "sidebar_action", "developer", "theme_experiment",
    "user_scripts", "dictionaries", "l10n_resources",
}
CHROMIUM_ONLY_PERMISSIONS = {
    "sidePanel", "offscreen", "debugger", "fontSettings", "gcm", "loginState", "power",
    "printerProvider", "printing", "printingMetrics", "processes", "readingList",
    "tabCapture", "ttsEngine", "wallpaper", "favicon", "documentScan",
    "certificateProvider", "desktopCapture", "contentSettings", "system.cpu",
    "system.display", "system.memory", "system.storage", "enterprise.deviceAttributes",
    "enterprise.hardwarePlatform", "enterprise.networkingAttributes",
    "enterprise.platformKeys", "platformKeys", "identity.email", "accessibilityFeatures.read",
    "accessibilityFeatures.modify", "background",
}
FIREFOX_ONLY_PERMISSIONS = {
    "menus", "menus.overrideContext", "contextualIdentities", "dns", "find", "pkcs11",
    "theme", "browserSettings", "captivePortal", "geckoProfiler", "networkStatus",
    "telemetry",
}

def rename(d, old, new, value):
    """d with key `old` replaced by `new` in the same place."""
    return {(new if k == old else k): (value if k == old else v) for k, v in d.items()}

if browser == "firefox":
    drop_keys, drop_permissions = CHROMIUM_ONLY_KEYS, CHROMIUM_ONLY_PERMISSIONS
    background = m.get("background")
    if isinstance(background, dict) and "service_worker" in background:
        worker = background["service_worker"]
        if "scripts" in background:
            background = {k: v for k, v in background.items() if k != "service_worker"}
        else:
            background = rename(background, "service_worker", "scripts", [worker])
        m["background"] = background
    if "side_panel" in m and "sidebar_action" not in m:
        panel = m["side_panel"].get("default_path")
        if panel:
            sidebar = {"default_panel": panel}
            title = m.get("action", {}).get("default_title")
            if title:
                sidebar["default_title"] = title
            m = rename(m, "side_panel", "sidebar_action", sidebar)
elif browser == "chrome":
    drop_keys, drop_permissions = FIREFOX_ONLY_KEYS, FIREFOX_ONLY_PERMISSIONS
    background = m.get("background")
    if isinstance(background, dict) and "scripts" in background:
        if "service_worker" in background:
            background = {k: v for k, v in background.items() if k != "scripts"}
        elif len(background["scripts"]) == 1:
            background = rename(background, "scripts", "service_worker", background["scripts"][0])
        else:
            sys.exit("browser_manifest: Chromium runs one background service worker; manifest.json lists several background scripts")
        background.pop("persistent", None)
        m["background"] = background
    if "sidebar_action" in m and "side_panel" not in m:
        panel = m["sidebar_action"].get("default_panel")
        if panel:
            m = rename(m, "sidebar_action", "side_panel", {"default_path": panel})
    if "side_panel" in m and "sidePanel" not in m.get("permissions", []):
        m["permissions"] = m.get("permissions", []) + ["sidePanel"]
else:
    sys.exit(f"browser_manifest: unknown browser {browser!r} (chrome or firefox)")

m = {k: v for k, v in m.items() if k not in drop_keys}
for key in ("permissions", "optional_permissions"):
    if key in m:
        m[key] = [p for p in m[key] if p not in drop_permissions]
with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps(m, ensure_ascii=False, indent=2) + "\n")
PY
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
# listing.json holds the store listing's words (the release reads it), not
# the extension's: it is not shipped.
merge_locales() {
  python3 - extension/_locales "$DIST/_locales" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
merged = {}
for lang in sorted(os.listdir(src)):
    messages = {}
    for name in sorted(os.listdir(os.path.join(src, lang))):
        if not name.endswith(".json") or name == "listing.json":
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

# `./build.sh release`: from a clean checkout, build; check the packages as
# the stores do (tests/e2e/store.test.mjs); write dist/release/ with the two
# store zips, the source zip addons.mozilla.org asks for (with how to rebuild
# the Firefox package from it), checksums, and the listing (the demo's).
# Nothing is uploaded. The version is manifest.json's.
release() {
  local out="$DIST/release" commit crates_version
  [ -z "$(git status --porcelain 2>/dev/null)" ] || die "release: commit or stash your changes first (the source zip is the commit's)"
  commit="$(git rev-parse HEAD)" || die "release: needs a git checkout"
  crates_version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
  [ "$crates_version" = "$VERSION" ] || die "release: manifest.json says $VERSION, Cargo.toml's [workspace.package] $crates_version: make them agree"

  build
  ensure_chromium
  say "checking the packages as the stores do (web-ext lint; Chromium's extension page)"
  (cd "$ROOT/tests" && KINDLY_DIST="$DIST" node --test --test-reporter=spec e2e/store.test.mjs)

  rm -rf "$out" && mkdir -p "$out"
  cp "$DIST/kindly-$VERSION.zip" "$out/kindly-$VERSION-chrome.zip"
  cp "$DIST-firefox/kindly-$VERSION-firefox.zip" "$out/kindly-$VERSION-firefox.zip"
  say "writing the source zip (commit ${commit:0:12}) and its build instructions"
  source_instructions "$commit" "$out/kindly-$VERSION-firefox.zip" >"$out/BUILDING-FOR-AMO.md"
  git archive --format=tar --prefix="kindly-$VERSION/" -o "$out/source.tar" "$commit"
  python3 - "$out/source.tar" "$out/kindly-$VERSION-source.zip" "$out/BUILDING-FOR-AMO.md" "kindly-$VERSION/BUILDING-FOR-AMO.md" <<'PY'
import sys, tarfile, zipfile
source, out, instructions, name = sys.argv[1:5]
def add(z, path, data, mode):
    info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, data, compresslevel=9)
with tarfile.open(source) as tar, zipfile.ZipFile(out, "w") as z:
    for member in tar:
        if member.isfile():
            add(z, member.name, tar.extractfile(member).read(), 0o755 if member.mode & 0o111 else 0o644)
    with open(instructions, "rb") as f:
        add(z, name, f.read(), 0o644)
PY
  rm "$out/source.tar"
  say "writing the store listing (the demo's pictures, the texts from _locales, the privacy disclosure from the README)"
  CI=1 run_demo --listing "$out/listing"
  (cd "$out" && sha256sum kindly-*.zip >SHA256SUMS)
  say "dist/release/ for Kindly $VERSION (nothing uploaded):"
  (cd "$out" && cat SHA256SUMS && find listing -type f | sort | sed 's/^/  /')
}

# The build instructions that go into the source zip: exact tool versions,
# the command, and the checksum a rebuild should reproduce.
source_instructions() {
  local commit="$1" firefox_zip="$2" os
  os="$(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-Linux}")"
  npm_version() {
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["packages"]["node_modules/" + sys.argv[2]]["version"])' \
      tests/package-lock.json "$1"
  }
  cat <<EOF
# Building Kindly $VERSION for Firefox from this source

This is the source of Kindly $VERSION, commit $commit. The Firefox package
\`kindly-$VERSION-firefox.zip\` (SHA-256 $(sha256sum "$firefox_zip" | cut -d' ' -f1))
is built from it by one command, run in the folder this file is in, which
installs the pinned tools it needs (Rust crates pinned by \`Cargo.lock\`, npm
packages pinned by \`tests/package-lock.json\`):

    bash build.sh

It writes the package to \`dist-firefox/kindly-$VERSION-firefox.zip\` (its files
unpacked in \`dist-firefox/\`); compare them with \`sha256sum\`.

## The tools this package was built with

- $os on $(uname -m)
- $(rustc --version) and $(cargo --version), installed with rustup; \`./build.sh\`
  adds the \`wasm32-unknown-unknown\` target and the \`rust-src\` component
- Node.js $(node --version) with npm $(npm --version)
- $(python3 --version)
- from crates.io (Cargo.lock): wasm-bindgen $(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml) and its CLI support, compiled by the build
- from npm (tests/package-lock.json): esbuild $(npm_version esbuild), binaryen $(npm_version binaryen) (wasm-opt, wasm2js)

## What is generated, and from what

- \`content.js\`: \`extension/content-entry.js\` and \`extension/content-wasm.js\`
  bundled by esbuild with the WebAssembly module compiled from
  \`crates/kindly-web\` and \`crates/kindly-core\` (Rust), embedded as base64.
- \`loader.js\` and \`background.js\`: \`extension/loader.js\` and
  \`extension/background.js\`, minified by esbuild.
- \`popup.js\` and \`kindly_web_bg.wasm\`: \`extension/popup-entry.js\` bundled by
  esbuild with wasm-bindgen's glue, and the popup's WebAssembly module from the
  same crates, optimised by wasm-opt; \`sidepanel.js\`: \`extension/sidepanel-entry.js\`
  bundled the same way (the sidebar runs the popup's module).
- \`manifest.json\`: the repository's \`manifest.json\` less the keys Firefox does
  not use, its background service worker as background scripts
  (\`./build.sh manifest firefox manifest.json out.json\`).
- \`_locales/*/messages.json\`: the files of \`extension/_locales/\` merged per language.
- Everything else is copied from \`extension/\` as it is.

## Byte for byte

With the tools above the package is identical to the published one: the build
does not depend on the folder it runs in, and the zip has fixed dates, modes
and order. Another version of Rust, binaryen or esbuild gives different
(equivalent) code; another zlib may compress the same files differently, in
which case the unpacked files (\`python3 -m zipfile -e\`) still match.
EOF
}

# cargo-fuzz (pinned) in tests/.tools, beside the npm tools: nothing global.
CARGO_FUZZ_VERSION=0.13.2
FUZZ_DIR="$ROOT/crates/kindly-core/fuzz"
FUZZ_WORK="$ROOT/target/fuzz" # build, corpus and crash files: never in the repository

ensure_cargo_fuzz() {
  local bin="$ROOT/tests/.tools/bin/cargo-fuzz"
  if [ ! -x "$bin" ] || ! "$bin" --version 2>/dev/null | grep -qF "$CARGO_FUZZ_VERSION"; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (cargo install, into tests/.tools)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet --root "$ROOT/tests/.tools"
  fi
  export PATH="$ROOT/tests/.tools/bin:$PATH"
}

# Runs every cargo-fuzz target for $1 seconds or $2 executions, whichever
# comes first, and prints one line per target: executions, seconds, crashes.
# Fails on a crash, naming the input that caused it. The lines also go to
# $FUZZ_WORK/results.tsv for the benchmark.
# The toolchain is the stable one, with RUSTC_BOOTSTRAP for the -Z flags
# cargo-fuzz passes (as the WASM build does): a fresh machine has no nightly.
# No sanitizer: kindly-core forbids unsafe code, so AddressSanitizer would
# find nothing a panic does not, at a fifth of the speed.
run_fuzz() {
  local seconds="${1:-60}" runs="${2:--1}"
  ensure_rust
  ensure_cargo_fuzz
  local targets
  targets="$(cd "$FUZZ_DIR/.." && cargo fuzz list)"
  [ -n "$targets" ] || die "no cargo-fuzz targets in $FUZZ_DIR"
  say "building the fuzz targets ($(tr '\n' ' ' <<<"$targets"))"
  (cd "$FUZZ_DIR/.." && RUSTC_BOOTSTRAP=1 cargo fuzz build -O -s none --target-dir "$FUZZ_WORK/build" 2>&1 | grep -v '^ *\(Compiling\|Finished\|Updating\|Locking\|Downloaded\|Downloading\)' || true)
  mkdir -p "$FUZZ_WORK"
  printf 'target\texecutions\tseconds\tcrashes\n' >"$FUZZ_WORK/results.tsv"
  local failed=0 target
  for target in $targets; do
    local corpus="$FUZZ_WORK/corpus/$target" artifacts="$FUZZ_WORK/artifacts/$target" log="$FUZZ_WORK/$target.log"
    mkdir -p "$corpus" "$artifacts"
    local before after status=0
    before="$(find "$artifacts" -type f | wc -l)"
    (cd "$FUZZ_DIR/.." && RUSTC_BOOTSTRAP=1 cargo fuzz run -O -s none --target-dir "$FUZZ_WORK/build" "$target" "$corpus" -- \
      -max_total_time="$seconds" -runs="$runs" -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1) || status=$?
    after="$(find "$artifacts" -type f | wc -l)"
    local executions took crashes=$((after - before))
    executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)"
    took="$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n1)"
    # A crash leaves its input, or at least libFuzzer's report; any other
    # failure (the run was killed, cargo failed) is not a crash, and fails too.
    if [ "$status" != 0 ] && [ "$crashes" = 0 ] && grep -qE '^==[0-9]+== ERROR: libFuzzer|panicked at' "$log"; then crashes=1; fi
    printf '%s\t%s\t%s\t%s\n' "$target" "${executions:-0}" "${took:-?}" "$crashes" >>"$FUZZ_WORK/results.tsv"
    printf '  %-10s %12s executions in %4s s, %d crashes\n' "$target" "${executions:-0}" "${took:-?}" "$crashes"
    if [ "$status" != 0 ] && [ "$crashes" = 0 ]; then
      failed=1
      printf '    the run stopped with status %s before its end, without a crash: see target/fuzz/%s.log\n' "$status" "$target"
    fi
    if [ "$crashes" != 0 ]; then
      failed=1
      grep -m3 -E 'panicked|ERROR|SUMMARY' "$log" | sed 's/^/    /' || true
      printf '    input: %s\n    replay: cd crates/kindly-core && RUSTC_BOOTSTRAP=1 cargo fuzz run -s none %s <input>\n' \
        "$(find "$artifacts" -type f -newer "$corpus" | head -n1)" "$target"
    fi
  done
  [ "$failed" = 0 ] || die "a fuzz target crashed or stopped early (logs in target/fuzz/)"
}

# The benchmark's fuzzing part: every target to $1 executions (an hour at
# most), then the figures replace BENCHMARKS.md's "## Fuzzing" section
# (tests/bench/run.mjs writes the rest of the file).
bench_fuzz() {
  local runs="${1:-1000000}"
  say "fuzzing every target to $runs executions"
  run_fuzz 3600 "$runs"
  python3 - "$FUZZ_WORK/results.tsv" BENCHMARKS.md "$runs" "$(rustc --version)" "$CARGO_FUZZ_VERSION" <<'PY'
import csv, datetime, re, sys
results, out, runs, rustc, cargo_fuzz = sys.argv[1:6]
rows = list(csv.DictReader(open(results), delimiter="\t"))
when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
lines = [
    "## Fuzzing",
    "",
    f"`./build.sh bench` runs every cargo-fuzz target in `crates/kindly-core/fuzz/` to {int(runs):,} executions",
    f"(libFuzzer, no sanitizer: kindly-core has no unsafe code), keeping the corpus in `target/fuzz/`. {when},",
    f"{rustc}, cargo-fuzz {cargo_fuzz}. `./build.sh fuzz [seconds]` runs them for a while; `./build.sh test` for 10 s each.",
    "Executions per second move with the machine's load and grow slower as the corpus grows (longer inputs).",
    "",
    "| target | what it feeds | executions | seconds | per second | crashes |",
    "|---|---|---:|---:|---:|---:|",
]
what = {
    "card": "card texts as a page could deliver them, to the reader and the judge",
    "template": "templates: parse, render, politeness check",
    "import": "imported files, any bytes, and applying what is accepted",
    "store": "stored data (the loader), any keys and values",
}
for r in rows:
    n, s = int(r["executions"]), r["seconds"]
    rate = f"{n / int(s):,.0f}" if s.isdigit() and int(s) > 0 else "–"
    lines.append(f"| `{r['target']}` | {what.get(r['target'], '')} | {n:,} | {s} | {rate} | {r['crashes']} |")
section = "\n".join(lines) + "\n"
text = open(out, encoding="utf-8").read()
m = re.search(r"^## Fuzzing\n.*?(?=^## |\Z)", text, flags=re.M | re.S)
if m:
    text = text[: m.start()] + section + ("\n" if m.end() < len(text) else "") + text[m.end():]
else:
    text = text.rstrip("\n") + "\n\n" + section
open(out, "w", encoding="utf-8").write(text)
PY
  say "wrote the fuzzing figures to BENCHMARKS.md"
}

# `./build.sh loops`: fails when a crate's modules import each other in a
# loop. Each module may use only modules below it (crates/README.md); the
# edges are its `crate::` and `super::` paths, and a parent module's paths
# into its own children (`mod.rs` calling `review::render`). Comments are
# skipped, and a path to the crate root's re-exports is no edge.
check_loops() {
  python3 - crates/*/src <<'PY'
import os, re, sys

def modules(src):
    """Module path ("popup::state") -> file, for one crate's src/."""
    out = {}
    for base, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(base, f), src)[:-3].split(os.sep)
            if rel[-1] == "mod":
                rel = rel[:-1]
            if rel in (["lib"], ["main"]):
                rel = []
            out["::".join(rel)] = os.path.join(base, f)
    return out

def code(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)

def target(mods, path):
    """The longest module prefix of `a::b::c`."""
    parts = path.split("::")
    for n in range(len(parts), 0, -1):
        name = "::".join(parts[:n])
        if name in mods:
            return name
    return ""

failed = False
for src in sys.argv[1:]:
    mods = modules(src)
    edges = {m: set() for m in mods}
    for mod, path in mods.items():
        parent = mod.rsplit("::", 1)[0] if "::" in mod else ""
        text = code(path)
        found = [target(mods, p) for p in re.findall(r"\bcrate::((?:\w+::)*\w+)", text)]
        found += [target(mods, (parent + "::" if parent else "") + p)
                  for p in re.findall(r"\bsuper::((?:\w+::)*\w+)", text)]
        # Braced groups: `use crate::{a, b::c}` and `use super::{x, y}`.
        for base, group in re.findall(r"\b(crate|super)::\{([^}]*)\}", text):
            prefix = "" if base == "crate" else parent
            for item in re.split(r"\s*,\s*", group):
                item = item.strip().split(" ")[0]
                if item and item != "self":
                    found.append(target(mods, (prefix + "::" if prefix else "") + item))
                elif item == "self" and prefix:
                    found.append(prefix)
        if mod:
            children = [m for m in mods if m.startswith(mod + "::") and "::" not in m[len(mod) + 2:]]
            for child in children:
                name = child.rsplit("::", 1)[1]
                if re.search(r"(?<![\w:])" + name + r"::", text):
                    found.append(child)
        # The crate root is the crate's facade (re-exports), not a layer.
        edges[mod] = {t for t in found if t and t != mod}
    # Depth-first search for a cycle.
    state, stack = {}, []
    def visit(m):
        global failed
        state[m] = 1
        stack.append(m)
        for t in sorted(edges.get(m, ())):
            if state.get(t) == 1:
                cycle = stack[stack.index(t):] + [t]
                print(f"import loop in {src}: " + " -> ".join(cycle), file=sys.stderr)
                failed = True
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2
    for m in sorted(mods):
        if m not in state:
            visit(m)
sys.exit(1 if failed else 0)
PY
}

cmd="${1:-build}"
shift || true # what follows the command is the command's own
case "$cmd" in
  build) build ;;
  test)
    ensure_rust
    say "cargo fmt --check"; cargo fmt --all -- --check
    say "cargo clippy -D warnings"; cargo clippy --all-targets --quiet -- -D warnings
    say "no import loops between modules"; check_loops
    say "cargo test"; cargo test --quiet
    build
    run_e2e
    CI=1 run_demo --listing "$DIST/listing"
    say "fuzzing every target for 10 s"; run_fuzz 10
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
    bench_fuzz
    ;;
  bench-fuzz) bench_fuzz "$@" ;;
  fuzz) run_fuzz "${1:-60}" ;;
  loops) check_loops && say "no import loops" ;;
  release) release ;;
  manifest) browser_manifest "$@" ;;
  help|-h|--help) usage ;;
  *) usage; exit 2 ;;
esac
