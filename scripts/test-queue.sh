#!/usr/bin/env bash
# npm run test:queue: the queue-mode suite (test/queue/, jest.queue.config.js). n8n 2.41.1 with this
# package as main + 2 workers on Redis and PostgreSQL, all started by the suite as child processes
# (no system service; nothing survives the run). Runs under Node 24 (package.json wraps it in
# scripts/node24.sh). Installs what is missing from Debian's packages, as a CI machine from a clean
# clone would: redis-server, and postgresql (n8n: "Scaling mode is not officially supported with
# sqlite. Please use PostgreSQL instead.").
set -euo pipefail
cd "$(dirname "$0")/.."

have_postgres() {
	command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

missing=()
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
have_postgres || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
	# shellcheck source=lib/debian-packages.sh
	source scripts/lib/debian-packages.sh
	install_debian_packages queue "${missing[@]}"
	# Stop what the packages' init scripts may have started (the suite starts its own, on free ports).
	for service in redis-server postgresql; do
		$DEBIAN_SUDO service "$service" stop >/dev/null 2>&1 || true
	done
fi
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
	echo "[queue] ERROR: running as root but there is no postgres user to run PostgreSQL as (apt-get install postgresql creates it)." >&2
	exit 2
fi

started=$(date +%s)
# Set by scripts/test.sh, which has just built dist/ and provisioned n8n.
if [ "${PROCORE_BUILT_AND_PROVISIONED:-}" != 1 ]; then
	bash scripts/build.sh
	# The pinned n8n (idempotent; ~5 min the first time, cached in .cache/).
	bash scripts/provision-n8n.sh >/dev/null
fi
jest --ci -c jest.queue.config.js --runInBand "$@"
echo "[queue] done in $(( $(date +%s) - started )) s" >&2
