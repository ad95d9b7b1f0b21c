#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer): `scan` (arbitrary text), `config` (arbitrary
# config JSON) and `table` (arbitrary bytes as a CSV/TSV list, and each list read written back). RUNS sets the executions per target (default 10 million); JOBS (default 1) splits
# them between that many libFuzzer processes sharing one corpus (their logs: fuzz-N.log in the project root).
#   bash tests/fuzz/run.sh            # every target
#   RUNS=100000 bash tests/fuzz/run.sh config
#   JOBS=2 bash tests/fuzz/run.sh scan
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable toolchain provide them. The
# core is safe Rust, so no sanitizer: libFuzzer looks for panics, at ten times the speed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
runs="${RUNS:-10000000}"
jobs="${JOBS:-1}"
mkdir -p "$here/corpus/scan" "$here/corpus/config" "$here/corpus/table"
# Seeds: the demo's actors as a config, and the demo article's text to scan.
cp "$root/www/demo/actors.json" "$here/corpus/config/demo.json"
sed -e 's/<[^>]*>//g' "$root/www/demo/index.html" > "$here/corpus/scan/demo.txt"
# A table with quotes, separators and line breaks in its cells.
printf '\xef\xbb\xbfname;id;kind;aliases;notes;caseSensitive\r\nMuhammad Sadiq;;person;Sadiq|M. Sadiq;"a ""b""\r\nc";TRUE\r\n' \
  > "$here/corpus/table/excel.csv"
for target in "${@:-scan config table}"; do
  for t in $target; do
    echo "[fuzz] $t: $runs runs in $jobs process(es)"
    (cd "$root" && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none --fuzz-dir "$here" "$t" "$here/corpus/$t" -- \
      -runs="$((runs / jobs))" -jobs="$jobs" -workers="$jobs" -max_len=2048 -timeout=10 -print_final_stats=1)
  done
done
