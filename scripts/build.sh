#!/usr/bin/env bash
# npm run build: clean dist/, compile the shipped TypeScript, copy icons and JSON (gulpfile.js).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
tsc -p tsconfig.json
gulp --silent build:assets
