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

/* The element naming the next supplement of item after *at (a paper
 * that followed, then each revision; *at NULL to start), and its number;
 * NULL when there is no more. */
static const xmlNode *next_supplement(const xmlNode *item, const xmlNode *at,
				      unsigned *number)
{
	const xmlNode *next;
	if (!at) {
		*number = followed_into(item, &next);
		if (*number)
			return next;
		next = source_child(item, "revision");
	} else
		next = source_next(at->next, "revision");
	*number = next ? attr_number(next, "supplement") : 0;
	return next;
}

/* Supplements 1, 2 … none missing: each named one after the first has
 * one before it, whether it publishes a paper that followed or a
 * revision. */
static void supplements_rule(struct source_load *load, const xmlNode *root)
{
	unsigned last = 0, s;
	for (const xmlNode *item = source_child(root, "item"); item;
	     item = source_next(item->next, "item"))
		for (const xmlNode *at = next_supplement(item, NULL, &s); at;
		     at = next_supplement(item, at, &s))
			last = s > last ? s : last;
	for (unsigned want = 1; want < last; want++) {
		const xmlNode *named = NULL, *later = NULL;
		for (const xmlNode *item = source_child(root, "item"); item;
		     item = source_next(item->next, "item")) {
			for (const xmlNode *at = next_supplement(item, NULL, &s);
			     at; at = next_supplement(item, at, &s)) {
				if (s == want)
					named = at;
				else if (s > want && !later)
					later = at;
			}
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

/* An item's revisions: each of a paper published before it, in a
 * supplement after the one publishing the paper, one per supplement; each
 * revised paper one that may be read. */
static void revisions_rule(struct source_load *load, const xmlNode *item,
			   unsigned number)
{
	const xmlNode *paper;
	unsigned published = followed_into(item, &paper);
	for (const xmlNode *r = source_child(item, "revision"); r;
	     r = source_next(r->next, "revision")) {
		if (source_attr(r, "src"))
			free(paper_path(load, r, load->diags));
		unsigned s = attr_number(r, "supplement");
		struct source_pos pos = source_attr_pos(load, r, "supplement");
		if (!paper) {
			source_error(load, source_node_pos(load, r),
				     "item %u has no paper to revise; a "
				     "<revision> follows the item's <paper>",
				     number);
			continue;
		}
		if (s && s == published)
			source_error(load, pos,
				     "item %u's paper follows into supplement "
				     "%u, so it cannot also be revised in "
				     "supplement %u", number, published, s);
		else if (s && s < published)
			source_error(load, pos,
				     "item %u is revised in supplement %u, "
				     "before its paper is published in "
				     "supplement %u", number, s, published);
		for (const xmlNode *first = source_child(item, "revision");
		     s && first != r; first = source_next(first->next, "revision"))
			if (attr_number(first, "supplement") == s) {
				source_error(load, pos,
					     "item %u is revised twice in "
					     "supplement %u (first at line "
					     "%u); one revision per supplement",
					     number, s,
					     source_node_pos(load, first).line);
				break;
			}
	}
}

/* Items numbered 1, 2, 3 … in order; each paper one that may be read;
 * supplements where papers followed or were revised. */
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
		revisions_rule(load, item, number);
		if (source_child(item, "exempt-appendix") && !paper)
			source_error(load, source_node_pos(load, item),
				     "item %u has an exempt appendix but no paper",
				     number);
	}
	supplements_rule(load, root);
}

static void build_revisions(struct source_load *load, struct arena *arena,
			    const xmlNode *node, struct meeting_item *item)
{
	item->revision_count = source_count(node, "revision");
	item->revisions = arena_alloc(arena, (item->revision_count + 1) *
						     sizeof *item->revisions);
	size_t i = 0;
	for (const xmlNode *r = source_child(node, "revision"); r;
	     r = source_next(r->next, "revision"), i++) {
		struct meeting_revision *out = &item->revisions[i];
		out->supplement = attr_number(r, "supplement");
		out->pos = source_node_pos(load, r);
		char *path = paper_path(load, r, load->diags);
		out->paper = path ? arena_strndup(arena, path, strlen(path)) : "";
		free(path);
		out->reason = source_plain_text(arena, r);
	}
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
	build_revisions(load, arena, node, item);
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
		for (size_t r = 0; r < built->revision_count; r++)
			if (built->revisions[r].supplement > m->supplement_count)
				m->supplement_count = built->revisions[r].supplement;
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

const struct meeting_revision *meeting_revision_in(const struct meeting_item *item,
						   unsigned supplement)
{
	for (size_t r = 0; supplement && r < item->revision_count; r++)
		if (item->revisions[r].supplement == supplement)
			return &item->revisions[r];
	return NULL;
}

const char *meeting_paper_in(const struct meeting_item *item, unsigned edition)
{
	if (item->kind != MEETING_ITEM_PAPER)
		return NULL;
	if (item->supplement == edition)
		return item->paper;
	const struct meeting_revision *r = meeting_revision_in(item, edition);
	return r ? r->paper : NULL;
}
