/* Reading a meeting file: the same guarded read, parse and schema as a
 * paper (source_load_kind), then the meeting's own rules (items numbered
 * in order, papers that may be read) and its model. */
#include "meeting.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"
#include "source_internal.h"

struct meeting_private {
	struct arena *arena;
};

/* Whitespace-collapsed text of the named child, in the arena; NULL when
 * there is no such child. */
static const char *child_text(struct arena *arena, const xmlNode *parent,
			      const char *name)
{
	const xmlNode *node = source_child(parent, name);
	return node ? source_plain_text(arena, node) : NULL;
}

static const char *attr_copy(struct arena *arena, const xmlNode *node,
			     const char *name)
{
	const char *raw = source_attr(node, name);
	if (!raw)
		return NULL;
	/* Schema tokens: leading and trailing blanks are not part of it. */
	while (*raw == ' ' || *raw == '\t' || *raw == '\n' || *raw == '\r')
		raw++;
	size_t n = strlen(raw);
	while (n && (raw[n - 1] == ' ' || raw[n - 1] == '\t' ||
		     raw[n - 1] == '\n' || raw[n - 1] == '\r'))
		n--;
	return arena_strndup(arena, raw, n);
}

static unsigned attr_number(const xmlNode *node, const char *name)
{
	const char *raw = source_attr(node, name);
	unsigned long n = raw ? strtoul(raw, NULL, 10) : 0;
	return n > 1000000 ? 1000000 : (unsigned)n;
}

/* paths_named for an item's <paper src=…>: the path to open (caller
 * frees), or NULL after an error at the attribute. */
static char *paper_path(struct source_load *load, const xmlNode *paper,
			struct diag_list *diags)
{
	struct source_pos pos = source_attr_pos(load, paper, "src");
	struct paths_naming naming = {
		.source = load->name, .attribute = "src",
		.line = pos.line, .col = pos.col, .option = NULL,
	};
	const char *value = source_attr(paper, "src");
	return paths_named(&naming, value ? value : "", source_max_bytes(), diags);
}

/* A paper's supplement= only where it follows a to-follow note, and
 * required there. The paper's supplement number, or 0. */
static unsigned supplement_rule(struct source_load *load, const xmlNode *item,
				const xmlNode *paper, unsigned number)
{
	unsigned supplement = attr_number(paper, "supplement");
	int followed = source_child(item, "to-follow") != NULL;
	if (supplement && !followed)
		source_error(load, source_attr_pos(load, paper, "supplement"),
			     "item %u is not to follow, so no supplement "
			     "publishes it; supplement= is for a paper after "
			     "its <to-follow> note", number);
	else if (followed && !supplement)
		source_error(load, source_node_pos(load, paper),
			     "item %u's paper followed: say which supplement "
			     "publishes it (supplement=\"1\")", number);
	return followed ? supplement : 0;
}

/* The supplement an item's paper followed into, or 0 (a paper with no
 * to-follow note before it is in the pack itself). */
static unsigned followed_into(const xmlNode *item, const xmlNode **paper)
{
	*paper = source_child(item, "paper");
	if (!*paper || !source_child(item, "to-follow"))
		return 0;
	return attr_number(*paper, "supplement");
}

/* Supplements 1, 2 … none missing: each named one after the first has
 * one before it. */
static void supplements_rule(struct source_load *load, const xmlNode *root)
{
	unsigned last = 0;
	for (const xmlNode *item = source_child(root, "item"); item;
	     item = source_next(item->next, "item")) {
		const xmlNode *paper;
		unsigned s = followed_into(item, &paper);
		last = s > last ? s : last;
	}
	for (unsigned want = 1; want < last; want++) {
		const xmlNode *named = NULL, *later = NULL;
		for (const xmlNode *item = source_child(root, "item"); item;
		     item = source_next(item->next, "item")) {
			const xmlNode *paper;
			unsigned s = followed_into(item, &paper);
			if (s == want)
				named = paper;
			else if (s > want && !later)
				later = paper;
		}
		if (!named && later) {
			source_error(load,
				     source_attr_pos(load, later, "supplement"),
				     "supplement %u is named, but no item is "
				     "published in supplement %u; supplements "
				     "are numbered 1, 2 … with none missing",
				     attr_number(later, "supplement"), want);
			return;
		}
	}
}

/* Items numbered 1, 2, 3 … in order; each paper one that may be read;
 * supplements where papers followed. */
static void meeting_rules(struct source_load *load)
{
	const xmlNode *root = xmlDocGetRootElement(load->doc);
	unsigned previous = 0;
	for (const xmlNode *item = source_child(root, "item"); item;
	     item = source_next(item->next, "item")) {
		unsigned number = attr_number(item, "number");
		struct source_pos pos = source_attr_pos(load, item, "number");
		if (number && previous == 0 && number != 1)
			source_error(load, pos, "the first item is numbered %u; "
				     "items are numbered 1, 2, 3 … in order",
				     number);
		else if (number && previous && number != previous + 1)
			source_error(load, pos, "item %u follows item %u; items "
				     "are numbered 1, 2, 3 … in order", number,
				     previous);
		previous = number;
		const xmlNode *paper = source_child(item, "paper");
		if (paper && source_attr(paper, "src")) {
			free(paper_path(load, paper, load->diags));
		}
		if (paper)
			supplement_rule(load, item, paper, number);
		if (source_child(item, "exempt-appendix") && !paper)
			source_error(load, source_node_pos(load, item),
				     "item %u has an exempt appendix but no paper",
				     number);
	}
	supplements_rule(load, root);
}

static void build_item(struct source_load *load, struct arena *arena,
		       const xmlNode *node, struct meeting_item *item)
{
	item->number = attr_number(node, "number");
	item->pos = source_node_pos(load, node);
	const char *standing = source_attr(node, "standing");
	item->standing = standing && strstr(standing, "yes") != NULL;
	item->title = child_text(arena, node, "title");
	item->lead = child_text(arena, node, "lead");
	item->exempt_paragraph = attr_copy(arena, node, "exempt-paragraph");
	const xmlNode *paper = source_child(node, "paper");
	if (paper) {
		item->kind = MEETING_ITEM_PAPER;
		item->paper_pos = source_attr_pos(load, paper, "src");
		char *path = paper_path(load, paper, load->diags);
		item->paper = path ? arena_strndup(arena, path, strlen(path)) : "";
		free(path);
		/* A paper that followed keeps the note the first pack printed. */
		item->note = child_text(arena, node, "to-follow");
		if (item->note)
			item->supplement = attr_number(paper, "supplement");
	} else if ((item->note = child_text(arena, node, "verbal"))) {
		item->kind = MEETING_ITEM_VERBAL;
	} else if ((item->note = child_text(arena, node, "to-follow"))) {
		item->kind = MEETING_ITEM_TO_FOLLOW;
	}
	item->exempt_appendix_count = source_count(node, "exempt-appendix");
	item->exempt_appendices =
		arena_alloc(arena, (item->exempt_appendix_count + 1) *
					   sizeof *item->exempt_appendices);
	size_t i = 0;
	for (const xmlNode *e = source_child(node, "exempt-appendix"); e;
	     e = source_next(e->next, "exempt-appendix"), i++) {
		item->exempt_appendices[i].number = attr_number(e, "number");
		item->exempt_appendices[i].paragraph =
			attr_copy(arena, e, "paragraph");
		item->exempt_appendices[i].pos = source_node_pos(load, e);
	}
}

/* The names under one element, in order, as an array in the arena. */
static const char **names(struct arena *arena, const xmlNode *parent,
			  const char *name, size_t *count)
{
	*count = source_count(parent, name);
	const char **out = arena_alloc(arena, (*count + 1) * sizeof *out);
	size_t i = 0;
	for (const xmlNode *n = source_child(parent, name); n;
	     n = source_next(n->next, name))
		out[i++] = source_plain_text(arena, n);
	return out;
}

static void *meeting_build(struct source_load *load)
{
	struct arena *arena = arena_new();
	struct meeting *m = arena_alloc(arena, sizeof *m);
	m->private = arena_alloc(arena, sizeof *m->private);
	m->private->arena = arena;
	const xmlNode *root = xmlDocGetRootElement(load->doc);
	m->path = arena_strndup(arena, load->name, strlen(load->name));
	xmlChar *lang = xmlNodeGetLang(root);
	m->lang = lang ? arena_strndup(arena, (const char *)lang,
				       strlen((const char *)lang)) :
			 "en-GB";
	xmlFree(lang);
	m->layout = attr_copy(arena, root, "layout");
	m->layout_pos = source_attr_pos(load, root, "layout");
	m->authority = child_text(arena, root, "authority");
	m->committee = child_text(arena, root, "committee");
	m->date = child_text(arena, root, "date");
	m->time = child_text(arena, root, "time");
	m->venue = child_text(arena, root, "venue");
	const xmlNode *membership = source_child(root, "membership");
	m->chair = child_text(arena, membership, "chair");
	m->vice_chair = child_text(arena, membership, "vice-chair");
	m->members = names(arena, membership, "member", &m->member_count);
	m->substitutes = names(arena, membership, "substitute",
			       &m->substitute_count);
	m->quorum = child_text(arena, root, "quorum");
	const xmlNode *contact = source_child(root, "contact");
	m->contact.name = child_text(arena, contact, "name");
	m->contact.role = child_text(arena, contact, "role");
	m->contact.telephone = child_text(arena, contact, "telephone");
	m->contact.email = child_text(arena, contact, "email");
	m->item_count = source_count(root, "item");
	m->items = arena_alloc(arena, (m->item_count + 1) * sizeof *m->items);
	size_t i = 0;
	for (const xmlNode *item = source_child(root, "item"); item;
	     item = source_next(item->next, "item")) {
		struct meeting_item *built = &m->items[i++];
		build_item(load, arena, item, built);
		if (built->supplement > m->supplement_count)
			m->supplement_count = built->supplement;
	}
	return m;
}

static void meeting_discard(void *model)
{
	meeting_free(model);
}

static const struct source_kind meeting_kind = {
	"meeting", "a meeting's", "meetings", meeting_rules, meeting_build,
	meeting_discard,
};

struct meeting *meeting_load(const char *path, struct diag_list *diags)
{
	return source_load_kind(path, &meeting_kind, diags);
}

struct meeting *meeting_load_memory(const char *bytes, size_t length,
				    const char *name, struct diag_list *diags)
{
	return source_load_kind_memory(bytes, length, name, &meeting_kind,
				       diags);
}

void meeting_free(struct meeting *meeting)
{
	if (meeting)
		arena_free(meeting->private->arena);
}

int meeting_is_meeting_file(const char *path)
{
	/* A FIFO or device would block the reader: whatever it is, loading
	 * it as a paper says what is wrong. */
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	char *root = NULL;
	source_root_of(path, &root);
	int is_meeting = root && strcmp(root, "meeting") == 0;
	free(root);
	return is_meeting;
}
