/* The load stage: parse a committee paper source (XML), validate it against the
 * shipped schema and the rules a schema cannot say, and build the document
 * model below. Nothing here knows about Pango or Cairo.
 *
 * Ownership: source_load* returns a model owned by the caller, freed with
 * source_free(). Every pointer inside it is borrowed from the model. */
#ifndef SOURCE_H
#define SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "source_pos.h" /* where a node came from, kept by later stages */

#define SOURCE_NAMESPACE "urn:committee-pdf:paper:1"
#define SOURCE_MAX_BYTES (16u * 1024u * 1024u) /* larger sources are refused,
                                                   unless --max-size says more */
#define SOURCE_MAX_BYTES_CEILING (1024u * 1024u * 1024u) /* libxml2 reads an int */
#define SOURCE_MAX_DEPTH 64                     /* deeper nesting is refused */
#define SOURCE_MAX_TEXT_BYTES (1024u * 1024u)   /* longest text run or tag */

/* ---- inline text: plain UTF-8 plus styled spans (never markup) ---- */

enum source_span_kind {
	SPAN_EMPHASIS, /* <em>: italic */
	SPAN_STRONG,   /* <strong>, <lead>: bold */
	SPAN_LINK,     /* <link href>: target is the URI */
	SPAN_REF,      /* <ref to>: target is an id in this source */
	SPAN_LANGUAGE, /* <span xml:lang>: only a language, printed as is */
};

struct source_span {
	uint32_t start, end; /* byte offsets into source_text.text, end exclusive */
	enum source_span_kind kind;
	const char *target;  /* LINK: URI; REF: id; else NULL */
	const char *lang;    /* its xml:lang ("cy"), or NULL: the text's */
	int generated;       /* an empty <ref/>: its text is SOURCE_REF_NAME,
	                        a stand-in for the target's name, which the
	                        layout fills in in the paper's language */
};

/* U+FFFC OBJECT REPLACEMENT CHARACTER: what an empty <ref/> holds. */
#define SOURCE_REF_NAME "\xEF\xBF\xBC"

struct source_text {
	const char *text;    /* whitespace collapsed, never NULL ("" when empty) */
	struct source_span *spans;
	size_t span_count;   /* spans ordered by start; they may nest */
	struct source_pos pos;
	const char *lang;    /* the element's xml:lang, or NULL: the paper's */
};

/* ---- ratings ---- */

/* What a rating means, so computed ratings and counts never depend on codes. */
enum rating_standing {
	STANDING_NONE,       /* not stated: a five-point scale's middle grades */
	STANDING_MET,        /* green: met, on target */
	STANDING_PARTLY,     /* amber: partly met, within tolerance */
	STANDING_NOT_MET,    /* red: not met, off target */
	STANDING_COMPLETE,   /* blue: done, exceeded */
	STANDING_NO_DATA,    /* no data or not applicable: never green */
};

struct source_rating {
	const char *code;    /* "R", "A", "G", "B", "ND" … as the source spells it */
	const char *label;   /* "Red", "On target" … always printed beside colour */
	const char *meaning; /* sentence for the key; may be "" */
	enum rating_standing standing;
	struct source_pos pos;
};

struct source_scale {
	struct source_rating *ratings;
	size_t rating_count;  /* in the order the source lists them */
};

/* Index into scale->ratings, or -1 when code is NULL or not in the scale. */
int source_scale_find(const struct source_scale *scale, const char *code);

/* ---- blocks ---- */

enum source_block_kind {
	BLOCK_PARAGRAPH,   /* numbered within its section unless unnumbered */
	BLOCK_LIST,        /* bullet or numbered */
	BLOCK_SIGN_OFF,    /* "[LD/06022024/A]" under an implication */
	BLOCK_ASSESSMENT,  /* a RAG self-assessment (appendices) */
	BLOCK_PERFORMANCE, /* quarterly measures (appendices) */
	BLOCK_TABLE,       /* a plain table: caption, heading and totals rows */
	BLOCK_FIGURE,      /* an image with its text alternative */
	BLOCK_APPENDICES,  /* <appendices/>: the list of the paper's appendices */
	BLOCK_RISKS,       /* a risk register with its heat map (appendices) */
};

struct source_list {
	int numbered;            /* 0: bullets */
	struct source_text *items;
	size_t item_count;
};

struct source_item {         /* one characteristic of an assessment */
	const char *ref;         /* "CI001", unique in the source */
	struct source_pos pos;
	struct source_text characteristic;
	const char *rating;      /* code, NULL when not rated */
	const char *previous;    /* code of the previous assessment, or NULL */
	int rating_index;        /* into the assessment's scale, -1 if none */
	int previous_index;
	struct source_text evidence;
	struct source_text actions;
	const char *owner;       /* may be NULL */
	const char *due;         /* ISO date "YYYY-MM-DD" or NULL */
	const char *see;         /* ref of another item answering this one, or NULL */
};

struct source_theme {
	const char *ref;         /* short code such as "CI"; may be NULL */
	const char *name;        /* "Continuous Improvement" */
	struct source_pos pos;
	struct source_text description; /* may be empty */
	struct source_item *items;
	size_t item_count;
};

struct source_assessment {
	const char *id;          /* may be NULL */
	struct source_pos pos;
	struct source_text intro; /* may be empty */
	struct source_scale scale;
	struct source_theme *themes;
	size_t theme_count;
	const char *previous_date; /* date of the previous self-assessment, or NULL */
	const char *noun;        /* what the dashboard counts ("risk"), or NULL */
	int heat_map;            /* heat-map="yes": a grid of references by
	                            theme, coloured by rating, after the dashboard */
};

enum measure_polarity { POLARITY_HIGHER_IS_BETTER, POLARITY_LOWER_IS_BETTER };

enum direction_of_travel {
	TRAVEL_UNKNOWN,          /* no previous value or rating to compare */
	TRAVEL_IMPROVING,
	TRAVEL_DECLINING,
	TRAVEL_UNCHANGED,
	TRAVEL_NEW,              /* not in the previous quarter */
	TRAVEL_RISING,           /* contextual measures: demand is neither good */
	TRAVEL_FALLING,          /* nor bad, so only its direction is told */
};

struct source_value {        /* an optional number */
	int present;
	double value;
};

struct source_history_point {
	const char *period;      /* "2023-Q4" */
	double value;
};

struct source_measure {
	const char *ref;         /* "ASC01", unique; matches across quarters */
	struct source_pos pos;
	struct source_text name;
	const char *unit;        /* "%", "days", "number"; may be NULL */
	enum measure_polarity polarity;
	int contextual;          /* activity measure: reported, never rated */
	struct source_value target;
	struct source_value tolerance; /* percent of target; falls back to the
	                                  performance block's default */
	struct source_value actual;
	struct source_value previous;  /* last quarter's value */
	const char *stated_rating;     /* code as written in the source, or NULL */
	const char *previous_rating;   /* code last quarter, or NULL */
	/* Filled by rating_compute_performance(), run by the loader: */
	int rating_index;              /* into the scale; -1 for contextual */
	int previous_index;
	enum direction_of_travel travel;
	struct source_history_point *history; /* oldest first, excludes actual */
	size_t history_count;
	struct source_text commentary;
	const char *owner;
};

struct source_measure_group {
	const char *name;        /* theme or directorate */
	struct source_pos pos;
	struct source_measure *measures;
	size_t measure_count;
};

struct source_performance {
	const char *id;
	struct source_pos pos;
	const char *period;          /* "2024-Q2" */
	const char *previous_period; /* may be NULL */
	const char *previous_source; /* path relative to this source, or NULL */
	struct source_pos previous_source_pos; /* of the attribute */
	struct source_value default_tolerance; /* percent */
	struct source_text intro;
	struct source_scale scale;
	struct source_measure_group *groups;
	size_t group_count;
	const char *noun;        /* what the dashboard counts ("indicator"), or NULL */
};

/* ---- plain tables and figures ---- */

/* How a column's cells print: text as written; numbers with thousands
 * separators; money in whole pounds ("£1,234,567", negatives in brackets);
 * money in millions of pounds to one decimal ("12.3", the heading says
 * "£m"). Cells of number and money columns are decimals in the source. */
enum source_format {
	FORMAT_TEXT,
	FORMAT_NUMBER,
	FORMAT_MONEY,
	FORMAT_MONEY_MILLIONS,
};

enum source_align {
	SOURCE_ALIGN_AUTO,       /* text left; numbers right on the decimal point */
	SOURCE_ALIGN_LEFT,
	SOURCE_ALIGN_CENTER,
	SOURCE_ALIGN_RIGHT,
};

struct source_column {
	double width;            /* preferred share of the table (a weight);
	                            0 when the content decides */
	enum source_format format;
	enum source_align align;
	struct source_pos pos;
};

struct source_cell {
	struct source_text text;
	unsigned span;           /* columns it covers, at least 1 */
	enum source_align align; /* AUTO: the column's */
	struct source_pos pos;
};

struct source_row {
	struct source_cell *cells;
	size_t cell_count;       /* their spans add up to the column count */
	struct source_pos pos;
};

struct source_table {
	struct source_text caption; /* may be empty */
	struct source_column *columns;
	size_t column_count;
	struct source_row *header;  /* the heading row, or NULL */
	struct source_row *rows;    /* body rows */
	size_t row_count;
	struct source_row *totals;  /* printed after the last body row and
	                               kept with it, or NULL */
	int row_headings;           /* each row's first cell heads its row */
	struct source_pos pos;
};

struct source_figure {
	const char *src;            /* PNG or SVG, relative to the source */
	struct source_pos src_pos;  /* of the attribute */
	const char *alt;            /* "" for a decorative image (an artifact) */
	struct source_text caption; /* may be empty */
	double width;               /* share of the column, (0, 1]; 0: fit */
	struct source_pos pos;
};

/* ---- risk registers ---- */

/* One step of a likelihood or impact scale: "5", "Almost certain". */
struct source_risk_level {
	int code;                /* 1 … SOURCE_RISK_MAX_LEVEL, unique in its axis */
	const char *label;
	const char *meaning;     /* sentence for the key; may be "" */
	struct source_pos pos;
};

#define SOURCE_RISK_MAX_LEVEL 10 /* the schema's bound on a level's code */

struct source_risk_axis {
	struct source_risk_level *levels; /* in the order the source lists them */
	size_t level_count;
};

/* Scores from..to (both included) carry rating; from the source's <band>. */
struct source_risk_band {
	int from, to;
	const char *rating;      /* code of the register's scale */
	int rating_index;        /* into the scale, -1 if not in it */
	struct source_pos pos;
};

/* Likelihood × impact at one point of a risk's life. */
struct source_risk_score {
	int present;             /* 0: not stated (only "previous" may be absent) */
	int likelihood, impact;  /* level codes */
	/* Filled by rating_compute_risks(): */
	int score;               /* likelihood × impact; 0 when absent */
	int rating_index;        /* into the scale by the bands or the matrix,
	                            -1 when absent or uncovered */
	struct source_pos pos;
};

struct source_risk_action {  /* a further action planned */
	struct source_text text;
	const char *owner;       /* may be NULL */
	const char *due;         /* ISO date or NULL */
	struct source_pos pos;
};

/* Since the last review, judged on the current score: lower is better. */
enum risk_direction {
	RISK_DIRECTION_UNKNOWN,   /* nothing to compare with */
	RISK_DIRECTION_REDUCED,
	RISK_DIRECTION_INCREASED,
	RISK_DIRECTION_UNCHANGED,
	RISK_DIRECTION_NEW,       /* not in the last review */
};

struct source_risk {
	const char *ref;         /* "SR01", unique in the source; matches across reviews */
	struct source_pos pos;
	struct source_text title;
	struct source_text description;
	struct source_text cause;       /* may be empty */
	struct source_text consequence; /* may be empty */
	const char *owner;
	struct source_risk_score inherent; /* before controls */
	struct source_risk_score current;  /* residual, with controls */
	struct source_risk_score target;   /* once the actions are done */
	struct source_risk_score previous; /* current score at the last review:
	                                      stated, or from previous-source */
	struct source_text controls;       /* may be empty */
	struct source_risk_action *actions;
	size_t action_count;
	const char *stated_rating;         /* code as written, or NULL */
	struct source_pos stated_rating_pos;
	enum risk_direction stated_direction; /* UNKNOWN when not stated */
	struct source_pos stated_direction_pos;
	enum risk_direction direction;     /* filled by rating_compute_risks */
	const char *reviewed;              /* ISO date or NULL */
};

struct source_risks {
	const char *id;
	struct source_pos pos;
	struct source_text intro;
	struct source_scale scale;         /* the ratings the bands give */
	struct source_risk_axis likelihood, impact;
	/* The rating of a score: bands over likelihood × impact, or a matrix
	 * the source spells out (then band_count is 0). */
	struct source_risk_band *bands;
	size_t band_count;
	int *matrix;             /* likelihood.level_count × impact.level_count
	                            scale indices (-1: not in the scale), rows
	                            in the likelihood axis's order, columns in
	                            the impact axis's; NULL with bands */
	const char *previous_date;         /* of the last review, or NULL */
	const char *previous_source;       /* path relative to this source, or NULL */
	struct source_pos previous_source_pos; /* of the attribute */
	int heat_map_arrows;     /* the heat map draws inherent → current arrows */
	struct source_risk *risks;
	size_t risk_count;
};

struct source_block {
	enum source_block_kind kind;
	struct source_pos pos;
	const char *id;             /* may be NULL; target of <ref> */
	int numbered;               /* paragraphs: take the next paragraph number */
	union {
		struct source_text paragraph;
		struct source_list list;
		const char *sign_off;   /* "LD/06022024/A", without brackets */
		struct source_assessment assessment;
		struct source_performance performance;
		struct source_table table;
		struct source_figure figure;
		struct source_risks risks;
	} u;
	unsigned number;            /* paragraphs: 1 for "1.1" (set by the
	                               loader, counted within the section or
	                               appendix); 0 when unnumbered */
};

/* ---- sections, appendices, cover ---- */

enum implication_kind {
	IMPLICATION_NONE,
	IMPLICATION_FINANCIAL,
	IMPLICATION_LEGAL,
	IMPLICATION_EQUALITIES,
	IMPLICATION_OTHER,
};

struct source_section {
	const char *id;
	struct source_pos pos;
	unsigned number;            /* 1, 2, 3 … assigned by the loader */
	const char *heading;        /* "Purpose" (printed "1.0 Purpose") */
	enum implication_kind implication;
	struct source_block *blocks;
	size_t block_count;
};

struct source_appendix {
	const char *id;
	struct source_pos pos;
	unsigned number;            /* 1, 2 … assigned by the loader */
	const char *title;          /* "City of Wolverhampton Council Best Value Benchmarking" */
	int landscape;              /* the source asks for landscape pages */
	struct source_block *blocks;
	size_t block_count;
};

struct source_person {
	const char *name;
	const char *role;           /* job title or portfolio; may be NULL */
	const char *telephone;      /* may be NULL */
	const char *email;          /* may be NULL */
};

struct source_consideration {
	const char *body;           /* "Strategic Executive Board" */
	const char *date;           /* ISO date or NULL */
};

enum tristate { TRI_UNSET, TRI_NO, TRI_YES };

struct source_cover {
	const char *authority;      /* "City of Wolverhampton Council" */
	const char *committee;
	const char *meeting_date;   /* ISO "2024-02-22" */
	const char *marking;        /* "PUBLIC [NOT PROTECTIVELY MARKED]" */
	const char *exempt_paragraph; /* Schedule 12A paragraph, or NULL */
	const char *agenda_item;    /* may be NULL */
	const char *title;
	const char *decision_designation; /* may be NULL */
	enum tristate key_decision;
	enum tristate forward_plan;
	const char *wards;          /* may be NULL */
	struct source_person cabinet_member;
	struct source_person director;
	const char *service;
	struct source_person employee;
	struct source_consideration *considered_by;
	size_t considered_count;    /* 0 prints "None" */
};

struct source_recommendations {
	int for_noting;             /* 0: for decision */
	struct source_pos pos;
	struct source_text intro;   /* "The Committee is asked to:" */
	struct source_text *items;
	size_t item_count;
};

enum source_status { STATUS_FINAL, STATUS_DRAFT };

struct source_doc {
	const char *path;           /* as given; "-" for standard input */
	const char *lang;           /* xml:lang, e.g. "en-GB" */
	const char *layout;         /* house style name or path; may be NULL */
	struct source_pos layout_pos; /* of the attribute */
	enum source_status status;
	struct source_cover cover;
	struct source_recommendations *recommendations;
	size_t recommendation_count;
	struct source_section *sections;
	size_t section_count;
	struct source_appendix *appendices;
	size_t appendix_count;
	struct source_doc_private *private; /* strings and arrays the model owns */
};

/* Load, validate and build. Diagnostics (errors and warnings) are appended to
 * diags. Returns NULL when the source has errors: a model is only ever built
 * from a valid source. The schema is found with paths_schema(). */
struct source_doc *source_load(const char *path, struct diag_list *diags);

/* Same, from memory; name is used in diagnostics. */
struct source_doc *source_load_memory(const char *bytes, size_t length,
				      const char *name,
				      struct diag_list *diags);

void source_free(struct source_doc *doc);

/* The size above which a source (or a previous quarter's) is refused:
 * SOURCE_MAX_BYTES until --max-size sets it, from 1 to
 * SOURCE_MAX_BYTES_CEILING. One limit for the process, set while reading
 * the options, before any source is loaded (build's workers inherit it). */
void source_set_max_bytes(size_t bytes);
size_t source_max_bytes(void);

/* What a file's root element says it is, read without loading the file
 * (for a build over a folder, which holds house styles beside papers):
 * UNKNOWN when it cannot be read or is not well-formed up to its root, which
 * loading it will report. *root_name: the root's local name, or NULL; caller
 * frees with free(). */
enum source_root { SOURCE_ROOT_UNKNOWN, SOURCE_ROOT_PAPER, SOURCE_ROOT_OTHER };
enum source_root source_root_of(const char *path, char **root_name);

/* The files a source names, read without building it (for build's
 * up-to-date check and --watch): the source is read as source_load reads
 * it (a regular file of at most SOURCE_MAX_BYTES, the same scan, no
 * network, no entities) but with no schema, rules or model, and silently:
 * loading it reports its problems.
 *
 * Ownership: filled by source_inputs_read, freed with source_inputs_free. */
struct source_inputs {
	char *layout;      /* the root's layout= as written, or NULL */
	char **paths;      /* each <performance>'s and <risks>'s previous-source
	                      and each <assessment>'s and <performance>'s src,
	                      in document order, as paths_named resolves them */
	size_t count;
	size_t refused;    /* named, but refused by paths_named */
	size_t capacity;   /* of paths, private */
};

/* 0 with *inputs filled; -1 with *inputs empty when the source cannot be
 * read or is not well-formed XML. */
int source_inputs_read(const char *path, struct source_inputs *inputs);
void source_inputs_free(struct source_inputs *inputs);

#endif
