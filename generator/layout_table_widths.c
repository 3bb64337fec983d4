/* Column widths of a table. Every table starts from the house style's
 * proportions, widened where a word must stay whole (a header word, a
 * rating label). A table that measures its content (assessment and
 * performance tables) is then sized the way CSS 2.1 sizes an automatic
 * table layout: each column has a minimum (its widest unbreakable word or
 * label) and a maximum (its longest line unbroken), and the proportions are
 * preferences between the two, so a short column gets what its content
 * needs and the text columns share the rest. Owner: this file, for
 * layout_table.c. */
#include "layout_internal.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* Added to a measured width so that text measured at exactly its own width
 * never wraps through rounding. */
#define WIDTHS_SLACK_PT 1.0

/* The longest line of styled text (a characteristic, evidence) is
 * estimated from its words' widths, which leaves out kerning across the
 * spaces: taken this much longer. Its column is a text column, whose
 * maximum only decides whether it may be narrower than its share. */
#define WIDTHS_ESTIMATE_MARGIN 1.01

struct table_widths {
	size_t count;
	double *preferred_pt;   /* the style's proportions × content width */
	double *min_pt;         /* widest word or label, padding excluded */
	double *max_pt;         /* longest line unbroken, padding excluded */
	/* Widths of the words of cells in the cell font, by variant and word
	 * ("r" regular, "b" bold, "i" italic, "x" a whole text measured
	 * unbroken): sources repeat their words, Pango is asked once each. */
	GHashTable *words;
};

static double padding2(const struct layout *lo)
{
	return 2 * lo->style->table.padding_pt + WIDTHS_SLACK_PT;
}

static double measured_width(struct layout *lo, const char *text,
			     const struct style_font *font)
{
	struct layout_lines *lines =
		layout_measure_plain(lo, text, font, 1e5, ALIGN_LEFT);
	double width_pt = lines->width_pt;
	layout_lines_free(lines);
	return width_pt;
}

/* Width of word (length bytes) in the cell font, or in its variant: bold
 * or italic, or 'x' for a whole plain text, whose lines are measured as
 * set. Cached. */
static double word_width(struct layout *lo, struct table_widths *w,
			 const struct style_font *font, char variant,
			 const char *word, size_t length)
{
	char *key = g_malloc(length + 2);
	key[0] = variant;
	memcpy(key + 1, word, length);
	key[length + 1] = '\0';
	gpointer found = g_hash_table_lookup(w->words, key);
	if (found) {
		g_free(key);
		return *(double *)found;
	}
	struct style_font face = *font;
	face.bold |= variant == 'b';
	face.italic |= variant == 'i';
	double *width_pt = g_new(double, 1);
	*width_pt = measured_width(lo, key + 1, &face);
	g_hash_table_insert(w->words, key, width_pt);
	return *width_pt;
}

/* The variant a word starting at offset is set in: bold inside a strong
 * span, italic inside an emphasis, else regular. */
static char span_variant(const struct source_text *text, size_t start,
			 size_t end)
{
	char variant = 'r';
	for (size_t i = 0; text && i < text->span_count; i++) {
		const struct source_span *span = &text->spans[i];
		if (span->start >= end || span->end <= start)
			continue;
		if (span->kind == SPAN_STRONG)
			return 'b';
		if (span->kind == SPAN_EMPHASIS)
			variant = 'i';
	}
	return variant;
}

struct table_widths *table_widths_new(size_t count, const double *widths_pt)
{
	struct table_widths *w = mem_alloc(sizeof *w);
	w->count = count;
	w->preferred_pt = mem_array(count, sizeof *w->preferred_pt);
	memcpy(w->preferred_pt, widths_pt, count * sizeof *widths_pt);
	w->min_pt = mem_array(count, sizeof *w->min_pt);
	w->max_pt = mem_array(count, sizeof *w->max_pt);
	w->words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	return w;
}

void table_widths_free(struct table_widths *w)
{
	if (!w)
		return;
	g_hash_table_destroy(w->words);
	free(w->preferred_pt);
	free(w->min_pt);
	free(w->max_pt);
	free(w);
}

/* The style's widths, then the columns too narrow for the word they must
 * hold unbroken ("Previou-s") widened, the room taken from the columns
 * that have more than they need, in proportion to what they can spare.
 * Left as the style says when nothing can spare it. */
static void widths_balance(const struct layout *lo, struct layout_table *table)
{
	const struct table_widths *w = table->widths;
	size_t n = table->column_count;
	double deficit_pt = 0, spare_pt = 0;
	memcpy(table->widths_pt, w->preferred_pt, n * sizeof *table->widths_pt);
	for (size_t c = 0; c < n; c++) {
		double need_pt = w->min_pt[c] > 0 ? w->min_pt[c] + padding2(lo) : 0;
		if (need_pt > table->widths_pt[c])
			deficit_pt += need_pt - table->widths_pt[c];
		else
			spare_pt += table->widths_pt[c] - need_pt;
	}
	if (deficit_pt <= 0 || spare_pt <= deficit_pt)
		return;
	double share = deficit_pt / spare_pt;
	for (size_t c = 0; c < n; c++) {
		double need_pt = w->min_pt[c] > 0 ? w->min_pt[c] + padding2(lo) : 0;
		if (need_pt > table->widths_pt[c])
			table->widths_pt[c] = need_pt;
		else
			table->widths_pt[c] -= (table->widths_pt[c] - need_pt) * share;
	}
}

/* Widest word of text in font (no cache: header words and labels). */
static double widest_word(struct layout *lo, const char *text,
			  const struct style_font *font)
{
	double widest_pt = 0;
	char *copy = mem_strdup(text), *save = NULL;
	for (char *word = strtok_r(copy, " \n", &save); word;
	     word = strtok_r(NULL, " \n", &save)) {
		double width_pt = measured_width(lo, word, font);
		if (width_pt > widest_pt)
			widest_pt = width_pt;
	}
	free(copy);
	return widest_pt;
}

void table_widths_need(struct layout *lo, struct layout_table *table,
		       size_t column, const char *text,
		       const struct style_font *font)
{
	if (!text || column >= table->column_count)
		return;
	double width_pt = widest_word(lo, text, font);
	if (width_pt > table->widths->min_pt[column])
		table->widths->min_pt[column] = width_pt;
	widths_balance(lo, table);
}

void layout_table_fit_word(struct layout *lo, struct layout_table *table,
			   size_t column, const char *text,
			   const struct style_font *font)
{
	table_widths_need(lo, table, column, text,
			  font ? font : &lo->style->table.cell_font);
}

void layout_table_fit_label(struct layout *lo, struct layout_table *table,
			    size_t column, const char *label)
{
	if (!label || column >= table->column_count)
		return;
	double width_pt = measured_width(lo, label, &lo->style->table.cell_font);
	if (width_pt > table->widths->min_pt[column])
		table->widths->min_pt[column] = width_pt;
	widths_balance(lo, table);
}

void layout_table_content(struct layout *lo, struct layout_table *table,
			  size_t column, const struct layout_cell *cell)
{
	struct table_widths *w = table->widths;
	const char *text = cell->text ? cell->text->text : cell->plain;
	if (!text || !text[0] || column >= table->column_count)
		return;
	const struct style_font *font = cell->font ? cell->font
						   : &lo->style->table.cell_font;
	int cached = !cell->font;
	double space_pt = cached ? word_width(lo, w, font, 'r', " ", 1)
				 : measured_width(lo, " ", font);
	double widest_word_pt = 0, line_pt = 0, widest_line_pt = 0;
	int words = 0, lines = 1;
	for (size_t at = 0;;) {
		size_t length = strcspn(text + at, " \n");
		if (length > 0) {
			char variant = span_variant(cell->text, at, at + length);
			double word_pt;
			if (cached) {
				word_pt = word_width(lo, w, font, variant, text + at,
						     length);
			} else {
				char *word = mem_printf("%.*s", (int)length, text + at);
				word_pt = measured_width(lo, word, font);
				free(word);
			}
			if (word_pt > widest_word_pt)
				widest_word_pt = word_pt;
			line_pt += (line_pt > 0 ? space_pt : 0) + word_pt;
			words++;
		}
		at += length;
		if (line_pt > widest_line_pt)
			widest_line_pt = line_pt;
		if (!text[at])
			break;
		if (text[at] == '\n') {
			line_pt = 0;
			lines++;
		}
		at++;
	}
	/* One word on one line is measured already. Plain text (an owner, a
	 * value) fills short columns, which are exactly as wide as it: it is
	 * measured whole, as it will be set, once for each text. */
	if (words > 1 || lines > 1) {
		if (cell->text)
			widest_line_pt *= WIDTHS_ESTIMATE_MARGIN;
		else if (cached)
			widest_line_pt = word_width(lo, w, font, 'x', text,
						    strlen(text));
		else
			widest_line_pt = measured_width(lo, text, font);
	}
	if (widest_word_pt > w->min_pt[column])
		w->min_pt[column] = widest_word_pt;
	if (widest_line_pt > w->max_pt[column])
		w->max_pt[column] = widest_line_pt;
}

/* Width of column c at the scale lambda of the preferences, kept between
 * its minimum and maximum. */
static double width_at(const double *pref, const double *lo_pt,
		       const double *hi_pt, size_t c, double lambda)
{
	double width_pt = lambda * pref[c];
	return width_pt < lo_pt[c] ? lo_pt[c] : width_pt > hi_pt[c] ? hi_pt[c]
								    : width_pt;
}

static double widths_sum(const double *pref, const double *lo_pt,
			 const double *hi_pt, size_t n, double lambda)
{
	double sum_pt = 0;
	for (size_t c = 0; c < n; c++)
		sum_pt += width_at(pref, lo_pt, hi_pt, c, lambda);
	return sum_pt;
}

void layout_table_size_columns(struct layout *lo, struct layout_table *table,
			       const int *flexible)
{
	const struct table_widths *w = table->widths;
	size_t n = table->column_count;
	double *lo_pt = mem_array(n, sizeof *lo_pt);
	double *hi_pt = mem_array(n, sizeof *hi_pt);
	double table_pt = 0, lo_sum = 0, hi_sum = 0, flexible_pref = 0;
	for (size_t c = 0; c < n; c++) {
		table_pt += w->preferred_pt[c];
		lo_pt[c] = w->min_pt[c] + padding2(lo);
		/* A word as wide as a text column's whole share breaks rather
		 * than taking the other columns' room. */
		if (flexible[c] && lo_pt[c] > w->preferred_pt[c])
			lo_pt[c] = w->preferred_pt[c];
		hi_pt[c] = w->max_pt[c] + padding2(lo);
		if (hi_pt[c] < lo_pt[c])
			hi_pt[c] = lo_pt[c];
		lo_sum += lo_pt[c];
		hi_sum += hi_pt[c];
		flexible_pref += flexible[c] ? w->preferred_pt[c] : 0;
	}
	if (lo_sum >= table_pt) {
		/* Not even the minimums fit: all shrink, words break. */
		for (size_t c = 0; c < n; c++)
			table->widths_pt[c] = lo_pt[c] * table_pt / lo_sum;
	} else if (hi_sum <= table_pt) {
		/* Everything fits unbroken: the text columns take the rest. */
		for (size_t c = 0; c < n; c++) {
			double share = flexible_pref > 0
					       ? (flexible[c] ? w->preferred_pt[c] /
								flexible_pref
							      : 0)
					       : w->preferred_pt[c] / table_pt;
			table->widths_pt[c] = hi_pt[c] + (table_pt - hi_sum) * share;
		}
	} else {
		/* The scale of the preferences at which the columns, each kept
		 * between its minimum and maximum, fill the table. */
		double low = 0, high = 1;
		while (widths_sum(w->preferred_pt, lo_pt, hi_pt, n, high) < table_pt)
			high *= 2;
		for (int i = 0; i < 60; i++) {
			double mid = (low + high) / 2;
			if (widths_sum(w->preferred_pt, lo_pt, hi_pt, n, mid) < table_pt)
				low = mid;
			else
				high = mid;
		}
		for (size_t c = 0; c < n; c++)
			table->widths_pt[c] = width_at(w->preferred_pt, lo_pt, hi_pt,
						       c, high);
	}
	free(lo_pt);
	free(hi_pt);
}

size_t layout_columns_shown(const int *shown, size_t column_count,
			    const void *all, void *out, size_t size)
{
	size_t kept = 0;
	for (size_t c = 0; c < column_count; c++)
		if (shown[c])
			memcpy((char *)out + kept++ * size,
			       (const char *)all + c * size, size);
	return kept;
}

int layout_columns_index(const int *shown, size_t column)
{
	if (!shown[column])
		return -1;
	int index = 0;
	for (size_t c = 0; c < column; c++)
		index += shown[c] != 0;
	return index;
}

void layout_columns_normalize(double *proportions, size_t count)
{
	double sum = 0;
	for (size_t c = 0; c < count; c++)
		sum += proportions[c] > 0 ? proportions[c] : 0;
	for (size_t c = 0; sum > 0 && c < count; c++)
		proportions[c] = proportions[c] > 0 ? proportions[c] / sum : 0;
}

void layout_table_begin_shown(struct layout *lo, struct layout_table *table,
			      const int *shown, size_t column_count,
			      const char *const *column_words,
			      const double *proportions,
			      struct layout_cell *header, struct source_pos pos)
{
	double *kept = mem_array(column_count, sizeof *kept);
	size_t count = 0;
	for (size_t c = 0; c < column_count; c++)
		if (shown[c]) {
			header[count] = layout_plain_cell(
				layout_word(lo, column_words[c]), ALIGN_LEFT);
			kept[count++] = proportions[c];
		}
	layout_columns_normalize(kept, count);
	layout_table_begin(lo, table, count, kept, header, pos);
	free(kept);
}
