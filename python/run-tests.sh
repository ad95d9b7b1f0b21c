#!/usr/bin/env bash
# Checks the binding's formatting and lints, builds the Python package's wheel, installs it, and
# runs its tests (python/tests/).
#
# Everything happens inside the checkout: a virtual environment in python/.venv (made the first
# time, with maturin and pytest from the package index; ignored by git) and the crate's build in
# python/target. The wheel, not the source folder, is what the tests import: pytest runs from its
# own script, which puts no source folder on the path. Arguments go to pytest
# (`bash python/run-tests.sh -k unicode`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
venv="$here/.venv"

if [ ! -x "$venv/bin/maturin" ] || [ ! -x "$venv/bin/pytest" ]; then
  echo "[python] setting up $venv (maturin, pytest)"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet "maturin>=1.16,<2" pytest
fi

echo "[python] the binding's formatting and lints"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings

echo "[python] building the abi3 wheel"
wheels="$here/target/wheels"
rm -rf "$wheels"
"$venv/bin/maturin" build --release --quiet --interpreter "$venv/bin/python" --out "$wheels"
"$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$wheels"/article_highlighter-*.whl

echo "[python] pytest"
"$venv/bin/pytest" -rs "$@"
