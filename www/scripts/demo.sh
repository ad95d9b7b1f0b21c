#!/usr/bin/env bash
# Sets up and builds everything, then serves the demo (the sample article, highlighted) on
# localhost and prints its URL. Stop it with Ctrl-C. PORT=N picks another port (default 8080).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$root/www/scripts/build.sh"
printf '[demo] open this URL in a browser:\n'
exec node "$root/www/scripts/serve.mjs" "$root/www/dist" --port "${PORT:-8080}"
