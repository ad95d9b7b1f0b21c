#!/usr/bin/env bash
# Sets up what is missing, builds everything, and runs every test:
#   Rust unit, integration and doc tests; the Python package (python/run-tests.sh); the wasm build
#   through Node; the browser tests in
#   headless Debian Chromium and Firefox, and in WebKitGTK's MiniBrowser under an Xvfb of their
#   own (tests/browser/webkit.mjs). Rust tests that read ../shared skip when a file they
#   need is absent; the run ends by listing them (tests/common/mod.rs leaves a note for each).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash www/scripts/build.sh --browser

echo "[test] Rust: formatting and lints"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings

# A skipped test passes, and cargo hides what a passing test prints: each skip leaves a note in
# target/tmp/skipped/, listed when the run ends, however it ends.
skipped="${CARGO_TARGET_DIR:-$root/target}/tmp/skipped"
rm -rf "$skipped"
list_skipped() {
  local notes=("$skipped"/*)
  if [ -e "${notes[0]}" ]; then
    echo "[test] ${#notes[@]} Rust tests skipped:"
    sed 's/^/  /' "${notes[@]}"
  fi
}
trap list_skipped EXIT

echo "[test] Rust: unit, integration and doc tests"
cargo test --quiet

echo "[test] Python: the package's wheel (abi3) and its pytest tests"
bash python/run-tests.sh

echo "[test] the benchmark against mark.js, once in quick mode (it proves the benchmark runs; timings are never asserted)"
node www/bench/run.mjs --quick

echo "[test] JavaScript: the wasm build and exports in Node, and the browser tests in Chromium, Firefox and WebKit"
node --test --test-concurrency=1 tests/node/ tests/browser/
