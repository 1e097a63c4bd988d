#!/usr/bin/env bash
# Installs one n8n into .cache/n8n-<version> (idempotent) and prints that folder. Run through
# scripts/node24.sh. The version: the first argument, else PROCORE_N8N_VERSION, else the newest of
# package.json's config.n8nVersions (the tested versions; 2.41.1 is the one the unit tools, demo and
# end-to-end suite use; the compatibility suite also runs the 1.x one).
# n8n is installed with --ignore-scripts (one of its optional Kafka deps downloads a native build at
# install time, which this network forbids); then only the native module n8n needs to boot is built:
# sqlite3, against the Node 24 headers that node24.sh exports in npm_config_nodedir.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N8N_VERSION="${1:-${PROCORE_N8N_VERSION:-$(node -p "require('$ROOT/package.json').config.n8nVersions.split(' ').pop()")}}"
CACHE="${PROCORE_CACHE_DIR:-$ROOT/.cache}"
DIR="$CACHE/n8n-$N8N_VERSION"
if [ -f "$DIR/.ready" ]; then
	echo "$DIR"
	exit 0
fi
mkdir -p "$CACHE"
# One installer at a time: test workers and checkouts sharing .cache may ask together.
exec 9>"$CACHE/.n8n-$N8N_VERSION.lock"
flock 9
if [ -f "$DIR/.ready" ]; then
	echo "$DIR"
	exit 0
fi
mkdir -p "$DIR"
cd "$DIR"
# Work-arounds n8n itself needs to install from the npm registry alone, by line:
# - 1.x: n8n-nodes-base depends on `xlsx` as a tarball from SheetJS's CDN (not the npm registry, so
#   unreachable here); an override gives it the registry's last xlsx, 0.18.5 (same API for its
#   Spreadsheet File / Convert to File nodes). 1.x also needs Node 24 here: on Node 20 its isolated-vm
#   has no prebuild and n8n stops at start unless N8N_EXPRESSION_ENGINE=legacy.
overrides='{}'
case "$N8N_VERSION" in
	1.*) overrides='{"n8n-nodes-base":{"xlsx":"0.18.5"}}' ;;
esac
echo "{\"name\":\"n8n-runtime\",\"private\":true,\"overrides\":$overrides}" > package.json
echo "[n8n] installing n8n@$N8N_VERSION into $DIR (first run only, several minutes)" >&2
npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$N8N_VERSION" >&2
echo "[n8n] building sqlite3 against Node $(node --version)" >&2
# Native modules compile against this Node's own headers (node24.sh exports PROCORE_NODE_DIR).
# Scripts must run for this one rebuild even when the caller (npm test, with this repository's
# .npmrc) exports npm_config_ignore_scripts=true.
npm_config_ignore_scripts=false npm_config_nodedir="${PROCORE_NODE_DIR:?run through scripts/node24.sh}" \
	npm rebuild sqlite3 --ignore-scripts=false --loglevel=error >&2
node -e "require('sqlite3')" >&2
touch .ready
echo "$DIR"
