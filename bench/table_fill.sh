#!/bin/sh
# How well a paper's appendix table fills its pages, from its display list:
#   sh bench/table_fill.sh DUMP.json LAYOUT.xml
# prints "PAGES FILL_MEAN FILL_MIN" (fills in per cent). A page's fill is
# the share of its body height (between the layout's top and bottom
# margins) above the foot of the lowest table row on it: 100 % less the gap
# left at the foot. Counted over the landscape pages holding table cells
# (the generated assessment turns its appendix landscape), except the last
# of them, where the table ends. DUMP is `render --dump-layout` output, one
# box a line.
set -eu
dump=${1:?usage: table_fill.sh DUMP.json LAYOUT.xml}
layout=${2:?usage: table_fill.sh DUMP.json LAYOUT.xml}
# The margins in points ("25mm" or "18pt").
margin() {
	sed -n "s/.*<margins[^>]* $1=\"\([0-9.]*\)\(mm\|pt\)\".*/\1 \2/p" "$layout" |
		awk '{ printf "%.4f\n", $2 == "mm" ? $1 * 72 / 25.4 : $1 }'
}
top=$(margin top)
bottom=$(margin bottom)
awk -v top="$top" -v bottom="$bottom" '
function field(name,   m) {
	if (match($0, "\"" name "\":[-0-9.]+")) {
		m = substr($0, RSTART, RLENGTH)
		sub(/.*:/, "", m)
		return m + 0
	}
	return -1
}
/^\{"width":/ { pages++; width[pages] = field("width"); height[pages] = field("height") }
/"kind":"rect"/ && /"role":"(TD|TH)"/ {
	p = field("page")
	foot = field("y") + field("height")
	if (foot > lowest[p])
		lowest[p] = foot
}
END {
	last = 0
	for (p = 1; p <= pages; p++)
		if (lowest[p] > 0 && width[p] > height[p])
			last = p
	n = 0; sum = 0; min = 100
	for (p = 1; p < last; p++) {
		if (!(lowest[p] > 0 && width[p] > height[p]))
			continue
		body = height[p] - bottom - top
		fill = 100 * (lowest[p] - top) / body
		n++; sum += fill
		if (fill < min)
			min = fill
	}
	printf "%d %.1f %.1f\n", pages, n ? sum / n : 0, n ? min : 0
}' "$dump"
