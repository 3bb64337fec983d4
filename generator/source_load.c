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
#include <sys/stat.h>
#include <unistd.h>

static const struct source_pos no_pos = { 0, 0 };

/* Root <paper> in our namespace, else the schema would only say that it
 * has no declaration for it. */
static int check_root(struct source_load *load)
{
	const xmlNode *root = xmlDocGetRootElement(load->doc);
	struct source_pos pos = source_node_pos(load, root);
	const char *ns = root->ns ? (const char *)root->ns->href : NULL;
	if (strcmp((const char *)root->name, "paper") != 0) {
		source_error(load, pos, "the root element is <%s>; a committee paper's "
			     "root element is <paper>", (const char *)root->name);
		return -1;
	}
	if (!ns || strcmp(ns, SOURCE_NAMESPACE) != 0) {
		if (ns)
			source_error(load, pos, "<paper> is in namespace \"%s\"; committee "
				     "papers use xmlns=\"%s\"", ns, SOURCE_NAMESPACE);
		else
			source_error(load, pos, "<paper> has no namespace; add xmlns=\"%s\"",
				     SOURCE_NAMESPACE);
		return -1;
	}
	return 0;
}

static struct source_doc *load_bytes(struct source_load *load)
{
	if (load->length > SOURCE_MAX_BYTES) {
		source_error(load, no_pos, "the source is larger than %u bytes (%u MiB); "
			     "sources are refused above that size", SOURCE_MAX_BYTES,
			     SOURCE_MAX_BYTES >> 20);
		return NULL;
	}
	struct source_doc *doc = NULL;
	if (source_scan(load) == 0 && source_parse(load) == 0) {
		source_number_elements(load);
		if (check_root(load) == 0) {
			size_t before = diag_count(load->diags, DIAG_ERROR);
			source_schema_validate(load);
			source_workbooks_read(load);
			source_rules_check(load);
			if (diag_count(load->diags, DIAG_ERROR) == before)
				doc = source_build(load);
			/* Building computes ratings, which may still find an
			 * error the rules did not: then there is no model. */
			if (doc && diag_count(load->diags, DIAG_ERROR) != before) {
				source_free(doc);
				doc = NULL;
			}
			source_workbooks_free(load);
		}
	}
	xmlFreeDoc(load->doc);
	free(load->tags);
	return doc;
}

struct source_doc *source_load_memory(const char *bytes, size_t length,
				      const char *name, struct diag_list *diags)
{
	struct source_load load = {
		.name = name ? name : "-",
		.bytes = bytes ? bytes : "",
		.length = bytes ? length : 0,
		.diags = diags,
	};
	return load_bytes(&load);
}

/* Reads at most SOURCE_MAX_BYTES + 1 bytes: enough to know it is too big. */
static char *read_bounded(int fd, size_t *length, int *error)
{
	size_t capacity = 64 * 1024, n = 0;
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
		if ((unsigned long long)st.st_size > SOURCE_MAX_BYTES) {
			*length = (size_t)st.st_size;
			return NULL;
		}
		capacity = (size_t)st.st_size + 1;
	}
	char *buf = mem_alloc(capacity);
	for (;;) {
		if (n == capacity) {
			if (capacity > SOURCE_MAX_BYTES)
				break;
			capacity *= 2;
			buf = mem_resize(buf, capacity, 1);
		}
		ssize_t got = read(fd, buf + n, capacity - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			*error = errno;
			free(buf);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	*length = n;
	return buf;
}

struct source_doc *source_load(const char *path, struct diag_list *diags)
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
	int error = 0;
	char *bytes = read_bounded(fd, &length, &error);
	if (!from_stdin)
		close(fd);
	if (error) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(error));
		return NULL;
	}
	struct source_load load = {
		.name = path, .bytes = bytes ? bytes : "", .length = length, .diags = diags,
	};
	struct source_doc *doc = load_bytes(&load);
	free(bytes);
	return doc;
}

void source_free(struct source_doc *doc)
{
	if (doc)
		arena_free(doc->private->arena);
}
