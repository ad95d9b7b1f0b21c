#!/usr/bin/env bash
# Builds the wasm core (release, size-optimised), runs wasm-bindgen and wasm-opt, and lays the
# shim and the demo out under www/dist/. Installs missing tools first (see setup.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/www/scripts/setup.sh" "$@"
say() { printf '[build] %s\n' "$*" >&2; }

dist="$root/www/dist"
say "compiling the core to wasm32"
# Where the crates' sources sit on the building machine is none of the module's business: its panic
# locations say "regex-automata-0.4.19/src/…", not this machine's home folder, so the module is the
# same wherever it is built (and 230 B lighter gzipped).
remap="--remap-path-prefix=$root/="
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do remap+=" --remap-path-prefix=$dir="; done
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap" \
  cargo build --manifest-path "$root/Cargo.toml" --lib --release --target wasm32-unknown-unknown --quiet
rm -rf "$dist"
mkdir -p "$dist/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$dist/pkg" \
  "$root/target/wasm32-unknown-unknown/release/article_highlighter.wasm"
wasm="$dist/pkg/article_highlighter_bg.wasm"
# The features are those rustc emits (Chromium, Firefox and Safari have had them for years); --converge
# repeats -Oz while the module still shrinks; the producers and target-features sections only name
# the compilers and what they assumed, which no engine reads.
"$root/www/node_modules/.bin/wasm-opt" -Oz --converge --strip-producers --strip-target-features --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types \
  --enable-multivalue "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
# The glue, minified, for use on its own (README, "In a page"), and a second copy of it, for a
# fresh instance of the core should one trap (www/src/core.js); then the shim's modules, bundled
# with the glue (build-page.mjs).
"$root/www/node_modules/.bin/esbuild" "$dist/pkg/article_highlighter.js" --minify --format=esm --target=es2022 \
  --log-level=warning --outfile="$dist/pkg/article_highlighter.js" --allow-overwrite
cp "$dist/pkg/article_highlighter.js" "$dist/pkg/article_highlighter_fresh.js"
node "$root/www/scripts/build-page.mjs"
cp -r "$root/www/demo" "$dist/demo"
cp -r "$root/www/embed" "$dist/embed"
cp -r "$root/www/bookmarklet" "$dist/bookmarklet"
cp -r "$root/www/reader" "$dist/reader"
# The starter actor lists (www/scripts/starter-lists.mjs writes them), for the pages to fetch.
cp -r "$root/www/lists" "$dist/lists"
node "$root/www/scripts/build-extension.mjs"
# The npm package, under dist/npm/ (build-npm.mjs): the same modules, the Node entry and the types.
node "$root/www/scripts/build-npm.mjs"
say "built $dist; what a page downloads ($(wc -c < "$wasm") bytes of it wasm):"
node "$root/www/scripts/payload.mjs" | tail -1 >&2
