#!/usr/bin/env bash
# npm test: build, lint, type-check the tooling, then every jest suite (unit, sandbox, end-to-end in
# a real n8n). Runs under Node 24 (package.json wraps it in scripts/node24.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/lint.sh
tsc --noEmit -p tsconfig.test.json
# Every tested n8n (package.json config.n8nVersions): the newest is needed by the tool test and the
# end-to-end suite, all of them by the compatibility suite (test/e2e/compat.test.ts). Idempotent; the
# first time ~5-6 min each, both at once.
pids=()
for version in $(node -p "require('./package.json').config.n8nVersions"); do
	bash scripts/provision-n8n.sh "$version" >/dev/null &
	pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid"; done
# The browser test (test/e2e/editor.test.ts) drives Debian's Chromium through playwright-core, which
# downloads no browser of its own.
if [ -z "${CHROMIUM:-}" ] && ! [ -x /usr/bin/chromium ]; then
	# shellcheck source=lib/debian-packages.sh
	source scripts/lib/debian-packages.sh
	install_debian_packages browser chromium
fi
if [ "$#" -gt 0 ]; then
	exec jest --ci "$@"
fi
jest --ci --selectProjects unit
# One real n8n and one sandbox shared by every end-to-end file (test/e2e/globalSetup.ts): in band.
jest --ci --selectProjects e2e --runInBand
# n8n in queue mode (main + 2 workers, Redis and PostgreSQL from Debian's packages, started by the
# suite itself): ~5 min. Built and provisioned above: the queue script need not do it again.
PROCORE_BUILT_AND_PROVISIONED=1 bash scripts/test-queue.sh
