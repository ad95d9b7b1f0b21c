#!/usr/bin/env bash
# Installs what building and testing need, only where it is missing:
#   the wasm32 Rust target, wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock,
#   the npm packages under www/, and (with --browser) Debian's chromium, firefox-esr, and
#   webkit2gtk-driver (WebKitWebDriver and WebKitGTK's MiniBrowser) with xvfb for the browser tests.
# Safe to run again: each step checks first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
say() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
if [ -z "$want" ]; then
  say "Cargo.lock names no wasm-bindgen version"; exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found '${have:-none}'): it compiles from source, about 8 minutes on 2 cores"
  # --locked fails here: a version pinned in the CLI's own lock file is not on the registry.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

if [ ! -d "$root/www/node_modules" ] || [ "$root/www/package-lock.json" -nt "$root/www/node_modules/.package-lock.json" ]; then
  say "installing npm packages under www/"
  (cd "$root/www" && npm ci --no-audit --no-fund)
fi

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/firefox-esr ] || missing="$missing firefox-esr"
[ -x /usr/bin/WebKitWebDriver ] || missing="$missing webkit2gtk-driver"
command -v Xvfb >/dev/null || missing="$missing xvfb"
if [ "${1:-}" = "--browser" ] && [ -n "$missing" ]; then
  say "installing Debian's$missing for the browser tests"
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq $missing >/dev/null
fi
