#!/bin/sh
# man/committee-pdf.1 is kept true with --help: every command the program
# lists and every long option each command's --help names is in the man
# page, and the man page names no option of build or preview that --help
# does not.
. tests/e2e/lib_batch.sh

man=man/committee-pdf.1
# Long options as written in roff (\-\-name) and in help text (--name).
man_options() { grep -o '\\-\\-[a-z][a-z\\-]*' "$man" | sed 's/\\//g' | sort -u; }
help_options() { grep -o -- '--[a-z][a-z-]*' | sort -u; }

man_options > "$work/man-options"
commands=$("$BIN" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
check "the program lists commands" [ -n "$commands" ]
for c in $commands; do
	check "man page describes '$c'" grep -q "^\.B[I]* $c\b" "$man"
	"$BIN" "$c" --help > "$work/help-$c" 2>&1
	help_options < "$work/help-$c" > "$work/options-$c"
	for option in $(cat "$work/options-$c"); do
		grep -qx -- "$option" "$work/man-options" ||
			fail "'$c $option' is in --help but not in the man page"
	done
done
echo "ok: every option in --help is in the man page"

# The other way, for the commands whose options are all in their --help.
for c in build preview; do
	sed -n "/^\.BI $c /,/^\.RE/p" "$man" | grep -o '\\-\\-[a-z][a-z\\-]*' |
		sed 's/\\//g' | sort -u > "$work/man-$c"
	for option in $(cat "$work/man-$c"); do
		grep -qx -- "$option" "$work/options-$c" ||
			fail "'$c $option' is in the man page but not in --help"
	done
done
echo "ok: the man page names no option build or preview lacks"

if command -v groff > /dev/null; then
	check "the man page formats without warnings" \
		sh -c "[ -z \"\$(groff -man -Tutf8 -ww '$man' 2>&1 > /dev/null)\" ]"
fi
finish
