#!/usr/bin/env bash
# npm test: build, lint, type-check the tooling, then every jest suite (unit, sandbox, end-to-end in
# a real n8n). Runs under Node 24 (package.json wraps it in scripts/node24.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/lint.sh
tsc --noEmit -p tsconfig.test.json
jest --ci "$@"
