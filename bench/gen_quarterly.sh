#!/bin/sh
# Writes COUNT quarterly performance reports (about a dozen measures each, in
# three groups) into DIR, for the batch throughput benchmark:
# sh bench/gen_quarterly.sh COUNT DIR
set -eu
count=${1:?usage: gen_quarterly.sh COUNT DIR}
dir=${2:?usage: gen_quarterly.sh COUNT DIR}
mkdir -p "$dir"
awk -v count="$count" -v dir="$dir" '
function value(base) { return sprintf("%.1f", base * (0.85 + rand() * 0.3)) }
BEGIN {
	srand(2024)
	split("Adult Social Care|Children and Families|Environment and Housing", groups, "|")
	split("Adults who feel safe in their care|Reviews completed on time|Care packages started within 28 days|Children seen within 10 days|Assessments completed in 45 days|Placements stable for two years|Household waste recycled|Fly-tipping removed within 48 hours|Homes made decent this quarter|Rent collected as a share of rent due|Repairs completed first time|Days to relet empty homes", names, "|")
	for (d = 1; d <= count; d++) {
		q = (d - 1) % 4 + 1
		year = 2020 + int((d - 1) / 4)
		file = sprintf("%s/quarterly-%03d.xml", dir, d)
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" > file
		print "<paper xmlns=\"urn:committee-pdf:paper:1\" xml:lang=\"en-GB\"" > file
		print "       layout=\"quarterly-dashboard\" status=\"final\">" > file
		print "  <cover>" > file
		print "    <authority>Benchmark Borough Council</authority>" > file
		print "    <committee>Cabinet</committee>" > file
		printf "    <meeting-date>%d-%02d-15</meeting-date>\n", year, q * 3 > file
		print "    <marking>PUBLIC [NOT PROTECTIVELY MARKED]</marking>" > file
		printf "    <title>Performance report, quarter %d %d</title>\n", q, year > file
		print "    <cabinet-member><name>Councillor A Member</name><role>Cabinet Member for Performance</role></cabinet-member>" > file
		print "    <director><name>A Director</name><role>Chief Executive</role></director>" > file
		print "    <service>Performance and Intelligence</service>" > file
		print "    <employee><name>An Analyst</name><role>Performance Lead</role></employee>" > file
		print "    <considered-by/>" > file
		print "  </cover>" > file
		print "  <section id=\"purpose\">" > file
		print "    <heading>Purpose</heading>" > file
		printf "    <para>This report sets out performance against the Council Plan for quarter %d of %d.</para>\n", q, year > file
		print "  </section>" > file
		print "  <appendix id=\"performance\" landscape=\"yes\">" > file
		printf "    <title>Quarter %d performance</title>\n", q > file
		printf "    <performance id=\"q%d\" period=\"%d-Q%d\" tolerance=\"5\">\n", q, year, q > file
		print "      <scale>" > file
		print "        <rating code=\"G\" label=\"On target\" standing=\"met\">On or better than target</rating>" > file
		print "        <rating code=\"A\" label=\"Within tolerance\" standing=\"partly\">Within tolerance</rating>" > file
		print "        <rating code=\"R\" label=\"Off target\" standing=\"not-met\">Beyond tolerance</rating>" > file
		print "        <rating code=\"ND\" label=\"No data\" standing=\"no-data\">No data this quarter</rating>" > file
		print "      </scale>" > file
		m = 0
		for (g = 1; g <= 3; g++) {
			printf "      <group name=\"%s\">\n", groups[g] > file
			for (k = 1; k <= 4; k++) {
				m++
				target = 50 + int(rand() * 45)
				printf "        <measure ref=\"M%02d\" unit=\"%%\" polarity=\"higher\" target=\"%d\" actual=\"%s\" previous=\"%s\">\n", m, target, value(target), value(target) > file
				printf "          <name>%s</name>\n", names[m] > file
				print "          <commentary>Performance moved with demand this quarter; the service expects to recover next quarter.</commentary>" > file
				print "        </measure>" > file
			}
			print "      </group>" > file
		}
		print "    </performance>" > file
		print "  </appendix>" > file
		print "</paper>" > file
		close(file)
	}
}'
