/* The columns a workbook may give an appendix, in one table: each field's
 * name in the vocabulary (what <column field="…"> names), the heading a
 * template writes, the headings councils use for it, what its cells hold,
 * and a sentence for the officer. The reader finds columns by it and a
 * template writer writes them from it, so the two cannot drift apart.
 *
 * Ownership: everything here is static. */
#ifndef SHEET_FIELDS_H
#define SHEET_FIELDS_H

#include <stddef.h>

enum sheet_table { SHEET_TABLE_ASSESSMENT, SHEET_TABLE_PERFORMANCE };

enum sheet_field {
	/* both tables */
	FIELD_GROUP,          /* theme (assessment) or group (performance) name */
	FIELD_GROUP_REF,      /* the theme's short code */
	FIELD_GROUP_DESCRIPTION, /* the theme's description */
	FIELD_REF,
	FIELD_OWNER,
	/* assessment items */
	FIELD_CHARACTERISTIC,
	FIELD_RATING,
	FIELD_PREVIOUS,       /* previous rating (items), previous value (measures) */
	FIELD_EVIDENCE,
	FIELD_ACTIONS,
	FIELD_DUE,
	FIELD_SEE,
	/* performance measures */
	FIELD_NAME,
	FIELD_UNIT,
	FIELD_POLARITY,
	FIELD_KIND,
	FIELD_TARGET,
	FIELD_TOLERANCE,
	FIELD_ACTUAL,
	FIELD_PREVIOUS_RATING,
	FIELD_COMMENTARY,
	FIELD_COUNT
};

enum sheet_value_type {
	VALUE_TEXT,      /* any text; numbers read as they show */
	VALUE_REF,       /* a name: a letter first, no spaces */
	VALUE_CODE,      /* a rating: its code or its label */
	VALUE_DATE,      /* a date cell, a date serial, YYYY-MM-DD or DD/MM/YYYY */
	VALUE_NUMBER,    /* a number, a percentage cell, "85%" */
	VALUE_POLARITY,  /* higher or lower (is better) */
	VALUE_KIND,      /* context for a measure never rated; else empty */
};

#define SHEET_FIELD_MAX_SYNONYMS 8

struct sheet_field_def {
	enum sheet_field field;
	const char *name;     /* the vocabulary's own name: "rating" */
	const char *heading;  /* what a template writes: "Rating" */
	const char *synonyms[SHEET_FIELD_MAX_SYNONYMS]; /* other headings, NULL-ended */
	enum sheet_value_type type;
	int required;
	const char *help;     /* one sentence for the officer */
};

/* Performance only: a column headed "History PERIOD" ("History 2023-Q4")
 * holds each measure's value in that earlier period, as <history> does in
 * XML; such columns give the history oldest first, in column order. */
#define SHEET_HISTORY_HEADING "History"
#define SHEET_HISTORY_HELP                                                     \
	"The measure's value in an earlier period, one column per period, "   \
	"oldest first, headed History and the period (History 2023-Q4); "      \
	"drawn as its trend line."

/* The period a heading names as a history column (text after "History",
 * any case, white space collapsed), or NULL. Caller frees with free(). */
char *sheet_history_period(const char *heading);

/* The fields of a table, in the order a template writes them. */
const struct sheet_field_def *sheet_fields(enum sheet_table table, size_t *count);

/* A field of table by its vocabulary name, or NULL. */
const struct sheet_field_def *sheet_field_named(enum sheet_table table, const char *name);

/* The field whose name, heading or synonym heading is, with case, spaces
 * and punctuation ignored ("RAG status" is "ragstatus"), or NULL. */
const struct sheet_field_def *sheet_field_for_heading(enum sheet_table table,
						      const char *heading);

/* heading as compared: case folded, white space and ASCII punctuation
 * dropped. Caller frees with free(). */
char *sheet_heading_key(const char *heading);

#endif
