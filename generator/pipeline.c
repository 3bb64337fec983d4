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

struct display_list *pipeline_layout(struct pipeline *pipeline,
				     const char *source_path,
				     const struct pipeline_options *options,
				     char **layout_path,
				     struct diag_list *diags)
{
	static const struct pipeline_options no_options;
	if (!options)
		options = &no_options;
	if (layout_path)
		*layout_path = NULL;
	size_t errors_before = diag_count(diags, DIAG_ERROR);
	struct source_doc *doc = source_load(source_path, diags);
	if (!doc)
		return NULL;
	struct display_list *list = NULL;
	char *source_dir = paths_dirname(source_path);
	char *layout_name = NULL;
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
	const struct style *style =
		find_style(pipeline, layout_name, source_dir, diags);
	if (!style || fonts_check_style(pipeline->fonts, style, diags) != 0)
		goto done;
	/* A draft's footer shows when it was made: the reproducible time when
	 * there is one, otherwise now, which is what a draft is for. */
	time_t epoch = 0;
	int reproducible = pipeline_source_date_epoch(&epoch);
	char *build_time = NULL;
	if (options->draft || doc->status == STATUS_DRAFT)
		build_time = utc_text(reproducible ? epoch : time(NULL),
				      "%Y-%m-%d %H:%M UTC");
	char *create_date =
		reproducible ? utc_text(epoch, "%Y-%m-%dT%H:%M:%SZ") : NULL;
	struct layout_options layout_options = {
		.draft = options->draft,
		.build_time = build_time,
		.create_date = create_date,
	};
	list = layout_document(doc, style, fonts_context(pipeline->fonts),
			       &layout_options, diags);
	free(build_time);
	free(create_date);
	if (list && layout_path)
		*layout_path = mem_strdup(style->path);
done:
	free(layout_name);
	free(source_dir);
	source_free(doc);
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
