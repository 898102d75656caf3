#!/usr/bin/env bash
# The unchanged pytest suite on several QGIS versions, one line of results per version.
#
#   scripts/test_matrix.sh [LEG ...]      LEG: host (this machine's QGIS), trixie, sid
#                                         (default: host trixie sid)
#
# host runs the project's .venv (made by `make deps`). Each other leg runs in a
# Debian root filesystem built once with debootstrap from Debian's own QGIS
# packages and kept in $MATRIX_CACHE (default /var/cache/centralites-matrix, outside the checkout), with
# the test tools of requirements-dev.txt pip-installed in a venv inside it
# (/opt/centralites-venv, --system-site-packages so that PyQGIS is visible).
# The checkout is bind-mounted at its own path, ../shared read-only beside it,
# in a private mount and PID namespace (unshare): the mounts exist only for the
# run and vanish with it, whatever way it ends; a trap unmounts them as well.
#
# Environment: MATRIX_CACHE (cache folder), MATRIX_MIRROR (Debian mirror),
# MATRIX_REBUILD=1 (build the root filesystems again, e.g. to follow sid),
# MATRIX_MAX_AGE_DAYS=N (build again a root filesystem older than N days),
# MATRIX_PYTEST_ARGS (extra pytest arguments), MATRIX_PIP_EXTRA (packages pip-installed over
# Debian's in the legs' venv, e.g. "pandas>=3"). Needs root (re-runs itself with sudo).
# Exit status: 0 when every leg passes, 1 when a leg fails or cannot be built.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
SHARED=$(cd "$ROOT/.." && pwd -P)/shared
CACHE=${MATRIX_CACHE:-/var/cache/centralites-matrix}
MIRROR=${MATRIX_MIRROR:-http://deb.debian.org/debian}
VENV_IN=/opt/centralites-venv
# What the suite needs inside: PyQGIS and its providers, qgis_process (package qgis),
# pandas from Debian, venv for the pinned test tools (installed by debootstrap).
# poppler-utils: pdfinfo, which tests use to count PDF pages (as `make test` installs it).
INCLUDE=qgis,python3-qgis,qgis-providers,python3-pandas,python3-venv,ca-certificates,poppler-utils
# Optional at run time, as on users' machines: installed with apt afterwards, and
# left out (with a warning) when the suite's package is broken (sid is unstable).
OPTIONAL=python3-pyqtgraph
SELF="$ROOT/scripts/$(basename "${BASH_SOURCE[0]}")"

log() { printf '[test-matrix] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- inside a namespace
# `test_matrix.sh --in-rootfs DIR CMD...`: called through unshare, mounts what the
# suite needs into DIR, runs CMD chrooted, unmounts (the namespace drops any leftover).
if [ "${1:-}" = "--in-rootfs" ]; then
	R=$2
	shift 2
	# Only in a mount namespace of its own, made by inside(): never touch the caller's mounts.
	if [ -z "${CENTRALITES_CALLER_MNTNS:-}" ] || [ "$(readlink /proc/self/ns/mnt)" = "$CENTRALITES_CALLER_MNTNS" ]; then
		log "--in-rootfs runs only through inside() (unshare)"
		exit 2
	fi
	MOUNTED=()
	cleanup() {
		local i
		for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
			umount -R "${MOUNTED[$i]}" 2>/dev/null || umount -R -l "${MOUNTED[$i]}" 2>/dev/null || true
		done
		MOUNTED=()
	}
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	mnt() { # mnt TARGET mount-arguments...
		local target=$1
		shift
		mkdir -p "$target" && mount "$@" "$target" && MOUNTED+=("$target")
	}
	set -e
	mount --make-rprivate /
	mnt "$R/proc" -t proc proc
	mnt "$R/dev" --rbind /dev
	mnt "$R/sys" --rbind -o ro /sys
	mnt "$R/tmp" -t tmpfs -o mode=1777 tmpfs
	mnt "$R$ROOT" --bind "$ROOT"
	if [ -d "$SHARED" ]; then
		mnt "$R$SHARED" --bind "$SHARED"
		mount -o remount,bind,ro "$R$SHARED"
	fi
	cp -L /etc/resolv.conf "$R/etc/resolv.conf" 2>/dev/null || true
	set +e
	chroot "$R" /usr/bin/env -i HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		PATH=$VENV_IN/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-root PYTHONDONTWRITEBYTECODE=1 \
		PIP_CERT=/etc/ssl/certs/centralites-host-ca.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
		CI="${CI:-}" "$@"
	exit $?
fi

# ---------------------------------------------------------------- the matrix
# Refuse to delete a folder with anything mounted below it (a bind mount of the
# checkout would be deleted with it): the namespaces make this impossible, check anyway.
safe_rm() {
	local dir=$1
	[ -e "$dir" ] || return 0
	if awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
		log "something is mounted under $dir: not deleting it (see /proc/self/mounts)"
		return 1
	fi
	rm -rf --one-file-system "$dir"
}

# killable CMD...: CMD in the background, waited for, so that Ctrl-C or TERM stop the
# whole leg at once, not only this shell: TERM, then KILL after 5 s. Killing unshare
# kills its namespace's first process (--kill-child), which takes every process of the
# PID namespace with it, and so the mount namespace and its mounts.
killable() {
	local pid status
	"$@" &
	pid=$!
	trap 'stop_and_exit '"$pid"' 130' INT
	trap 'stop_and_exit '"$pid"' 143' TERM
	wait "$pid"
	status=$?
	trap 'log "interrupted"; exit 130' INT
	trap 'log "terminated"; exit 143' TERM
	return $status
}

stop_and_exit() { # stop_and_exit PID STATUS
	local i
	kill -TERM "$1" 2>/dev/null
	for i in 1 2 3 4 5; do
		kill -0 "$1" 2>/dev/null || break
		sleep 1
	done
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	log "interrupted"
	exit "$2"
}

inside() { # inside ROOTFS CMD...: CMD chrooted in ROOTFS, with the mounts, in private namespaces
	CENTRALITES_CALLER_MNTNS=$(readlink /proc/self/ns/mnt) \
		killable unshare --mount --propagation private --pid --fork --kill-child -- "$SELF" --in-rootfs "$@"
}

# The venv's recipe: requirements-dev.txt and MATRIX_PIP_EXTRA (e.g. "pandas>=3": the suite on the
# pandas of today's Windows installers instead of Debian's); a change rebuilds the venv from scratch.
requirements_hash() { { cat "$ROOT/requirements-dev.txt"; echo "${MATRIX_PIP_EXTRA:-}"; } | sha256sum | cut -d' ' -f1; }

# Build (once) the root filesystem of a Debian suite, and its venv of test tools.
prepare_rootfs() {
	local suite=$1 dir=$CACHE/$1 partial=$CACHE/$1.partial logfile=$CACHE/$1.log
	local started=$SECONDS
	if [ "${MATRIX_REBUILD:-0}" = 1 ] && [ -e "$dir" ] && [ -z "${REBUILT[$suite]:-}" ]; then
		log "$suite: MATRIX_REBUILD=1, building again"
		safe_rm "$dir" || return 1
	fi
	if [ -n "${MATRIX_MAX_AGE_DAYS:-}" ] && [ -z "${REBUILT[$suite]:-}" ] &&
		[ -n "$(find "$dir/.centralites-rootfs" -mtime "+$MATRIX_MAX_AGE_DAYS" 2>/dev/null)" ]; then
		log "$suite: root filesystem older than $MATRIX_MAX_AGE_DAYS days, building again"
		safe_rm "$dir" || return 1
	fi
	REBUILT[$suite]=1
	if [ ! -e "$dir/.centralites-rootfs" ]; then
		log "$suite: building the root filesystem with debootstrap (a few minutes, ~2.5 GB; log: $logfile)"
		local free_kb
		free_kb=$(df -Pk "$CACHE" | awk 'NR == 2 { print $4 }')
		if [ "${free_kb:-0}" -lt $((4 * 1024 * 1024)) ]; then
			log "$suite: less than 4 GB free in $CACHE ($((free_kb / 1024)) MB): not building"
			return 1
		fi
		safe_rm "$partial" || return 1
		safe_rm "$dir" || return 1
		if ! unshare --mount --propagation private -- \
			debootstrap --variant=minbase --include="$INCLUDE" "$suite" "$partial" "$MIRROR" >"$logfile" 2>&1; then
			log "$suite: debootstrap failed, last lines of $logfile:"
			cp "$partial/debootstrap/debootstrap.log" "$CACHE/$suite.debootstrap.log" 2>/dev/null &&
				tail -n 20 "$CACHE/$suite.debootstrap.log" >&2 || tail -n 15 "$logfile" >&2
			safe_rm "$partial"
			return 1
		fi
		for package in $OPTIONAL; do
			if ! inside "$partial" /bin/sh -c "export DEBIAN_FRONTEND=noninteractive
				apt-get install -y -q --no-install-recommends $package || { apt-get purge -y -q $package; exit 1; }" >>"$logfile" 2>&1; then
				log "$suite: optional package $package does not install, left out (see $logfile)"
			fi
		done
		inside "$partial" apt-get clean >>"$logfile" 2>&1
		echo "$INCLUDE" >"$partial/.centralites-packages"
		touch "$partial/.centralites-rootfs"
		mv "$partial" "$dir"
	fi
	# Packages added to INCLUDE since the build: apt-get them, no rebuild (sid's Release
	# file may be past its Valid-Until on a mirror snapshot, which debootstrap ignores).
	if [ "$(cat "$dir/.centralites-packages" 2>/dev/null)" != "$INCLUDE" ]; then
		log "$suite: installing the packages added to the list (apt-get)"
		inside "$dir" /bin/sh -c "export DEBIAN_FRONTEND=noninteractive; apt-get update -q -o Acquire::Check-Valid-Until=false &&
			apt-get install -y -q --no-install-recommends ${INCLUDE//,/ } && apt-get clean" >>"$logfile" 2>&1 ||
			{ log "$suite: apt-get install failed (see $logfile)"; return 1; }
		echo "$INCLUDE" >"$dir/.centralites-packages"
	fi
	local want
	want=$(requirements_hash)
	if [ "$(cat "$dir/.centralites-venv" 2>/dev/null)" != "$want" ]; then
		log "$suite: installing the test tools of requirements-dev.txt in $VENV_IN"
		# The host's CA bundle, in case the network goes through a proxy with its own CA.
		cp -L /etc/ssl/certs/ca-certificates.crt "$dir/etc/ssl/certs/centralites-host-ca.crt"
		if ! inside "$dir" /bin/sh -c "set -e
			rm -rf $VENV_IN
			python3 -m venv --system-site-packages $VENV_IN
			$VENV_IN/bin/python -m pip install -q -r '$ROOT/requirements-dev.txt' ${MATRIX_PIP_EXTRA:+'$MATRIX_PIP_EXTRA'}" >>"$logfile" 2>&1; then
			log "$suite: pip install failed, last lines of $logfile:"
			tail -n 15 "$logfile" >&2
			return 1
		fi
		echo "$want" >"$dir/.centralites-venv"
	fi
	if [ $((SECONDS - started)) -gt 1 ]; then
		log "$suite: ready in $((SECONDS - started)) s"
	fi
}

# Version line of the interpreter a leg uses: QGIS, Python, pandas.
VERSIONS_PY='import sys, pandas
from qgis.core import Qgis
print("QGIS %s | Python %s | pandas %s" % (Qgis.QGIS_VERSION, sys.version.split()[0], pandas.__version__))'

# The result line of a leg: LABEL LEG SECONDS [JUNIT_XML] (errors count as failed).
RESULT_PY='import os, sys, xml.etree.ElementTree as ET
label, leg, seconds = sys.argv[1:4]
junit = sys.argv[4] if len(sys.argv) > 4 else ""
if junit and os.path.getsize(junit):
    root = ET.parse(junit).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    n = {k: sum(int(s.get(k, 0)) for s in suites) for k in ("tests", "failures", "errors", "skipped")}
    passed = n["tests"] - n["failures"] - n["errors"] - n["skipped"]
    counts = "%4d passed  %3d failed  %3d skipped" % (passed, n["failures"] + n["errors"], n["skipped"])
else:
    counts = "no test report: pytest did not finish"
print("%-56s %s  %5s s  [%s]" % (label, counts, seconds, leg))'

run_leg() {
	local leg=$1 started=$SECONDS versions junit rc label
	local pytest_args=(tests -o cache_dir=/tmp/centralites-pytest-cache "${EXTRA[@]}")
	if [ "$leg" = host ]; then
		local py=$ROOT/.venv/bin/python
		[ -x "$py" ] || { log "host: $py is missing (make deps)"; RESULTS+=("host: no .venv (run make deps)"); return 1; }
		junit=$(mktemp /tmp/centralites-junit-XXXXXX.xml)
		export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
		mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
		versions=$(cd /tmp && "$py" -c "$VERSIONS_PY" 2>/dev/null | tail -n 1)
		log "host: $versions"
		(cd "$ROOT" && killable "$ROOT/.venv/bin/pytest" "${pytest_args[@]}" --junitxml="$junit")
		rc=$?
	else
		if ! prepare_rootfs "$leg"; then
			if [ "${MATRIX_UNBUILT_OK:-0}" = 1 ]; then
				# A mirror or network failure is not a test failure: said loudly, not counted.
				RESULTS+=("$leg: root filesystem NOT BUILT, leg skipped (see $CACHE/$leg.log; MATRIX_UNBUILT_OK=1)")
				return 0
			fi
			RESULTS+=("$leg: root filesystem not built (see $CACHE/$leg.log)")
			return 1
		fi
		local dir=$CACHE/$leg
		rm -f "$dir/var/tmp/centralites-junit.xml"
		versions=$(inside "$dir" /bin/sh -c "cd /tmp && python -c '$VERSIONS_PY'" 2>/dev/null | tail -n 1)
		log "$leg: $versions"
		inside "$dir" /bin/sh -c 'mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR" && cd "$0" && exec pytest "$@"' \
			"$ROOT" "${pytest_args[@]}" --junitxml=/var/tmp/centralites-junit.xml
		rc=$?
		junit=$dir/var/tmp/centralites-junit.xml
	fi
	label=${versions:-QGIS ? ($leg)}
	local report=()
	[ -s "$junit" ] && report=("$junit")
	RESULTS+=("$(python3 -c "$RESULT_PY" "$label" "$leg" $((SECONDS - started)) "${report[@]}")")
	if [ "$leg" = host ]; then rm -f "$junit"; fi
	return $((rc != 0))
}

# Read whole before it runs: editing this file during a run does not disturb the run.
main() {
	if [ "$(id -u)" != 0 ]; then
		exec sudo --preserve-env=MATRIX_CACHE,MATRIX_MIRROR,MATRIX_REBUILD,MATRIX_MAX_AGE_DAYS,MATRIX_PYTEST_ARGS,MATRIX_PIP_EXTRA,MATRIX_UNBUILT_OK,CI "$SELF" "$@"
	fi
	for tool in debootstrap unshare chroot; do
		command -v "$tool" >/dev/null || { log "$tool is missing (apt-get install debootstrap)"; exit 1; }
	done

	LEGS=("$@")
	[ ${#LEGS[@]} -gt 0 ] || LEGS=(host trixie sid)
	mkdir -p "$CACHE"
	CACHE=$(cd "$CACHE" && pwd -P)
	declare -gA REBUILT=()
	RESULTS=()
	STATUS=0
	read -r -a EXTRA <<<"${MATRIX_PYTEST_ARGS:-}"
	trap 'log "interrupted"; exit 130' INT
	trap 'log "terminated"; exit 143' TERM

	for leg in "${LEGS[@]}"; do
		case $leg in
		host | trixie | sid | bookworm | forky | testing | unstable | stable) ;;
		*) log "unknown leg '$leg' (host, trixie, sid, or another Debian suite name)"; exit 2 ;;
		esac
		log "=== $leg ==="
		run_leg "$leg" || STATUS=1
	done

	echo
	echo "Test matrix (passed / failed / skipped, duration):"
	printf '  %s\n' "${RESULTS[@]}"
	df_line=$(du -sh "$CACHE" 2>/dev/null | cut -f1)
	echo "  root filesystems in $CACHE: ${df_line:-?}"
	exit $STATUS
}

main "$@"
