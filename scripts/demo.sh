#!/usr/bin/env bash
# npm run demo: build, then scripts/demo.ts (sandbox + n8n with the package, credential and templates).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec tsx scripts/demo.ts "$@"
