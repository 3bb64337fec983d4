#!/bin/sh
# `make bench`: the medians of several runs of each workload, printed with
# its target and PASS or MISS. Figures, not assertions: nothing here fails
# the build. Uses hyperfine when it is installed, else its own loop.
# Closes with a compact table of the figures worth quoting, also written to
# $OUT/results.txt, headed by the machine's cores and load average so that a
# MISS on a busy machine reads as such.
#
#   BIN      the program (make sets it)
#   RUNS     runs per figure (default 5, at least 5 are used)
#   OUT      scratch folder (default build/bench)
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-$(pwd)/build/committee-pdf}
RUNS=${RUNS:-5}
[ "$RUNS" -ge 5 ] || RUNS=5
OUT=${OUT:-build/bench}
mkdir -p "$OUT"
rm -f "$OUT/errors"
: > "$OUT/results.rows"
passes=0
misses=0

now_ns() { date +%s%N; }

# median_ms CMD...: the median wall time of RUNS runs, in milliseconds.
# A run that fails leaves $OUT/errors behind: its figure is not believed.
median_ms() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine --style none --warmup 1 --runs "$RUNS" \
			--export-csv "$OUT/hyperfine.csv" -- "$*" >/dev/null 2>&1 ||
			echo "$*" >> "$OUT/errors"
		awk -F, 'NR == 2 { printf "%.1f\n", $4 * 1000 }' "$OUT/hyperfine.csv"
		return
	fi
	"$@" >/dev/null 2>&1 || true # warm-up: page cache, font cache
	i=0
	: > "$OUT/times"
	while [ "$i" -lt "$RUNS" ]; do
		start=$(now_ns)
		"$@" >/dev/null 2>&1 || echo "$*" >> "$OUT/errors"
		end=$(now_ns)
		echo $(( (end - start) / 1000 )) >> "$OUT/times"
		i=$((i + 1))
	done
	sort -n "$OUT/times" | awk '{ v[NR] = $1 } END {
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.1f\n", m / 1000 }'
}

# peak_kib CMD...: the peak resident set size of one run, in KiB; leaves
# its CPU time (user + system, ms) in $OUT/cpu, which other work on the
# machine does not inflate as it does wall time.
peak_kib() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%M %U %S' -o "$OUT/rss" "$@" >/dev/null 2>&1 ||
			echo "$*" >> "$OUT/errors"
		tail -n 1 "$OUT/rss" | awk '{ printf "%.0f\n", ($2 + $3) * 1000 }' > "$OUT/cpu"
		tail -n 1 "$OUT/rss" | awk '{ print $1 }'
	else
		echo 0 > "$OUT/cpu"
		echo 0
	fi
}

# verdict NAME VALUE UNIT OP TARGET: one line; OP is < > <= or >=.
verdict() {
	if [ -s "$OUT/errors" ]; then
		result="ERROR (a run failed: $(head -n 1 "$OUT/errors"))"
		misses=$((misses + 1))
	elif awk -v v="$2" -v t="$5" -v op="$4" 'BEGIN {
		ok = (op == "<" && v < t) || (op == ">" && v > t) ||
		     (op == "<=" && v <= t) || (op == ">=" && v >= t)
		exit ok ? 0 : 1 }'; then
		result=PASS
		passes=$((passes + 1))
	else
		result=MISS
		misses=$((misses + 1))
	fi
	printf '%-34s %10s %-6s target %2s %-8s %s\n' "$1" "$2" "$3" "$4" "$5" "$result"
	row "$1" "$2" "$3" "$4 $5" "$result"
}

# row NAME VALUE UNIT TARGET RESULT: one line of the final table.
row() {
	printf '%-34s %10s %-6s %-10s %s\n' "$1" "$2" "$3" "$4" "$5" \
		>> "$OUT/results.rows"
}

# cpu_ms CMD...: user + system time of one run, in milliseconds (children
# included: batch workers are processes).
cpu_ms() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%U %S' -o "$OUT/cputime" "$@" >/dev/null 2>&1 ||
			echo "$*" >> "$OUT/errors"
		tail -n 1 "$OUT/cputime" | awk '{ printf "%.0f\n", ($1 + $2) * 1000 }'
	else
		echo 0
	fi
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }

# Forget the failures of the figures before.
fresh() { rm -f "$OUT/errors"; }

info() {
	printf '%-34s %10s %-6s %s\n' "$1" "$2" "$3" "${4:-}"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", (b > 0) ? a / b : 0 }'; }

cores=$(nproc 2>/dev/null || echo 1)
load_before=$(loadavg)
echo "committee-pdf bench: median of $RUNS runs on $cores cores"
echo "load average before the runs (1, 5, 15 min): $load_before"
# A load above half the cores means another program competes for them.
busy() { awk -v l="${1%% *}" -v c="$cores" 'BEGIN { exit !(l > c / 2) }'; }
if busy "$load_before"; then
	echo "note: other work is running; wall times below are inflated by it"
fi
echo

# ---- inputs ----
for n in 50 500 4200 5000; do
	sh bench/gen_assessment.sh "$n" "$OUT/assessment-$n.xml"
done
sh bench/gen_assessment.sh 420 "$OUT/assessment-420.xml" no-owners
rm -rf "$OUT/quarterly" "$OUT/quarterly-pdf"
sh bench/gen_quarterly.sh 100 "$OUT/quarterly"
sh bench/gen_long_word.sh cell 100000 "$OUT/long-cell.xml"
sh bench/gen_long_word.sh paragraph 100000 "$OUT/long-word.xml"
cc -O2 -o "$OUT/floor" bench/floor.c \
	$(pkg-config --cflags --libs pangocairo cairo-pdf)
to_text() { sed -e 's/<[^>]*>//g' -e 's/^[[:space:]]*//' "$1" | grep -v '^$' > "$2"; }

# ---- one paper ----
sample=samples/best-value-2024.xml
if [ -f "$sample" ]; then
	fresh
	bv=$(median_ms "$BIN" render "$sample" -o "$OUT/best-value.pdf")
	verdict "render best-value-2024" "$bv" ms "<" 100
	to_text "$sample" "$OUT/best-value.txt"
	floor_bv=$(median_ms "$OUT/floor" "$OUT/best-value.txt" "$OUT/floor-bv.pdf")
	info "  floor: Pango+Cairo, same text" "$floor_bv" ms "(ours / floor $(ratio "$bv" "$floor_bv"))"
else
	echo "render best-value-2024: $sample is missing, skipped"
fi

# ---- generated assessments ----
fresh
for n in 50 500 5000; do
	eval "t_$n=\$(median_ms \"\$BIN\" render \"\$OUT/assessment-\$n.xml\" -o \"\$OUT/assessment-\$n.pdf\")"
done
info "render assessment, 50 items" "$t_50" ms
info "render assessment, 500 items" "$t_500" ms
verdict "render assessment, 5,000 items" "$t_5000" ms "<" 3000
rss=$(peak_kib "$BIN" render "$OUT/assessment-5000.xml" -o "$OUT/assessment-5000.pdf")
rss_mib=$(awk -v k="$rss" 'BEGIN { printf "%.1f\n", k / 1024 }')
verdict "  peak RSS, 5,000 items" "$rss_mib" MiB "<" 100
cpu_5000=$(cat "$OUT/cpu")
info "  CPU time (user + system), one run" "$cpu_5000" ms
row "  CPU time, 5,000 items" "$cpu_5000" ms "" ""
verdict "  growth: time(5000) / time(500)" "$(ratio "$t_5000" "$t_500")" x "<=" 11
to_text "$OUT/assessment-5000.xml" "$OUT/assessment-5000.txt"
floor_5000=$(median_ms "$OUT/floor" "$OUT/assessment-5000.txt" "$OUT/floor-5000.pdf")
info "  floor: Pango+Cairo, same text" "$floor_5000" ms "(ours / floor $(ratio "$t_5000" "$floor_5000"))"

# ---- the same 5,000 rows from a workbook ----
if /usr/bin/python3 bench/gen_workbook.py "$OUT/assessment-5000.xml" \
	"$OUT/assessment-5000-xlsx.xml" "$OUT/assessment-5000.xlsx" 2>/dev/null; then
	fresh
	t_xlsx=$(median_ms "$BIN" render "$OUT/assessment-5000-xlsx.xml" -o "$OUT/assessment-5000-xlsx.pdf")
	t_xml=$(median_ms "$BIN" render "$OUT/assessment-5000.xml" -o "$OUT/assessment-5000.pdf")
	info "render 5,000 rows from .xlsx" "$t_xlsx" ms "(the same rows in XML: $t_xml ms)"
	verdict "  .xlsx / XML, 5,000 rows" "$(ratio "$t_xlsx" "$t_xml")" x "<=" 1.20
	rss_xlsx=$(peak_kib "$BIN" render "$OUT/assessment-5000-xlsx.xml" -o "$OUT/assessment-5000-xlsx.pdf")
	info "  peak RSS, 5,000 rows from .xlsx" "$(awk -v k="$rss_xlsx" 'BEGIN { printf "%.1f\n", k / 1024 }')" MiB
else
	echo "render 5,000 rows from .xlsx: needs python3-openpyxl, skipped"
fi

# ---- scale: 50,000 items ----
# Over 16 MiB, so read with --max-size; one run (a minute or more of CPU),
# judged by CPU time against the 5,000 items' above: linear would be 10 x.
fresh
sh bench/gen_assessment.sh 50000 "$OUT/assessment-50000.xml"
rss=$(peak_kib "$BIN" render --max-size 64M "$OUT/assessment-50000.xml" -o "$OUT/assessment-50000.pdf")
cpu_50000=$(cat "$OUT/cpu")
info "render assessment, 50,000 items" "$cpu_50000" ms "(CPU time, one run)"
row "render 50,000 items: CPU time" "$cpu_50000" ms "" ""
verdict "  growth: CPU(50000) / CPU(5000)" "$(ratio "$cpu_50000" "$cpu_5000")" x "<=" 12
verdict "  peak RSS, 50,000 items" "$(awk -v k="$rss" 'BEGIN { printf "%.1f\n", k / 1024 }')" MiB "<" 2048
rm -f "$OUT/assessment-50000.pdf"

# ---- preview --pages 1: one layout, not two ----
# Instructions counted by callgrind (the machine's load does not change
# them), else CPU time: preview of page 1 over the layout alone
# (render --dump-layout); a second layout of the paper would make it 2 x.
fresh
mkdir -p "$OUT/preview"
if command -v valgrind >/dev/null 2>&1; then
	instructions() {
		valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" \
			"$@" >/dev/null 2>"$OUT/callgrind.log" || echo "$*" >> "$OUT/errors"
		awk '/^summary:/ { print $2 }' "$OUT/callgrind.out"
	}
	laid=$(instructions "$BIN" render --dump-layout "$OUT/assessment-500.xml")
	previewed=$(instructions "$BIN" preview --pages 1 -o "$OUT/preview" "$OUT/assessment-500.xml")
	unit="instructions"
else
	laid=$(cpu_ms "$BIN" render --dump-layout "$OUT/assessment-5000.xml")
	previewed=$(cpu_ms "$BIN" preview --pages 1 -o "$OUT/preview" "$OUT/assessment-5000.xml")
	unit="CPU ms"
fi
info "  layout alone (--dump-layout)" "$laid" "" "($unit)"
info "  preview --pages 1" "$previewed" "" "($unit)"
verdict "preview --pages 1 / layout alone" "$(ratio "$previewed" "$laid")" x "<=" 1.25

# ---- paper used: the 420-item assessment of issue 12 ----
# Pages and table fill of 420 rated characteristics with no previous
# ratings or owners; 151 pages before tables fitted their content (the
# target is 25 % fewer), the fill as bench/table_fill.sh measures it.
fresh
"$BIN" render --dump-layout "$OUT/assessment-420.xml" > "$OUT/assessment-420.json" 2>/dev/null ||
	echo "render --dump-layout assessment-420" >> "$OUT/errors"
set -- $(sh bench/table_fill.sh "$OUT/assessment-420.json" layouts/committee-report.xml)
verdict "assessment, 420 items: pages" "$1" pages "<=" 113
verdict "  table fill, mean of its pages" "$2" % ">=" 90
info "  table fill, emptiest page" "$3" %
row "  table fill, emptiest page" "$3" % "" ""

# ---- long words: linear layout ----
fresh
long_cell=$(median_ms "$BIN" render "$OUT/long-cell.xml" -o "$OUT/long-cell.pdf")
verdict "100,000-character cell" "$long_cell" ms "<" 1000
row "  CPU time, 100,000-character cell" "$(cpu_ms "$BIN" render "$OUT/long-cell.xml" -o "$OUT/long-cell.pdf")" ms "" ""
fresh
long_word=$(median_ms "$BIN" render "$OUT/long-word.xml" -o "$OUT/long-word.pdf")
verdict "100,000-character word" "$long_word" ms "<" 1000
row "  CPU time, 100,000-character word" "$(cpu_ms "$BIN" render "$OUT/long-word.xml" -o "$OUT/long-word.pdf")" ms "" ""

# ---- the finishing pass (PDF/UA, PDF/A) ----
# Its cost as a ratio: render with the pass over render writing Cairo's
# file as it is (COMMITTEE_PDF_UNFINISHED=1), by wall time and by CPU time,
# which the machine's other work inflates less. Most of the pass is libqpdf
# reading and rewriting every object (about 38,000 at 4,200 items, 33,000
# of them structure elements): `qpdf --object-streams=generate` alone on
# Cairo's file costs about as much as the whole pass.
fresh
finished=$(median_ms "$BIN" render "$OUT/assessment-4200.xml" -o "$OUT/finished-4200.pdf")
unfinished=$(median_ms env COMMITTEE_PDF_UNFINISHED=1 "$BIN" render "$OUT/assessment-4200.xml" -o "$OUT/unfinished-4200.pdf")
info "render 4,200 items, with the pass" "$finished" ms
info "render 4,200 items, Cairo's file" "$unfinished" ms
verdict "  pass cost: with / without" "$(ratio "$finished" "$unfinished")" x "<=" 1.15
cpu_finished=$(cpu_ms "$BIN" render "$OUT/assessment-4200.xml" -o "$OUT/finished-4200.pdf")
cpu_unfinished=$(cpu_ms env COMMITTEE_PDF_UNFINISHED=1 "$BIN" render "$OUT/assessment-4200.xml" -o "$OUT/unfinished-4200.pdf")
info "  CPU time with / without" "$(ratio "$cpu_finished" "$cpu_unfinished")" x "($cpu_finished / $cpu_unfinished ms)"
row "  pass cost by CPU time" "$(ratio "$cpu_finished" "$cpu_unfinished")" x "" ""
mib() { awk -v k="$1" 'BEGIN { printf "%.1f\n", k / 1024 }'; }
rss_finished=$(mib "$(peak_kib "$BIN" render "$OUT/assessment-4200.xml" -o "$OUT/finished-4200.pdf")")
rss_unfinished=$(mib "$(peak_kib env COMMITTEE_PDF_UNFINISHED=1 "$BIN" render "$OUT/assessment-4200.xml" -o "$OUT/unfinished-4200.pdf")")
info "  peak RSS with the pass" "$rss_finished" MiB "(Cairo's file: $rss_unfinished MiB)"
row "  peak RSS with the pass" "$rss_finished" MiB "" ""
row "  peak RSS, Cairo's file" "$rss_unfinished" MiB "" ""
# The floor of any pass that rewrites the file with libqpdf: qpdf's own
# copy of Cairo's file, nothing changed, against the same render.
cpu_copy=$(cpu_ms qpdf --object-streams=generate "$OUT/unfinished-4200.pdf" "$OUT/qpdf-copy-4200.pdf")
info "  qpdf's copy of Cairo's file alone" "$cpu_copy" ms "CPU: $(ratio "$cpu_copy" "$cpu_unfinished") of render without the pass"
row "  floor: qpdf copy / render, CPU" "$(ratio "$cpu_copy" "$cpu_unfinished")" x "" ""
size_finished=$(wc -c < "$OUT/finished-4200.pdf")
size_unfinished=$(wc -c < "$OUT/unfinished-4200.pdf")
verdict "  file size with / without" "$(ratio "$size_finished" "$size_unfinished")" x "<=" 1

# ---- batch throughput ----
fresh
mkdir -p "$OUT/quarterly-pdf"
j1=$(median_ms "$BIN" build --force -j 1 -o "$OUT/quarterly-pdf" "$OUT/quarterly")
j2=$(median_ms "$BIN" build --force -j 2 -o "$OUT/quarterly-pdf" "$OUT/quarterly")
rate() { awk -v ms="$1" 'BEGIN { printf "%.1f\n", (ms > 0) ? 100 * 1000 / ms : 0 }'; }
info "build 100 quarterly reports, -j1" "$(rate "$j1")" docs/s "($j1 ms)"
row "build 100 quarterly reports, -j1" "$(rate "$j1")" docs/s "" ""
verdict "build 100 quarterly reports, -j2" "$(rate "$j2")" docs/s ">=" 50
verdict "  speed-up -j2 / -j1" "$(ratio "$j1" "$j2")" x ">=" 1.7
# CPU time does not grow with the machine's other work as wall time does:
# what a batch costs, and whether -j2 wastes any of it.
cpu_j1=$(cpu_ms "$BIN" build --force -j 1 -o "$OUT/quarterly-pdf" "$OUT/quarterly")
cpu_j2=$(cpu_ms "$BIN" build --force -j 2 -o "$OUT/quarterly-pdf" "$OUT/quarterly")
info "  CPU time (user + system), -j1" "$cpu_j1" ms
info "  CPU time (user + system), -j2" "$cpu_j2" ms
row "  CPU time per batch, -j1" "$cpu_j1" ms "" ""
row "  CPU time per batch, -j2" "$cpu_j2" ms "" ""
ok=$(ls "$OUT/quarterly-pdf"/*.pdf 2>/dev/null | wc -l)
[ "$ok" -eq 100 ] || echo "  note: only $ok of 100 PDFs were written"

# ---- a reports pack against build of the same papers ----
# Ten generated papers of about 20 pages each: the pack (agenda.pdf and
# reports-pack.pdf, every paper laid out once in one process) against
# build -j 2 of the same papers, by wall time (the issue's target) and by
# CPU time against build -j 1, which shows what the pack adds of its own.
fresh
rm -rf "$OUT/meeting"
sh bench/gen_meeting.sh 10 "$OUT/meeting"
"$BIN" pack --force "$OUT/meeting/meeting.xml" -o "$OUT/meeting/pack" >/dev/null 2>&1 ||
	echo "pack meeting.xml" >> "$OUT/errors"
pack_pages=$(pdfinfo "$OUT/meeting/pack/reports-pack.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
t_pack=$(median_ms "$BIN" pack --force "$OUT/meeting/meeting.xml" -o "$OUT/meeting/pack")
t_build=$(median_ms "$BIN" build --force -j 2 -o "$OUT/meeting/build" "$OUT/meeting/papers")
info "pack of 10 papers (${pack_pages:-?} pages)" "$t_pack" ms
info "build -j 2 of the same papers" "$t_build" ms
verdict "  pack / build -j2, wall time" "$(ratio "$t_pack" "$t_build")" x "<=" 1.20
verdict "  pack of 10 papers, wall time" "$t_pack" ms "<" 1000
cpu_pack=$(cpu_ms "$BIN" pack --force "$OUT/meeting/meeting.xml" -o "$OUT/meeting/pack")
cpu_build=$(cpu_ms "$BIN" build --force -j 1 -o "$OUT/meeting/build" "$OUT/meeting/papers")
info "  CPU time pack / build -j1" "$(ratio "$cpu_pack" "$cpu_build")" x "($cpu_pack / $cpu_build ms)"
row "  pack / build -j1, CPU time" "$(ratio "$cpu_pack" "$cpu_build")" x "" ""

# ---- the table worth quoting ----
load_after=$(loadavg)
{
	echo "committee-pdf bench, $(date -u '+%Y-%m-%d %H:%M UTC')," \
		"commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "machine: $cores cores; load average (1, 5, 15 min)" \
		"before $load_before, after $load_after"
	if busy "$load_before" || busy "$load_after"; then
		echo "note: the machine was busy with other work; a MISS of a" \
			"wall time or speed-up may be the load's, see CPU times"
	fi
	echo "median of $RUNS runs; $passes PASS, $misses MISS"
	echo
	printf '%-34s %10s %-6s %-10s %s\n' figure value unit target result
	cat "$OUT/results.rows"
} > "$OUT/results.txt"
echo
cat "$OUT/results.txt"
echo
echo "written to $OUT/results.txt"
echo "bench: $passes PASS, $misses MISS"
