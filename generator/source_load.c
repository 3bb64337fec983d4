/* The load stage's entry points: read (bounded), scan, parse, validate,
 * check the rules, build. Each step adds its problems to the caller's list.
 * The contract every caller relies on: a model or errors, never both
 * (warnings may come with a model). */
#include "source_internal.h"
#include "paths.h"

#include <errno.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct source_pos no_pos = { 0, 0 };

static size_t max_bytes = SOURCE_MAX_BYTES;

void source_set_max_bytes(size_t bytes)
{
	if (bytes >= 1 && bytes <= SOURCE_MAX_BYTES_CEILING)
		max_bytes = bytes;
}

size_t source_max_bytes(void)
{
	return max_bytes;
}

/* Root <paper> in our namespace, else the schema would only say that it
 * has no declaration for it. */
static int check_root(struct source_load *load, const struct source_kind *kind)
{
	const xmlNode *root = xmlDocGetRootElement(load->doc);
	struct source_pos pos = source_node_pos(load, root);
	const char *ns = root->ns ? (const char *)root->ns->href : NULL;
	if (strcmp((const char *)root->name, kind->root) != 0) {
		source_error(load, pos, "the root element is <%s>; %s "
			     "root element is <%s>", (const char *)root->name,
			     kind->what, kind->root);
		return -1;
	}
	if (!ns || strcmp(ns, SOURCE_NAMESPACE) != 0) {
		if (ns)
			source_error(load, pos, "<%s> is in namespace \"%s\"; %s "
				     "use xmlns=\"%s\"", kind->root, ns,
				     kind->plural, SOURCE_NAMESPACE);
		else
			source_error(load, pos, "<%s> has no namespace; add xmlns=\"%s\"",
				     kind->root, SOURCE_NAMESPACE);
		return -1;
	}
	return 0;
}

static void paper_rules(struct source_load *load)
{
	source_rules_check(load);
}

static void *build_paper(struct source_load *load)
{
	return source_build(load);
}

static void discard_paper(void *model)
{
	source_free(model);
}

static const struct source_kind paper_kind = {
	"paper", "a committee paper's", "committee papers", paper_rules,
	build_paper, discard_paper,
};

static void *load_bytes(struct source_load *load, const struct source_kind *kind)
{
	if (load->length > max_bytes) {
		char *words = paths_size_words(max_bytes);
		source_error(load, no_pos, "the source is larger than %zu bytes%s; "
			     "sources are refused above that size unless "
			     "--max-size allows more (such as --max-size 64M)",
			     max_bytes, words);
		free(words);
		return NULL;
	}
	void *doc = NULL;
	if (source_scan(load) == 0 && source_parse(load) == 0) {
		source_number_elements(load);
		if (check_root(load, kind) == 0) {
			size_t before = diag_count(load->diags, DIAG_ERROR);
			source_schema_validate(load);
			/* Only a paper's blocks name workbooks. */
			source_workbooks_read(load);
			kind->rules(load);
			if (diag_count(load->diags, DIAG_ERROR) == before)
				doc = kind->build(load);
			/* Building computes ratings, which may still find an
			 * error the rules did not: then there is no model. */
			if (doc && diag_count(load->diags, DIAG_ERROR) != before) {
				kind->discard(doc);
				doc = NULL;
			}
			source_workbooks_free(load);
		}
	}
	xmlFreeDoc(load->doc);
	free(load->tags);
	return doc;
}

void *source_load_kind_memory(const char *bytes, size_t length,
			      const char *name, const struct source_kind *kind,
			      struct diag_list *diags)
{
	struct source_load load = {
		.name = name ? name : "-",
		.bytes = bytes ? bytes : "",
		.length = bytes ? length : 0,
		.diags = diags,
	};
	return load_bytes(&load, kind);
}

struct source_doc *source_load_memory(const char *bytes, size_t length,
				      const char *name, struct diag_list *diags)
{
	return source_load_kind_memory(bytes, length, name, &paper_kind, diags);
}

void *source_load_kind(const char *path, const struct source_kind *source_kind,
		       struct diag_list *diags)
{
	int from_stdin = strcmp(path, "-") == 0;
	const char *kind = NULL;
	/* A FIFO with no writer would block open() for ever, and a device
	 * may never end: only regular files, and "-" for standard input. */
	int fd = from_stdin ? STDIN_FILENO : paths_open_regular(path, &kind);
	if (fd < 0 && kind) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "is %s, not a source file%s",
			 kind, strcmp(kind, "a folder") == 0 ? ""
				: "; give - to read standard input");
		return NULL;
	}
	if (fd < 0) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	size_t length = 0;
	char *bytes = paths_read_bounded(fd, max_bytes, &length);
	int error = bytes ? 0 : errno;
	if (!from_stdin)
		close(fd);
	if (error == EFBIG)
		length = max_bytes + 1u; /* load_bytes says so, as from memory */
	else if (error) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(error));
		return NULL;
	}
	struct source_load load = {
		.name = path, .bytes = bytes ? bytes : "", .length = length, .diags = diags,
	};
	void *doc = load_bytes(&load, source_kind);
	free(bytes);
	return doc;
}

struct source_doc *source_load(const char *path, struct diag_list *diags)
{
	return source_load_kind(path, &paper_kind, diags);
}

void source_free(struct source_doc *doc)
{
	if (doc)
		arena_free(doc->private->arena);
}
