/* committee-pdf pack MEETING.xml [-o PACK.pdf] [--full]: the reports pack
 * of a meeting as one display list, drawn and finished (PDF/UA, PDF/A) as
 * one document: the agenda front sheet, then each item's paper in order,
 * pages numbered through the whole pack, a bookmark per item with the
 * paper's own under it. The public pack replaces exempt items and
 * appendices by a page saying why; --full keeps them, marked "NOT FOR
 * PUBLICATION" in the running header. Any error: no pack at all. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "dates.h"
#include "diag.h"
#include "draw.h"
#include "file_atomic.h"
#include "meeting.h"
#include "memory.h"
#include "paths.h"
#include "pipeline.h"
#include "style.h"
#include "words.h"

static void pack_usage(FILE *out)
{
	fputs("usage: committee-pdf pack [OPTIONS] MEETING.xml\n"
	      "\n"
	      "Typesets a meeting's reports pack: the agenda front sheet, then every\n"
	      "paper its items name, in item order, with page numbers that count\n"
	      "through the whole pack and a bookmark per item. Exempt items and\n"
	      "appendices (Schedule 12A) are left out, each with a page saying why.\n"
	      "\n"
	      "  -o, --output FILE  the pack (default: MEETING-pack.pdf, with --full\n"
	      "                     MEETING-pack-full.pdf)\n"
	      "  --full             the members' pack: exempt parts included, marked\n"
	      "                     NOT FOR PUBLICATION in the running header\n"
	      "  --dump-layout      print the pack's display list as JSON instead\n"
	      "  --allow-dir DIR    papers (and files they name) may also lie in DIR;\n"
	      "                     repeatable\n"
	      "  -h, --help         show this help\n"
	      "\n"
	      "Exit status: 0 written, 1 invalid input or failed output, 2 usage error.\n",
	      out);
}

struct pack_args {
	const char *meeting, *out;
	int full, dump_layout;
};

static const struct command_spec pack_command = { "pack", pack_usage };

/* COMMAND_GO_ON, or the exit status: 0 after --help, 2 on a usage error. */
static int parse_args(int argc, char **argv, struct pack_args *args)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ "full", no_argument, NULL, 'F' },
		{ "dump-layout", no_argument, NULL, 'D' },
		{ "allow-dir", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command_spec *cmd = &pack_command;
	optind = 1;
	int c, rc;
	while ((c = command_next_option(cmd, argc, argv, "ho:", options)) != -1) {
		switch (c) {
		case 'h':
			return command_help(cmd);
		case 'o':
			args->out = optarg;
			break;
		case 'F':
			args->full = 1;
			break;
		case 'D':
			args->dump_layout = 1;
			break;
		case 'A':
			if ((rc = command_allow_dir(cmd, optarg)) != COMMAND_GO_ON)
				return rc;
			break;
		default:
			return 2;
		}
	}
	if (optind >= argc)
		return command_usage_error(cmd, "no MEETING given");
	if (optind + 1 != argc)
		return command_usage_error(cmd, "one MEETING at a time");
	args->meeting = argv[optind];
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

struct pack {
	const struct pack_args *args;
	struct meeting *meeting;
	struct pipeline *pipeline;
	struct style *style;            /* the agenda's house style */
	struct pack_item *items;
	struct diag_list *diags;
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
				 "appendix%s", x->number, item->paper,
				 doc->appendix_count,
				 doc->appendix_count == 1 ? "" : "es");
			continue;
		}
		out->exempt[out->exempt_count++] =
			(struct layout_exempt){ x->number, x->paragraph };
	}
}

/* Load and paginate every item's paper (or make its exemption page),
 * reporting the problems of all of them. 0 when there is none. */
static int paginate_items(struct pack *pack)
{
	size_t errors_before = diag_count(pack->diags, DIAG_ERROR);
	for (size_t i = 0; i < pack->meeting->item_count; i++) {
		const struct meeting_item *item = &pack->meeting->items[i];
		struct pack_item *out = &pack->items[i];
		if (item->kind != MEETING_ITEM_PAPER) {
			if (item->exempt_paragraph)
				out->pages.exempt_paragraph = item->exempt_paragraph;
			continue;
		}
		out->paper = pipeline_paper_load(pack->pipeline, item->paper,
						 NULL, pack->diags);
		if (!out->paper)
			continue;
		find_exempt(pack, item, out);
		int withhold = !pack->args->full;
		if (out->pages.exempt_paragraph && withhold) {
			/* Not a word of it is laid out. */
			pipeline_paper_free(out->paper);
			out->paper = NULL;
			out->notice = layout_exempt_item(
				pack->meeting, item, out->pages.exempt_paragraph,
				pack->style, pipeline_context(pack->pipeline), NULL,
				pack->diags);
			out->page_count = layout_paper_page_count(out->notice);
			continue;
		}
		if (pipeline_paper_paginate(out->paper, out->exempt,
					    out->exempt_count, withhold,
					    pack->diags) == 0)
			out->page_count = pipeline_paper_page_count(out->paper);
	}
	return diag_count(pack->diags, DIAG_ERROR) == errors_before ? 0 : 1;
}

/* Each item's pack pages when the front sheet takes agenda_pages. */
static size_t number_items(struct pack *pack, size_t agenda_pages)
{
	size_t next = agenda_pages + 1;
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
static struct layout_paper *agenda(struct pack *pack, size_t *total)
{
	size_t agenda_pages = 1;
	for (int round = 0; round < 4; round++) {
		*total = number_items(pack, agenda_pages);
		struct layout_item_pages *pages =
			mem_array(pack->meeting->item_count + 1, sizeof *pages);
		for (size_t i = 0; i < pack->meeting->item_count; i++)
			pages[i] = pack->items[i].pages;
		struct layout_paper *sheet = layout_agenda(
			pack->meeting, pages, pack->style,
			pipeline_context(pack->pipeline), NULL, pack->diags);
		free(pages);
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
	const char *label = style_label(pack->style, key);
	const struct words *words = words_for(pack->meeting->lang);
	if (!words)
		words = words_default();
	return words_expand(label ? label : words_get(words, key), fields, NULL,
			    NULL, NULL);
}

static struct display_list *assemble(struct pack *pack)
{
	size_t total = 0;
	struct layout_paper *sheet = agenda(pack, &total);
	if (!sheet)
		return NULL;
	const struct meeting *m = pack->meeting;
	struct display_list *front = layout_paper_finish(sheet, 1, total);
	struct display_list *list = dl_new();
	const struct words *words = words_for(m->lang);
	char *date = dates_long_text(m->date, words ? words : words_default());
	const struct words_field title_fields[] = {
		{ "committee", m->committee }, { "date", date }, { NULL, NULL },
	};
	char *title = pack_format(pack, pack->args->full ?
					"agenda.members-pack-title" :
					"agenda.pack-title", title_fields);
	list->title = dl_strdup(list, title);
	free(title);
	free(date);
	list->author = dl_strdup(list, m->authority);
	list->subject = dl_strdup(list, front->subject);
	list->lang = dl_strdup(list, m->lang);
	list->create_date = dl_strdup(list, front->create_date);
	dl_append(list, front, -1, "agenda-");
	for (size_t i = 0; i < m->item_count; i++) {
		struct pack_item *item = &pack->items[i];
		struct display_list *part = NULL;
		if (item->notice) {
			part = layout_paper_finish(item->notice, item->pages.first,
						   total);
			item->notice = NULL;
		} else if (item->paper)
			part = pipeline_paper_finish(item->paper,
						     item->pages.first, total);
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
		dl_append(list, part, parent, prefix);
	}
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
	if (!pack->items)
		return;
	for (size_t i = 0; i < pack->meeting->item_count; i++) {
		pipeline_paper_free(pack->items[i].paper);
		layout_paper_free(pack->items[i].notice);
		free(pack->items[i].exempt);
	}
	free(pack->items);
}

static int write_pack(struct pack *pack, const char *out)
{
	struct display_list *list = assemble(pack);
	if (!list)
		return 1;
	int status;
	if (pack->args->dump_layout) {
		dl_dump_json(list, stdout);
		status = fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
	} else
		status = draw_pdf_releasing(list, out, pack->diags);
	dl_free(list);
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
	struct pack pack = { .args = &args, .diags = &diags };
	char *out = args.out ? mem_strdup(args.out) :
		    pipeline_output_path(args.meeting, NULL,
					 args.full ? "-pack-full.pdf" : "-pack.pdf");
	int status = 1;
	pack.meeting = meeting_load(args.meeting, &diags);
	if (!pack.meeting)
		goto done;
	pack.pipeline = pipeline_new(&diags);
	if (!pack.pipeline)
		goto done;
	pack.style = agenda_style(pack.meeting, &diags);
	if (!pack.style)
		goto done;
	pack.items = mem_array(pack.meeting->item_count + 1, sizeof *pack.items);
	if (paginate_items(&pack) != 0)
		goto done;
	status = write_pack(&pack, out);
done:
	free_items(&pack);
	style_free(pack.style);
	pipeline_free(pack.pipeline);
	meeting_free(pack.meeting);
	diag_sort(&diags);
	diag_print(&diags, stderr);
	diag_list_free(&diags);
	free(out);
	return status;
}
