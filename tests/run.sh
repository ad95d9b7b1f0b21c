#!/usr/bin/env bash
# Sets up what is missing, builds everything, and runs every test:
#   Rust unit, integration and doc tests; the wasm build through Node; the browser tests in
#   headless Debian Chromium. Tests that read ../shared skip with a message when it is absent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash www/scripts/build.sh --browser

echo "[test] Rust: formatting and lints"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings

echo "[test] Rust: unit, integration and doc tests"
cargo test --quiet

echo "[test] the benchmark against mark.js, once in quick mode (it proves the benchmark runs; timings are never asserted)"
node www/bench/run.mjs --quick

echo "[test] JavaScript: the wasm build and exports in Node, and the browser tests in headless Chromium and Firefox"
node --test --test-concurrency=1 tests/node/ tests/browser/
