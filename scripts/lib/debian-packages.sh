# Sourced by the test scripts: installs Debian packages the suites need when they are missing, as a
# CI machine from a clean clone needs (redis-server and postgresql for the queue suite, chromium for
# the browser test). Root or passwordless sudo, and apt-get, are required; otherwise it says what to
# install by hand and exits 2.
#
#   install_debian_packages <label> <package>...
install_debian_packages() {
	local label="$1"
	shift
	[ "$#" -gt 0 ] || return 0
	echo "[$label] installing $* from the Debian package registry" >&2
	local sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && sudo="sudo -n"
		if [ -z "$sudo" ]; then
			echo "[$label] ERROR: $* not installed and this user cannot install packages (not root, no passwordless sudo)." >&2
			echo "[$label]        Install them once: sudo apt-get install -y $*" >&2
			exit 2
		fi
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "[$label] ERROR: $* not installed and there is no apt-get (the suite expects Debian/Ubuntu)." >&2
		exit 2
	fi
	# Debian's maintainer scripts would start services; the suites start their own.
	export DEBIAN_FRONTEND=noninteractive
	if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }; then
		echo "[$label] ERROR: apt-get install $* failed (see above): no network to the Debian mirror, or a broken apt state." >&2
		exit 2
	fi
	DEBIAN_SUDO="$sudo"
}
