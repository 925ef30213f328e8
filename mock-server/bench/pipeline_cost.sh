#!/usr/bin/env bash
# The request pipeline's cost in instructions per request, per configuration, counted by callgrind: exact and
# repeatable on a shared machine, where requests per second are not. Each configuration runs seed 000's
# request LOW and HIGH times in process (examples/pipeline_cost.rs, no sockets); the difference divided by
# HIGH - LOW removes the start-up. Kernel time (sockets) is not counted: compare configurations, not servers.
#   bash mock-server/bench/pipeline_cost.sh          # about a minute once built; needs valgrind
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LOW="${LOW:-200}"
HIGH="${HIGH:-1200}"
command -v valgrind >/dev/null || { echo "valgrind is needed (Debian package valgrind)"; exit 2; }
(cd "$ROOT" && cargo build --release -q -p mock-server --example pipeline_cost)
PROBE="${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/pipeline_cost"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
count() {
    valgrind --tool=callgrind --callgrind-out-file="$WORK/out" "$PROBE" "$1" "$2" > /dev/null 2> "$WORK/err"
    grep -o 'Collected : [0-9]*' "$WORK/err" | grep -o '[0-9]*'
}
BASE=""
printf '%-14s %14s %10s\n' configuration "instr/request" "vs plain"
for config in plain no-journal inert-fault firing-fault watched stateful; do
    per=$(( ($(count "$config" "$HIGH") - $(count "$config" "$LOW")) / (HIGH - LOW) ))
    BASE="${BASE:-$per}"
    printf '%-14s %14s %9s%%\n' "$config" "$per" "$(awk -v a="$per" -v b="$BASE" 'BEGIN { printf "%.1f", 100 * a / b }')"
done
