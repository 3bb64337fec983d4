/* The figures of a loaded paper read as render would read them, for
 * validate: every bad image is reported without laying anything out. */
#include "image.h"

#include "source.h"

static void check_blocks(const struct source_doc *doc,
			 const struct source_block *blocks, size_t count,
			 struct diag_list *diags)
{
	for (size_t i = 0; i < count; i++) {
		const struct source_figure *figure = &blocks[i].u.figure;
		if (blocks[i].kind != BLOCK_FIGURE)
			continue;
		struct paths_naming naming = {
			.source = doc->path,
			.attribute = "src",
			.line = figure->src_pos.line,
			.col = figure->src_pos.col,
		};
		image_free(image_read(&naming, figure->src, diags));
	}
}

void image_check_document(const struct source_doc *doc,
			  struct diag_list *diags)
{
	for (size_t s = 0; s < doc->section_count; s++)
		check_blocks(doc, doc->sections[s].blocks,
			     doc->sections[s].block_count, diags);
	for (size_t a = 0; a < doc->appendix_count; a++)
		check_blocks(doc, doc->appendices[a].blocks,
			     doc->appendices[a].block_count, diags);
}
