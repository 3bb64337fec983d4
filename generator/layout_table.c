/* The table engine: rows of cells measured once, then placed on as many
 * pages as they need. The header row is placed with the first row (so it is
 * never left alone at the foot of a page) and repeated, as an artifact, at
 * the top of every further page the table reaches. A row that does not fit
 * in the space left moves whole to the next page only when it fits there and
 * leaves a small gap behind; otherwise it is split with at least two lines
 * of every text cell on each side. Rows marked keep_with_next wait for the
 * next row and go with its beginning. Column widths: layout_table_widths.c.
 * Owner: layout_table.c only. */
#include "layout_internal.h"

#include <string.h>

/* Geometry is compared with this slack so rounding never forces a page. */
#define TABLE_EPSILON_PT 0.01

/* A row that does not fit moves whole to the next page only when the gap
 * it leaves is no taller than this many lines of the cell font; a taller
 * gap is filled with the first lines of the row. */
#define TABLE_SMALL_GAP_LINES 3

/* Lines of a cell kept together on each side of a split (widows and
 * orphans inside cells). */
#define TABLE_SPLIT_LINES 2

/* One row measured and not yet (completely) placed. */
struct table_row {
	size_t cell_count;
	struct layout_cell *cells;      /* copies of the caller's cells */
	struct style_font *fonts;       /* resolved font of each cell */
	double *x_pt, *width_pt;        /* each cell's column span */
	struct layout_lines **lines;    /* NULL for an empty cell */
	size_t *next_line;              /* first line not yet placed */
	size_t header_cells;            /* leading cells that are TH */
	double height_pt;               /* whole row, padding included */
	struct source_pos pos;
	const char *dest;               /* named destination, or NULL */
	uint32_t *cell_nodes;
	uint32_t row_node;
	int started;                    /* nodes made, first fragment placed */
	int spans;                      /* a theme or group row across the table */
};

struct layout_table_state {
	struct table_row *header;       /* NULL when the table has none */
	uint32_t artifact_node;         /* parent of repeated headers, or 0 */
	struct table_row **pending;     /* keep_with_next rows waiting */
	size_t pending_count, pending_capacity;
	const char *next_dest;
	double small_gap_pt;            /* a row of TABLE_SMALL_GAP_LINES lines */
	/* The theme or group the rows now placed belong to, as its
	 * "(continued)" row for the top of a later page, and the page where
	 * it (or that row) was last shown. */
	struct table_row *theme;
	char *theme_text;
	size_t theme_page;
};

static double table_padding(const struct layout *lo)
{
	return lo->style->table.padding_pt;
}

static int cell_is_empty(const struct layout_cell *cell)
{
	if (cell->text)
		return !cell->text->text || !cell->text->text[0];
	return !cell->plain || !cell->plain[0];
}

/* ---- measuring ---- */

static struct table_row *row_new(size_t cell_count)
{
	struct table_row *row = mem_alloc(sizeof *row);
	row->cell_count = cell_count;
	row->cells = mem_array(cell_count, sizeof *row->cells);
	row->fonts = mem_array(cell_count, sizeof *row->fonts);
	row->x_pt = mem_array(cell_count, sizeof *row->x_pt);
	row->width_pt = mem_array(cell_count, sizeof *row->width_pt);
	row->lines = mem_array(cell_count, sizeof *row->lines);
	row->next_line = mem_array(cell_count, sizeof *row->next_line);
	row->cell_nodes = mem_array(cell_count, sizeof *row->cell_nodes);
	return row;
}

static void row_free(struct table_row *row)
{
	if (!row)
		return;
	for (size_t c = 0; c < row->cell_count; c++)
		if (row->lines[c])
			layout_lines_free(row->lines[c]);
	free(row->cells);
	free(row->fonts);
	free(row->x_pt);
	free(row->width_pt);
	free(row->lines);
	free(row->next_line);
	free(row->cell_nodes);
	free(row);
}

/* Measure every cell of the row once; the row's height follows. The fonts
 * are copied into the row because measured lines may refer to them until
 * they are placed. */
static void row_measure(struct layout *lo, struct table_row *row,
			const struct style_font *default_font)
{
	double padding_pt = table_padding(lo);
	double content_pt = 0;
	for (size_t c = 0; c < row->cell_count; c++) {
		const struct layout_cell *cell = &row->cells[c];
		row->fonts[c] = cell->font ? *cell->font : *default_font;
		if (cell->text_color != DL_NO_COLOR)
			row->fonts[c].color = cell->text_color;
		if (cell_is_empty(cell))
			continue;
		double inner_pt = row->width_pt[c] - 2 * padding_pt - cell->trail_pt;
		if (inner_pt < 1)
			inner_pt = 1;
		if (cell->text)
			row->lines[c] = layout_measure(lo, cell->text,
						       &row->fonts[c], inner_pt,
						       cell->align);
		else
			row->lines[c] = layout_measure_plain(lo, cell->plain,
							     &row->fonts[c],
							     inner_pt,
							     cell->align);
		if (row->lines[c]->height_pt > content_pt)
			content_pt = row->lines[c]->height_pt;
	}
	row->height_pt = content_pt + 2 * padding_pt;
}

static size_t cell_span(const struct layout_cell *cell)
{
	return cell->span > 1 ? cell->span : 1;
}

/* How many of cells cover the table's columns, spans counted. */
static size_t cells_covering(const struct layout_table *table,
			     const struct layout_cell *cells)
{
	size_t count = 0;
	for (size_t column = 0; column < table->column_count; count++)
		column += cell_span(&cells[count]);
	return count;
}

static struct table_row *row_from_cells(struct layout *lo,
					const struct layout_table *table,
					const struct layout_cell *cells,
					int is_header, struct source_pos pos)
{
	const struct style_table *st = &lo->style->table;
	struct table_row *row = row_new(cells_covering(table, cells));
	double x_pt = table->x_pt;
	size_t column = 0;
	for (size_t c = 0; c < row->cell_count; c++) {
		row->cells[c] = cells[c];
		if (is_header && row->cells[c].fill == DL_NO_COLOR)
			row->cells[c].fill = st->header_fill;
		row->x_pt[c] = x_pt;
		for (size_t s = 0; s < cell_span(&cells[c]) &&
				   column < table->column_count; s++)
			row->width_pt[c] += table->widths_pt[column++];
		x_pt += row->width_pt[c];
	}
	row->header_cells = is_header ? row->cell_count : 0;
	row->pos = pos;
	row_measure(lo, row, is_header ? &st->header_font : &st->cell_font);
	return row;
}

/* ---- placing ---- */

static double table_width(const struct layout_table *table)
{
	double width_pt = 0;
	for (size_t c = 0; c < table->column_count; c++)
		width_pt += table->widths_pt[c];
	return width_pt;
}

/* The header row, measured when first needed: after every column width
 * is settled. NULL for a table without one. */
static struct table_row *table_header(struct layout *lo,
				      struct layout_table *table)
{
	if (!table->header)
		return NULL;
	if (!table->state->header)
		table->state->header = row_from_cells(lo, table, table->header,
						      1, table->pos);
	return table->state->header;
}

/* A header taller than this share of a page is placed once, not repeated:
 * repeating it would leave little room for the rows. */
#define TABLE_HEADER_REPEAT_SHARE (1.0 / 3.0)

static int header_repeats(struct layout *lo, struct layout_table *table)
{
	struct table_row *header = table_header(lo, table);
	return header && header->height_pt <= (lo->bottom_pt - lo->top_pt) *
						      TABLE_HEADER_REPEAT_SHARE;
}

/* Content height of a fresh page once the header is repeated on it. */
static double fresh_capacity(struct layout *lo, struct layout_table *table)
{
	double capacity_pt = lo->bottom_pt - lo->top_pt;
	if (header_repeats(lo, table))
		capacity_pt -= table_header(lo, table)->height_pt;
	return capacity_pt;
}

static int header_due(struct layout *lo, struct layout_table *table)
{
	if (!table->header)
		return 0;
	if (!table->header_placed_on_page)
		return 1;
	return table->header_page != lo->page && header_repeats(lo, table);
}

static double header_need(struct layout *lo, struct layout_table *table)
{
	return header_due(lo, table) ? table_header(lo, table)->height_pt : 0;
}

/* A row of the current theme continues it on a page that does not show
 * the theme yet: "(continued)" goes above it, after the header. */
static int theme_due(struct layout *lo, const struct layout_table *table,
		     const struct table_row *row, uint32_t artifact_node)
{
	const struct layout_table_state *state = table->state;
	return state->theme && !row->spans && !artifact_node &&
	       row != state->header && row != state->theme &&
	       state->theme_page != lo->page;
}

static double theme_need(struct layout *lo, const struct layout_table *table,
			 const struct table_row *row, uint32_t artifact_node)
{
	return theme_due(lo, table, row, artifact_node)
		       ? table->state->theme->height_pt
		       : 0;
}

static int row_finished(const struct table_row *row)
{
	for (size_t c = 0; c < row->cell_count; c++)
		if (row->lines[c] &&
		    row->next_line[c] < row->lines[c]->line_count)
			return 0;
	return 1;
}

/* Height the rest of the row needs, padding included. */
static double row_remaining_height(const struct layout *lo,
				   const struct table_row *row)
{
	double content_pt = 0;
	for (size_t c = 0; c < row->cell_count; c++) {
		const struct layout_lines *lines = row->lines[c];
		if (!lines || row->next_line[c] >= lines->line_count)
			continue;
		double h = layout_lines_span(lines, row->next_line[c],
					lines->line_count - row->next_line[c]);
		if (h > content_pt)
			content_pt = h;
	}
	return content_pt + 2 * table_padding(lo);
}

/* Lines of each cell that fit in avail_pt (padding included); 1 when at
 * least one line of one cell fits. */
static int row_fit(const struct layout *lo, const struct table_row *row,
		   double avail_pt, size_t *counts)
{
	double inner_pt = avail_pt - 2 * table_padding(lo) + TABLE_EPSILON_PT;
	int any = 0;
	for (size_t c = 0; c < row->cell_count; c++) {
		const struct layout_lines *lines = row->lines[c];
		counts[c] = 0;
		if (!lines || row->next_line[c] >= lines->line_count ||
		    inner_pt <= 0)
			continue;
		counts[c] = layout_lines_fitting(lines, row->next_line[c],
						 inner_pt);
		if (counts[c])
			any = 1;
	}
	return any;
}

/* Lines of each cell to place in avail_pt (padding included) when the row
 * is split there: every cell with lines left either ends in this fragment
 * or shows at least TABLE_SPLIT_LINES of them here and leaves as many for
 * the next. 0 when no such split exists (counts are then as they fit). */
static int row_split(const struct layout *lo, const struct table_row *row,
		     double avail_pt, size_t *counts)
{
	row_fit(lo, row, avail_pt, counts);
	int continues = 0;
	for (size_t c = 0; c < row->cell_count; c++) {
		const struct layout_lines *lines = row->lines[c];
		if (!lines || row->next_line[c] >= lines->line_count)
			continue;
		size_t left = lines->line_count - row->next_line[c];
		if (counts[c] >= left)
			continue;
		if (left - counts[c] < TABLE_SPLIT_LINES)
			counts[c] = left >= TABLE_SPLIT_LINES
					    ? left - TABLE_SPLIT_LINES
					    : 0;
		if (counts[c] < TABLE_SPLIT_LINES)
			return 0;
		continues = 1;
	}
	return continues;
}

/* Height a fresh page offers the (rest of the) row: less the header and
 * the theme's "(continued)" row repeated above it. */
static double fresh_room(struct layout *lo, struct layout_table *table,
			 const struct table_row *row)
{
	double room_pt = fresh_capacity(lo, table);
	const struct layout_table_state *state = table->state;
	if (state->theme && !row->spans && row != state->header)
		room_pt -= state->theme->height_pt;
	return room_pt;
}

/* Whether the (rest of the) row should begin in avail_pt: it fits whole;
 * or it can be split there, unless it fits a fresh page and moving it
 * leaves no more than a small gap. */
static int row_can_start(struct layout *lo, struct layout_table *table,
			 const struct table_row *row, double avail_pt)
{
	double height_pt = row_remaining_height(lo, row);
	if (height_pt <= avail_pt + TABLE_EPSILON_PT)
		return 1;
	if (height_pt <= fresh_room(lo, table, row) + TABLE_EPSILON_PT &&
	    avail_pt <= table->state->small_gap_pt)
		return 0;
	size_t *counts = mem_array(row->cell_count, sizeof *counts);
	int splits = row_split(lo, row, avail_pt, counts);
	free(counts);
	return splits;
}

/* Where no split keeps two lines a side (a line taller than the rest of
 * a page), carry two lines over rather than one alone, as long as this
 * fragment still places something. */
static void keep_widows(const struct table_row *row, size_t *counts)
{
	for (size_t c = 0; c < row->cell_count; c++) {
		const struct layout_lines *lines = row->lines[c];
		if (!lines || counts[c] < 3)
			continue;
		if (lines->line_count - row->next_line[c] - counts[c] == 1)
			counts[c]--;
	}
}

static void row_make_nodes(struct layout *lo, struct table_row *row,
			   uint32_t artifact_node)
{
	if (artifact_node) {
		row->row_node = artifact_node;
		for (size_t c = 0; c < row->cell_count; c++)
			row->cell_nodes[c] = artifact_node;
		return;
	}
	/* The row is closed again at once so that anything a page break adds
	 * (furniture) never lands inside it. */
	row->row_node = layout_open_node(lo, ROLE_TABLE_ROW, row->pos);
	for (size_t c = 0; c < row->cell_count; c++) {
		row->cell_nodes[c] = layout_add_node(
			lo,
			c < row->header_cells ? ROLE_TABLE_HEADER
					      : ROLE_TABLE_CELL,
			row->pos);
		if (cell_span(&row->cells[c]) > 1)
			lo->list->nodes[row->cell_nodes[c]].col_span =
				(uint16_t)cell_span(&row->cells[c]);
	}
	layout_close_node(lo, row->row_node);
}

static uint32_t table_artifact(struct layout *lo, struct layout_table *table);

/* On a row's continuation, a cell already finished shows its text again
 * when it is filled (a rating's colour is never left without its label) or
 * is the first column (the reference says whose row this is). */
static int cell_repeats(const struct table_row *row, size_t c)
{
	return row->lines[c] && row->next_line[c] >= row->lines[c]->line_count &&
	       (row->cells[c].fill != DL_NO_COLOR || c == 0);
}

/* Lines of a finished cell shown again as an artifact at the top of a
 * continuation: as many as fit in the fragment's content height. */
static void cell_repeat(struct layout *lo, struct layout_table *table,
			const struct table_row *row, size_t c, double top_pt,
			double content_pt)
{
	size_t count = layout_lines_fitting(row->lines[c], 0,
					    content_pt + TABLE_EPSILON_PT);
	if (count == 0)
		return;
	double padding_pt = lo->style->table.padding_pt;
	layout_place_lines(lo, row->lines[c], 0, count,
			   row->x_pt[c] + padding_pt, top_pt + padding_pt,
			   table_artifact(lo, table));
}

/* Place at the cursor the lines given by counts, with each cell's fill and
 * border drawn for this fragment; moves the cursor below it. */
static void row_place_fragment(struct layout *lo, struct layout_table *table,
			       struct table_row *row, const size_t *counts)
{
	const struct style_table *st = &lo->style->table;
	double padding_pt = st->padding_pt;
	double content_pt = 0;
	for (size_t c = 0; c < row->cell_count; c++) {
		double h = layout_lines_span(row->lines[c], row->next_line[c],
					counts[c]);
		if (h > content_pt)
			content_pt = h;
	}
	double height_pt = content_pt + 2 * padding_pt;
	double top_pt = lo->y_pt;
	uint32_t stroke = st->border_pt > 0 ? st->border_color : DL_NO_COLOR;
	if (row->dest && !row->started)
		layout_add_dest(lo, row->dest, top_pt);
	int continuing = row->started;
	row->started = 1;
	for (size_t c = 0; c < row->cell_count; c++) {
		const struct layout_cell *cell = &row->cells[c];
		if (cell->fill != DL_NO_COLOR || stroke != DL_NO_COLOR)
			layout_add_rect(lo, row->cell_nodes[c], row->x_pt[c],
					top_pt, row->width_pt[c], height_pt,
					cell->fill, stroke, st->border_pt);
		if (counts[c] == 0) {
			if (continuing && !row->spans &&
			    row != table->state->header && cell_repeats(row, c))
				cell_repeat(lo, table, row, c, top_pt, content_pt);
			continue;
		}
		layout_place_lines(lo, row->lines[c], row->next_line[c],
				   counts[c], row->x_pt[c] + padding_pt,
				   top_pt + padding_pt, row->cell_nodes[c]);
		row->next_line[c] += counts[c];
	}
	lo->y_pt = top_pt + height_pt;
}

static void row_place_all(struct layout *lo, struct layout_table *table,
			  struct table_row *row, uint32_t artifact_node);

/* Repeats on later pages are furniture: one Artifact node holds them. */
static uint32_t table_artifact(struct layout *lo, struct layout_table *table)
{
	struct layout_table_state *state = table->state;
	if (!state->artifact_node)
		state->artifact_node = layout_add_node(lo, ROLE_ARTIFACT,
						       table->pos);
	return state->artifact_node;
}

static void header_place(struct layout *lo, struct layout_table *table)
{
	struct table_row *header = table_header(lo, table);
	uint32_t artifact_node = 0;
	if (table->header_placed_on_page)
		artifact_node = table_artifact(lo, table);
	/* Mark it placed first: a header taller than the page must not
	 * recurse into placing itself again. */
	table->header_placed_on_page = 1;
	table->header_page = lo->page;
	memset(header->next_line, 0, header->cell_count * sizeof *header->next_line);
	header->started = 0;
	row_place_all(lo, table, header, artifact_node);
}

/* "CI  Continuous Improvement (continued)" across the table, as an
 * artifact: the structure keeps the one theme TH where the theme began. */
static void theme_continue(struct layout *lo, struct layout_table *table)
{
	struct layout_table_state *state = table->state;
	struct table_row *theme = state->theme;
	state->theme_page = lo->page;
	memset(theme->next_line, 0, theme->cell_count * sizeof *theme->next_line);
	theme->started = 0;
	row_place_all(lo, table, theme, table_artifact(lo, table));
}

/* A theme row was placed: rows after it belong to it. Its continuation
 * shows the first line of its text (the title, not the description) in
 * the theme font, on the theme row's fill. */
static void theme_begin(struct layout *lo, struct layout_table *table,
			const struct table_row *row)
{
	struct layout_table_state *state = table->state;
	row_free(state->theme);
	free(state->theme_text);
	const struct layout_cell *cell = &row->cells[0];
	const char *text = cell->text ? cell->text->text : cell->plain;
	text = text ? text : "";
	size_t title_length = strcspn(text, "\n");
	char *title = mem_strndup(text, title_length);
	const struct words_field fields[] = { { "title", title }, { NULL, NULL } };
	state->theme_text = layout_format(lo, "table.continued", fields);
	free(title);
	struct table_row *theme = row_new(1);
	theme->cells[0] = *cell;
	theme->cells[0].text = NULL;
	theme->cells[0].plain = state->theme_text;
	theme->cells[0].font = NULL;
	theme->x_pt[0] = row->x_pt[0];
	theme->width_pt[0] = row->width_pt[0];
	theme->header_cells = 1;
	theme->spans = 1;
	theme->pos = row->pos;
	row_measure(lo, theme, &lo->style->table.theme_font);
	state->theme = theme;
	state->theme_page = lo->page;
}

/* Place the whole of a measured row at the cursor, splitting it over pages
 * as often as it needs; artifact_node non-zero places it as furniture. */
static void row_place_all(struct layout *lo, struct layout_table *table,
			  struct table_row *row, uint32_t artifact_node)
{
	int is_header = row == table->state->header;
	size_t *counts = mem_array(row->cell_count, sizeof *counts);
	int fresh = 0; /* the cursor is at the top of a page this row began */
	for (;;) {
		double avail_pt = layout_space_left(lo);
		if (!is_header)
			avail_pt -= header_need(lo, table) +
				    theme_need(lo, table, row, artifact_node);
		if (!row->started && !fresh &&
		    !row_can_start(lo, table, row, avail_pt)) {
			layout_new_page(lo);
			fresh = 1;
			continue;
		}
		if (!is_header && header_due(lo, table)) {
			header_place(lo, table);
			avail_pt = layout_space_left(lo) -
				   theme_need(lo, table, row, artifact_node);
		}
		if (theme_due(lo, table, row, artifact_node)) {
			theme_continue(lo, table);
			avail_pt = layout_space_left(lo);
		}
		int any = row_fit(lo, row, avail_pt, counts);
		int whole = row_remaining_height(lo, row) <=
			    avail_pt + TABLE_EPSILON_PT;
		int split = !whole && any && row_split(lo, row, avail_pt, counts);
		if (!whole && !split && any)
			row_fit(lo, row, avail_pt, counts);
		if (!any && !row_finished(row) && !fresh) {
			layout_new_page(lo);
			fresh = 1;
			continue;
		}
		if (!any && !row_finished(row)) {
			/* A line taller than a page: place one line of each
			 * cell anyway rather than loop or lose text. */
			for (size_t c = 0; c < row->cell_count; c++)
				counts[c] = row->lines[c] &&
					    row->next_line[c] <
						    row->lines[c]->line_count;
		}
		if (any && !whole && !split)
			keep_widows(row, counts);
		if (!row->started)
			row_make_nodes(lo, row, artifact_node);
		row_place_fragment(lo, table, row, counts);
		if (row_finished(row))
			break;
		layout_new_page(lo);
		fresh = 1;
	}
	free(counts);
	if (row->spans && !artifact_node)
		theme_begin(lo, table, row);
}

/* Place the waiting keep_with_next rows so that they share a page with the
 * beginning of next (NULL at the end of the table). */
static void pending_flush(struct layout *lo, struct layout_table *table,
			  const struct table_row *next)
{
	struct layout_table_state *state = table->state;
	if (state->pending_count == 0)
		return;
	if (next) {
		double pending_pt = 0;
		for (size_t i = 0; i < state->pending_count; i++)
			pending_pt += state->pending[i]->height_pt;
		double avail_pt = layout_space_left(lo) -
				  header_need(lo, table) - pending_pt;
		int at_top = lo->y_pt <= lo->top_pt + TABLE_EPSILON_PT;
		if (!at_top && (avail_pt < -TABLE_EPSILON_PT ||
				!row_can_start(lo, table, next, avail_pt)))
			layout_new_page(lo);
	}
	for (size_t i = 0; i < state->pending_count; i++) {
		row_place_all(lo, table, state->pending[i], 0);
		row_free(state->pending[i]);
	}
	state->pending_count = 0;
}

static void table_add_row(struct layout *lo, struct layout_table *table,
			  struct table_row *row, int keep_with_next)
{
	struct layout_table_state *state = table->state;
	row->dest = state->next_dest;
	state->next_dest = NULL;
	if (keep_with_next) {
		MEM_GROW(state->pending, state->pending_count,
			 state->pending_capacity);
		state->pending[state->pending_count++] = row;
		return;
	}
	pending_flush(lo, table, row);
	row_place_all(lo, table, row, 0);
	row_free(row);
}

/* ---- the interface ---- */

void layout_table_begin(struct layout *lo, struct layout_table *table,
			size_t column_count, const double *proportions,
			const struct layout_cell *header, struct source_pos pos)
{
	memset(table, 0, sizeof *table);
	if (lo->list->page_count == 0)
		layout_new_page(lo); /* the margins are a page's */
	table->column_count = column_count ? column_count : 1;
	table->x_pt = lo->left_pt;
	table->widths_pt = mem_array(table->column_count,
				     sizeof *table->widths_pt);
	/* Proportions that add up to more than the whole are scaled down;
	 * less than the whole leaves a narrower table. */
	double sum = 0;
	for (size_t c = 0; c < column_count; c++)
		sum += proportions[c] > 0 ? proportions[c] : 0;
	double scale = sum > 1.0 + 1e-6 ? 1.0 / sum : 1.0;
	double content_pt = layout_content_width(lo);
	for (size_t c = 0; c < table->column_count; c++) {
		double p = column_count && proportions[c] > 0 ? proportions[c]
							       : 0;
		if (sum <= 0)
			p = 1.0 / (double)table->column_count;
		table->widths_pt[c] = p * scale * content_pt;
	}
	table->header = header;
	table->pos = pos;
	struct layout_table_state *state = mem_alloc(sizeof *state);
	table->state = state;
	struct layout_lines *line = layout_measure_plain(
		lo, "Xg", &lo->style->table.cell_font, 1e5, ALIGN_LEFT);
	state->small_gap_pt = TABLE_SMALL_GAP_LINES * line->height_pt +
			      2 * table_padding(lo);
	layout_lines_free(line);
	table->widths = table_widths_new(table->column_count, table->widths_pt);
	if (header) {
		/* A spanning heading's words need no one column's room. */
		for (size_t c = 0, i = 0; c < table->column_count;
		     c += cell_span(&header[i++])) {
			const struct layout_cell *cell = &header[i];
			if (cell_span(cell) > 1)
				continue;
			table_widths_need(lo, table, c,
					  cell->text ? cell->text->text : cell->plain,
					  cell->font ? cell->font
						     : &lo->style->table.header_font);
		}
	}
	table->node = layout_open_node(lo, ROLE_TABLE, pos);
}

void layout_table_row(struct layout *lo, struct layout_table *table,
		      const struct layout_cell *cells, int header_cells,
		      int keep_with_next, struct source_pos pos)
{
	size_t th = header_cells > 0 ? (size_t)header_cells : 0;
	struct table_row *row = row_from_cells(lo, table, cells, 0, pos);
	if (th > row->cell_count)
		th = row->cell_count;
	/* Measured with the cell font; only the tag differs for row headers. */
	row->header_cells = th;
	table_add_row(lo, table, row, keep_with_next);
}

void layout_table_span_row(struct layout *lo, struct layout_table *table,
			   const struct layout_cell *cell, int keep_with_next,
			   struct source_pos pos)
{
	struct table_row *row = row_new(1);
	row->cells[0] = *cell;
	if (row->cells[0].fill == DL_NO_COLOR)
		row->cells[0].fill = lo->style->table.theme_fill;
	row->x_pt[0] = table->x_pt;
	row->width_pt[0] = table_width(table);
	/* A spanning row heads the rows under it (a theme): TH. */
	row->header_cells = 1;
	row->spans = 1;
	row->pos = pos;
	row_measure(lo, row, &lo->style->table.theme_font);
	table_add_row(lo, table, row, keep_with_next);
}

void layout_table_dest(struct layout_table *table, const char *name)
{
	table->state->next_dest = name;
}

void layout_table_end(struct layout *lo, struct layout_table *table)
{
	struct layout_table_state *state = table->state;
	pending_flush(lo, table, NULL);
	/* A table without rows still shows its header. */
	if (table->header && !table->header_placed_on_page)
		header_place(lo, table);
	row_free(state->header);
	row_free(state->theme);
	free(state->theme_text);
	free(state->pending);
	free(state);
	table_widths_free(table->widths);
	table->widths = NULL;
	table->state = NULL;
	layout_close_node(lo, table->node);
	free(table->widths_pt);
	table->widths_pt = NULL;
}

struct layout_cell layout_plain_cell(const char *plain, enum layout_align align)
{
	struct layout_cell cell = {
		.plain = plain,
		.fill = DL_NO_COLOR,
		.text_color = DL_NO_COLOR,
		.align = align,
	};
	return cell;
}

struct layout_cell layout_rating_cell(const struct layout *lo,
				      const struct source_scale *scale,
				      size_t index, const char *plain,
				      enum layout_align align)
{
	struct style_rating_key key = layout_rating_key(scale, index);
	struct style_rating_look look = style_rating(lo->style, &key);
	struct layout_cell cell = layout_plain_cell(plain, align);
	cell.fill = look.background;
	cell.text_color = look.text;
	return cell;
}
