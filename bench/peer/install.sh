#!/usr/bin/env bash
# Installs pomelo-admin 1.0.1 (and its peer dependency pomelo-logger) and pomelo 2.2.7 (for its console and watchdog
# modules; --ignore-scripts: nothing of it is built or run but lib/modules/console.js, masterwatcher.js and
# monitorwatcher.js and what they require) from npm into bench/peer/scratch/.
# Does nothing when they are already there.
set -euo pipefail
cd "$(dirname "$0")"
installed() {
  node -e 'const v=require("./scratch/node_modules/pomelo-admin/package.json").version; const p=require("./scratch/node_modules/pomelo/package.json").version; process.exit(v==="1.0.1"&&p==="2.2.7"?0:1)' 2>/dev/null \
    && [ -f scratch/node_modules/pomelo-logger/package.json ] && [ -f scratch/node_modules/mqtt-connection/package.json ]
}
if installed; then
  exit 0
fi
mkdir -p scratch
cp package.json scratch/package.json
(cd scratch && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
installed || { echo "pomelo-admin 1.0.1 did not install into bench/peer/scratch" >&2; exit 1; }
