/* Private to the load stage (source_*.c, and meeting_load.c, which reads
 * meeting files with the same guards): the state of one load, shared by
 * the scan, parse, schema, rules and build steps. Nothing else includes
 * this. */
#ifndef SOURCE_INTERNAL_H
#define SOURCE_INTERNAL_H

#include <libxml/tree.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "memory.h"
#include "sheet.h"
#include "source.h"

/* Where one element's start tag begins in the source bytes. libxml2 nodes
 * carry only a line (that of the tag's end), so the scan records every start
 * tag in document order and the n-th element of the tree is the n-th tag. */
struct source_tag {
	uint32_t offset; /* of the '<' */
	uint32_t line, col;
};

/* Problems reported per source: a hostile source could otherwise produce
 * one per element, millions, and a flood helps nobody. */
enum { SOURCE_MAX_PROBLEMS = 1000 };

/* Attributes on one start tag: the vocabulary needs a dozen; thousands
 * would make libxml2 2.9 build the tree in quadratic time. */
enum { SOURCE_MAX_ATTRIBUTES = 256 };

struct source_load {
	const char *name;          /* for diagnostics, as given */
	const char *bytes;         /* the whole source, borrowed */
	size_t length;
	struct diag_list *diags;
	struct source_tag *tags;   /* every start tag, document order */
	size_t tag_count, tag_capacity;
	xmlDocPtr doc;             /* NULL until parsed */
	size_t element_count;      /* elements numbered by source_number_elements */
	size_t problems;           /* reported through source_error/_warning */
	struct source_workbook *workbooks; /* blocks whose rows a workbook holds */
	size_t workbook_count;
};

/* What a file of the vocabulary is: the root element it must have, how it
 * is named in messages, its rules beyond the schema, and how its model is
 * built from a valid tree and freed. */
struct source_kind {
	const char *root;       /* "paper", "meeting" */
	const char *what;       /* "a committee paper's" */
	const char *plural;     /* "committee papers" */
	void (*rules)(struct source_load *load);
	void *(*build)(struct source_load *load);
	void (*discard)(void *model);
};

/* source_load.c: read path (a regular file or "-", bounded), scan, parse,
 * check the root, validate against the schema, apply the kind's rules and
 * build: its model, or NULL with errors in diags. */
void *source_load_kind(const char *path, const struct source_kind *kind,
		       struct diag_list *diags);

/* Whether the source has reached SOURCE_MAX_PROBLEMS (and said so). */
int source_too_many(const struct source_load *load);

/* source_scan.c: byte-level checks before libxml2 sees the source (empty,
 * NUL, UTF-8, encoding, DOCTYPE with entities or external subsets, nesting
 * depth, text length) and the start tag table. Returns 0 when parsing may
 * go ahead; problems are appended to load->diags. */
int source_scan(struct source_load *load);

/* source_parse.c: parse load->bytes into load->doc with network, DTD loading
 * and entity substitution off. Returns 0 on a well-formed document. */
int source_parse(struct source_load *load);

/* source_guard.c: the external entity loader. Installed once per process;
 * sources() refuses everything (reporting to load) and schemas() allows only
 * .xsd files in dir, on this thread, until end(). */
void source_guard_install(void);
void source_guard_sources(struct source_load *load);
void source_guard_schemas(const char *dir);
void source_guard_end(void);

/* source_pos.c: element positions from the tag table. */
void source_number_elements(struct source_load *load);
struct source_pos source_node_pos(const struct source_load *load,
				  const xmlNode *node);
/* Position of attribute name in node's start tag (node's position if the
 * attribute is not written there). */
struct source_pos source_attr_pos(const struct source_load *load,
				  const xmlNode *node, const char *name);
/* Position of the first character of text directly inside node (not in its
 * children), or node's position when it has none. */
struct source_pos source_text_pos(const struct source_load *load,
				  const xmlNode *node);

/* source_schema.c: validate load->doc against the shipped schema, compiled
 * once per process. Returns 0 when valid. */
int source_schema_validate(struct source_load *load);

/* source_vocabulary.c: the element names the schema at path declares,
 * read once while the schema is compiled; then whether it declares an
 * element of that local name. */
void source_vocabulary_load(const char *path);
int source_vocabulary_has(const char *local_name);

/* source_messages.c: report one libxml2 schema message about element (and
 * attr, when the message is about one of its attributes) in plain words. */
void source_schema_explain(struct source_load *load, const xmlNode *element,
			   const char *attr, const char *msg);

/* source_workbook.c: the rows of each <assessment src=…> and <performance
 * src=…>, read after the schema and kept until the load ends; the rules
 * and the build read them here. */
struct source_workbook {
	const xmlNode *block;      /* the <assessment> or <performance> */
	char *path;                /* the workbook, beside the source */
	struct sheet_origin origin; /* its src attribute */
	struct sheet *sheet;       /* NULL when it could not be read */
	struct sheet_rows *rows;   /* NULL when its header could not be mapped */
	const char **codes, **labels; /* the block's scale, borrowed from the tree */
};
void source_workbooks_read(struct source_load *load);
/* The workbook of block, or NULL when its rows are written in XML. */
const struct source_workbook *source_workbook_of(const struct source_load *load,
						 const xmlNode *block);
void source_workbooks_free(struct source_load *load);

/* source_rules.c: what the schema cannot say. Returns the number of errors. */
size_t source_rules_check(struct source_load *load);

/* source_build.c: the model from a valid document. */
struct source_doc *source_build(struct source_load *load);

/* source_build_table.c: plain tables and figures for source_build. */
void source_build_table(struct source_load *load, struct arena *arena,
			const xmlNode *node, struct source_table *table);
void source_build_figure(struct source_load *load, struct arena *arena,
			 const xmlNode *node, struct source_figure *figure);

/* source_rules_table.c: the rules of one <table> or <figure> (spans that
 * add up to the columns, numbers in number and money columns, alt on
 * figures). Returns the number of errors reported. */
size_t source_rules_table(struct source_load *load, const xmlNode *table);
size_t source_rules_figure(struct source_load *load, const xmlNode *figure);
/* Whether s is a plain decimal: -1250.50, 1234567 (white space around it
 * allowed), as number and money cells are written. */
int source_is_decimal(const char *s);

/* source_text.c: whitespace-collapsed text. */
struct source_doc_private {
	struct arena *arena;
};
char *source_plain_text(struct arena *arena, const xmlNode *node);
void source_inline_text(struct arena *arena, const xmlNode *node,
			struct source_text *out);
/* s for quoting in a message: collapsed, at most 40 bytes and "…"; caller
 * frees. */
char *source_quote(const char *s);

/* Helpers over the tree (source_pos.c). */
int source_is(const xmlNode *node, const char *local_name);
const xmlNode *source_child(const xmlNode *parent, const char *local_name);
const xmlNode *source_next(const xmlNode *node, const char *local_name);
size_t source_count(const xmlNode *parent, const char *local_name);
/* Attribute value borrowed from the tree (no namespace), or NULL. */
const char *source_attr(const xmlNode *node, const char *name);

/* Report at a position. */
void source_error(struct source_load *load, struct source_pos pos,
		  const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void source_warning(struct source_load *load, struct source_pos pos,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
