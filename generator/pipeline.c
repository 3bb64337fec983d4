/* One document through load → layout → draw, for every command that makes
 * output. The fonts are set up once per pipeline; house styles are kept
 * between documents and read again only when their file changes (watch
 * mode edits them). A pipeline belongs to one thread at a time: batch
 * workers each make their own. */
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "draw.h"
#include "fonts.h"
#include "memory.h"
#include "paths.h"
#include "rating.h"
#include "style.h"

/* A style as asked for (name or path, and the folder it was looked for
 * from), valid while the file it was read from keeps its identity. */
struct cached_style {
	char *request;        /* name_or_path "\n" source_dir */
	struct style *style;
	dev_t device;
	ino_t inode;
	off_t size;
	struct timespec mtime;
};

struct pipeline {
	struct fonts *fonts;
	struct cached_style *styles;
	size_t style_count, style_capacity;
};

struct pipeline *pipeline_new(struct diag_list *diags)
{
	struct fonts *fonts = fonts_open(NULL, diags);
	if (!fonts)
		return NULL;
	struct pipeline *pipeline = mem_alloc(sizeof *pipeline);
	pipeline->fonts = fonts;
	return pipeline;
}

void pipeline_free(struct pipeline *pipeline)
{
	if (!pipeline)
		return;
	for (size_t i = 0; i < pipeline->style_count; i++) {
		style_free(pipeline->styles[i].style);
		free(pipeline->styles[i].request);
	}
	free(pipeline->styles);
	fonts_close(pipeline->fonts);
	free(pipeline);
}

static int same_file(const struct cached_style *cached, const struct stat *st)
{
	return cached->device == st->st_dev && cached->inode == st->st_ino &&
	       cached->size == st->st_size &&
	       cached->mtime.tv_sec == st->st_mtim.tv_sec &&
	       cached->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

static void remember_file(struct cached_style *cached, const struct stat *st)
{
	cached->device = st->st_dev;
	cached->inode = st->st_ino;
	cached->size = st->st_size;
	cached->mtime = st->st_mtim;
}

/* style_find through the cache. Borrowed until pipeline_free(). */
static const struct style *find_style(struct pipeline *pipeline,
				      const char *name_or_path,
				      const char *source_dir,
				      struct diag_list *diags)
{
	char *request = mem_printf("%s\n%s", name_or_path, source_dir);
	struct cached_style *cached = NULL;
	for (size_t i = 0; i < pipeline->style_count && !cached; i++)
		if (strcmp(pipeline->styles[i].request, request) == 0)
			cached = &pipeline->styles[i];
	struct stat st;
	if (cached && stat(cached->style->path, &st) == 0 &&
	    same_file(cached, &st)) {
		free(request);
		return cached->style;
	}
	struct style *style = style_find(name_or_path, source_dir, diags);
	if (!style) {
		free(request);
		return NULL;
	}
	if (!cached) {
		MEM_GROW(pipeline->styles, pipeline->style_count,
			 pipeline->style_capacity);
		cached = &pipeline->styles[pipeline->style_count++];
		memset(cached, 0, sizeof *cached);
		cached->request = request;
	} else {
		style_free(cached->style);
		free(request);
	}
	cached->style = style;
	/* A file that cannot be seen now is looked for again next time. */
	if (style->path && stat(style->path, &st) == 0)
		remember_file(cached, &st);
	else
		cached->size = -1;
	return style;
}

/* SOURCE_DATE_EPOCH, read here and nowhere else: the time a reproducible
 * build claims, or 0 when it is not set (or not a count of seconds). */
int pipeline_source_date_epoch(time_t *t)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (!epoch || !*epoch)
		return 0;
	char *end = NULL;
	long long seconds = strtoll(epoch, &end, 10);
	if (!end || *end != '\0' || seconds < 0)
		return 0;
	*t = (time_t)seconds;
	return 1;
}

static char *utc_text(time_t t, const char *format)
{
	struct tm tm;
	char buffer[32];
	if (!gmtime_r(&t, &tm) || !strftime(buffer, sizeof buffer, format, &tm))
		return NULL;
	return mem_strdup(buffer);
}

/* A paper loaded with its house style and the layout's options, then
 * paginated and finished. The style is the cache's (borrowed) for one
 * paper at a time, or the paper's own when papers wait side by side for
 * the pack's numbering: a layout file changed meanwhile must not free a
 * style that a paper still waiting uses. */
struct pipeline_paper {
	struct pipeline *pipeline;
	struct source_doc *doc;
	const struct style *style;
	struct style *owned_style;
	char *build_time, *create_date;
	struct layout_options layout_options;
	struct layout_paper *layout;
};

void pipeline_paper_free(struct pipeline_paper *paper)
{
	if (!paper)
		return;
	layout_paper_free(paper->layout);
	style_free(paper->owned_style);
	free(paper->build_time);
	free(paper->create_date);
	source_free(paper->doc);
	free(paper);
}

static struct pipeline_paper *paper_load(struct pipeline *pipeline,
					 const char *source_path,
					 const struct pipeline_options *options,
					 int own_style, struct diag_list *diags)
{
	static const struct pipeline_options no_options;
	if (!options)
		options = &no_options;
	size_t errors_before = diag_count(diags, DIAG_ERROR);
	struct source_doc *doc = source_load(source_path, diags);
	if (!doc)
		return NULL;
	struct pipeline_paper *paper = mem_alloc(sizeof *paper);
	paper->pipeline = pipeline;
	paper->doc = doc;
	char *source_dir = paths_dirname(source_path);
	char *layout_name = NULL;
	int ok = 0;
	/* An error anywhere means no output: the loader and the layout give
	 * nothing with one, and the previous quarter's is caught here. */
	if (rating_link_previous(doc, options->previous, diags) != 0 ||
	    diag_count(diags, DIAG_ERROR) != errors_before)
		goto done;
	if (options->layout)
		layout_name = mem_strdup(options->layout);
	else if (doc->layout && *doc->layout) {
		layout_name = style_source_layout(source_path, doc->layout,
						  doc->layout_pos.line,
						  doc->layout_pos.col, diags);
		if (!layout_name)
			goto done;
	} else
		layout_name = mem_strdup(STYLE_DEFAULT_LAYOUT);
	if (own_style)
		paper->style = paper->owned_style =
			style_find(layout_name, source_dir, diags);
	else
		paper->style = find_style(pipeline, layout_name, source_dir, diags);
	if (!paper->style ||
	    fonts_check_style(pipeline->fonts, paper->style, diags) != 0)
		goto done;
	/* A draft's footer shows when it was made: the reproducible time when
	 * there is one, otherwise now, which is what a draft is for. */
	time_t epoch = 0;
	int reproducible = pipeline_source_date_epoch(&epoch);
	if (options->draft || doc->status == STATUS_DRAFT)
		paper->build_time = utc_text(reproducible ? epoch : time(NULL),
					     "%Y-%m-%d %H:%M UTC");
	paper->create_date =
		reproducible ? utc_text(epoch, "%Y-%m-%dT%H:%M:%SZ") : NULL;
	paper->layout_options.draft = options->draft;
	paper->layout_options.build_time = paper->build_time;
	paper->layout_options.create_date = paper->create_date;
	ok = 1;
done:
	free(layout_name);
	free(source_dir);
	if (!ok) {
		pipeline_paper_free(paper);
		return NULL;
	}
	return paper;
}

struct pipeline_paper *pipeline_paper_load(struct pipeline *pipeline,
					   const char *source_path,
					   const struct pipeline_options *options,
					   struct diag_list *diags)
{
	return paper_load(pipeline, source_path, options, 1, diags);
}

const struct source_doc *pipeline_paper_doc(const struct pipeline_paper *paper)
{
	return paper->doc;
}

int pipeline_paper_paginate(struct pipeline_paper *paper,
			    const struct layout_exempt *exempt,
			    size_t exempt_count, int withhold_exempt,
			    struct diag_list *diags)
{
	paper->layout_options.exempt = exempt;
	paper->layout_options.exempt_count = exempt_count;
	paper->layout_options.withhold_exempt = withhold_exempt;
	paper->layout = layout_paginate(paper->doc, paper->style,
					fonts_context(paper->pipeline->fonts),
					&paper->layout_options, diags);
	return paper->layout ? 0 : 1;
}

size_t pipeline_paper_page_count(const struct pipeline_paper *paper)
{
	return paper->layout ? layout_paper_page_count(paper->layout) : 0;
}

struct display_list *pipeline_paper_finish(struct pipeline_paper *paper,
					   size_t first_page,
					   size_t total_pages)
{
	struct layout_paper *layout = paper->layout;
	paper->layout = NULL;
	return layout ? layout_paper_finish(layout, first_page, total_pages) :
			NULL;
}

PangoContext *pipeline_context(struct pipeline *pipeline)
{
	return fonts_context(pipeline->fonts);
}

struct display_list *pipeline_layout(struct pipeline *pipeline,
				     const char *source_path,
				     const struct pipeline_options *options,
				     char **layout_path,
				     struct diag_list *diags)
{
	if (layout_path)
		*layout_path = NULL;
	struct pipeline_paper *paper =
		paper_load(pipeline, source_path, options, 0, diags);
	if (!paper)
		return NULL;
	struct display_list *list = NULL;
	if (pipeline_paper_paginate(paper, NULL, 0, 0, diags) == 0)
		list = pipeline_paper_finish(paper, 1, 0);
	if (list && layout_path)
		*layout_path = mem_strdup(paper->style->path);
	pipeline_paper_free(paper);
	return list;
}

int pipeline_render_pdf(struct pipeline *pipeline, const char *source_path,
			const char *out_path,
			const struct pipeline_options *options,
			struct diag_list *diags)
{
	struct display_list *list =
		pipeline_layout(pipeline, source_path, options, NULL, diags);
	if (!list)
		return 1;
	/* The source model is already freed (pipeline_layout); the drawn pages
	 * go too, so Cairo's growing PDF state reuses their memory. */
	int status = draw_pdf_releasing(list, out_path, diags);
	dl_free(list);
	return status;
}

char *pipeline_output_path(const char *source_path, const char *out_dir,
			   const char *ext)
{
	const char *name = source_path;
	if (out_dir) {
		const char *slash = strrchr(source_path, '/');
		name = slash ? slash + 1 : source_path;
	}
	if (strcmp(source_path, "-") == 0)
		name = "stdin";
	size_t length = strlen(name);
	if (length > 4 && strcmp(name + length - 4, ".xml") == 0)
		length -= 4;
	if (out_dir)
		return mem_printf("%s/%.*s%s", out_dir, (int)length, name, ext);
	return mem_printf("%.*s%s", (int)length, name, ext);
}
