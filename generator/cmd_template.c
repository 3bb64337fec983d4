/* committee-pdf template assessment|performance [--from SOURCE [--id ID]]
 * -o FILE.xlsx: a workbook an officer fills in with an appendix's rows,
 * empty or holding the rows of a block of SOURCE. Exit 0 written, 1 when
 * SOURCE has errors or the file cannot be written (nothing is written
 * then), 2 on a usage error. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "pipeline.h"
#include "sheet.h"
#include "source.h"
#include "template.h"

static void template_usage(FILE *out)
{
	fputs("usage: committee-pdf template assessment|performance [--from SOURCE]\n"
	      "                              [--id ID] -o FILE.xlsx\n"
	      "\n"
	      "Writes a workbook to fill in with an appendix's rows: one column per\n"
	      "field a source's src=\"…\" reads, the header row frozen and bold, a\n"
	      "dropdown of the scale's codes and labels on the rating columns, date\n"
	      "and number checks, and a second sheet explaining every column.\n"
	      "\n"
	      "  --from SOURCE     fill it with the rows and scale of SOURCE's first\n"
	      "                    <assessment> or <performance> (read back, the same\n"
	      "                    rows give the same paper)\n"
	      "  --id ID           the block of SOURCE with this id, not the first\n"
	      "  --allow-dir DIR   files SOURCE names may also lie in DIR; repeatable\n"
	      "  --max-size SIZE   read SOURCE up to SIZE (such as 64M; default 16M)\n"
	      "  -o FILE.xlsx      the workbook to write (required)\n"
	      "  -h, --help        show this help\n"
	      "\n"
	      "Exit status: 0 written, 1 SOURCE has errors or FILE cannot be written\n"
	      "(nothing is written then), 2 usage error.\n",
	      out);
}

struct template_args {
	enum sheet_table table;
	const char *from, *id, *out;
};

static const struct command_spec template_command = { "template", template_usage };

/* COMMAND_GO_ON, or the exit status to leave with (0 after --help, 2 after
 * a usage error). */
static int parse_args(int argc, char **argv, struct template_args *args)
{
	static const struct option options[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "id", required_argument, NULL, 'i' },
		COMMAND_SHARED_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const struct command_spec *cmd = &template_command;
	optind = 1;
	int c, rc;
	while ((c = command_next_option(cmd, argc, argv, "ho:", options)) != -1) {
		switch (c) {
		case 'f': args->from = optarg; break;
		case 'i': args->id = optarg; break;
		case 'o': args->out = optarg; break;
		default:
			if ((rc = command_shared_option(cmd, c, optarg)) !=
			    COMMAND_GO_ON)
				return rc;
		}
	}
	if (optind >= argc)
		return command_usage_error(cmd, "say which template: assessment or "
					   "performance");
	if (strcmp(argv[optind], "assessment") == 0)
		args->table = SHEET_TABLE_ASSESSMENT;
	else if (strcmp(argv[optind], "performance") == 0)
		args->table = SHEET_TABLE_PERFORMANCE;
	else
		return command_usage_error(cmd, "the template is assessment or "
					   "performance, not '%s'", argv[optind]);
	if (optind + 1 < argc)
		return command_usage_error(cmd, "unexpected argument '%s'", argv[optind + 1]);
	if (!args->out)
		return command_usage_error(cmd, "-o FILE.xlsx is required");
	if (sheet_format_of(args->out) != SHEET_FORMAT_XLSX)
		return command_usage_error(cmd, "the template is an .xlsx workbook: -o "
					   "must end in .xlsx, not '%s'", args->out);
	if (args->id && !args->from)
		return command_usage_error(cmd, "--id picks a block of --from SOURCE, "
					   "and no SOURCE was given");
	return COMMAND_GO_ON;
}

static int block_matches(const struct source_block *block,
			 enum source_block_kind kind, const char *id)
{
	if (block->kind != kind)
		return 0;
	if (!id)
		return 1;
	const char *block_id = kind == BLOCK_ASSESSMENT ? block->u.assessment.id
							: block->u.performance.id;
	return block_id && strcmp(block_id, id) == 0;
}

/* The block of doc the template is filled from: kind's first in the
 * appendices, then in the sections, or the one with id. */
static const struct source_block *find_block(const struct source_doc *doc,
					     enum source_block_kind kind, const char *id)
{
	for (size_t a = 0; a < doc->appendix_count; a++)
		for (size_t b = 0; b < doc->appendices[a].block_count; b++)
			if (block_matches(&doc->appendices[a].blocks[b], kind, id))
				return &doc->appendices[a].blocks[b];
	for (size_t s = 0; s < doc->section_count; s++)
		for (size_t b = 0; b < doc->sections[s].block_count; b++)
			if (block_matches(&doc->sections[s].blocks[b], kind, id))
				return &doc->sections[s].blocks[b];
	return NULL;
}

/* What a workbook cannot carry is said once per block, as a warning. */
static void warn_lost(const struct source_doc *doc, const struct source_block *block,
		      struct diag_list *diags)
{
	int spans = 0;
	if (block->kind == BLOCK_ASSESSMENT) {
		const struct source_assessment *a = &block->u.assessment;
		for (size_t t = 0; t < a->theme_count; t++) {
			const struct source_theme *th = &a->themes[t];
			spans |= template_text_has_spans(&th->description);
			for (size_t i = 0; i < th->item_count; i++)
				spans |= template_text_has_spans(&th->items[i].characteristic) |
					 template_text_has_spans(&th->items[i].evidence) |
					 template_text_has_spans(&th->items[i].actions);
		}
	} else {
		const struct source_performance *p = &block->u.performance;
		for (size_t g = 0; g < p->group_count; g++)
			for (size_t i = 0; i < p->groups[g].measure_count; i++) {
				const struct source_measure *m = &p->groups[g].measures[i];
				spans |= template_text_has_spans(&m->name) |
					 template_text_has_spans(&m->commentary);
			}
	}
	if (spans)
		diag_add(diags, DIAG_WARNING, doc->path, block->pos.line, block->pos.col,
			 "emphasis, links and references in its rows' text are written "
			 "as plain text: a workbook cell holds no markup");
}

static int write_from(const struct template_args *args, struct diag_list *diags)
{
	struct source_doc *doc = source_load(args->from, diags);
	if (!doc)
		return 1;
	enum source_block_kind kind = args->table == SHEET_TABLE_ASSESSMENT
					      ? BLOCK_ASSESSMENT : BLOCK_PERFORMANCE;
	const char *element = kind == BLOCK_ASSESSMENT ? "assessment" : "performance";
	const struct source_block *block = find_block(doc, kind, args->id);
	int status = 1;
	if (!block && args->id) {
		diag_add(diags, DIAG_ERROR, args->from, 0, 0,
			 "has no <%s id=\"%s\"> to fill the template from", element, args->id);
	} else if (!block) {
		diag_add(diags, DIAG_ERROR, args->from, 0, 0,
			 "has no <%s> to fill the template from", element);
	} else {
		warn_lost(doc, block, diags);
		struct template_spec spec = { .table = args->table };
		pipeline_source_date_epoch(&spec.created);
		if (kind == BLOCK_ASSESSMENT) {
			spec.assessment = &block->u.assessment;
			spec.scale = &spec.assessment->scale;
			spec.sheet_name = "Assessment";
		} else {
			spec.performance = &block->u.performance;
			spec.scale = &spec.performance->scale;
			spec.sheet_name = "Measures";
		}
		status = template_write(args->out, &spec, diags) == 0 ? 0 : 1;
	}
	source_free(doc);
	return status;
}

int cmd_template(int argc, char **argv)
{
	struct template_args args = { 0 };
	int rc = parse_args(argc, argv, &args);
	if (rc != COMMAND_GO_ON)
		return rc;
	struct diag_list diags = { 0 };
	int status;
	if (args.from) {
		status = write_from(&args, &diags);
	} else {
		struct template_spec spec = {
			.table = args.table,
			.scale = template_default_scale(args.table),
			.sheet_name = args.table == SHEET_TABLE_ASSESSMENT ? "Assessment"
									   : "Measures",
		};
		pipeline_source_date_epoch(&spec.created);
		status = template_write(args.out, &spec, &diags) == 0 ? 0 : 1;
	}
	diag_sort(&diags);
	diag_print(&diags, stderr);
	diag_list_free(&diags);
	return status;
}
