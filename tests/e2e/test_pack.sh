#!/bin/sh
# committee-pdf pack on the sample meeting: one PDF of the agenda and every
# paper, its page count the sum of its parts, the agenda's page ranges where
# each item starts, continuous page numbers, a bookmark per item, exempt
# parts left out of the public pack (with the Schedule 12A statement) and
# kept and marked in the members' pack, agenda.pdf the front sheet alone,
# committee-pdf check clean, and a bad paper or meeting stopping the pack
# with nothing written.
set -u
. tests/e2e/lib.sh
meeting=samples/meetings/governance-2024-02-22.xml
export SOURCE_DATE_EPOCH=1708560000

pages_of() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

"$BIN" pack --allow-dir samples "$meeting" -o "$work/public" 2> "$work/err"
check "pack exits 0" test $? -eq 0
check "pack says nothing" test ! -s "$work/err"
check "pack writes agenda.pdf and reports-pack.pdf, no members' pack" \
	test "$(ls "$work/public")" = "$(printf 'agenda.pdf\nreports-pack.pdf')"
"$BIN" pack --members --allow-dir samples "$meeting" -o "$work/out" 2> "$work/err"
check "pack --members exits 0" test $? -eq 0
check "pack --members says nothing" test ! -s "$work/err"
check "pack --members writes the three files" \
	test "$(ls "$work/out")" = "$(printf 'agenda.pdf\nreports-pack-members.pdf\nreports-pack.pdf')"
check "the public pack is the same with and without --members" \
	cmp -s "$work/public/reports-pack.pdf" "$work/out/reports-pack.pdf"
cp "$work/out/reports-pack.pdf" "$work/pack.pdf"
cp "$work/out/reports-pack-members.pdf" "$work/full.pdf"

# ---- page counts: the front sheet plus the parts ----
for paper in best-value-2024 resources-2024-q3 fleet-contract-2024; do
	"$BIN" render "samples/$paper.xml" -o "$work/$paper.pdf" || fail "render $paper"
done
bv=$(pages_of "$work/best-value-2024.pdf")
res=$(pages_of "$work/resources-2024-q3.pdf")
fleet=$(pages_of "$work/fleet-contract-2024.pdf")
# Best Value without its exempt Appendix 2: the pages before that appendix
# starts, plus the one statement page standing for it.
pdftotext -layout "$work/best-value-2024.pdf" "$work/bv.txt"
app2=$(awk 'BEGIN { RS = "\f" } /(^|\n)Appendix 2: City of Wolverhampton Council Best Value Benchmarking/ { print NR; exit }' "$work/bv.txt")
bv_public=$app2
full=$(pages_of "$work/full.pdf")
public=$(pages_of "$work/pack.pdf")
check "full pack: 1 front sheet + $bv + $res + $fleet pages ($full)" \
	test "$full" -eq $((1 + bv + res + fleet))
check "public pack: 1 + $bv_public + $res + 1 exemption page ($public)" \
	test "$public" -eq $((1 + bv_public + res + 1))

# ---- the front sheet gives each item's pages ----
pdftotext -layout -f 1 -l 1 "$work/pack.pdf" "$work/front.txt"
first=2; last=$((1 + bv_public))
check "item 3 (Pages $first - $last)" grep -q "Best Value Standards and Intervention Guidance *(Pages $first - $last)" "$work/front.txt"
first=$((last + 1)); last=$((last + res))
check "item 5 (Pages $first - $last)" grep -q "Quarter 3 *(Pages $first - $last)" "$work/front.txt"
check "item 6 (Page $public)" grep -q "Vehicles *(Page $public)" "$work/front.txt"
check "the verbal item says so" grep -q "Verbal report" "$work/front.txt"
check "the agenda marks the exempt item" grep -q "exempt information under paragraph 3 of" "$work/front.txt"
# Each range is where the item's paper starts: its cover's title is there.
start=$((2 + bv_public))
pdftotext -layout -f "$start" -l "$start" "$work/pack.pdf" - | grep -q "Finance and Customer Services Performance Report" ||
	fail "item 5's paper does not start on page $start"
check "continuous page numbers" sh -c "pdftotext -layout -f $start -l $start '$work/pack.pdf' - | grep -q 'Page $start of $public'"

# ---- agenda.pdf: the front sheet alone, naming the pack's pages ----
agenda_pdf="$work/out/agenda.pdf"
check "agenda.pdf is one page" test "$(pages_of "$agenda_pdf")" -eq 1
pdftotext -layout "$agenda_pdf" "$work/agenda.txt"
check "agenda.pdf gives the pack's page ranges" \
	grep -q "Vehicles *(Page $public)" "$work/agenda.txt"
check "agenda.pdf is numbered as itself" grep -q "Page 1 of 1" "$work/agenda.txt"
pdfinfo "$agenda_pdf" | grep -q "^Title: *Governance and Ethics Committee, 22 February 2024: agenda$" ||
	fail "agenda.pdf's title"
check "committee-pdf check passes agenda.pdf" "$BIN" check --quiet "$agenda_pdf"

reader=tests/e2e/pack_reader.py

# ---- exempt parts ----
pdftotext "$work/pack.pdf" "$work/public.txt"
pdftotext "$work/full.pdf" "$work/full.txt"
check "the public pack states the exempt appendix's paragraph" \
	grep -q "This appendix is not for publication by virtue of paragraph 3 of Schedule 12A to the Local" "$work/public.txt"
check "the public pack states the exempt item's paragraph" \
	grep -q "This item is not for publication by virtue of paragraph 3 of Schedule 12A to the Local" "$work/public.txt"
# Words only the exempt parts hold: the self-assessment's and the contract's.
for words in "CI001" "fleet replacement" "Accountable Director"; do
	n_public=$(grep -c -- "$words" "$work/public.txt")
	n_full=$(grep -c -- "$words" "$work/full.txt")
	check "'$words': more in the members' pack ($n_full) than public ($n_public)" test "$n_full" -gt "$n_public"
done
grep -q "CI001" "$work/public.txt" && fail "the public pack holds the exempt self-assessment"
grep -q "fleet replacement" "$work/public.txt" && fail "the public pack holds the exempt contract's text"
# Every page of the exempt appendix says so in its running header.
marked=$(pdftotext -layout "$work/full.pdf" - | awk 'BEGIN { RS = "\f" } /NOT FOR PUBLICATION – This report/ { n++ } END { print n + 0 }')
check "the members' pack marks the exempt appendix's and item's pages ($marked = $((bv - app2 + 1 + fleet)))" \
	test "$marked" -eq $((bv - app2 + 1 + fleet))
grep -q "NOT FOR PUBLICATION – " "$work/public.txt" && fail "the public pack marks pages as exempt"
# Header and watermark on every exempt page and on no other: pdftotext
# reads each page's running header; it leaves diagonal text out, so the
# watermark is read from the members' display list (the rotated line's
# words) and from the PDF (a Watermark artifact on the page).
exempt_pages=$(echo $(seq $((1 + app2)) $((1 + bv))) $(seq $((full - fleet + 1)) "$full"))
pdftotext -layout "$work/full.pdf" - | awk 'BEGIN { RS = "\f" } /NOT FOR PUBLICATION – / { print NR }' > "$work/headed"
check "the exempt pages' headers say NOT FOR PUBLICATION ($(echo $(cat "$work/headed")))" \
	test "$(echo $(cat "$work/headed"))" = "$exempt_pages"
"$BIN" pack --members --dump-layout --allow-dir samples "$meeting" > "$work/full.json"
sed -n 's/.*"page":\([0-9]*\),.*"text":"NOT FOR PUBLICATION","angle":.*/\1/p' \
	"$work/full.json" > "$work/watermarked"
check "the exempt pages carry the NOT FOR PUBLICATION watermark ($(echo $(cat "$work/watermarked")))" \
	test "$(echo $(cat "$work/watermarked"))" = "$exempt_pages"
"$BIN" pack --dump-layout --allow-dir samples "$meeting" > "$work/public.json"
check "the public pack has no watermark" test "$(grep -c '"angle":' "$work/public.json")" -eq 0
/usr/bin/python3 "$reader" "$work/full.pdf" watermarks > "$work/artifacts"
check "the watermarks are watermark artifacts, no content" \
	test "$(echo $(cat "$work/artifacts"))" = "$exempt_pages"

# ---- bookmarks and accessibility ----
qpdf --json --json-key=outlines "$work/pack.pdf" > "$work/outline.json"
for item in "Item 3: Best Value" "Item 5: Finance" "Item 6: Contract"; do
	grep -q "\"title\": \"$item" "$work/outline.json" || fail "no bookmark $item"
done
# Each front-sheet item links to the page where it starts; a Part per item.
/usr/bin/python3 "$reader" "$work/pack.pdf" links 1 > "$work/links.txt"
sed 's/.* -> //' "$work/links.txt" > "$work/links"
printf '2\n%s\n%s\n' $((2 + bv_public)) "$public" > "$work/starts"
check "the front sheet's items link to where they start ($(echo $(cat "$work/links"))) " \
	cmp -s "$work/starts" "$work/links"
grep -q "^Go to Item 5: Finance" "$work/links.txt" ||
	fail "an item's link does not say where it goes"
/usr/bin/python3 "$reader" "$work/out/agenda.pdf" links 1 > "$work/agenda-links"
check "agenda.pdf alone has no links to pages it lacks" test ! -s "$work/agenda-links"
/usr/bin/python3 "$reader" "$work/pack.pdf" parts > "$work/parts"
check "a Part for the front sheet and each item with pages" \
	test "$(echo $(cat "$work/parts"))" = "Part Part Part Part"
# Page labels: a range per item, each the pack page numbers its footers print.
/usr/bin/python3 "$reader" "$work/pack.pdf" ranges > "$work/ranges"
printf '0 1\n1 2\n%s %s\n%s %s\n' $((1 + bv_public)) $((2 + bv_public)) \
	$((public - 1)) "$public" > "$work/expected-ranges"
check "a page label range per item, at its first pack page" \
	cmp -s "$work/expected-ranges" "$work/ranges"
/usr/bin/python3 "$reader" "$work/full.pdf" labels > "$work/labels"
check "the members' pack's labels are 1 to $full" \
	test "$(echo $(cat "$work/labels"))" = "$(echo $(seq 1 "$full"))"
check "committee-pdf check passes the public pack" "$BIN" check --quiet "$work/pack.pdf"
check "committee-pdf check passes the members' pack" "$BIN" check --quiet "$work/full.pdf"

# ---- errors stop the pack: nothing written ----
# Meetings in $work name the samples by absolute path, allowed by --allow-dir.
cp tests/bad/impossible-date.xml "$work/broken.xml"
sed "s|\"\\.\\./|\"$PWD/samples/|" "$meeting" > "$work/moved.xml"
sed 's|"[^"]*/best-value-2024.xml"|"broken.xml"|' "$work/moved.xml" > "$work/meeting.xml"
"$BIN" pack --members --allow-dir samples "$work/meeting.xml" -o "$work/bad" 2> "$work/err"
check "a bad paper: exit 1" test $? -eq 1
check "a bad paper: nothing written" test ! -e "$work/bad"
mkdir "$work/kept"; echo old > "$work/kept/reports-pack.pdf"
"$BIN" pack --allow-dir samples "$work/meeting.xml" -o "$work/kept" 2> /dev/null
check "a bad paper: the previous pack is kept" \
	test "$(cat "$work/kept/reports-pack.pdf")" = old -a ! -e "$work/kept/agenda.pdf"
sed "s|^tests/bad/impossible-date.xml:|$work/broken.xml:|" tests/bad/impossible-date.expected > "$work/expected"
check "a bad paper's error is in its own file" grep -qxF "$(cat "$work/expected")" "$work/err"
"$BIN" validate --allow-dir samples "$work/meeting.xml" 2> "$work/err"
check "validate of the meeting: exit 1" test $? -eq 1
check "validate of the meeting names the paper's error" grep -qxF "$(cat "$work/expected")" "$work/err"
# A paper a meeting names gets validate's own warnings (colours, sign-offs
# …): each of tests/warnings named by a meeting says what validate says.
for source in tests/warnings/*.xml; do
	sed "s|src=\"no-such-paper.xml\"|src=\"$PWD/$source\"|" tests/bad/meeting-missing-paper.xml > "$work/warned.xml"
	"$BIN" validate "$source" 2>&1 | sed '$d' > "$work/alone"
	"$BIN" validate --allow-dir tests/warnings "$work/warned.xml" 2>&1 | sed '$d' |
		sed "s|^$PWD/||" > "$work/named"
	check "validate of a meeting naming $source warns as validate of it does" \
		test -s "$work/alone" -a "$(cat "$work/named")" = "$(cat "$work/alone")"
done
"$BIN" pack tests/bad/meeting-items-out-of-order.xml -o "$work/bad" 2> "$work/err"
check "a bad meeting: exit 1 and nothing written" test $? -eq 1 -a ! -e "$work/bad"
check "a bad meeting: its diagnostics" cmp -s tests/bad/meeting-items-out-of-order.expected "$work/err"
sed 's|number="2" paragraph="3"|number="7" paragraph="3"|' "$work/moved.xml" > "$work/samples-meeting.xml"
"$BIN" pack --allow-dir samples "$work/samples-meeting.xml" -o "$work/bad" 2> "$work/err"
check "an exempt appendix the paper lacks: exit 1" test $? -eq 1
check "an exempt appendix the paper lacks: said where" \
	grep -q "^$work/samples-meeting.xml:39:5: error: appendix 7 is exempt, but .*best-value-2024.xml has 2 appendixes$" "$work/err"
"$BIN" pack 2> /dev/null
check "no meeting: usage, exit 2" test $? -eq 2
"$BIN" pack --full "$meeting" 2> /dev/null
check "--full is gone (--members): usage, exit 2" test $? -eq 2
"$BIN" pack --allow-dir samples "$meeting" -o "$work/no/such/dir" 2> "$work/err"
check "an output folder that cannot be made: exit 1" test $? -eq 1
check "an output folder that cannot be made: said" \
	grep -q "^$work/no/such/dir: error: cannot create the output folder: No such file or directory$" "$work/err"
# Without -o the files go into a folder named after the meeting.
cp tests/layout/meetings/agenda-front-sheet.xml "$work/scrutiny.xml"
(cd "$work" && "$BIN" pack scrutiny.xml)
check "the default folder is the meeting's name" test -s "$work/scrutiny/reports-pack.pdf" -a -s "$work/scrutiny/agenda.pdf"

# ---- the samples are what the issue asks for ----
check "the Governance meeting has five items or more, one verbal, one with an exempt appendix" \
	test "$(grep -c '<item ' "$meeting")" -ge 5 -a "$(grep -c '<verbal>' "$meeting")" -ge 1 -a \
	"$(grep -c '<exempt-appendix ' "$meeting")" -ge 1

# ---- the scrutiny panel sample: two quarterly reports ----
scrutiny=samples/meetings/adults-scrutiny-2025-03-12.xml
"$BIN" pack --allow-dir samples "$scrutiny" -o "$work/scrutiny-pack" 2> "$work/err"
check "the scrutiny panel packs" test $? -eq 0
check "its only messages are Quarter 3's own, in its file" \
	test "$(grep -vc '^samples/meetings/../adults-2024-q3.xml:[0-9]*:[0-9]*: warning: ' "$work/err")" -eq 0
for quarter in q2 q3; do
	"$BIN" render "samples/adults-2024-$quarter.xml" -o "$work/adults-$quarter.pdf" 2> /dev/null ||
		fail "render adults-2024-$quarter"
done
q2=$(pages_of "$work/adults-q2.pdf")
q3=$(pages_of "$work/adults-q3.pdf")
check "the scrutiny pack: 1 + $q2 + $q3 pages" \
	test "$(pages_of "$work/scrutiny-pack/reports-pack.pdf")" -eq $((1 + q2 + q3))
pdftotext -layout -f 1 -l 1 "$work/scrutiny-pack/reports-pack.pdf" "$work/scrutiny.txt"
check "its front sheet gives Quarter 3 (Pages $((2 + q2)) - $((1 + q2 + q3)))" \
	grep -q "Quarter 3 2024-2025 *(Pages $((2 + q2)) - $((1 + q2 + q3)))" "$work/scrutiny.txt"
check "its verbal and to-follow items say so" \
	sh -c "grep -q 'Verbal update' '$work/scrutiny.txt' && grep -q 'Report to follow' '$work/scrutiny.txt'"
check "committee-pdf check passes the scrutiny pack" \
	"$BIN" check --quiet "$work/scrutiny-pack/reports-pack.pdf"

# ---- a supplement: an item to follow, filled later ----
# Item 7 is to follow in the pack; its paper, filled in later, is published
# in supplement 1 with the pack's page numbers continued.
item7='  <item number="7">\
    <title>Electoral Ward Boundary Review</title>\
    <to-follow>Report to follow</to-follow>\
  </item>'
sed "s|^</meeting>|$item7\\
</meeting>|" "$work/moved.xml" > "$work/to-follow.xml"
sed "s|<to-follow>Report to follow</to-follow>|&\\
    <paper src=\"$PWD/samples/ward-review-2024.xml\" supplement=\"1\"/>|" \
	"$work/to-follow.xml" > "$work/followed.xml"
grep -q 'supplement="1"' "$work/followed.xml" || fail "the followed meeting was not made"
"$BIN" pack --members --allow-dir samples "$work/to-follow.xml" -o "$work/s0" 2> "$work/err"
check "a meeting with an item to follow packs" test $? -eq 0 -a ! -s "$work/err"
"$BIN" pack --members --allow-dir samples "$work/followed.xml" -o "$work/s1" 2> "$work/err"
check "a meeting whose item followed packs" test $? -eq 0 -a ! -s "$work/err"
for f in agenda.pdf reports-pack.pdf reports-pack-members.pdf; do
	check "$f is the same once the item followed: what was published stays" \
		cmp -s "$work/s0/$f" "$work/s1/$f"
done
pdftotext -layout -f 1 -l 1 "$work/s1/reports-pack.pdf" - | grep -q "Electoral Ward Boundary Review *$" ||
	fail "the pack's front sheet gives the item to follow pages"
pdftotext -layout -f 1 -l 1 "$work/s1/reports-pack.pdf" - | grep -q "Report to follow" ||
	fail "the pack's front sheet does not say the item is to follow"
"$BIN" pack --members --supplement 1 --allow-dir samples "$work/followed.xml" -o "$work/s1" 2> "$work/err"
check "pack --supplement 1 exits 0 without a message" test $? -eq 0 -a ! -s "$work/err"
check "--supplement 1 writes supplement-1.pdf and its members' edition beside the pack" \
	test "$(ls "$work/s1" | tr '\n' ' ')" = "agenda.pdf reports-pack-members.pdf reports-pack.pdf supplement-1-members.pdf supplement-1.pdf "
"$BIN" render "samples/ward-review-2024.xml" -o "$work/ward.pdf" || fail "render ward-review-2024"
ward=$(pages_of "$work/ward.pdf")
supplement="$work/s1/supplement-1.pdf"
pack_pages=$(pages_of "$work/s1/reports-pack.pdf")
last=$((pack_pages + 1 + ward))
check "supplement 1: its front sheet and the paper ($(pages_of "$supplement") = 1 + $ward)" \
	test "$(pages_of "$supplement")" -eq $((1 + ward))
pdftotext -layout "$supplement" "$work/supplement.txt"
check "supplement 1's front sheet is numbered on from the pack (Page $((pack_pages + 1)) of $last)" \
	sh -c "pdftotext -layout -f 1 -l 1 '$supplement' - | grep -q 'Page $((pack_pages + 1)) of $last'"
check "its front sheet gives the item's pages in the pack's numbering" \
	grep -q "Electoral Ward Boundary Review *(Pages $((pack_pages + 2)) - $last)" "$work/supplement.txt"
check "its front sheet lists only the supplement's item" \
	sh -c "! grep -q 'Best Value Standards\|Verbal report\|Report to follow' '$work/supplement.txt'"
check "its front sheet is headed Supplementary agenda 1" grep -q "^ *Supplementary agenda 1" "$work/supplement.txt"
check "the paper's pages go on: Page $((pack_pages + 2)) of $last" \
	sh -c "pdftotext -layout -f 2 -l 2 '$supplement' - | grep -q 'Page $((pack_pages + 2)) of $last'"
/usr/bin/python3 "$reader" "$supplement" labels > "$work/labels"
check "supplement 1's page labels are $((pack_pages + 1)) to $last" \
	test "$(echo $(cat "$work/labels"))" = "$(echo $(seq $((pack_pages + 1)) "$last"))"
/usr/bin/python3 "$reader" "$supplement" links 1 | sed 's/.* -> //' > "$work/links"
check "its item links to where it starts" test "$(cat "$work/links")" = 2
pdfinfo "$supplement" | grep -q "^Title: *Governance and Ethics Committee, 22 February 2024: supplementary agenda 1 and reports$" ||
	fail "supplement 1's title"
members_pages=$(pages_of "$work/s1/reports-pack-members.pdf")
/usr/bin/python3 "$reader" "$work/s1/supplement-1-members.pdf" labels > "$work/labels"
check "the members' supplement goes on from the members' pack ($members_pages)" \
	test "$(head -n 1 "$work/labels")" -eq $((members_pages + 1))
check "committee-pdf check passes supplement 1" "$BIN" check --quiet "$supplement"
"$BIN" pack --supplement 2 --allow-dir samples "$work/followed.xml" -o "$work/s2" 2> "$work/err"
check "a supplement no paper names: exit 1, nothing written" test $? -eq 1 -a ! -e "$work/s2"
check "a supplement no paper names: said" grep -qx "$work/followed.xml: error: no paper is published in supplement 2: the meeting's papers name supplements 1 to 1" "$work/err"
"$BIN" pack --supplement 0 "$work/followed.xml" 2> /dev/null
check "--supplement 0: usage, exit 2" test $? -eq 2

# ---- incremental: nothing is laid out while every file is newer ----
cp -R samples "$work/inc"
inc_meeting="$work/inc/meetings/governance-2024-02-22.xml"
"$BIN" pack --allow-dir "$work/inc" "$inc_meeting" -o "$work/inc-out" || fail "pack into inc-out"
for f in agenda.pdf reports-pack.pdf; do cp -p "$work/inc-out/$f" "$work/inc-$f"; done
sleep 1
"$BIN" pack --allow-dir "$work/inc" "$inc_meeting" -o "$work/inc-out" 2> "$work/err"
check "an up-to-date pack: exit 0, nothing said" test $? -eq 0 -a ! -s "$work/err"
check "an up-to-date pack is not written again" \
	test ! "$work/inc-out/reports-pack.pdf" -nt "$work/inc-reports-pack.pdf" -a \
	! "$work/inc-out/agenda.pdf" -nt "$work/inc-agenda.pdf"
"$BIN" pack --members --allow-dir "$work/inc" "$inc_meeting" -o "$work/inc-out"
check "--members on an up-to-date pack writes the members' pack" \
	test -s "$work/inc-out/reports-pack-members.pdf"
"$BIN" pack --force --allow-dir "$work/inc" "$inc_meeting" -o "$work/inc-out"
check "--force writes it again" test "$work/inc-out/reports-pack.pdf" -nt "$work/inc-reports-pack.pdf"
cp -p "$work/inc-out/reports-pack.pdf" "$work/inc-reports-pack.pdf"
sleep 1
touch "$work/inc/resources-2024-q3.xml"
"$BIN" pack --allow-dir "$work/inc" "$inc_meeting" -o "$work/inc-out"
check "a changed paper writes the pack again" test "$work/inc-out/reports-pack.pdf" -nt "$work/inc-reports-pack.pdf"
cp -p "$work/inc-out/reports-pack.pdf" "$work/inc-reports-pack.pdf"
sleep 1
touch "$work/inc/resources-2024-q2.xml"
"$BIN" pack --allow-dir "$work/inc" "$inc_meeting" -o "$work/inc-out"
check "a paper's previous quarter changed: the pack again" test "$work/inc-out/reports-pack.pdf" -nt "$work/inc-reports-pack.pdf"
cp -p "$work/inc-out/reports-pack.pdf" "$work/inc-reports-pack.pdf"
sleep 1
touch "$inc_meeting"
"$BIN" pack --allow-dir "$work/inc" "$inc_meeting" -o "$work/inc-out"
check "a changed meeting writes the pack again" test "$work/inc-out/reports-pack.pdf" -nt "$work/inc-reports-pack.pdf"

# ---- a Welsh meeting: every word the pack prints itself is Welsh ----
sed 's|xml:lang="en-GB"|xml:lang="cy"|' tests/layout/meetings/agenda-front-sheet.xml > "$work/cy-meeting.xml"
"$BIN" pack "$work/cy-meeting.xml" -o "$work/cy" 2> "$work/err"
check "the Welsh meeting packs without a message" test $? -eq 0 -a ! -s "$work/err"
cp "$work/cy/reports-pack.pdf" "$work/cy.pdf"
pdftotext "$work/cy.pdf" - | tr "\n" " " > "$work/cy.txt"
for phrase in "Rhaglen" "Eitem" "Teitl" "Tudalennau" "Dyddiad" "12 Mawrth 2024" \
	"Amser" "Lleoliad" "Cadeirydd" "Is-gadeirydd" "Aelodau" "Dirprwyon" \
	"Cworwm" "Cyswllt" "Ffôn 01902 554452" "Tudalen 1 o 1" \
	"yn rhinwedd paragraff 3 o Atodlen 12A"; do
	grep -qF "$phrase" "$work/cy.txt" || fail "the Welsh pack lacks \"$phrase\""
done
for english in "Agenda" "Item" "Title" "Pages" "Date" "March" "Time" "Venue" \
	"Chair" "Members" "Substitutes" "Quorum" "Contact" "Tel" "Page" \
	"Schedule 12A" "PUBLIC"; do
	grep -qwF "$english" "$work/cy.txt" && fail "the Welsh pack prints \"$english\""
done
pdfinfo "$work/cy.pdf" | grep -q "^Title: *Scrutiny Board, 12 Mawrth 2024: rhaglen ac adroddiadau$" ||
	fail "the Welsh pack's title is not Welsh"
finish
