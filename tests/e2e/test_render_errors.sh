#!/bin/sh
# A source with an error gives no output, whatever command makes it:
# render and preview exit 1, render leaves an older PDF as it was, build counts it as
# failed (exit 1) and tries it again next time instead of calling it up to
# date. The case is a stated rating with a space after it (rating="X "),
# which the schema trims and the model used to be built from anyway.
. tests/e2e/lib_batch.sh

spaced="$work/spaced.xml"
sed 's/actual="86" rating="G"/actual="86" rating="X "/' \
	tests/bad/rating-not-in-scale.xml | sed 's/rating="Purple"/rating="G"/' > "$spaced"
check "the case has the spaced rating" grep -q 'rating="X "' "$spaced"

"$BIN" validate "$spaced" 2> "$work/validate.err"
check "validate exits 1" [ $? -eq 1 ]
check "validate names the space" grep -q \
	':66:81: error: rating="X " of measure ASC01 has a space at its end' "$work/validate.err"

"$BIN" render "$spaced" -o "$work/new.pdf" 2> "$work/render.err"
check "render exits 1" [ $? -eq 1 ]
check "render writes no PDF" [ ! -e "$work/new.pdf" ]
check "render says why" grep -q 'has a space at its end' "$work/render.err"
check "render leaves no temporary file" [ -z "$(ls -A "$work" | grep '\.tmp$')" ]

mkdir -p "$work/png"
"$BIN" preview "$spaced" -o "$work/png" 2> /dev/null
check "preview exits 1" [ $? -eq 1 ]
check "preview writes no image" [ -z "$(ls -A "$work/png")" ]

small_paper "$work/good.xml" "Good paper"
"$BIN" render "$work/good.xml" -o "$work/old.pdf" 2> /dev/null
cp "$work/old.pdf" "$work/old.copy"
"$BIN" render "$spaced" -o "$work/old.pdf" 2> /dev/null
check "render of a bad source exits 1 over an old PDF" [ $? -eq 1 ]
check "the old PDF is intact" cmp -s "$work/old.pdf" "$work/old.copy"

# An item rating with a space used to validate and print a dash.
item="$work/item.xml"
sed 's/rating="Purple"/rating="G "/' tests/bad/rating-not-in-scale.xml > "$item"
"$BIN" render "$item" -o "$work/item.pdf" 2> "$work/item.err"
check "an item rating with a space: render exits 1" [ $? -eq 1 ]
check "an item rating with a space: no PDF" [ ! -e "$work/item.pdf" ]
check "an item rating with a space: named" grep -q \
	'rating="G " of item CI001 has a space at its end; codes and references are compared exactly, so write rating="G"' \
	"$work/item.err"

mkdir -p "$work/papers" "$work/out"
cp "$spaced" "$work/papers/spaced.xml"
small_paper "$work/papers/good.xml" "Good paper"
"$BIN" build -o "$work/out" "$work/papers" > "$work/build1.out" 2> "$work/build1.err"
check "build exits 1" [ $? -eq 1 ]
check "build counts it as failed" grep -q 'built 1, up to date 0, failed 1' "$work/build1.err"
check "build writes no PDF for it" [ ! -e "$work/out/spaced.pdf" ]
"$BIN" build -o "$work/out" "$work/papers" > "$work/build2.out" 2> "$work/build2.err"
check "build again exits 1" [ $? -eq 1 ]
check "build tries it again, never up to date" \
	grep -q 'built 0, up to date 1, failed 1' "$work/build2.err"
check "nothing left in the output folder but the good PDF" \
	[ "$(ls -A "$work/out")" = "good.pdf" ]
finish
