#!/bin/sh
# Runs every end-to-end test script in this folder; each gets $BIN (the
# program) and $BUILD, prints its own checks and exits non-zero on failure.
# Closes with "N passed, N failed".
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
passed=0
failed=0
for t in "$here"/test_*.sh; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .sh)
	if (cd "$root" && sh "$t") > "$BUILD/$name.log" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		sed 's/^/     /' "$BUILD/$name.log" | tail -n 40
	fi
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
