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
	echo "[queue] installing ${missing[*]} from the Debian package registry" >&2
	if [ "$(id -u)" -ne 0 ]; then
		sudo=""
		command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && sudo="sudo -n"
		if [ -z "$sudo" ]; then
			echo "[queue] ERROR: ${missing[*]} not installed and this user cannot install packages (not root, no passwordless sudo)." >&2
			echo "[queue]        Install them once: sudo apt-get install -y ${missing[*]}" >&2
			exit 2
		fi
	else
		sudo=""
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "[queue] ERROR: ${missing[*]} not installed and there is no apt-get (the suite expects Debian/Ubuntu)." >&2
		echo "[queue]        Provide redis-server and PostgreSQL's initdb/postgres on PATH, then run again." >&2
		exit 2
	fi
	# Debian's maintainer scripts would start the services; nothing may outlive the run.
	export DEBIAN_FRONTEND=noninteractive
	if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
		echo "[queue] ERROR: apt-get install ${missing[*]} failed (see above): no network to the Debian mirror, or a broken apt state." >&2
		exit 2
	fi
	# Stop what the packages' init scripts may have started (the suite starts its own, on free ports).
	for service in redis-server postgresql; do
		$sudo service "$service" stop >/dev/null 2>&1 || true
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
