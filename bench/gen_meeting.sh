#!/bin/sh
# Writes a meeting of COUNT generated Best Value papers for the benchmark,
# DIR/meeting.xml beside DIR/papers/paper-K.xml (60, 62, 64 … items each,
# about 20 pages a paper), so that `pack` and `build` of the same papers
# can be timed side by side: sh bench/gen_meeting.sh COUNT DIR
set -eu
count=${1:?usage: gen_meeting.sh COUNT DIR}
dir=${2:?usage: gen_meeting.sh COUNT DIR}
here=$(dirname "$0")
mkdir -p "$dir/papers"
{
	cat <<HEAD
<?xml version="1.0" encoding="UTF-8"?>
<meeting xmlns="urn:committee-pdf:paper:1" xml:lang="en-GB">
  <authority>City of Wolverhampton Council</authority>
  <committee>Scrutiny Board</committee>
  <date>2024-03-12</date>
  <time>18:00</time>
  <venue>Committee Room 3, Civic Centre</venue>
  <membership>
    <chair>Cllr Paul Birch</chair>
    <member>Cllr Anwen Muston</member>
  </membership>
  <contact><name>Donna Cope</name></contact>
HEAD
	k=1
	while [ "$k" -le "$count" ]; do
		sh "$here/gen_assessment.sh" $((58 + 2 * k)) "$dir/papers/paper-$k.xml"
		printf '  <item number="%d">\n    <title>Self-assessment %d</title>\n    <paper src="papers/paper-%d.xml"/>\n  </item>\n' "$k" "$k" "$k"
		k=$((k + 1))
	done
	echo "</meeting>"
} > "$dir/meeting.xml"
