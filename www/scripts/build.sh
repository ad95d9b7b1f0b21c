#!/usr/bin/env bash
# Builds the wasm core (release, size-optimised), runs wasm-bindgen and wasm-opt, and lays the
# shim and the demo out under www/dist/. Installs missing tools first (see setup.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/www/scripts/setup.sh" "$@"
say() { printf '[build] %s\n' "$*" >&2; }

dist="$root/www/dist"
say "compiling the core to wasm32"
cargo build --manifest-path "$root/Cargo.toml" --lib --release --target wasm32-unknown-unknown --quiet
rm -rf "$dist"
mkdir -p "$dist/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$dist/pkg" \
  "$root/target/wasm32-unknown-unknown/release/article_highlighter.wasm"
wasm="$dist/pkg/article_highlighter_bg.wasm"
"$root/www/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
cp "$root"/www/src/*.js "$dist/"
cp -r "$root/www/demo" "$dist/demo"
cp -r "$root/www/embed" "$dist/embed"
cp -r "$root/www/bookmarklet" "$dist/bookmarklet"
cp -r "$root/www/reader" "$dist/reader"
node "$root/www/scripts/build-extension.mjs"
say "built $dist ($(wc -c < "$wasm") bytes of wasm, $(gzip -9c "$wasm" | wc -c) gzipped)"
