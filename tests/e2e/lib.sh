# Sourced (not run) by every end-to-end test: $work (a fresh folder removed
# on exit, read-only parts included), fail, check and finish. A test that
# starts a process of its own replaces the trap and removes $work itself.

work=$(mktemp -d "${TMPDIR:-/tmp}/committee-pdf-e2e.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# check DESCRIPTION COMMAND...: runs COMMAND, reports ok or FAIL.
check() {
	what=$1
	shift
	if "$@"; then
		echo "ok: $what"
	else
		fail "$what"
	fi
}

# The last line of every test: exit 1 when any check failed.
finish() {
	[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
	echo "all checks passed"
}
