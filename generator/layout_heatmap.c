/* Heat maps, each one Figure with a text alternative that says everything
 * it shows:
 *   - a risk register's: the likelihood × impact grid, likelihood rising
 *     upwards and impact to the right, each cell filled with the colour of
 *     its score's rating and holding its score, the rating's label and the
 *     references of the risks currently there (and, when the register asks,
 *     arrows from each risk's inherent cell to its current one), followed
 *     by its data as a table (as dashboards follow their chart with their
 *     counts);
 *   - an assessment's: a row per theme, its references each on its
 *     rating's colour with its code.
 * Cells use the house style's rating pairs (background and text, checked
 * for contrast), outlined in the table border so the grid never rests on
 * colour alone. */
#include "layout_chart_internal.h"
#include "rating_risks.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define HEATMAP_MAX_WIDTH_PT 560.0 /* wider grids only spread the refs out */
#define HEATMAP_MIN_CELL_PT 30.0   /* a cell is never shorter */
#define HEATMAP_LABEL_SHARE 0.28   /* widest the row labels may be */
#define HEATMAP_SMALL 0.8          /* the score line's size, of the label font */
#define HEATMAP_ARROW_PT 0.9       /* arrow line width */
#define HEATMAP_ARROW_HEAD_PT 4.0

/* ---- the risk register's grid ---- */

struct grid {
	const struct source_risks *risks;
	size_t rows, columns;
	int *row_level;          /* likelihood level index of each row, top first */
	int *column_level;       /* impact level index of each column, left first */
	char **refs;             /* rows × columns: "SR01 SR07", or NULL */
	double x_pt, width_pt, label_w_pt, cell_w_pt;
	double *row_h_pt;
	double column_label_h_pt, line_pt, small_line_pt;
	struct style_font small, refs_font;
};

/* Levels ordered by code: ascending, or descending for rows (the highest
 * likelihood on top). */
/* The colours of rating index of scale (-1: none, the fallback). */
static struct style_rating_look rating_look(const struct layout *lo,
					    const struct source_scale *scale,
					    int index)
{
	struct style_rating_key key =
		index >= 0 && (size_t)index < scale->rating_count
			? layout_rating_key(scale, (size_t)index)
			: style_rating_code(NULL);
	return style_rating(lo->style, &key);
}

static int *levels_by_code(const struct source_risk_axis *axis, int descending)
{
	int *order = mem_array(axis->level_count ? axis->level_count : 1, sizeof *order);
	for (size_t i = 0; i < axis->level_count; i++)
		order[i] = (int)i;
	for (size_t i = 1; i < axis->level_count; i++)
		for (size_t j = i; j > 0; j--) {
			int a = axis->levels[order[j - 1]].code, b = axis->levels[order[j]].code;
			if (descending ? a >= b : a <= b)
				break;
			int t = order[j - 1];
			order[j - 1] = order[j];
			order[j] = t;
		}
	return order;
}

static size_t cell_index(const struct grid *g, size_t row, size_t column)
{
	return row * g->columns + column;
}

/* Row and column of a likelihood × impact, or 0 when it is off the grid. */
static int grid_place(const struct grid *g, const struct source_risk_score *s,
		      size_t *row, size_t *column)
{
	if (!s->present)
		return 0;
	int li = rating_risk_level(&g->risks->likelihood, s->likelihood);
	int ii = rating_risk_level(&g->risks->impact, s->impact);
	for (size_t r = 0; r < g->rows; r++)
		for (size_t c = 0; c < g->columns; c++)
			if (g->row_level[r] == li && g->column_level[c] == ii) {
				*row = r;
				*column = c;
				return 1;
			}
	return 0;
}

static const struct source_risk_level *row_level(const struct grid *g, size_t r)
{
	return &g->risks->likelihood.levels[g->row_level[r]];
}

static const struct source_risk_level *column_level(const struct grid *g, size_t c)
{
	return &g->risks->impact.levels[g->column_level[c]];
}

/* The rating index of a cell; -1 when no band or matrix cell covers it. */
static int cell_rating(const struct grid *g, size_t r, size_t c)
{
	return rating_risk_rating(g->risks, row_level(g, r)->code,
				  column_level(g, c)->code);
}

/* "20 High": the score and its rating's label. Caller frees. */
static char *cell_title(const struct grid *g, size_t r, size_t c)
{
	int index = cell_rating(g, r, c);
	const struct source_scale *scale = &g->risks->scale;
	int score = row_level(g, r)->code * column_level(g, c)->code;
	if (index < 0)
		return mem_printf("%d", score);
	return mem_printf("%d %s", score, chart_rating_name(&scale->ratings[index]));
}

static char *level_text(const struct source_risk_level *level)
{
	return mem_printf("%d %s", level->code, level->label ? level->label : "");
}

static void grid_refs(struct grid *g)
{
	size_t cells = g->rows * g->columns;
	g->refs = mem_array(cells ? cells : 1, sizeof *g->refs);
	memset(g->refs, 0, (cells ? cells : 1) * sizeof *g->refs);
	for (size_t i = 0; i < g->risks->risk_count; i++) {
		const struct source_risk *risk = &g->risks->risks[i];
		size_t r, c;
		if (!risk->ref || !grid_place(g, &risk->current, &r, &c))
			continue;
		char **cell = &g->refs[cell_index(g, r, c)];
		char *joined = *cell ? mem_printf("%s %s", *cell, risk->ref)
				     : mem_strdup(risk->ref);
		free(*cell);
		*cell = joined;
	}
}

static void grid_measure(struct layout *lo, struct grid *g, double x_pt,
			 double width_pt)
{
	const struct style_font *font = chart_label_font(lo);
	const struct style_table *st = &lo->style->table;
	double pad_pt = st->padding_pt;
	g->small = *font;
	g->small.size_pt = font->size_pt * HEATMAP_SMALL;
	g->refs_font = lo->strong_font;
	g->refs_font.size_pt = font->size_pt;
	g->line_pt = chart_text_height(lo, "0", font, 100);
	g->small_line_pt = chart_text_height(lo, "0", &g->small, 100);
	g->x_pt = x_pt;
	g->width_pt = fmin(width_pt, HEATMAP_MAX_WIDTH_PT);
	double label_pt = chart_text_width(lo, layout_word(lo, "risks.likelihood"),
					   &lo->strong_font);
	for (size_t r = 0; r < g->rows; r++) {
		char *text = level_text(row_level(g, r));
		label_pt = fmax(label_pt, chart_text_width(lo, text, font));
		free(text);
	}
	g->label_w_pt = fmin(label_pt + 2 * pad_pt + 1, g->width_pt * HEATMAP_LABEL_SHARE);
	g->cell_w_pt = g->columns ? (g->width_pt - g->label_w_pt) / (double)g->columns : 0;
	double inner_pt = g->cell_w_pt - 2 * pad_pt;
	g->row_h_pt = mem_array(g->rows ? g->rows : 1, sizeof *g->row_h_pt);
	for (size_t r = 0; r < g->rows; r++) {
		char *label = level_text(row_level(g, r));
		double h = chart_text_height(lo, label, font, g->label_w_pt - 2 * pad_pt);
		free(label);
		for (size_t c = 0; c < g->columns; c++) {
			char *title = cell_title(g, r, c);
			double cell_pt = chart_text_height(lo, title, &g->small, inner_pt);
			free(title);
			const char *refs = g->refs[cell_index(g, r, c)];
			if (refs)
				cell_pt += chart_text_height(lo, refs, &g->refs_font, inner_pt);
			h = fmax(h, cell_pt);
		}
		g->row_h_pt[r] = fmax(HEATMAP_MIN_CELL_PT, h + 2 * pad_pt);
	}
	g->column_label_h_pt = 0;
	for (size_t c = 0; c < g->columns; c++) {
		char *label = level_text(column_level(g, c));
		g->column_label_h_pt = fmax(g->column_label_h_pt,
					    chart_text_height(lo, label, font, inner_pt));
		free(label);
	}
	g->column_label_h_pt += pad_pt;
}

static double grid_height(const struct grid *g)
{
	double h = 2 * g->line_pt + g->column_label_h_pt; /* titles and labels */
	for (size_t r = 0; r < g->rows; r++)
		h += g->row_h_pt[r];
	return h;
}

static void grid_free(struct grid *g)
{
	for (size_t i = 0; i < g->rows * g->columns; i++)
		free(g->refs[i]);
	free(g->refs);
	free(g->row_h_pt);
	free(g->row_level);
	free(g->column_level);
}

static void grid_begin(struct grid *g, const struct source_risks *risks)
{
	memset(g, 0, sizeof *g);
	g->risks = risks;
	g->rows = risks->likelihood.level_count;
	g->columns = risks->impact.level_count;
	g->row_level = levels_by_code(&risks->likelihood, 1);
	g->column_level = levels_by_code(&risks->impact, 0);
	grid_refs(g);
}

/* The alternative's opening: what the grid is and which way it runs.
 * Caller frees. */
static char *grid_alt_intro(const struct layout *lo, const struct grid *g)
{
	size_t placed = 0;
	for (size_t i = 0; i < g->rows * g->columns; i++)
		if (g->refs[i])
			for (const char *p = g->refs[i]; p; p = strchr(p + 1, ' '))
				placed++;
	char n[24], top[16], bottom[16], left[16], right[16];
	snprintf(n, sizeof n, "%zu", placed);
	snprintf(top, sizeof top, "%d", g->rows ? row_level(g, 0)->code : 0);
	snprintf(bottom, sizeof bottom, "%d", g->rows ? row_level(g, g->rows - 1)->code : 0);
	snprintf(left, sizeof left, "%d", g->columns ? column_level(g, 0)->code : 0);
	snprintf(right, sizeof right, "%d",
		 g->columns ? column_level(g, g->columns - 1)->code : 0);
	const char *one, *many;
	layout_noun(lo, NULL, "risk", &one, &many);
	const struct words_field fields[] = {
		{ "n", n }, { "one", one }, { "many", many }, { "top", top },
		{ "bottom", bottom }, { "left", left }, { "right", right },
		{ NULL, NULL },
	};
	return layout_format(lo, placed == 1 ? "risks.heat-map-alt.one"
					     : "risks.heat-map-alt.many", fields);
}

/* The text alternative: what the grid is, then every occupied cell from
 * the highest likelihood and impact down. Caller frees. */
static char *grid_alt(const struct layout *lo, const struct grid *g)
{
	struct text_buffer b = { 0 };
	char *intro = grid_alt_intro(lo, g);
	chart_buffer_add(&b, "%s", intro);
	free(intro);
	for (size_t r = 0; r < g->rows; r++)
		for (size_t c = g->columns; c-- > 0;) {
			const char *refs = g->refs[cell_index(g, r, c)];
			if (!refs)
				continue;
			char *likelihood = level_text(row_level(g, r));
			char *impact = level_text(column_level(g, c));
			char *title = cell_title(g, r, c);
			const struct words_field fields[] = {
				{ "likelihood", likelihood }, { "impact", impact },
				{ "score", title }, { "refs", refs }, { NULL, NULL },
			};
			char *cell = layout_format(lo, "risks.heat-map-alt-cell", fields);
			chart_buffer_add(&b, " %s", cell);
			free(cell);
			free(title);
			free(impact);
			free(likelihood);
		}
	return b.text;
}

/* One row of cells with its label, its top at y_pt; records each cell's
 * centre for the arrows. */
static void grid_row(struct layout *lo, const struct grid *g, size_t r,
		     double y_pt, uint32_t figure, double *centre_y_pt)
{
	const struct style_table *st = &lo->style->table;
	const struct style_font *font = chart_label_font(lo);
	double pad_pt = st->padding_pt;
	double h = g->row_h_pt[r];
	char *label = level_text(row_level(g, r));
	chart_place_text(lo, label, font, g->x_pt + pad_pt, y_pt + pad_pt,
			 g->label_w_pt - 2 * pad_pt, ALIGN_LEFT, figure);
	free(label);
	for (size_t c = 0; c < g->columns; c++) {
		double x = g->x_pt + g->label_w_pt + (double)c * g->cell_w_pt;
		int index = cell_rating(g, r, c);
		struct style_rating_look look = rating_look(lo, &g->risks->scale, index);
		layout_add_rect(lo, figure, x, y_pt, g->cell_w_pt, h, look.background,
				st->border_color, st->border_pt);
		struct style_font small = g->small, refs_font = g->refs_font;
		small.color = look.text;
		refs_font.color = look.text;
		char *title = cell_title(g, r, c);
		double inner_pt = g->cell_w_pt - 2 * pad_pt;
		double used = chart_place_text(lo, title, &small, x + pad_pt, y_pt + pad_pt,
					       inner_pt, ALIGN_LEFT, figure);
		free(title);
		const char *refs = g->refs[cell_index(g, r, c)];
		if (refs)
			chart_place_text(lo, refs, &refs_font, x + pad_pt,
					 y_pt + pad_pt + used, inner_pt, ALIGN_CENTER, figure);
	}
	*centre_y_pt = y_pt + h / 2;
}

static void grid_column_labels(struct layout *lo, const struct grid *g,
			       uint32_t figure)
{
	const struct style_font *font = chart_label_font(lo);
	double pad_pt = lo->style->table.padding_pt;
	for (size_t c = 0; c < g->columns; c++) {
		double x = g->x_pt + g->label_w_pt + (double)c * g->cell_w_pt;
		char *label = level_text(column_level(g, c));
		chart_place_text(lo, label, font, x + pad_pt, lo->y_pt + pad_pt,
				 g->cell_w_pt - 2 * pad_pt, ALIGN_CENTER, figure);
		free(label);
	}
	lo->y_pt += g->column_label_h_pt;
	double grid_x_pt = g->x_pt + g->label_w_pt;
	lo->y_pt += chart_place_text(lo, layout_word(lo, "risks.impact"),
				     &lo->strong_font, grid_x_pt,
				     lo->y_pt, g->width_pt - g->label_w_pt,
				     ALIGN_CENTER, figure);
}

/* A line with a head from (x0, y0) to (x1, y1), stopping short of the
 * cells' centres so the references stay readable. */
static void arrow(struct layout *lo, uint32_t figure, double x0, double y0,
		  double x1, double y1)
{
	double dx = x1 - x0, dy = y1 - y0, length = hypot(dx, dy);
	if (length < 1)
		return;
	double ux = dx / length, uy = dy / length, trim = fmin(8.0, length / 4);
	x0 += ux * trim;
	y0 += uy * trim;
	x1 -= ux * trim;
	y1 -= uy * trim;
	double hx = HEATMAP_ARROW_HEAD_PT;
	double points[10] = {
		x0, y0, x1, y1,
		x1 - hx * (ux - uy * 0.5), y1 - hx * (uy + ux * 0.5),
		x1, y1,
		x1 - hx * (ux + uy * 0.5), y1 - hx * (uy - ux * 0.5),
	};
	struct dl_box *box = layout_add_box(lo, BOX_PATH, figure);
	double min_x = x1, min_y = y1, max_x = x1, max_y = y1;
	for (size_t i = 0; i < 10; i += 2) {
		min_x = fmin(min_x, points[i]);
		max_x = fmax(max_x, points[i]);
		min_y = fmin(min_y, points[i + 1]);
		max_y = fmax(max_y, points[i + 1]);
	}
	box->x_pt = min_x;
	box->y_pt = min_y;
	box->width_pt = max_x - min_x;
	box->height_pt = max_y - min_y;
	box->stroke = lo->style->body.color;
	box->line_width_pt = HEATMAP_ARROW_PT;
	box->u.path.point_count = 5;
	box->u.path.points_pt = arena_alloc(lo->list->arena, sizeof points);
	memcpy(box->u.path.points_pt, points, sizeof points);
}

static void grid_arrows(struct layout *lo, const struct grid *g, uint32_t figure,
			const double *centre_y_pt)
{
	for (size_t i = 0; i < g->risks->risk_count; i++) {
		const struct source_risk *risk = &g->risks->risks[i];
		size_t r0, c0, r1, c1;
		if (!grid_place(g, &risk->inherent, &r0, &c0) ||
		    !grid_place(g, &risk->current, &r1, &c1) || (r0 == r1 && c0 == c1))
			continue;
		double x0 = g->x_pt + g->label_w_pt + ((double)c0 + 0.5) * g->cell_w_pt;
		double x1 = g->x_pt + g->label_w_pt + ((double)c1 + 0.5) * g->cell_w_pt;
		arrow(lo, figure, x0, centre_y_pt[r0], x1, centre_y_pt[r1]);
	}
}

/* The grid's data: a row per occupied cell, in the alternative's order. */
static void grid_table(struct layout *lo, const struct grid *g)
{
	static const double columns[5] = { 0.16, 0.16, 0.08, 0.14, 0.46 };
	struct layout_cell header[5] = {
		layout_plain_cell(layout_word(lo, "risks.likelihood"), ALIGN_LEFT),
		layout_plain_cell(layout_word(lo, "risks.impact"), ALIGN_LEFT),
		layout_plain_cell(layout_word(lo, "risks.heat-map.score"), ALIGN_RIGHT),
		layout_plain_cell(layout_word(lo, "key.rating"), ALIGN_CENTER),
		layout_plain_cell(layout_word(lo, "risks.heat-map.risks"), ALIGN_LEFT),
	};
	double share = g->width_pt / layout_content_width(lo);
	double proportions[5];
	for (size_t c = 0; c < 5; c++)
		proportions[c] = columns[c] * share;
	struct layout_table table;
	layout_table_begin(lo, &table, 5, proportions, header, g->risks->pos);
	int any = 0;
	for (size_t r = 0; r < g->rows; r++)
		for (size_t c = g->columns; c-- > 0;) {
			const char *refs = g->refs[cell_index(g, r, c)];
			if (!refs)
				continue;
			any = 1;
			char *likelihood = level_text(row_level(g, r));
			char *impact = level_text(column_level(g, c));
			char *score = mem_printf("%d", row_level(g, r)->code *
							     column_level(g, c)->code);
			int index = cell_rating(g, r, c);
			const struct source_rating *rating =
				index >= 0 ? &g->risks->scale.ratings[index] : NULL;
			struct layout_cell cells[5] = {
				layout_plain_cell(likelihood, ALIGN_LEFT),
				layout_plain_cell(impact, ALIGN_LEFT),
				layout_plain_cell(score, ALIGN_RIGHT),
				rating ? layout_rating_cell(lo, &g->risks->scale,
							    (size_t)index,
							    chart_rating_name(rating),
							    ALIGN_CENTER)
				       : layout_plain_cell("\u2013", ALIGN_CENTER),
				layout_plain_cell(refs, ALIGN_LEFT),
			};
			layout_table_row(lo, &table, cells, 2, 0, g->risks->pos);
			free(likelihood);
			free(impact);
			free(score);
		}
	if (!any) {
		struct layout_cell cell = layout_plain_cell(layout_word(lo, "chart.none"),
							    ALIGN_LEFT);
		layout_table_span_row(lo, &table, &cell, 0, g->risks->pos);
	}
	layout_table_end(lo, &table);
}

void layout_heatmap_risks(struct layout *lo, const struct source_risks *risks)
{
	struct grid g;
	grid_begin(&g, risks);
	grid_measure(lo, &g, lo->left_pt, layout_content_width(lo));
	double total_pt = grid_height(&g);
	if (total_pt <= lo->bottom_pt - lo->top_pt)
		layout_ensure_space(lo, total_pt);
	uint32_t figure = layout_add_node(lo, ROLE_FIGURE, risks->pos);
	char *alt = grid_alt(lo, &g);
	lo->list->nodes[figure].alt = dl_strdup(lo->list, alt);
	free(alt);
	size_t first_page = lo->page;
	layout_ensure_space(lo, g.line_pt + (g.rows ? g.row_h_pt[0] : 0));
	lo->y_pt += chart_place_text(lo, layout_word(lo, "risks.likelihood"),
				     &lo->strong_font, g.x_pt,
				     lo->y_pt, g.label_w_pt, ALIGN_LEFT, figure);
	double *centre_y_pt = mem_array(g.rows ? g.rows : 1, sizeof *centre_y_pt);
	for (size_t r = 0; r < g.rows; r++) {
		layout_ensure_space(lo, g.row_h_pt[r]);
		grid_row(lo, &g, r, lo->y_pt, figure, &centre_y_pt[r]);
		lo->y_pt += g.row_h_pt[r];
	}
	/* Arrows only where the whole grid shares a page. */
	if (risks->heat_map_arrows && lo->page == first_page)
		grid_arrows(lo, &g, figure, centre_y_pt);
	free(centre_y_pt);
	layout_ensure_space(lo, g.column_label_h_pt + g.line_pt);
	grid_column_labels(lo, &g, figure);
	lo->y_pt += CHART_GAP_PT;
	grid_table(lo, &g);
	grid_free(&g);
}

/* ---- an assessment's grid of references ---- */

/* "CI001 G": a reference and its rating's code. Caller frees. */
static char *chip_text(const struct source_assessment *a, const struct source_item *item)
{
	int index = item->rating_index;
	const char *code = index >= 0 && (size_t)index < a->scale.rating_count
				   ? a->scale.ratings[index].code
				   : "\u2013";
	return mem_printf("%s\u00a0%s", item->ref ? item->ref : "?", code);
}

/* "Heat map of the characteristics by theme, …", then each theme and its
 * references with their ratings' names. Caller frees. */
static char *assessment_alt(const struct layout *lo, const struct source_assessment *a)
{
	struct text_buffer b = { 0 };
	const char *one, *many;
	layout_noun(lo, a->noun, "characteristic", &one, &many);
	const struct words_field fields[] = {
		{ "one", one }, { "many", many }, { NULL, NULL },
	};
	char *intro = layout_format(lo, "assessment.heat-map-alt", fields);
	chart_buffer_add(&b, "%s", intro);
	free(intro);
	for (size_t t = 0; t < a->theme_count; t++) {
		const struct source_theme *theme = &a->themes[t];
		chart_buffer_add(&b, " %s:", theme->name ? theme->name : "");
		for (size_t i = 0; i < theme->item_count; i++) {
			const struct source_item *item = &theme->items[i];
			int index = item->rating_index;
			chart_buffer_add(&b, "%s %s %s", i ? "," : "",
					 item->ref ? item->ref : "?",
					 index >= 0 && (size_t)index < a->scale.rating_count
						 ? chart_rating_name(&a->scale.ratings[index])
						 : layout_word(lo, "dashboard.not-rated"));
		}
		chart_buffer_add(&b, "%s%s.", theme->item_count ? "" : " ",
				 theme->item_count ? "" : layout_word(lo, "chart.none"));
	}
	return b.text;
}

void layout_heatmap_assessment(struct layout *lo, const struct source_assessment *a)
{
	const struct style_table *st = &lo->style->table;
	const struct style_font *font = chart_label_font(lo);
	double pad_pt = st->padding_pt;
	double width_pt = layout_content_width(lo);
	double name_w_pt = 0, chip_w_pt = 0;
	for (size_t t = 0; t < a->theme_count; t++) {
		const struct source_theme *theme = &a->themes[t];
		name_w_pt = fmax(name_w_pt, chart_text_width(lo, theme->name ? theme->name : "",
							     font));
		for (size_t i = 0; i < theme->item_count; i++) {
			char *text = chip_text(a, &theme->items[i]);
			chip_w_pt = fmax(chip_w_pt, chart_text_width(lo, text, &lo->strong_font));
			free(text);
		}
	}
	name_w_pt = fmin(name_w_pt + 2 * pad_pt + 1, width_pt * HEATMAP_LABEL_SHARE);
	chip_w_pt += 2 * pad_pt + 1;
	double line_pt = chart_text_height(lo, "0", &lo->strong_font, 100);
	double chip_h_pt = line_pt + 2 * pad_pt;
	double chips_x_pt = lo->left_pt + name_w_pt;
	size_t per_line = (size_t)fmax(1, floor((width_pt - name_w_pt) / chip_w_pt));
	uint32_t figure = layout_add_node(lo, ROLE_FIGURE, a->pos);
	char *alt = assessment_alt(lo, a);
	lo->list->nodes[figure].alt = dl_strdup(lo->list, alt);
	free(alt);
	for (size_t t = 0; t < a->theme_count; t++) {
		const struct source_theme *theme = &a->themes[t];
		size_t lines = theme->item_count ? (theme->item_count + per_line - 1) / per_line : 1;
		double name_pt = chart_text_height(lo, theme->name ? theme->name : "", font,
						   name_w_pt - 2 * pad_pt) + 2 * pad_pt;
		double row_pt = fmax(name_pt, (double)lines * chip_h_pt);
		layout_ensure_space(lo, fmin(row_pt, lo->bottom_pt - lo->top_pt));
		double top_pt = lo->y_pt;
		layout_add_rect(lo, figure, lo->left_pt, top_pt, width_pt, row_pt,
				DL_NO_COLOR, st->border_color, st->border_pt);
		chart_place_text(lo, theme->name ? theme->name : "", font,
				 lo->left_pt + pad_pt, top_pt + pad_pt, name_w_pt - 2 * pad_pt,
				 ALIGN_LEFT, figure);
		for (size_t i = 0; i < theme->item_count; i++) {
			const struct source_item *item = &theme->items[i];
			double x = chips_x_pt + (double)(i % per_line) * chip_w_pt;
			double y = top_pt + (double)(i / per_line) * chip_h_pt;
			int index = item->rating_index;
			struct style_rating_look look = rating_look(lo, &a->scale, index);
			layout_add_rect(lo, figure, x, y, chip_w_pt, chip_h_pt,
					look.background, st->border_color, st->border_pt);
			struct style_font chip_font = lo->strong_font;
			chip_font.color = look.text;
			char *text = chip_text(a, item);
			chart_place_text(lo, text, &chip_font, x + pad_pt, y + pad_pt,
					 chip_w_pt - 2 * pad_pt, ALIGN_CENTER, figure);
			free(text);
		}
		lo->y_pt = top_pt + row_pt;
	}
	lo->y_pt += lo->style->paragraph_gap_pt;
}
