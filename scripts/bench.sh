#!/usr/bin/env bash
# npm run bench (under scripts/node24.sh): every benchmark figure, a table on stdout and
# docs/benchmarks.md. Arguments pass through to bench/run.ts (e.g. --only=calls,limits --sizes=256).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
exec node --import tsx bench/run.ts "$@"
