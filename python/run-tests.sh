#!/usr/bin/env bash
# Checks the binding's formatting and lints, builds the Python package's wheel, installs it, and
# runs its tests (python/tests/).
#
# Everything happens inside the checkout: a virtual environment in python/.venv (made the first
# time, with maturin, pytest, typeguard for the report types' test, and pyspark and warcio for the
# corpus job's tests, from the package index; ignored by git) and the crate's build in
# python/target. Spark needs Java 17 or later: where there is none, Debian's
# openjdk-17-jre-headless is installed with apt-get. The wheel, not
# the source folder, is what the tests import: pytest runs from its own script, which puts no
# source folder on the path. Arguments go to pytest (`bash python/run-tests.sh -k unicode`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
venv="$here/.venv"
packages=("maturin>=1.16,<2" pytest "typeguard>=4,<5" "pyspark>=4,<5" "warcio>=1.7,<2")

# Debian's python3 makes virtual environments only with python3-venv (ensurepip) installed.
apt_install() {
  local sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq "$@" >/dev/null
}
if [ ! -x "$venv/bin/python" ]; then
  echo "[python] making $venv"
  if ! python3 -c 'import ensurepip' 2>/dev/null; then
    echo "[python] installing Debian's python3-venv (this Python cannot make virtual environments)"
    apt_install python3-venv
  fi
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
if [ ! -x "$venv/bin/maturin" ] || [ ! -x "$venv/bin/pytest" ] || ! "$venv/bin/python" -c "import pyspark, warcio, typeguard" 2>/dev/null; then
  echo "[python] installing ${packages[*]} into $venv"
  "$venv/bin/python" -m pip install --quiet "${packages[@]}"
fi

# The major version of Java: "17", or "8" from the older "1.8".
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '$1 ~ /java.specification.version/ {print $2}' | sed 's/^1\.//' || true)
if [ "${java_major:-0}" -lt 17 ]; then
  echo "[python] installing Debian's openjdk-17-jre-headless for Spark (found Java '${java_major:-none}')"
  apt_install openjdk-17-jre-headless
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
