/* Page content: nothing is left outside marked content. Cairo ends its text
 * object before every BDC, so the graphics objects at marked-content depth
 * 0 are exactly what the draw stage left unmarked, the artifacts; each run
 * of them is wrapped in /Artifact BMC … EMC. The furniture placeholders'
 * marked content (/Private BDC) becomes typed pagination artifacts. The
 * bytes of every operator are kept as they were. */
#include "pdf_finish_internal.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "memory.h"
#include "pdf_content.h"

/* Content is compressed here, at zlib's fastest level: qpdf would use its
 * default level, which costs several times as long for a few per cent. */
#define CONTENT_COMPRESSION Z_BEST_SPEED

enum op_class {
	OP_GRAPHIC, /* part of a graphics object: paths, text, images */
	OP_STATE,   /* graphics state: may sit inside an artifact run */
	OP_BREAK,   /* q, Q, marked content and anything unknown */
};

/* By the operator's bytes rather than by comparing it with every name in
 * turn: it is asked of each of the millions of operators a long paper
 * draws. Graphic: m l c v y h re S s f F f* B B* b b* n W W* BT ET Tj TJ ' "
 * Td TD Tm T* sh Do BI. State: cm w J j M d ri i gs CS cs SC SCN sc scn G g
 * RG rg K k Tc Tw Tz TL Tf Tr Ts. */
static int one_of(char c, const char *set)
{
	return c && strchr(set, c);
}

static enum op_class classify(const struct pdf_op *op)
{
	const char *n = op->name;
	char a = op->name_length > 0 ? n[0] : 0;
	char b = op->name_length > 1 ? n[1] : 0;
	switch (op->name_length) {
	case 1:
		if (one_of(a, "mlcvyhSsfFBbnW'\""))
			return OP_GRAPHIC;
		if (one_of(a, "wJjMdiGgKk"))
			return OP_STATE;
		return OP_BREAK;
	case 2:
		if ((a == 'r' && b == 'e') || (b == '*' && one_of(a, "fBbWT")) ||
		    (a == 'B' && (b == 'T' || b == 'I')) ||
		    (a == 'E' && b == 'T') || (a == 's' && b == 'h') ||
		    (a == 'D' && b == 'o') ||
		    (a == 'T' && one_of(b, "jJdDm")))
			return OP_GRAPHIC;
		if ((a == 'c' && (b == 'm' || b == 's')) ||
		    (a == 'r' && (b == 'i' || b == 'g')) ||
		    (a == 'g' && b == 's') || (a == 'C' && b == 'S') ||
		    (a == 'S' && b == 'C') || (a == 's' && b == 'c') ||
		    (a == 'R' && b == 'G') ||
		    (a == 'T' && one_of(b, "cwzLfrs")))
			return OP_STATE;
		return OP_BREAK;
	case 3:
		if ((a == 'S' && b == 'C' && n[2] == 'N') ||
		    (a == 's' && b == 'c' && n[2] == 'n'))
			return OP_STATE;
		return OP_BREAK;
	default:
		return OP_BREAK;
	}
}

static void append(GByteArray *out, const char *bytes, size_t length)
{
	g_byte_array_append(out, (const guint8 *)bytes, (guint)length);
}

static void append_text(GByteArray *out, const char *text)
{
	append(out, text, strlen(text));
}

/* Whatever came before, the next token starts on its own. */
static void separate(GByteArray *out)
{
	if (out->len > 0 && !strchr(" \t\r\n\f", out->data[out->len - 1]))
		append_text(out, "\n");
}

static const char *artifact_properties(enum pdf_artifact kind)
{
	switch (kind) {
	case PDF_ARTIFACT_HEADER:
		return "/Artifact << /Type /Pagination /Subtype /Header >> BDC";
	case PDF_ARTIFACT_FOOTER:
		return "/Artifact << /Type /Pagination /Subtype /Footer >> BDC";
	case PDF_ARTIFACT_WATERMARK:
		return "/Artifact << /Type /Pagination /Subtype /Watermark >> BDC";
	default:
		return "/Artifact BMC";
	}
}

/* A placeholder's BDC: "/Private << /MCID n >> BDC". -1 when op is not
 * one, else the kind its MCID was recorded with. */
static int placeholder_kind(const char *data, const struct pdf_op *op,
			    const GByteArray *furniture)
{
	static const char tag[] = "/" PDF_FINISH_PLACEHOLDER_TAG;
	size_t tag_length = sizeof tag - 1;
	const char *operands = data + op->start;
	size_t length = op->end - op->start;
	if (!pdf_op_is(op, "BDC") || length <= tag_length ||
	    memcmp(operands, tag, tag_length) != 0 ||
	    !strchr(" \t\r\n\f<", operands[tag_length]))
		return -1;
	const char *mcid = g_strstr_len(operands, (gssize)length, "/MCID");
	if (!mcid || !furniture)
		return PDF_ARTIFACT_NONE;
	long value = strtol(mcid + 5, NULL, 10);
	if (value < 0 || (guint)value >= furniture->len)
		return PDF_ARTIFACT_NONE;
	return furniture->data[value];
}

GByteArray *pdf_finish_rewrite_content(const char *data, size_t length,
				       const GByteArray *furniture)
{
	struct pdf_content *lexer = pdf_content_new(data, length);
	GByteArray *out = g_byte_array_sized_new((guint)(length + length / 8 + 64));
	size_t copied = 0;
	int in_artifact = 0, in_text = 0, status;
	struct pdf_op op;
	while ((status = pdf_content_next(lexer, &op)) == 1) {
		if (op.depth == 0 && !in_text) {
			enum op_class class = classify(&op);
			if (class == OP_GRAPHIC && !in_artifact) {
				append(out, data + copied, op.start - copied);
				copied = op.start;
				separate(out);
				append_text(out, "/Artifact BMC\n");
				in_artifact = 1;
			} else if (class == OP_BREAK && in_artifact) {
				append(out, data + copied, op.start - copied);
				copied = op.start;
				separate(out);
				append_text(out, "EMC\n");
				in_artifact = 0;
			}
		}
		if (pdf_op_is(&op, "BT"))
			in_text = 1;
		else if (pdf_op_is(&op, "ET"))
			in_text = 0;
		int kind = placeholder_kind(data, &op, furniture);
		if (kind >= 0) {
			append(out, data + copied, op.start - copied);
			append_text(out, artifact_properties(kind));
			copied = op.end;
		}
	}
	pdf_content_free(lexer);
	if (status < 0) {
		g_byte_array_unref(out);
		return NULL;
	}
	append(out, data + copied, length - copied);
	if (in_artifact) {
		separate(out);
		append_text(out, "EMC\n");
	}
	return out;
}

static void replace_content(struct pdf_finish *f, qpdf_oh page,
			    const GByteArray *bytes)
{
	qpdf_data q = f->qpdf;
	uLongf packed_length = compressBound(bytes->len);
	Bytef *packed = mem_alloc(packed_length);
	if (compress2(packed, &packed_length, bytes->data, bytes->len,
		      CONTENT_COMPRESSION) != Z_OK) {
		free(packed);
		pdf_finish_fail(f, "cannot compress a page's content");
		return;
	}
	qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents");
	if (!qpdf_oh_is_stream(q, contents)) {
		qpdf_oh_release(q, contents);
		contents = qpdf_oh_new_stream(q);
		qpdf_oh_replace_key(q, page, "/Contents", contents);
	}
	qpdf_oh filter = qpdf_oh_new_name(q, "/FlateDecode");
	qpdf_oh none = qpdf_oh_new_null(q);
	qpdf_oh_replace_stream_data(q, contents, packed, packed_length, filter,
				    none);
	free(packed);
	qpdf_oh_release(q, filter);
	qpdf_oh_release(q, none);
	qpdf_oh_release(q, contents);
}

void pdf_finish_content(struct pdf_finish *f)
{
	qpdf_data q = f->qpdf;
	for (size_t i = 0; i < f->page_count && !f->error; i++) {
		qpdf_oh page = qpdf_get_page_n(q, i);
		unsigned char *data = NULL;
		size_t length = 0;
		if (qpdf_oh_get_page_content_data(q, page, &data, &length) &
		    QPDF_ERRORS) {
			free(data);
			pdf_finish_qpdf_failed(f, "cannot read a page's content");
			return;
		}
		GByteArray *rewritten = pdf_finish_rewrite_content(
			(const char *)data, length, f->furniture[i]);
		free(data);
		if (!rewritten) {
			pdf_finish_fail(f, "page %zu: its content cannot be read",
					i + 1);
			return;
		}
		replace_content(f, page, rewritten);
		g_byte_array_unref(rewritten);
		qpdf_oh_release(q, page);
	}
}
