/* Plain tables (source.h's source_table) through the table engine
 * (layout_table.c): the caption above, kept with the table's first rows;
 * columns sized from their content, the source's widths as preferences;
 * figures formatted by their column and right-aligned on the decimal
 * point; spans; the totals row in bold, kept with the last body row.
 * Owner: layout_plain_table.c only. */
#include "layout_internal.h"

#include <string.h>

/* Width given to a column whose cells are all empty. */
#define EMPTY_COLUMN_PT 24

/* One row's cells as the engine takes them, with the texts they own. */
struct plain_row {
	struct layout_cell *cells;
	char **formatted; /* per cell: the figure as printed, or NULL */
	size_t count;
};

struct plain_table {
	const struct source_table *source;
	struct plain_row header, totals, *rows;
	double *natural_pt;   /* each column's longest line, padding included */
	double *trail_max_pt; /* widest part right of a decimal point … */
	const char **widest_tail; /* … and its text, borrowed from a row */
};

static enum layout_align engine_align(enum source_align align, int numeric)
{
	switch (align) {
	case SOURCE_ALIGN_LEFT:
		return ALIGN_LEFT;
	case SOURCE_ALIGN_CENTER:
		return ALIGN_CENTER;
	case SOURCE_ALIGN_RIGHT:
		return ALIGN_RIGHT;
	case SOURCE_ALIGN_AUTO:
		break;
	}
	return numeric ? ALIGN_RIGHT : ALIGN_LEFT;
}

static int column_numeric(const struct source_table *t, size_t column)
{
	return column < t->column_count && t->columns[column].format != FORMAT_TEXT;
}

/* What of a printed figure lies right of its decimal point (the point
 * included), or after its last digit: ".5", ")", "". */
static const char *figure_tail(const char *text)
{
	const char *point = strchr(text, '.');
	if (point)
		return point;
	const char *end = text + strlen(text);
	while (end > text && (end[-1] < '0' || end[-1] > '9'))
		end--;
	return end;
}

static double text_width(struct layout *lo, const char *text,
			 const struct style_font *font)
{
	if (!text[0])
		return 0;
	struct layout_lines *lines = layout_measure_plain(lo, text, font, 1e5,
							  ALIGN_LEFT);
	double width_pt = lines->width_pt;
	layout_lines_free(lines);
	return width_pt;
}

static void plain_row_build(struct layout *lo, struct plain_table *pt,
			    const struct source_row *row, struct plain_row *out,
			    int kind /* 0 header, 1 body, 2 totals */)
{
	const struct source_table *t = pt->source;
	const struct style_font *font = kind == 0 ? &lo->style->table.header_font
				      : kind == 2 ? &lo->strong_font
						  : &lo->style->table.cell_font;
	out->count = row->cell_count;
	out->cells = mem_array(row->cell_count, sizeof *out->cells);
	out->formatted = mem_array(row->cell_count, sizeof *out->formatted);
	size_t column = 0;
	for (size_t i = 0; i < row->cell_count; i++) {
		const struct source_cell *sc = &row->cells[i];
		struct layout_cell *cell = &out->cells[i];
		int numeric = column_numeric(t, column);
		enum source_align align = sc->align;
		if (align == SOURCE_ALIGN_AUTO && column < t->column_count)
			align = t->columns[column].align;
		*cell = layout_plain_cell(NULL, engine_align(align, numeric));
		cell->span = sc->span;
		if (kind == 2)
			cell->font = &lo->strong_font;
		if (kind != 0 && numeric && sc->span <= 1) {
			out->formatted[i] = layout_format_number(
				sc->text.text, t->columns[column].format);
			cell->plain = out->formatted[i];
		} else {
			cell->text = &sc->text;
		}
		const char *shown = cell->plain ? cell->plain : sc->text.text;
		if (out->formatted[i] && cell->align == ALIGN_RIGHT) {
			/* Kept for now; decimal_align subtracts it from the
			 * column's widest. */
			const char *tail = figure_tail(shown);
			cell->trail_pt = text_width(lo, tail, font);
			if (cell->trail_pt > pt->trail_max_pt[column] ||
			    !pt->widest_tail[column]) {
				pt->trail_max_pt[column] = cell->trail_pt;
				pt->widest_tail[column] = tail;
			}
		} else if (sc->span <= 1 && column < t->column_count) {
			double w = text_width(lo, shown, font) +
				   2 * lo->style->table.padding_pt;
			if (w > pt->natural_pt[column])
				pt->natural_pt[column] = w;
		}
		column += sc->span ? sc->span : 1;
	}
}

/* A right-aligned figure as wide as it is laid out: its own digits and
 * point, then its column's widest tail ("£1,234" and ")" beside "(£20)").
 * Caller frees. */
static char *figure_room(const struct plain_table *pt, const char *shown,
			 size_t column)
{
	size_t head = (size_t)(figure_tail(shown) - shown);
	return mem_printf("%.*s%s", (int)head, shown, pt->widest_tail[column]);
}

/* Each right-aligned figure keeps free what its column's widest tail has
 * and its own lacks, so "1,234.5" and "(£20)" line up with "£1,234"; its
 * column is as wide as the widest figure so set. */
static void decimal_align(struct layout *lo, struct plain_table *pt,
			  struct plain_row *row)
{
	size_t column = 0;
	for (size_t i = 0; i < row->count; i++) {
		struct layout_cell *cell = &row->cells[i];
		if (row->formatted[i] && cell->align == ALIGN_RIGHT) {
			cell->trail_pt = pt->trail_max_pt[column] - cell->trail_pt;
			char *room = figure_room(pt, cell->plain, column);
			const struct style_font *font =
				cell->font ? cell->font : &lo->style->table.cell_font;
			double w = text_width(lo, room, font) +
				   2 * lo->style->table.padding_pt;
			if (w > pt->natural_pt[column])
				pt->natural_pt[column] = w;
			free(room);
		}
		column += cell->span ? cell->span : 1;
	}
}

static void plain_row_free(struct plain_row *row)
{
	for (size_t i = 0; i < row->count; i++)
		free(row->formatted[i]);
	free(row->formatted);
	free(row->cells);
}

/* A text column without a width, beside columns with one, takes its
 * longest line up to this share of the table. */
#define UNWEIGHTED_TEXT_SHARE (1.0 / 3.0)

static double natural_of(const struct plain_table *pt, size_t c)
{
	return pt->natural_pt[c] > 0 ? pt->natural_pt[c] : EMPTY_COLUMN_PT;
}

/* Proportions of the content width, the source's widths as preferences:
 * figure columns without a width take their longest figure (they never
 * wrap); with no widths at all, the text columns share the rest in
 * proportion to their longest lines, so the table fills its column; else
 * a text column without a width takes its longest line (up to a third)
 * and the columns with one share what is left by weight. Scaled down only
 * when the figures alone are wider than the column. */
static void column_proportions(struct layout *lo, const struct plain_table *pt,
			       double width_pt, double *proportions)
{
	const struct source_table *t = pt->source;
	size_t n = t->column_count;
	double weights = 0, fixed_pt = 0, text_pt = 0;
	for (size_t c = 0; c < n; c++) {
		if (t->columns[c].width > 0)
			weights += t->columns[c].width;
		else if (t->columns[c].format != FORMAT_TEXT)
			fixed_pt += natural_of(pt, c);
		else
			text_pt += natural_of(pt, c);
	}
	double text_cap_pt = width_pt * UNWEIGHTED_TEXT_SHARE;
	double unweighted_text_pt = 0;
	for (size_t c = 0; c < n; c++) {
		double w_pt = natural_of(pt, c);
		if (t->columns[c].width <= 0 && t->columns[c].format == FORMAT_TEXT) {
			if (weights > 0)
				w_pt = w_pt < text_cap_pt ? w_pt : text_cap_pt;
			else if (text_pt > 0 && width_pt > fixed_pt)
				w_pt = (width_pt - fixed_pt) * w_pt / text_pt;
			unweighted_text_pt += w_pt;
		}
		proportions[c] = w_pt;
	}
	double left_pt = width_pt - fixed_pt - unweighted_text_pt;
	for (size_t c = 0; c < n && weights > 0; c++)
		if (t->columns[c].width > 0)
			proportions[c] = left_pt > 0
				? left_pt * t->columns[c].width / weights : 0;
	double sum_pt = 0;
	for (size_t c = 0; c < n; c++)
		sum_pt += proportions[c];
	double scale = sum_pt > width_pt && sum_pt > 0 ? width_pt / sum_pt : 1;
	double content_pt = layout_content_width(lo);
	for (size_t c = 0; c < n; c++)
		proportions[c] = proportions[c] * scale / content_pt;
}

/* Every word of the body fits its column unbroken where the room allows;
 * a figure is one word. */
static void fit_words(struct layout *lo, struct layout_table *table,
		      const struct plain_table *pt, const struct plain_row *row)
{
	size_t column = 0;
	for (size_t i = 0; i < row->count; i++) {
		const struct layout_cell *cell = &row->cells[i];
		if (row->formatted[i] && cell->align == ALIGN_RIGHT) {
			char *room = figure_room(pt, cell->plain, column);
			layout_table_fit_word(lo, table, column, room, cell->font);
			free(room);
		} else if (cell->span <= 1) {
			layout_table_fit_word(lo, table, column,
					      cell->plain ? cell->plain
							  : cell->text->text,
					      cell->font);
		}
		column += cell->span ? cell->span : 1;
	}
}

static void place_caption(struct layout *lo, const struct source_text *caption,
			  double x_pt, double width_pt, double keep_pt)
{
	if (!caption->text[0])
		return;
	struct layout_lines *lines = layout_measure(lo, caption, &lo->strong_font,
						    width_pt, ALIGN_LEFT);
	double gap_pt = lo->style->paragraph_gap_pt / 2;
	layout_ensure_space(lo, lines->height_pt + gap_pt + keep_pt);
	uint32_t node = layout_add_node(lo, ROLE_PARAGRAPH, caption->pos);
	lo->y_pt += layout_place_lines(lo, lines, 0, lines->line_count, x_pt,
				       lo->y_pt, node);
	lo->y_pt += gap_pt;
	layout_lines_free(lines);
}

/* Room the heading row and the first body row need: a caption is never
 * left alone at a page's foot. Estimated as a few lines of cell text. */
static double table_lead_pt(const struct layout *lo)
{
	return 4 * lo->style->table.cell_font.size_pt * 1.2 +
	       4 * lo->style->table.padding_pt;
}

void layout_plain_table(struct layout *lo, const struct source_table *t,
			double x_pt, double width_pt)
{
	if (t->column_count == 0)
		return;
	if (lo->list->page_count == 0)
		layout_new_page(lo);
	struct plain_table pt = { .source = t };
	pt.natural_pt = mem_array(t->column_count, sizeof *pt.natural_pt);
	pt.trail_max_pt = mem_array(t->column_count, sizeof *pt.trail_max_pt);
	pt.widest_tail = mem_array(t->column_count, sizeof *pt.widest_tail);
	pt.rows = mem_array(t->row_count ? t->row_count : 1, sizeof *pt.rows);
	if (t->header)
		plain_row_build(lo, &pt, t->header, &pt.header, 0);
	for (size_t r = 0; r < t->row_count; r++)
		plain_row_build(lo, &pt, &t->rows[r], &pt.rows[r], 1);
	if (t->totals)
		plain_row_build(lo, &pt, t->totals, &pt.totals, 2);
	for (size_t r = 0; r < t->row_count; r++)
		decimal_align(lo, &pt, &pt.rows[r]);
	if (t->totals)
		decimal_align(lo, &pt, &pt.totals);

	place_caption(lo, &t->caption, x_pt, width_pt, table_lead_pt(lo));
	double *proportions = mem_array(t->column_count, sizeof *proportions);
	column_proportions(lo, &pt, width_pt, proportions);
	struct layout_table table;
	layout_table_begin(lo, &table, t->column_count, proportions,
			   t->header ? pt.header.cells : NULL, t->pos);
	table.x_pt = x_pt;
	for (size_t r = 0; r < t->row_count; r++)
		fit_words(lo, &table, &pt, &pt.rows[r]);
	if (t->totals)
		fit_words(lo, &table, &pt, &pt.totals);
	int headings = t->row_headings ? 1 : 0;
	for (size_t r = 0; r < t->row_count; r++) {
		/* The last body row waits for the totals, which go with it. */
		int keep = t->totals && r + 1 == t->row_count;
		layout_table_row(lo, &table, pt.rows[r].cells, headings, keep,
				 t->rows[r].pos);
	}
	if (t->totals)
		layout_table_row(lo, &table, pt.totals.cells, headings, 0,
				 t->totals->pos);
	layout_table_end(lo, &table);

	free(proportions);
	if (t->header)
		plain_row_free(&pt.header);
	for (size_t r = 0; r < t->row_count; r++)
		plain_row_free(&pt.rows[r]);
	if (t->totals)
		plain_row_free(&pt.totals);
	free(pt.rows);
	free(pt.natural_pt);
	free(pt.trail_max_pt);
	free(pt.widest_tail);
}
