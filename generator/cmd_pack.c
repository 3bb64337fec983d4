/* committee-pdf pack MEETING.xml [-o DIR] [--members]: a meeting's
 * publication. DIR/agenda.pdf is the front sheet alone; DIR/reports-pack.pdf
 * is one display list, drawn and finished (PDF/UA, PDF/A) as one document:
 * the front sheet, then each item's paper in order, pages numbered through
 * the whole pack, a bookmark per item with the paper's own under it. The
 * public pack replaces exempt items and appendices by a page saying why;
 * --members also writes DIR/reports-pack-members.pdf, which keeps them,
 * marked "NOT FOR PUBLICATION" in the running header and by a watermark.
 * --supplement N writes DIR/supplement-N.pdf instead: the supplementary
 * agenda and the papers that followed into supplement N or were revised
 * in it (each saying which pages it replaces), numbered on from the
 * reports pack and the supplements before it (which the reports pack
 * still calls "to follow", and which keep the versions they published),
 * so every page number once printed stays true.
 * Every edition is laid out before any file is written: any error, no file
 * at all. --watch packs again on every change to the meeting or to what
 * its pack is made from (pack_inputs.h). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "commands.h"
#include "dates.h"
#include "diag.h"
#include "draw.h"
#include "file_atomic.h"
#include "meeting.h"
#include "memory.h"
#include "pack_draw.h"
#include "pack_inputs.h"
#include "pack_pool.h"
#include "paths.h"
#include "pipeline.h"
#include "style.h"
#include "watch.h"
#include "words.h"

static void pack_usage(FILE *out)
{
	fputs("usage: committee-pdf pack [OPTIONS] MEETING.xml\n"
	      "\n"
	      "Typesets a meeting's publication into DIR: agenda.pdf, the agenda\n"
	      "front sheet with the pack page where each item starts, and\n"
	      "reports-pack.pdf, the front sheet then every paper its items name, in\n"
	      "item order, with page numbers that count through the whole pack and a\n"
	      "bookmark per item. Exempt items and appendices (Schedule 12A) are left\n"
	      "out of both, each with a page saying why.\n"
	      "\n"
	      "  -o, --output DIR   where the files go, created if missing (default:\n"
	      "                     the meeting's path without .xml)\n"
	      "  --members          also reports-pack-members.pdf, the members' pack:\n"
	      "                     exempt parts included, marked NOT FOR PUBLICATION\n"
	      "                     in the running header and by a watermark\n"
	      "  --supplement N     write supplement-N.pdf (with --members also\n"
	      "                     supplement-N-members.pdf) instead: the papers\n"
	      "                     that followed into supplement N or were revised\n"
	      "                     in it, pages numbered on from the pack and the\n"
	      "                     supplements before it\n"
	      "  --force            lay out and write even when every file is newer\n"
	      "                     than the meeting, its papers and what they read\n"
	      "  --dump-layout      print the pack's display list as JSON instead (the\n"
	      "                     members' pack with --members); no file is written\n"
	      "  --watch            pack again each time the meeting, its house style,\n"
	      "                     a paper it names or a file a paper reads changes;\n"
	      "                     a failed pack keeps the last good files\n"
	      "  --allow-dir DIR    papers (and files they name) may also lie in DIR;\n"
	      "                     repeatable\n"
	      "  --max-size SIZE    read papers up to SIZE (such as 64M; default 16M)\n"
	      "  -j, --jobs N       lay out papers (and draw the files) in N worker\n"
	      "                     processes (default: the online cores; 1: in\n"
	      "                     this process)\n"
	      "  -h, --help         show this help\n"
	      "\n"
	      "Exit status: 0 written, 1 invalid input or failed output, 2 usage error.\n",
	      out);
}

struct pack_args {
	const char *meeting, *out_dir;
	int members, dump_layout, force, watch;
	unsigned supplement;            /* 0: the agenda and reports pack */
	int jobs;                       /* -j: worker processes, 1: none */
};

/* --supplement's number: 1 to 1000, else 0. */
static unsigned supplement_number(const char *text)
{
	char *end = NULL;
	errno = 0;
	unsigned long n = strtoul(text, &end, 10);
	if (errno || end == text || *end || text[0] == '-' || n < 1 || n > 1000)
		return 0;
	return (unsigned)n;
}

/* -j's number: 1 to 1024, else 0. */

static const struct command_spec pack_command = { "pack", pack_usage };

/* COMMAND_GO_ON, or the exit status: 0 after --help, 2 on a usage error. */
static int parse_args(int argc, char **argv, struct pack_args *args)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "members", no_argument, NULL, 'M' },
		{ "force", no_argument, NULL, 'f' },
		{ "dump-layout", no_argument, NULL, 'D' },
		{ "supplement", required_argument, NULL, 'S' },
		{ "watch", no_argument, NULL, 'W' },
		{ "jobs", required_argument, NULL, 'j' },
		COMMAND_SHARED_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const struct command_spec *cmd = &pack_command;
	optind = 1;
	int c, rc;
	args->jobs = command_default_jobs();
	while ((c = command_next_option(cmd, argc, argv, "ho:j:", options)) != -1) {
		switch (c) {
		case 'j':
			if ((rc = command_jobs(cmd, optarg, &args->jobs)) !=
			    COMMAND_GO_ON)
				return rc;
			break;
		case 'o':
			args->out_dir = optarg;
			break;
		case 'M':
			args->members = 1;
			break;
		case 'f':
			args->force = 1;
			break;
		case 'D':
			args->dump_layout = 1;
			break;
		case 'W':
			args->watch = 1;
			break;
		case 'S':
			if (!(args->supplement = supplement_number(optarg)))
				return command_usage_error(
					cmd, "--supplement wants a number from 1 "
					"to 1000, not '%s'", optarg);
			break;
		default:
			if ((rc = command_shared_option(cmd, c, optarg)) !=
			    COMMAND_GO_ON)
				return rc;
		}
	}
	if (optind >= argc)
		return command_usage_error(cmd, "no MEETING given");
	if (optind + 1 != argc)
		return command_usage_error(cmd, "one MEETING at a time");
	args->meeting = argv[optind];
	if (args->out_dir && !*args->out_dir)
		return command_usage_error(cmd, "empty output folder name");
	if (args->watch && args->dump_layout)
		return command_usage_error(cmd, "--watch needs files to write, "
					   "not --dump-layout");
	return COMMAND_GO_ON;
}

/* One item on its way into the pack. */
struct pack_item {
	struct pipeline_paper *paper;   /* its paper, or NULL */
	struct layout_paper *notice;    /* the public pack's exemption page */
	struct layout_exempt *exempt;   /* the parts of it that are exempt */
	size_t exempt_count;
	struct layout_item_pages pages;
	size_t page_count;
	char paragraph[8];              /* pages.exempt_paragraph's text: it
	                                   outlives a paper left unread */
};

/* Where an item's paper was last published before the edition being laid
 * out: pack pages first … last (0: not yet) in edition. */
struct pack_published {
	size_t first, last;
	unsigned edition;
};

struct pack {
	const struct pack_args *args;
	int members;                    /* the edition being laid out: */
	unsigned edition;               /* 0 the pack, else its supplement */
	size_t base;                    /* pages of the editions before it */
	struct meeting *meeting;
	struct pipeline *pipeline;
	struct style *style;            /* the agenda's house style */
	struct pack_item *items;
	struct pack_published *published; /* per item, from number_from */
	struct diag_list *diags;
	/* With -j > 1 and two papers or more: the workers holding them,
	 * job k being item job_items[k], whose paper is job_sources[k]. */
	struct pack_pool *pool;
	size_t *job_items;
	const char **job_sources;
	size_t job_count;
	int tty;                        /* stderr is a terminal: progress */
	double started_ms;
};

/* The exempt parts of an item whose paper is loaded: the whole paper (the
 * item's or the paper's own marking), and each exempt appendix, which
 * must be one the paper has. */
static void find_exempt(struct pack *pack, const struct meeting_item *item,
			struct pack_item *out)
{
	const struct source_doc *doc = pipeline_paper_doc(out->paper);
	out->exempt = mem_array(item->exempt_appendix_count + 1,
				sizeof *out->exempt);
	const char *whole = item->exempt_paragraph ? item->exempt_paragraph :
						     doc->cover.exempt_paragraph;
	if (whole) {
		snprintf(out->paragraph, sizeof out->paragraph, "%s", whole);
		out->pages.exempt_paragraph = out->paragraph;
		out->exempt[out->exempt_count++] =
			(struct layout_exempt){ 0, out->paragraph };
	}
	for (size_t e = 0; e < item->exempt_appendix_count; e++) {
		const struct meeting_exempt_appendix *x =
			&item->exempt_appendices[e];
		if (x->number > doc->appendix_count) {
			diag_add(pack->diags, DIAG_ERROR, pack->meeting->path,
				 x->pos.line, x->pos.col,
				 "appendix %u is exempt, but %s has %zu "
				 "appendix%s", x->number, doc->path,
				 doc->appendix_count,
				 doc->appendix_count == 1 ? "" : "es");
			continue;
		}
		out->exempt[out->exempt_count++] =
			(struct layout_exempt){ x->number, x->paragraph };
	}
}

/* Whether the edition takes the item's paper: the reports pack each one
 * but those that followed, a supplement those that followed into it and
 * those it revises. */
static int takes_paper(const struct pack *pack, const struct meeting_item *item)
{
	return meeting_paper_in(item, pack->edition) != NULL;
}

/* A revised paper's front-sheet lines: the version it replaces, as the
 * editions before this one published it. */
static void note_revision(const struct pack *pack, size_t i,
			  struct pack_item *out)
{
	const struct meeting_revision *r =
		meeting_revision_in(&pack->meeting->items[i], pack->edition);
	if (!r || !pack->published)
		return;
	out->pages.revision_reason = r->reason;
	out->pages.replaces_first = pack->published[i].first;
	out->pages.replaces_last = pack->published[i].last;
	out->pages.replaces_edition = pack->published[i].edition;
}

/* Whether the edition's front sheet lists the item: the agenda every one,
 * a supplementary agenda its own papers only. */
static int lists_item(const struct pack *pack, const struct meeting_item *item)
{
	return pack->edition == 0 || takes_paper(pack, item);
}

/* Load and paginate the item's paper (or make its exemption page). */
static void paginate_item(struct pack *pack, size_t i)
{
	const struct meeting_item *item = &pack->meeting->items[i];
	struct pack_item *out = &pack->items[i];
	if (!takes_paper(pack, item)) {
		out->pages.note = item->note;
		if (item->exempt_paragraph)
			out->pages.exempt_paragraph = item->exempt_paragraph;
		return;
	}
	out->paper = pipeline_paper_load(pack->pipeline,
					 meeting_paper_in(item, pack->edition),
					 NULL, pack->diags);
	if (!out->paper)
		return;
	find_exempt(pack, item, out);
	int withhold = !pack->members;
	if (out->pages.exempt_paragraph && withhold) {
		/* Not a word of it is laid out. */
		pipeline_paper_free(out->paper);
		out->paper = NULL;
		out->notice = layout_exempt_item(
			pack->meeting, item, out->pages.exempt_paragraph,
			pack->style, pipeline_context(pack->pipeline), NULL,
			pack->diags);
		out->page_count = layout_paper_page_count(out->notice);
		return;
	}
	if (pipeline_paper_paginate(out->paper, out->exempt, out->exempt_count,
				    withhold, pack->diags) == 0)
		out->page_count = pipeline_paper_page_count(out->paper);
}

/* The item's list numbered from first of total (NULL: it has none). */
static struct display_list *finish_item(struct pack *pack, size_t i,
					size_t first, size_t total)
{
	struct pack_item *item = &pack->items[i];
	struct display_list *part = NULL;
	if (item->notice) {
		part = layout_paper_finish(item->notice, first, total);
		item->notice = NULL;
	} else if (item->paper)
		part = pipeline_paper_finish(item->paper, first, total);
	return part;
}

static void show_progress(void *ctx, size_t done, size_t total)
{
	const struct pack *pack = ctx;
	if (!pack->tty)
		return;
	char line[128];
	batch_progress_format(line, sizeof line, done, total, 0,
			      batch_now_ms() - pack->started_ms);
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
}

static void clear_progress(const struct pack *pack)
{
	if (pack->tty)
		fputs("\r\033[K", stderr);
}

/* ---- in a worker process (pack_pool.h), on its copy of the pack ---- */

static int worker_paginate(void *arg, size_t job, struct diag_list *diags,
			   size_t *page_count, char *paragraph,
			   size_t paragraph_size)
{
	struct pack *pack = arg;
	size_t i = pack->job_items[job];
	struct diag_list *kept = pack->diags;
	pack->diags = diags;
	paginate_item(pack, i);
	pack->diags = kept;
	const char *whole = pack->items[i].pages.exempt_paragraph;
	*page_count = pack->items[i].page_count;
	snprintf(paragraph, paragraph_size, "%s", whole ? whole : "");
	return diag_has_errors(diags);
}

static struct display_list *worker_finish(void *arg, size_t job, size_t first,
					  size_t total)
{
	struct pack *pack = arg;
	return finish_item(pack, pack->job_items[job], first, total);
}

/* The edition's papers paginated by the workers: what each answered is
 * what paginate_item leaves in the parent. */
static int paginate_in_workers(struct pack *pack)
{
	static struct pack_pool_ops ops = { worker_paginate, worker_finish,
					    NULL };
	ops.arg = pack;
	struct pack_pool_result *results =
		mem_array(pack->job_count, sizeof *results);
	int status = 0;
	pack->pool = pack_pool_start(pack->job_sources, pack->job_count,
				     pack->args->jobs, &ops, results,
				     show_progress, pack, pack->diags, &status);
	for (size_t k = 0; k < pack->job_count; k++) {
		struct pack_item *out = &pack->items[pack->job_items[k]];
		out->page_count = results[k].page_count;
		memcpy(out->paragraph, results[k].paragraph,
		       sizeof out->paragraph);
		if (out->paragraph[0])
			out->pages.exempt_paragraph = out->paragraph;
	}
	free(results);
	return status;
}

/* Load and paginate every item's paper (or make its exemption page),
 * reporting the problems of all of them: in worker processes when -j
 * and the papers allow, else here. 0 when there is none. */
static int paginate_items(struct pack *pack)
{
	size_t errors_before = diag_count(pack->diags, DIAG_ERROR);
	size_t count = pack->meeting->item_count;
	pack->job_items = mem_array(count + 1, sizeof *pack->job_items);
	pack->job_sources = mem_array(count + 1, sizeof *pack->job_sources);
	pack->job_count = 0;
	for (size_t i = 0; i < count; i++)
		if (takes_paper(pack, &pack->meeting->items[i])) {
			pack->job_items[pack->job_count] = i;
			pack->job_sources[pack->job_count++] = meeting_paper_in(
				&pack->meeting->items[i], pack->edition);
			/* Here, not in the worker: the front sheet says it. */
			note_revision(pack, i, &pack->items[i]);
		}
	int status = 0;
	if (pack->args->jobs > 1 && pack->job_count > 1) {
		status = paginate_in_workers(pack);
		for (size_t i = 0; i < count; i++)
			if (!takes_paper(pack, &pack->meeting->items[i]))
				paginate_item(pack, i);
	} else {
		for (size_t i = 0, done = 0; i < count; i++) {
			paginate_item(pack, i);
			if (takes_paper(pack, &pack->meeting->items[i]))
				show_progress(pack, ++done, pack->job_count);
		}
	}
	clear_progress(pack);
	if (diag_count(pack->diags, DIAG_ERROR) != errors_before)
		status = 1;
	return status;
}

/* Each item's list, finished by the workers holding them or here. 0, or
 * 1 with diagnostics (parts then all NULL). */
static int finish_items(struct pack *pack, size_t total,
			struct display_list **parts)
{
	size_t count = pack->meeting->item_count;
	if (!pack->pool) {
		for (size_t i = 0; i < count; i++)
			parts[i] = finish_item(pack, i, pack->items[i].pages.first,
					       total);
		return 0;
	}
	struct display_list **lists =
		mem_array(pack->job_count + 1, sizeof *lists);
	size_t *firsts = mem_array(pack->job_count + 1, sizeof *firsts);
	for (size_t k = 0; k < pack->job_count; k++)
		firsts[k] = pack->items[pack->job_items[k]].pages.first;
	int status = pack_pool_finish(pack->pool, firsts, total,
				      pipeline_context(pack->pipeline), lists,
				      pack->diags);
	for (size_t i = 0; i < count; i++)
		parts[i] = takes_paper(pack, &pack->meeting->items[i]) ?
				   NULL : finish_item(pack, i,
						      pack->items[i].pages.first,
						      total);
	for (size_t k = 0; k < pack->job_count; k++)
		parts[pack->job_items[k]] = lists[k];
	free(firsts);
	free(lists);
	if (status != 0)
		for (size_t i = 0; i < count; i++) {
			dl_free(parts[i]);
			parts[i] = NULL;
		}
	return status;
}

/* Each item's pack pages when the front sheet takes agenda_pages after
 * the editions before this one; the edition's last page. */
static size_t number_items(struct pack *pack, size_t agenda_pages)
{
	size_t next = pack->base + agenda_pages + 1;
	for (size_t i = 0; i < pack->meeting->item_count; i++) {
		struct pack_item *item = &pack->items[i];
		item->pages.first = item->page_count ? next : 0;
		item->pages.last = item->page_count ? next + item->page_count - 1 : 0;
		next += item->page_count;
	}
	return next - 1;
}

/* The front sheet, laid out until the page ranges it prints agree with
 * its own length (a longer range could push it onto another page). */
static struct layout_paper *agenda(struct pack *pack, int link_items,
				   size_t *total)
{
	size_t agenda_pages = 1;
	for (int round = 0; round < 4; round++) {
		*total = number_items(pack, agenda_pages);
		/* The meeting as this edition's front sheet lists it. */
		const struct meeting *m = pack->meeting;
		struct meeting listed = *m;
		struct meeting_item *items =
			mem_array(m->item_count + 1, sizeof *items);
		struct layout_item_pages *pages =
			mem_array(m->item_count + 1, sizeof *pages);
		listed.items = items;
		listed.item_count = 0;
		for (size_t i = 0; i < m->item_count; i++) {
			if (!lists_item(pack, &m->items[i]))
				continue;
			items[listed.item_count] = m->items[i];
			pages[listed.item_count++] = pack->items[i].pages;
		}
		struct layout_paper *sheet = layout_agenda(
			&listed, pages, link_items, pack->edition, pack->style,
			pipeline_context(pack->pipeline), NULL, pack->diags);
		free(pages);
		free(items);
		size_t count = layout_paper_page_count(sheet);
		if (count == agenda_pages)
			return sheet;
		layout_paper_free(sheet);
		agenda_pages = count;
	}
	diag_add(pack->diags, DIAG_ERROR, pack->meeting->path, 0, 0,
		 "the agenda's length does not settle");
	return NULL;
}

/* A word of the pack's own (its title, the items' bookmarks) as the
 * layout finds one: the agenda house style's label, else the catalogue of
 * the meeting's language. Caller frees. */
static char *pack_format(const struct pack *pack, const char *key,
			 const struct words_field *fields)
{
	const char *label = style_label(pack->style, key, pack->meeting->lang);
	const struct words *words = words_for(pack->meeting->lang);
	if (!words)
		words = words_default();
	return words_expand(label ? label : words_get(words, key), fields, NULL,
			    NULL, NULL);
}

/* A file's title, "Scrutiny Board, 12 March 2024: agenda", by key. */
static void set_title(const struct pack *pack, struct display_list *list,
		      const char *key)
{
	const struct meeting *m = pack->meeting;
	const struct words *words = words_for(m->lang);
	char *date = dates_long_text(m->date, words ? words : words_default());
	char number[24];
	snprintf(number, sizeof number, "%u", pack->edition);
	const struct words_field fields[] = {
		{ "committee", m->committee }, { "date", date },
		{ "number", number }, { NULL, NULL },
	};
	char *title = pack_format(pack, key, fields);
	list->title = dl_strdup(list, title);
	free(title);
	free(date);
}

/* agenda.pdf: the front sheet alone, numbered as a document of its own
 * while its items name the pages of the pack laid out last. */
static struct display_list *agenda_alone(struct pack *pack)
{
	size_t total = 0;
	struct layout_paper *sheet = agenda(pack, 0, &total);
	if (!sheet)
		return NULL;
	struct display_list *list = layout_paper_finish(sheet, 1, 0);
	set_title(pack, list, "agenda.agenda-title");
	return list;
}

static struct display_list *assemble(struct pack *pack)
{
	size_t total = 0;
	struct layout_paper *sheet = agenda(pack, 1, &total);
	if (!sheet)
		return NULL;
	const struct meeting *m = pack->meeting;
	struct display_list *front =
		layout_paper_finish(sheet, pack->base + 1, total);
	struct display_list *list = dl_new();
	static const char *const titles[2][2] = {
		{ "agenda.pack-title", "agenda.members-pack-title" },
		{ "agenda.supplement-pack-title",
		  "agenda.members-supplement-pack-title" },
	};
	set_title(pack, list, titles[pack->edition > 0][pack->members]);
	list->author = dl_strdup(list, m->authority);
	list->subject = dl_strdup(list, front->subject);
	list->lang = dl_strdup(list, m->lang);
	list->create_date = dl_strdup(list, front->create_date);
	/* The front sheet's links name the items' destinations as they are. */
	dl_append(list, front, ROLE_PART, -1, NULL);
	struct display_list **parts = mem_array(m->item_count + 1, sizeof *parts);
	if (finish_items(pack, total, parts) != 0) {
		free(parts);
		dl_free(list);
		return NULL;
	}
	for (size_t i = 0; i < m->item_count; i++) {
		struct display_list *part = parts[i];
		if (!part)
			continue;
		char number[24];
		snprintf(number, sizeof number, "%u", m->items[i].number);
		const struct words_field entry_fields[] = {
			{ "number", number }, { "title", m->items[i].title },
			{ NULL, NULL },
		};
		char *entry = pack_format(pack, "agenda.item-heading",
					  entry_fields);
		int parent = dl_add_outline(list, entry, -1, list->page_count, 0);
		free(entry);
		char prefix[32];
		snprintf(prefix, sizeof prefix, "item%u-", m->items[i].number);
		uint32_t node = (uint32_t)list->node_count;
		size_t first = dl_append(list, part, ROLE_PART, parent, prefix);
		dl_add_dest(list, first, node,
			    layout_agenda_dest(list, m->items[i].number), 0, 0);
	}
	free(parts);
	dl_finish(list);
	return list;
}

/* The agenda's house style: the meeting's layout= as a paper's is found. */
static struct style *agenda_style(const struct meeting *m,
				  struct diag_list *diags)
{
	char *name = m->layout ? style_source_layout(m->path, m->layout,
						     m->layout_pos.line,
						     m->layout_pos.col, diags) :
				 mem_strdup(STYLE_DEFAULT_LAYOUT);
	if (!name)
		return NULL;
	char *dir = paths_dirname(m->path);
	struct style *style = style_find(name, dir, diags);
	free(dir);
	free(name);
	return style;
}

static void free_items(struct pack *pack)
{
	pack_pool_free(pack->pool);
	pack->pool = NULL;
	free(pack->job_items);
	free(pack->job_sources);
	pack->job_items = NULL;
	pack->job_sources = NULL;
	pack->job_count = 0;
	if (!pack->items)
		return;
	for (size_t i = 0; i < pack->meeting->item_count; i++) {
		pipeline_paper_free(pack->items[i].paper);
		layout_paper_free(pack->items[i].notice);
		free(pack->items[i].exempt);
	}
	free(pack->items);
	pack->items = NULL;
}

/* Papers read a second time tell their warnings again: from here until
 * errors_only_end, the pack's diagnostics keep errors only. */
static struct diag_list *errors_only_begin(struct pack *pack,
					   struct diag_list *scratch)
{
	struct diag_list *kept = pack->diags;
	*scratch = (struct diag_list){ 0 };
	pack->diags = scratch;
	return kept;
}

static void errors_only_end(struct pack *pack, struct diag_list *kept)
{
	struct diag_list *scratch = pack->diags;
	pack->diags = kept;
	for (size_t i = 0; i < scratch->count; i++) {
		const struct diag *d = &scratch->items[i];
		if (d->level == DIAG_ERROR)
			diag_add(kept, d->level, d->file, d->line, d->col, "%s",
				 d->message);
	}
	diag_list_free(scratch);
}

/* pack->base for supplement `edition`: the last page of the one before,
 * each laid out to count it (the reports pack, then supplement 1 …) as
 * they were published, since every page number printed stays true; and
 * pack->published, where each item's paper was last published, for the
 * pages a revision replaces. */
static int number_from(struct pack *pack, unsigned edition)
{
	struct diag_list scratch;
	struct diag_list *kept = errors_only_begin(pack, &scratch);
	size_t base = 0;
	int status = 0;
	free(pack->published);
	pack->published = mem_array(pack->meeting->item_count + 1,
				    sizeof *pack->published);
	for (unsigned e = 0; status == 0 && e < edition; e++) {
		pack->edition = e;
		pack->base = base;
		pack->items = mem_array(pack->meeting->item_count + 1,
					sizeof *pack->items);
		status = paginate_items(pack);
		struct layout_paper *sheet =
			status == 0 ? agenda(pack, 1, &base) : NULL;
		status = sheet ? 0 : 1;
		layout_paper_free(sheet);
		for (size_t i = 0; status == 0 && i < pack->meeting->item_count;
		     i++) {
			const struct layout_item_pages *p = &pack->items[i].pages;
			if (p->first && takes_paper(pack, &pack->meeting->items[i]))
				pack->published[i] = (struct pack_published){
					p->first, p->last, e };
		}
		free_items(pack);
	}
	errors_only_end(pack, kept);
	pack->edition = edition;
	pack->base = base;
	return status;
}

/* One edition laid out whole: the pack or the supplement asked for, and
 * (agenda not NULL) the front sheet alone. 0, or 1 with the reasons in
 * the pack's diagnostics. */
static int lay_out_edition(struct pack *pack, int members,
			   struct display_list **list,
			   struct display_list **agenda)
{
	pack->members = members;
	int status = number_from(pack, pack->args->supplement);
	if (status != 0)
		return status;
	pack->items = mem_array(pack->meeting->item_count + 1, sizeof *pack->items);
	status = paginate_items(pack);
	if (status == 0 && agenda)
		status = (*agenda = agenda_alone(pack)) ? 0 : 1;
	if (status == 0)
		status = (*list = assemble(pack)) ? 0 : 1;
	free_items(pack);
	return status;
}

/* The members' edition reads every paper again: its warnings were said
 * with the public one's, so only errors are kept. */
static int lay_out_members(struct pack *pack, struct display_list **list)
{
	struct diag_list scratch;
	struct diag_list *kept = errors_only_begin(pack, &scratch);
	int status = lay_out_edition(pack, 1, list, NULL);
	errors_only_end(pack, kept);
	return status;
}

static char *default_dir(const char *meeting)
{
	size_t n = strlen(meeting);
	if (n > 4 && strcmp(meeting + n - 4, ".xml") == 0)
		n -= 4;
	return mem_printf("%.*s%s", (int)n, meeting,
			  n == strlen(meeting) ? ".pack" : "");
}

/* Each list drawn into DIR/NAME (written whole or not at all) and freed. */
static int write_files(struct pack *pack, const char *dir,
		       struct display_list **lists, const char *const *names,
		       size_t count)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_add(pack->diags, DIAG_ERROR, dir, 0, 0,
			 "cannot create the output folder: %s", strerror(errno));
		return 1;
	}
	char *paths[3] = { NULL, NULL, NULL };
	for (size_t i = 0; i < count; i++)
		paths[i] = mem_printf("%s/%s", dir, names[i]);
	if (pack->tty) {
		/* The largest file names what takes the time. */
		fprintf(stderr, "\rdrawing %s\033[K", names[count > 1]);
		fflush(stderr);
	}
	int status = pack_draw_files(lists, (const char *const *)paths, count,
				     pack->args->jobs > 1, pack->diags);
	clear_progress(pack);
	for (size_t i = 0; i < count; i++)
		free(paths[i]);
	return status;
}

static int dump(struct display_list *list)
{
	dl_dump_json(list, stdout);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}

static int newer_than(const char *output, const char *input)
{
	struct stat out, in;
	if (stat(output, &out) != 0 || stat(input, &in) != 0)
		return 0;
	return out.st_mtim.tv_sec > in.st_mtim.tv_sec ||
	       (out.st_mtim.tv_sec == in.st_mtim.tv_sec &&
		out.st_mtim.tv_nsec > in.st_mtim.tv_nsec);
}

/* Whether every file to write is newer than the meeting, the agenda's
 * house style and each paper with all it reads (batch_up_to_date: its
 * layout, previous quarters and workbooks), as build judges a paper. */
static int up_to_date(const struct pack *pack, const char *dir,
		      const char *const *names, size_t count)
{
	int fresh = 1;
	for (size_t i = 0; fresh && i < count; i++) {
		char *out = mem_printf("%s/%s", dir, names[i]);
		fresh = newer_than(out, pack->meeting->path) &&
			newer_than(out, pack->style->path);
		for (size_t k = 0; fresh && k < pack->meeting->item_count; k++) {
			const struct meeting_item *item = &pack->meeting->items[k];
			if (item->kind == MEETING_ITEM_PAPER)
				fresh = batch_up_to_date(item->paper, out, NULL);
			for (size_t r = 0; fresh && r < item->revision_count; r++)
				fresh = batch_up_to_date(item->revisions[r].paper,
							 out, NULL);
		}
		free(out);
	}
	return fresh;
}

/* The files to write, in the order of run's lists: the agenda, the
 * public pack, the members' pack; a supplement has no agenda alone. */
static size_t file_names(const struct pack_args *args, char *names[3])
{
	size_t n = 0;
	if (args->supplement) {
		names[n++] = mem_printf("supplement-%u.pdf", args->supplement);
		if (args->members)
			names[n++] = mem_printf("supplement-%u-members.pdf",
						args->supplement);
		return n;
	}
	names[n++] = mem_strdup("agenda.pdf");
	names[n++] = mem_strdup("reports-pack.pdf");
	if (args->members)
		names[n++] = mem_strdup("reports-pack-members.pdf");
	return n;
}

static int run(struct pack *pack, const char *dir)
{
	const struct pack_args *args = pack->args;
	char *names[3] = { NULL, NULL, NULL };
	size_t count = file_names(args, names);
	/* lists[0] the agenda alone, [1] the public pack, [2] the members'. */
	struct display_list *lists[3] = { NULL, NULL, NULL };
	int status = 0;
	if (!args->dump_layout && !args->force &&
	    up_to_date(pack, dir, (const char *const *)names, count))
		goto done;
	struct display_list **agenda =
		args->dump_layout || args->supplement ? NULL : &lists[0];
	if (args->dump_layout && args->members)
		status = lay_out_edition(pack, 1, &lists[2], NULL);
	else
		status = lay_out_edition(pack, 0, &lists[1], agenda);
	if (status == 0 && args->members && !args->dump_layout)
		status = lay_out_members(pack, &lists[2]);
	if (status == 0 && args->dump_layout)
		status = dump(lists[args->members ? 2 : 1]);
	else if (status == 0)
		status = write_files(pack, dir, agenda ? lists : lists + 1,
				     (const char *const *)names, count);
done:
	for (size_t i = 0; i < 3; i++) {
		dl_free(lists[i]);
		free(names[i]);
	}
	return status;
}

/* One pack as args ask: the meeting read again, each edition laid out and
 * written into dir. 0, or 1 with the reasons in diags. */
static int pack_once(const struct pack_args *args, struct pipeline *pipeline,
		     const char *dir, struct diag_list *diags)
{
	struct pack pack = { .args = args, .diags = diags,
			     .pipeline = pipeline,
			     .tty = isatty(STDERR_FILENO),
			     .started_ms = batch_now_ms() };
	int status = 1;
	pack.meeting = meeting_load(args->meeting, diags);
	if (!pack.meeting)
		goto done;
	unsigned last = pack.meeting->supplement_count;
	if (args->supplement > last) {
		if (last)
			diag_add(diags, DIAG_ERROR, args->meeting, 0, 0,
				 "no paper is published in supplement %u: the "
				 "meeting's papers name supplements 1 to %u",
				 args->supplement, last);
		else
			diag_add(diags, DIAG_ERROR, args->meeting, 0, 0,
				 "no paper is published in supplement %u: no "
				 "paper of the meeting names a supplement",
				 args->supplement);
		goto done;
	}
	pack.style = agenda_style(pack.meeting, diags);
	if (!pack.style)
		goto done;
	status = run(&pack, dir);
done:
	style_free(pack.style);
	free(pack.published);
	meeting_free(pack.meeting);
	return status;
}

/* --watch: a pack per change, each reported as it happens. Every round
 * writes (a change was seen, whatever the times say). */
struct pack_watch {
	struct pack_args args;
	struct pipeline *pipeline;
	const char *dir;
};

static size_t pack_watch_files(void *ctx, char ***paths)
{
	const struct pack_watch *w = ctx;
	return pack_inputs(w->args.meeting, paths);
}

static int pack_round(void *ctx)
{
	struct pack_watch *w = ctx;
	struct diag_list diags = { 0 };
	double started_ms = batch_now_ms();
	int status = pack_once(&w->args, w->pipeline, w->dir, &diags);
	diag_sort(&diags);
	diag_print(&diags, stderr);
	diag_list_free(&diags);
	if (status == 0)
		printf("packed %s into %s in %.0f ms\n", w->args.meeting, w->dir,
		       batch_now_ms() - started_ms);
	else
		fprintf(stderr, "%s failed; the last good files in %s stay\n",
			w->args.meeting, w->dir);
	fflush(stdout);
	return status;
}

int cmd_pack(int argc, char **argv)
{
	struct pack_args args = { 0 };
	int parsed = parse_args(argc, argv, &args);
	if (parsed != COMMAND_GO_ON)
		return parsed;
	file_atomic_remove_on_signals();
	struct diag_list diags = { 0 };
	char *dir = args.out_dir ? mem_strdup(args.out_dir) :
		    default_dir(args.meeting);
	int status = 1;
	struct pipeline *pipeline = pipeline_new(&diags);
	if (pipeline && args.watch) {
		struct pack_watch w = { args, pipeline, dir };
		w.args.force = 1;
		status = watch_run_files(args.meeting, pack_watch_files,
					 pack_round, &w, 0, &diags);
	} else if (pipeline)
		status = pack_once(&args, pipeline, dir, &diags);
	pipeline_free(pipeline);
	diag_sort(&diags);
	diag_print(&diags, stderr);
	diag_list_free(&diags);
	free(dir);
	return status;
}
