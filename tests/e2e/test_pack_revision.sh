#!/bin/sh
# A paper published in the reports pack and then revised: <revision
# supplement="N" src="…">why</revision> on its item. The reports pack and
# agenda stay as published (the original paper); supplement-N.pdf holds
# the revised paper, not the original, its supplementary agenda naming the
# pages of the version it replaces and why; page numbers go on from the
# editions before it, each counted as it was published, in the public and
# the members' editions; a revision of a revision names the supplement it
# replaces; a revised paper is validated in its own file; the words are
# the catalogue's (Welsh for a Welsh meeting).
set -u
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1708560000
reader=tests/e2e/pack_reader.py
pages_of() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
# flat FILE.pdf: its text on one line, runs of blanks one space.
flat() { pdftotext "$1" - | tr '\n' ' ' | tr -s ' '; }

# The sample meeting with its papers named by absolute path, and Quarter 3
# revised beside it (with the previous quarter it compares with).
sed "s|\"\\.\\./|\"$PWD/samples/|" samples/meetings/governance-2024-02-22.xml > "$work/moved.xml"
cp samples/resources-2024-q2.xml "$work/"
sed 's/Housing benefit caseload continues to fall/The corrected figures show housing benefit caseload falling/' \
	samples/resources-2024-q3.xml > "$work/resources-revised.xml"
cmp -s samples/resources-2024-q3.xml "$work/resources-revised.xml" && fail "the revised paper was not made"
# revise FILE.xml OUT.xml SUPPLEMENT PAPER: item 5 revised in SUPPLEMENT.
revise() {
	sed "s|\\(<paper src=\"[^\"]*resources-2024-q3.xml\"/>\\)|\\1\\
    <revision supplement=\"$3\" src=\"$4\">The Quarter 3 figures for two measures were corrected.</revision>|" "$1" > "$2"
}
revise "$work/moved.xml" "$work/revised.xml" 1 resources-revised.xml
grep -q '<revision supplement="1"' "$work/revised.xml" || fail "the revised meeting was not made"

"$BIN" validate --allow-dir samples "$work/revised.xml" > /dev/null 2> "$work/err"
check "validate of a meeting with a revision: exit 0" test $? -eq 0
"$BIN" pack --members --allow-dir samples "$work/moved.xml" -o "$work/before" 2> "$work/err" ||
	fail "pack the meeting before the revision"
"$BIN" pack --members --allow-dir samples "$work/revised.xml" -o "$work/out" 2> "$work/err"
check "pack of the revised meeting: exit 0, nothing said" test $? -eq 0 -a ! -s "$work/err"
for f in agenda.pdf reports-pack.pdf reports-pack-members.pdf; do
	check "$f is as published before the revision" cmp -s "$work/before/$f" "$work/out/$f"
done
flat "$work/out/reports-pack.pdf" > "$work/pack.txt"
check "the reports pack still has the original paper" \
	grep -qF 'Housing benefit caseload continues to fall' "$work/pack.txt"

"$BIN" pack --members --supplement 1 --allow-dir samples "$work/revised.xml" -o "$work/out" 2> "$work/err"
check "pack --supplement 1: exit 0, nothing said" test $? -eq 0 -a ! -s "$work/err"
# Laid out in one process or in workers: the same bytes.
for j in 1 2; do
	"$BIN" pack -j $j --members --supplement 1 --allow-dir samples "$work/revised.xml" \
		-o "$work/j$j" 2> "$work/err" || fail "pack -j $j --supplement 1: $(cat "$work/err")"
done
for f in supplement-1.pdf supplement-1-members.pdf; do
	check "$f: -j 1 and -j 2 write the same bytes" cmp -s "$work/j1/$f" "$work/j2/$f"
done
supplement="$work/out/supplement-1.pdf"
flat "$supplement" > "$work/supplement.txt"
check "supplement 1 holds the revised paper" grep -qF "The corrected figures show housing benefit caseload falling" "$work/supplement.txt"
check "and not the original's words" sh -c "! grep -qF 'Housing benefit caseload continues to fall' '$work/supplement.txt'"
"$BIN" render "$work/resources-revised.xml" -o "$work/revised.pdf" 2> /dev/null || fail "render the revised paper"
revised=$(pages_of "$work/revised.pdf")
pack=$(pages_of "$work/out/reports-pack.pdf")
last=$((pack + 1 + revised))
check "supplement 1: its front sheet and the revised paper ($(pages_of "$supplement") = 1 + $revised)" \
	test "$(pages_of "$supplement")" -eq $((1 + revised))
# Where the pack published item 5: its front sheet's range.
range=$(pdftotext -layout -f 1 -l 1 "$work/out/reports-pack.pdf" - |
	sed -n 's/.*Quarter 3 *(Pages \([0-9]*\) - \([0-9]*\)).*/\1 - \2/p')
check "the pack's front sheet gives item 5 a range ($range)" test -n "$range"
check "the supplementary agenda names the replaced pages ($range)" \
	grep -qF "Revised: replaces the version on pages $range of the reports pack." "$work/supplement.txt"
check "and says why" grep -qF "The Quarter 3 figures for two measures were corrected." "$work/supplement.txt"
pdftotext -layout -f 1 -l 1 "$supplement" "$work/front.txt"
check "it gives the revised paper's pages in the pack's numbering" \
	grep -q "Quarter 3 *(Pages $((pack + 2)) - $last)" "$work/front.txt"
check "it lists the revised item only" \
	sh -c "! grep -q 'Best Value Standards\|Verbal report\|Refuse Collection' '$work/front.txt'"
check "its pages go on from the pack: Page $((pack + 1)) of $last" grep -q "Page $((pack + 1)) of $last" "$work/front.txt"
/usr/bin/python3 "$reader" "$supplement" labels > "$work/labels"
check "its page labels are $((pack + 1)) to $last" \
	test "$(echo $(cat "$work/labels"))" = "$(echo $(seq $((pack + 1)) "$last"))"
check "committee-pdf check passes supplement 1" "$BIN" check --quiet "$supplement"
# The members' edition: numbered on from the members' pack, naming where
# the members' pack printed item 5.
members=$(pages_of "$work/out/reports-pack-members.pdf")
members_range=$(pdftotext -layout -f 1 -l 1 "$work/out/reports-pack-members.pdf" - |
	sed -n 's/.*Quarter 3 *(Pages \([0-9]*\) - \([0-9]*\)).*/\1 - \2/p')
/usr/bin/python3 "$reader" "$work/out/supplement-1-members.pdf" labels > "$work/labels"
check "the members' supplement goes on from the members' pack ($members)" \
	test "$(head -n 1 "$work/labels")" -eq $((members + 1))
flat "$work/out/supplement-1-members.pdf" > "$work/members.txt"
check "and names the members' pack's pages ($members_range)" \
	grep -qF "replaces the version on pages $members_range of the reports pack." "$work/members.txt"

# ---- after a paper that followed, and a revision of the revision ----
# Item 7 follows into supplement 1; item 5 is revised in supplement 2 and
# again in supplement 3, which replaces supplement 2's version.
item7='  <item number="7">\
    <title>Electoral Ward Boundary Review</title>\
    <to-follow>Report to follow</to-follow>\
    <paper src="'"$PWD"'/samples/ward-review-2024.xml" supplement="1"/>\
  </item>'
sed "s|^</meeting>|$item7\\
</meeting>|" "$work/moved.xml" > "$work/followed.xml"
revise "$work/followed.xml" "$work/chain2.xml" 2 resources-revised.xml
sed 's|^\( *<revision supplement="2".*\)$|\1\
    <revision supplement="3" src="resources-revised.xml">Corrected again.</revision>|' \
	"$work/chain2.xml" > "$work/chain.xml"
grep -q 'supplement="3"' "$work/chain.xml" || fail "the chained meeting was not made"
for n in 1 2 3; do
	"$BIN" pack --supplement $n --allow-dir samples "$work/chain.xml" -o "$work/chain" 2> "$work/err"
	check "chain: supplement $n packs without a message" test $? -eq 0 -a ! -s "$work/err"
done
s1_last=$((pack + $(pages_of "$work/chain/supplement-1.pdf")))
s2_last=$((s1_last + $(pages_of "$work/chain/supplement-2.pdf")))
flat "$work/chain/supplement-2.pdf" > "$work/s2.txt"
check "supplement 2 goes on from supplement 1 (Page $((s1_last + 1)) of $s2_last)" \
	grep -qF "Page $((s1_last + 1)) of $s2_last" "$work/s2.txt"
check "supplement 2 replaces the pack's pages ($range)" \
	grep -qF "Revised: replaces the version on pages $range of the reports pack." "$work/s2.txt"
flat "$work/chain/supplement-3.pdf" > "$work/s3.txt"
check "supplement 3 replaces supplement 2's pages ($((s1_last + 2)) - $s2_last)" \
	grep -qF "Revised: replaces the version on pages $((s1_last + 2)) - $s2_last of supplementary agenda 2." "$work/s3.txt"
check "and says why" grep -qF "Corrected again." "$work/s3.txt"

# ---- a revised paper is a paper: its errors are in its own file ----
cp tests/bad/impossible-date.xml "$work/broken.xml"
revise "$work/moved.xml" "$work/broken-revision.xml" 1 broken.xml
sed "s|^tests/bad/impossible-date.xml:|$work/broken.xml:|" tests/bad/impossible-date.expected > "$work/expected"
"$BIN" validate --allow-dir samples "$work/broken-revision.xml" 2> "$work/err"
check "validate: a broken revised paper, exit 1" test $? -eq 1
check "validate: its error in its own file" grep -qxF "$(cat "$work/expected")" "$work/err"
"$BIN" pack --supplement 1 --allow-dir samples "$work/broken-revision.xml" -o "$work/broken-out" 2> "$work/err"
check "pack --supplement 1: a broken revised paper, exit 1 and nothing written" \
	test $? -eq 1 -a ! -e "$work/broken-out"
check "pack: its error in its own file" grep -qxF "$(cat "$work/expected")" "$work/err"
"$BIN" pack --allow-dir samples "$work/broken-revision.xml" -o "$work/broken-out" 2> "$work/err"
check "the reports pack does not read the revised paper" test $? -eq 0 -a -s "$work/broken-out/reports-pack.pdf"

# ---- Welsh ----
sed 's|xml:lang="en-GB"|xml:lang="cy"|' "$work/revised.xml" > "$work/cy.xml"
"$BIN" pack --supplement 1 --allow-dir samples "$work/cy.xml" -o "$work/cy" 2> "$work/err"
check "a Welsh meeting's supplement packs" test $? -eq 0
flat "$work/cy/supplement-1.pdf" > "$work/cy.txt"
check "its revision is said in Welsh" \
	grep -qF "Diwygiedig: yn lle'r fersiwn ar dudalennau $range o'r pecyn adroddiadau." "$work/cy.txt"
check "and not in English" sh -c "! grep -qF 'Revised' '$work/cy.txt'"
finish
