/* The one table of workbook columns (see sheet_fields.h). */
#include "sheet_fields.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"

static const struct sheet_field_def assessment_fields[] = {
	{ FIELD_GROUP, "theme", "Theme", { "Theme name", "Area", NULL }, VALUE_TEXT, 1,
	  "The theme the characteristic belongs to, such as Continuous Improvement; "
	  "a row with only a theme starts that theme for the rows below it." },
	{ FIELD_GROUP_REF, "theme-ref", "Theme ref", { "Theme code", NULL }, VALUE_TEXT, 0,
	  "The theme's short code, such as CI, printed before its name." },
	{ FIELD_GROUP_DESCRIPTION, "theme-description", "Theme description",
	  { "Theme summary", NULL }, VALUE_TEXT, 0,
	  "What the theme asks of the authority, printed under its name; given "
	  "once, on the theme's first row." },
	{ FIELD_REF, "ref", "Ref", { "Reference", "Ref no", "Ref number", "ID", NULL },
	  VALUE_REF, 1,
	  "The characteristic's reference, such as CI001: unique in the paper, a "
	  "letter first, no spaces." },
	{ FIELD_CHARACTERISTIC, "characteristic", "Characteristic",
	  { "Characteristics", "Description", "Statement", NULL }, VALUE_TEXT, 1,
	  "The characteristic being assessed." },
	{ FIELD_RATING, "rating", "Rating",
	  { "RAG", "RAG status", "RAG rating", "Status", "Current rating", NULL },
	  VALUE_CODE, 0,
	  "The rating now: a code or label of the scale; empty for an unrated "
	  "characteristic." },
	{ FIELD_PREVIOUS, "previous", "Previous rating",
	  { "Previous", "Previous RAG", "Last rating", NULL }, VALUE_CODE, 0,
	  "The rating at the previous self-assessment, from the same scale." },
	{ FIELD_EVIDENCE, "evidence", "Evidence", { "Evidence of compliance", NULL },
	  VALUE_TEXT, 0, "The evidence for the rating." },
	{ FIELD_ACTIONS, "actions", "Actions",
	  { "Action", "Actions required", "Improvement actions", "Next steps", NULL },
	  VALUE_TEXT, 0, "Actions planned where improvement is needed." },
	{ FIELD_OWNER, "owner", "Owner", { "Lead officer", "Lead", "Responsible officer",
					   "Action owner", NULL },
	  VALUE_TEXT, 0, "Who owns the actions." },
	{ FIELD_DUE, "due", "Due", { "Timescale", "Due date", "Deadline", "Target date",
				     NULL },
	  VALUE_DATE, 0, "When the actions are due: a date." },
	{ FIELD_SEE, "see", "See", { "See ref", "Answered by", NULL }, VALUE_REF, 0,
	  "The ref of another characteristic that answers this one." },
};

static const struct sheet_field_def performance_fields[] = {
	{ FIELD_GROUP, "group", "Group", { "Theme", "Directorate", "Service", "Priority",
					   NULL },
	  VALUE_TEXT, 1,
	  "The theme or directorate the measure belongs to; a row with only a group "
	  "starts that group for the rows below it." },
	{ FIELD_REF, "ref", "Ref", { "Reference", "Measure ref", "PI ref", "KPI ref", "ID",
				     NULL },
	  VALUE_REF, 1,
	  "The measure's reference, such as ASC01: unique in the paper and the same "
	  "every quarter." },
	{ FIELD_NAME, "name", "Measure", { "Indicator", "Measure name", "Performance "
					   "indicator", "KPI", "Description", NULL },
	  VALUE_TEXT, 1, "What is measured." },
	{ FIELD_UNIT, "unit", "Unit", { "Units", "Unit of measure", NULL }, VALUE_TEXT, 0,
	  "The unit of the values, such as %, days or number." },
	{ FIELD_POLARITY, "polarity", "Polarity", { "Good is", "Good performance is",
						    "Direction", "Better is", NULL },
	  VALUE_POLARITY, 1, "Which way is better: higher or lower." },
	{ FIELD_KIND, "kind", "Kind", { "Contextual", "Measure type", "Type", NULL },
	  VALUE_KIND, 0,
	  "context for a contextual or activity measure, reported but never rated; "
	  "empty otherwise." },
	{ FIELD_TARGET, "target", "Target", { "Target value", NULL }, VALUE_NUMBER, 0,
	  "The target value." },
	{ FIELD_TOLERANCE, "tolerance", "Tolerance", { "Tolerance %", "Tolerance (%)",
						       NULL },
	  VALUE_NUMBER, 0,
	  "Percent of target within which the measure is amber; empty for the "
	  "block's own tolerance." },
	{ FIELD_ACTUAL, "actual", "Actual", { "Actual value", "Outturn", "Result",
					      "Current", "This quarter", NULL },
	  VALUE_NUMBER, 0, "This period's value; empty when there is no data." },
	{ FIELD_PREVIOUS, "previous", "Previous", { "Previous value", "Last quarter",
						    "Previous quarter", NULL },
	  VALUE_NUMBER, 0, "Last period's value, for the direction of travel." },
	{ FIELD_RATING, "rating", "Rating", { "RAG", "RAG status", "RAG rating",
					      "Status", NULL },
	  VALUE_CODE, 0,
	  "The rating as stated, checked against the one computed; usually empty." },
	{ FIELD_PREVIOUS_RATING, "previous-rating", "Previous rating",
	  { "Previous RAG", "Last rating", NULL }, VALUE_CODE, 0,
	  "Last period's rating, a code or label of the scale." },
	{ FIELD_COMMENTARY, "commentary", "Commentary", { "Comments", "Comment",
							  "Narrative", NULL },
	  VALUE_TEXT, 0, "The officer's commentary." },
	{ FIELD_OWNER, "owner", "Owner", { "Lead officer", "Lead", "Responsible officer",
					   NULL },
	  VALUE_TEXT, 0, "Who is accountable for the measure." },
};

char *sheet_history_period(const char *heading)
{
	size_t n = strlen(SHEET_HISTORY_HEADING);
	if (g_ascii_strncasecmp(heading, SHEET_HISTORY_HEADING, n) != 0 ||
	    !g_ascii_isspace(heading[n]))
		return NULL;
	char *period = g_strstrip(g_strdup(heading + n));
	char *words = *period ? mem_strdup(period) : NULL;
	g_free(period);
	return words;
}

const struct sheet_field_def *sheet_fields(enum sheet_table table, size_t *count)
{
	if (table == SHEET_TABLE_ASSESSMENT) {
		*count = sizeof assessment_fields / sizeof assessment_fields[0];
		return assessment_fields;
	}
	*count = sizeof performance_fields / sizeof performance_fields[0];
	return performance_fields;
}

const struct sheet_field_def *sheet_field_named(enum sheet_table table, const char *name)
{
	size_t count;
	const struct sheet_field_def *fields = sheet_fields(table, &count);
	for (size_t i = 0; i < count; i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

char *sheet_heading_key(const char *heading)
{
	char *folded = g_utf8_casefold(heading, -1);
	size_t n = 0;
	for (const char *p = folded; *p; p++)
		if (!g_ascii_isspace(*p) && !g_ascii_ispunct(*p))
			folded[n++] = *p;
	folded[n] = '\0';
	char *key = mem_strdup(folded);
	g_free(folded);
	return key;
}

static int key_is(const char *key, const char *heading)
{
	char *other = sheet_heading_key(heading);
	int same = strcmp(key, other) == 0;
	free(other);
	return same;
}

const struct sheet_field_def *sheet_field_for_heading(enum sheet_table table,
						      const char *heading)
{
	size_t count;
	const struct sheet_field_def *fields = sheet_fields(table, &count);
	char *key = sheet_heading_key(heading);
	const struct sheet_field_def *found = NULL;
	/* Names and template headings first, so "Previous rating" is the
	 * previous rating before any synonym is tried. */
	for (size_t i = 0; i < count && !found; i++)
		if (key_is(key, fields[i].name) || key_is(key, fields[i].heading))
			found = &fields[i];
	for (size_t i = 0; i < count && !found; i++)
		for (size_t s = 0; fields[i].synonyms[s] && !found; s++)
			if (key_is(key, fields[i].synonyms[s]))
				found = &fields[i];
	free(key);
	return found;
}
