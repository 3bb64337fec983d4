/* struct style from a schema-valid layout document. The schema has already
 * judged every value's form, so parsing here cannot meet a malformed one;
 * the semantic rules run afterwards in style_check.c. */
#include "style_internal.h"
#include "image.h"
#include "paths.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PT_PER_MM (72.0 / 25.4)

struct paper {
	const char *name;
	double width_pt, height_pt; /* portrait */
};

static const struct paper papers[] = {
	{ "A4", 210 * PT_PER_MM, 297 * PT_PER_MM },
	{ "A3", 297 * PT_PER_MM, 420 * PT_PER_MM },
	{ "Letter", 612.0, 792.0 },
};

/* What the readers share while filling one style. */
struct reader {
	struct arena *arena;
	const struct style_doc *doc;
	struct style_private *private;
};

/* Attribute value or fallback; borrowed until the document is freed. */
static const char *attr(const xmlNode *node, const char *name, const char *fallback)
{
	for (xmlAttr *a = node ? node->properties : NULL; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0 && a->children &&
		    a->children->content)
			return (const char *)a->children->content;
	return fallback;
}

static char *text_of(struct arena *arena, const xmlNode *node)
{
	if (!node)
		return arena_strndup(arena, "", 0);
	xmlChar *content = xmlNodeGetContent(node);
	const char *s = content ? (const char *)content : "";
	/* Collapse runs of white space: titles are wrapped in the file. */
	size_t n = strlen(s);
	char *out = arena_alloc(arena, n + 1);
	char *w = out;
	int space = 1;
	for (const char *p = s; *p; p++) {
		int is_space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
		if (is_space && !space)
			*w++ = ' ';
		else if (!is_space)
			*w++ = *p;
		space = is_space;
	}
	if (w > out && w[-1] == ' ')
		w--;
	*w = '\0';
	xmlFree(content);
	return out;
}

double style_length_pt(const char *text)
{
	char *end = NULL;
	double value = strtod(text, &end);
	if (end && strcmp(end, "mm") == 0)
		return value * PT_PER_MM;
	return value; /* "pt": the schema allows no other unit */
}

style_rgb style_parse_rgb(const char *text)
{
	return (style_rgb)strtoul(text + (text[0] == '#'), NULL, 16) & 0xFFFFFFu;
}

static double number(const xmlNode *node, const char *name)
{
	return strtod(attr(node, name, "0"), NULL);
}

/* Remember where each family is first named, so a missing font can be
 * blamed on its line. */
static const char *family_of(struct reader *r, const xmlNode *node)
{
	const char *family = attr(node, "family", "Liberation Sans");
	struct style_private *private = r->private;
	for (size_t i = 0; i < private->family_count; i++)
		if (strcmp(private->families[i].family, family) == 0)
			return private->families[i].family;
	MEM_GROW(private->families, private->family_count, private->family_capacity);
	struct style_family_use *use = &private->families[private->family_count++];
	use->family = arena_strndup(r->arena, family, strlen(family));
	use->pos = style_doc_pos(r->doc, node);
	return use->family;
}

static void read_font(struct reader *r, const xmlNode *node,
		      struct style_font *font)
{
	font->family = family_of(r, node);
	font->size_pt = style_length_pt(attr(node, "size", "11pt"));
	font->bold = strcmp(attr(node, "weight", "normal"), "bold") == 0;
	font->italic = strcmp(attr(node, "style", "normal"), "italic") == 0;
	font->color = style_parse_rgb(attr(node, "color", "#000000"));
}

static void read_page(const xmlNode *page, struct style *style)
{
	const char *size = attr(page, "size", "A4");
	for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++)
		if (strcmp(size, papers[i].name) == 0) {
			style->page.width_pt = papers[i].width_pt;
			style->page.height_pt = papers[i].height_pt;
		}
	style->page.landscape =
		strcmp(attr(page, "orientation", "portrait"), "landscape") == 0;
	style->landscape_assessments =
		strcmp(attr(page, "landscape-assessments", "no"), "yes") == 0;
	const xmlNode *margins = style_child(page, "margins");
	style->page.margin_top_pt = style_length_pt(attr(margins, "top", "0pt"));
	style->page.margin_right_pt = style_length_pt(attr(margins, "right", "0pt"));
	style->page.margin_bottom_pt = style_length_pt(attr(margins, "bottom", "0pt"));
	style->page.margin_left_pt = style_length_pt(attr(margins, "left", "0pt"));
}

static void read_fonts(struct reader *r, const xmlNode *fonts,
		       struct style *style)
{
	read_font(r, style_child(fonts, "body"), &style->body);
	for (const xmlNode *c = fonts->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)c->name, "heading") != 0)
			continue;
		int level = atoi(attr(c, "level", "1"));
		if (level >= 1 && level <= 3)
			read_font(r, c, &style->heading[level - 1]);
	}
	read_font(r, style_child(fonts, "cover-title"), &style->cover_title);
	read_font(r, style_child(fonts, "header-font"), &style->header_font);
	read_font(r, style_child(fonts, "footer-font"), &style->footer_font);
}

static const char *const assessment_names[7] = {
	"reference", "characteristic", "rating", "previous", "evidence",
	"actions", "owner",
};
static const char *const performance_names[8] = {
	"reference", "measure", "target", "actual", "previous", "rating",
	"travel", "commentary",
};

/* always[i] = 1 for each <column name="names[i]" always="yes"/>. */
static void read_always(const xmlNode *columns, const char *const *names,
			size_t count, int *always)
{
	for (const xmlNode *c = columns ? columns->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)c->name, "column") != 0)
			continue;
		const char *name = attr(c, "name", "");
		for (size_t i = 0; i < count; i++)
			if (strcmp(names[i], name) == 0)
				always[i] = strcmp(attr(c, "always", "no"), "yes") == 0;
	}
}

static void read_table(struct reader *r, const xmlNode *table,
		       struct style_table *t)
{
	t->padding_pt = style_length_pt(attr(table, "padding", "0pt"));
	t->border_pt = style_length_pt(attr(table, "border", "0pt"));
	t->border_color = style_parse_rgb(attr(table, "border-color", "#000000"));
	const xmlNode *header = style_child(table, "header-cell");
	read_font(r, header, &t->header_font);
	t->header_fill = style_parse_rgb(attr(header, "fill", "#ffffff"));
	const xmlNode *theme = style_child(table, "theme-row");
	read_font(r, theme, &t->theme_font);
	t->theme_fill = style_parse_rgb(attr(theme, "fill", "#ffffff"));
	read_font(r, style_child(table, "cell"), &t->cell_font);
	const xmlNode *assessment = style_child(table, "assessment-columns");
	for (size_t i = 0; i < 7; i++)
		t->assessment_columns[i] = number(assessment, assessment_names[i]);
	read_always(assessment, assessment_names, 7, t->assessment_always);
	const xmlNode *performance = style_child(table, "performance-columns");
	for (size_t i = 0; i < 8; i++)
		t->performance_columns[i] = number(performance, performance_names[i]);
	read_always(performance, performance_names, 8, t->performance_always);
	t->cover_key_proportion = number(style_child(table, "cover-columns"), "key");
}

static style_rgb chart_color(const xmlNode *node, style_rgb background)
{
	const char *chart = attr(node, "chart", NULL);
	return chart ? style_parse_rgb(chart) : style_chart_default(background);
}

/* The standing a palette entry colours; the schema has checked the word. */
static enum style_standing standing_of(const char *word)
{
	static const struct {
		const char *word;
		enum style_standing standing;
	} words[] = {
		{ "met", STYLE_STANDING_MET },
		{ "partly", STYLE_STANDING_PARTLY },
		{ "not-met", STYLE_STANDING_NOT_MET },
		{ "complete", STYLE_STANDING_COMPLETE },
		{ "no-data", STYLE_STANDING_NO_DATA },
	};
	for (size_t i = 0; word && i < sizeof words / sizeof words[0]; i++)
		if (strcmp(word, words[i].word) == 0)
			return words[i].standing;
	return STYLE_STANDING_NONE;
}

static void read_palette(struct arena *arena, const xmlNode *palette,
			 struct style *style)
{
	size_t count = 1; /* the fallback, present or not */
	for (const xmlNode *c = palette->children; c; c = c->next)
		count += c->type == XML_ELEMENT_NODE &&
			 strcmp((const char *)c->name, "rating") == 0;
	style->ratings = arena_alloc(arena, count * sizeof *style->ratings);
	style_rgb *charts = arena_alloc(arena, count * sizeof *charts);
	size_t n = 0;
	for (const xmlNode *c = palette->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)c->name, "rating") != 0)
			continue;
		const char *code = attr(c, "code", "");
		style->ratings[n].code = arena_strndup(arena, code, strlen(code));
		style->ratings[n].background = style_parse_rgb(attr(c, "background", "#ffffff"));
		style->ratings[n].text = style_parse_rgb(attr(c, "text", "#000000"));
		charts[n] = chart_color(c, style->ratings[n].background);
		style->ratings[n].standing = standing_of(attr(c, "standing", NULL));
		const char *position = attr(c, "position", NULL);
		style->ratings[n].graded = position != NULL;
		style->ratings[n].position = position ? strtod(position, NULL) : 0;
		n++;
	}
	/* A missing fallback is an error (style_check); black on white keeps
	 * the struct whole until then. */
	const xmlNode *fallback = style_child(palette, "fallback");
	style->ratings[n].code = NULL;
	style->ratings[n].background = style_parse_rgb(attr(fallback, "background", "#ffffff"));
	style->ratings[n].text = style_parse_rgb(attr(fallback, "text", "#000000"));
	charts[n] = chart_color(fallback, style->ratings[n].background);
	style->ratings[n].standing = STYLE_STANDING_NONE;
	style->ratings[n].graded = 0;
	style->ratings[n].position = 0;
	style->rating_count = n + 1;
	style->private->chart_colors = charts;
}

static const char *template(struct arena *arena, const xmlNode *node,
			    const char *name)
{
	const char *value = attr(node, name, "");
	return arena_strndup(arena, value, strlen(value));
}

static void read_furniture(struct arena *arena, const xmlNode *furniture,
			   struct style *style)
{
	const xmlNode *header = style_child(furniture, "header");
	const xmlNode *footer = style_child(furniture, "footer");
	style->header_left = template(arena, header, "left");
	style->header_right = template(arena, header, "right");
	style->footer_left = template(arena, footer, "left");
	style->footer_center = template(arena, footer, "center");
	style->footer_right = template(arena, footer, "right");
}

/* <labels><label key="key.rating">RAG status</label>…: key → text pairs
 * in the arena, ending with a NULL name. */
static int is_label(const xmlNode *c)
{
	return c->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)c->name, "label") == 0;
}

static void read_labels(struct arena *arena, const xmlNode *labels,
			struct style *style)
{
	size_t count = 0;
	for (const xmlNode *c = labels ? labels->children : NULL; c; c = c->next)
		count += is_label(c);
	struct style_field *out = arena_alloc(arena, (count + 1) * sizeof *out);
	const char **langs = arena_alloc(arena, (count + 1) * sizeof *langs);
	size_t n = 0;
	for (const xmlNode *c = labels ? labels->children : NULL; c; c = c->next) {
		if (!is_label(c))
			continue;
		const char *key = attr(c, "key", "");
		out[n].name = arena_strndup(arena, key, strlen(key));
		out[n].value = text_of(arena, c);
		xmlChar *lang = xmlGetNsProp(c, BAD_CAST "lang", XML_XML_NAMESPACE);
		langs[n] = lang ? arena_strndup(arena, (const char *)lang,
						strlen((const char *)lang)) : NULL;
		xmlFree(lang);
		n++;
	}
	style->labels = out;
	style->label_langs = langs;
}

static void read_logo(struct reader *r, const xmlNode *logo,
		      struct style *style)
{
	if (!logo)
		return;
	const char *place = attr(logo, "place", "cover");
	style->logo.place = strcmp(place, "header") == 0 ? LOGO_HEADER : LOGO_COVER;
	style->logo.src = template(r->arena, logo, "src");
	style->logo.alt = template(r->arena, logo, "alt");
	style->logo.width_pt = style_length_pt(attr(logo, "width", "40mm"));
	struct style_pos pos = style_doc_pos(r->doc, logo);
	style->logo.line = pos.line;
	style->logo.col = pos.col;
}

static struct style *style_from_doc(const struct style_doc *doc)
{
	struct style *style = mem_alloc(sizeof *style);
	struct style_private *private = mem_alloc(sizeof *private);
	struct arena *arena = arena_new();
	private->arena = arena;
	style->private = private;
	struct reader r = { arena, doc, private };
	const xmlNode *root = xmlDocGetRootElement(doc->doc);
	const char *name = attr(root, "name", "");
	style->name = arena_strndup(arena, name, strlen(name));
	style->path = arena_strndup(arena, doc->path, strlen(doc->path));
	private->title = text_of(arena, style_child(root, "title"));
	private->description = text_of(arena, style_child(root, "description"));
	read_page(style_child(root, "page"), style);
	read_fonts(&r, style_child(root, "fonts"), style);
	const xmlNode *text = style_child(root, "text");
	style->paragraph_gap_pt = style_length_pt(attr(text, "paragraph-gap", "0pt"));
	style->number_indent_pt = style_length_pt(attr(text, "number-indent", "0pt"));
	style->list_indent_pt = style_length_pt(attr(text, "list-indent", "0pt"));
	style->link_color = style_parse_rgb(attr(text, "link-color", "#000000"));
	read_table(&r, style_child(root, "table"), &style->table);
	read_palette(arena, style_child(root, "palette"), style);
	read_furniture(arena, style_child(root, "furniture"), style);
	read_labels(arena, style_child(root, "labels"), style);
	read_logo(&r, style_child(root, "logo"), style);
	return style;
}

/* The logo is read now as the layout will read it, so that layouts
 * --check and every render report a bad one at the <logo>. */
static void check_logo(const struct style *style, struct diag_list *diags)
{
	if (style->logo.place == LOGO_NONE)
		return;
	struct paths_naming naming = {
		.source = style->path,
		.attribute = "src",
		.line = style->logo.line,
		.col = style->logo.col,
	};
	image_free(image_read(&naming, style->logo.src, diags));
}

struct style *style_load(const char *path, struct diag_list *diags)
{
	/* Said plainly here; the reader's own open cannot block on one either. */
	struct stat st;
	const char *kind = stat(path, &st) == 0 ? paths_irregular_kind(st.st_mode)
						: NULL;
	if (kind) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "is %s, not a house style file", kind);
		return NULL;
	}
	struct style_doc doc;
	if (style_doc_read(path, &doc, diags) != 0)
		return NULL;
	struct style *style = style_from_doc(&doc);
	size_t errors_before = diag_count(diags, DIAG_ERROR);
	style_check(style, &doc, diags);
	check_logo(style, diags);
	style_doc_free(&doc);
	if (diag_count(diags, DIAG_ERROR) > errors_before) {
		style_free(style);
		return NULL;
	}
	return style;
}

const char *style_title(const struct style *style)
{
	return style->private->title;
}

const char *style_description(const struct style *style)
{
	return style->private->description;
}

struct style_pos style_family_pos(const struct style *style, const char *family)
{
	const struct style_private *private = style->private;
	for (size_t i = 0; i < private->family_count; i++)
		if (strcmp(private->families[i].family, family) == 0)
			return private->families[i].pos;
	return (struct style_pos){ 0, 0 };
}

void style_free(struct style *style)
{
	if (!style)
		return;
	if (style->private) {
		arena_free(style->private->arena);
		free(style->private->families);
		free(style->private);
	}
	free(style);
}
