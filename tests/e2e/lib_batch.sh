# Shared by the build, preview and watch end-to-end tests (sourced, not run).
# Gives what lib.sh gives, and small_paper, bad_paper, png_size, wait_for.

. tests/e2e/lib.sh

# small_paper FILE TITLE: a short, valid paper.
small_paper() {
	cat > "$1" <<PAPER
<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:committee-pdf:paper:1" xml:lang="en-GB"
       layout="committee-report" status="final">
  <cover>
    <authority>Test Borough Council</authority>
    <committee>Audit Committee</committee>
    <meeting-date>2024-03-14</meeting-date>
    <marking>PUBLIC [NOT PROTECTIVELY MARKED]</marking>
    <title>$2</title>
    <cabinet-member><name>Councillor A Member</name><role>Cabinet Member for Resources</role></cabinet-member>
    <director><name>A Director</name><role>Director of Finance</role></director>
    <service>Finance</service>
    <employee><name>An Officer</name><role>Finance Manager</role></employee>
    <considered-by/>
  </cover>
  <section id="purpose">
    <heading>Purpose</heading>
    <para>This report asks the committee to note the annual audit plan.</para>
  </section>
</paper>
PAPER
}

# bad_paper FILE: well-formed XML with an element the schema refuses on
# line 5.
bad_paper() {
	cat > "$1" <<'PAPER'
<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:committee-pdf:paper:1" xml:lang="en-GB"
       layout="committee-report" status="final">
  <cover>
    <authorty>Misspelt Borough Council</authorty>
  </cover>
</paper>
PAPER
}

# png_size FILE: "WIDTH HEIGHT" from the IHDR chunk (bytes 16-23).
png_size() {
	od -An -tu1 -j16 -N8 "$1" | awk '{
		printf "%d %d\n", $1 * 16777216 + $2 * 65536 + $3 * 256 + $4,
			$5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}

# wait_for SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds;
# 1 when it never does.
wait_for() {
	limit=$(($1 * 10))
	shift
	n=0
	while [ "$n" -lt "$limit" ]; do
		"$@" && return 0
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}

