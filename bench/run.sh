#!/usr/bin/env bash
# bench/run.sh [--quick]
# Runs every scenario against pomelo-admin 1.0.1 (Node, bench/peer) and then against ours (bench/Pomelo.Akka.Bench),
# one after the other, and prints one table: scenario, pomelo-admin, ours, ratio (ours / pomelo-admin), target.
# Installs what it needs: pomelo-admin from npm into bench/peer/scratch/, a Release build of the bench project.
# --quick is the CI smoke test (under 2 minutes with the build): it fails only when a side produced no number.
# Then the floor: the same round trip and fan-outs over plain sockets (bench/README.md, "The floor").
# Results (JSON per side, the table as Markdown) and every process's log go to bench/results/.
set -uo pipefail
cd "$(dirname "$0")/.."

mode=full
args=()
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick; args+=(--quick) ;;
    *) echo "usage: bash bench/run.sh [--quick]" >&2; exit 2 ;;
  esac
done

started=$(date +%s)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "installing Node.js (apt)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null || { echo "bench: Node.js is missing and could not be installed" >&2; exit 1; }
fi
bash bench/peer/install.sh || { echo "bench: could not install pomelo-admin 1.0.1 into bench/peer/scratch" >&2; exit 1; }
dotnet build bench/Pomelo.Akka.Bench/Pomelo.Akka.Bench.csproj -c Release -nologo -v quiet -clp:ErrorsOnly \
  || { echo "bench: build failed" >&2; exit 1; }

bench=bench/Pomelo.Akka.Bench/bin/Release/net10.0/Pomelo.Akka.Bench
results=bench/results
mkdir -p "$results"
status=0
"$bench" run --side pomelo "${args[@]}" --out "$results/pomelo-$mode.json" || status=1
"$bench" run --side ours "${args[@]}" --out "$results/ours-$mode.json" || status=1
"$bench" table --pomelo "$results/pomelo-$mode.json" --ours "$results/ours-$mode.json" --md "$results/table-$mode.md" --check || status=1

# What the machine allows at best (plain sockets, no framework on either side): the floor under the list and
# round-trip targets. Quick: a few rounds, only to keep the verb working.
echo
if [ "$mode" = quick ]; then
  "$bench" floor --sizes 10 --rounds 20 --pingpong 200 --out "$results/floor-$mode.json" || status=1
else
  "$bench" floor --out "$results/floor-$mode.json" || status=1
fi

echo
echo "bench $mode: $(( $(date +%s) - started )) s in all; table in $results/table-$mode.md"
exit "$status"
