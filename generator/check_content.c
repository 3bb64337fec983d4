/* Rule 7.1-3 on a page's content stream: everything painted (text, paths,
 * images, shadings, XObjects) must sit inside marked content that is either
 * tagged (carries an MCID the structure tree points at) or an /Artifact.
 * Untagged text is placed on the page (text and graphics matrices are
 * followed) so the message can say "at the foot of the page": that is how
 * a running footer left untagged shows itself. */
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "memory.h"
#include "pdf_content.h"

#define GSTATE_DEPTH 64

struct matrix {
	double a, b, c, d, e, f;
};

static const struct matrix identity = { 1, 0, 0, 1, 0, 0 };

/* m × n: first m, then n. */
static struct matrix multiply(struct matrix m, struct matrix n)
{
	return (struct matrix){
		m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d,
		m.c * n.a + m.d * n.c, m.c * n.b + m.d * n.d,
		m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f,
	};
}

struct scan {
	struct check_ctx *ctx;
	const char *data;
	qpdf_oh properties;     /* the page's /Resources /Properties */
	unsigned char *covered; /* per open marked-content level: tagged or artifact */
	int open_covered;       /* open levels that are covered */
	size_t page_no;
	guint *link;            /* per open level: 1 + the Link element (struct
	                           check_link) it or a level around it is, or 0 */
	struct matrix ctm[GSTATE_DEPTH];
	int gdepth;
	struct matrix tm, tlm;
	double leading;
	double page_bottom, page_height;
	size_t text, paths, images, foot_text, head_text;
};

/* Up to max numbers among the operands of op (other tokens skipped). */
static int numbers(const struct scan *s, const struct pdf_op *op, double *out, int max)
{
	const char *p = s->data + op->start, *end = op->name;
	int n = 0;
	while (p < end && n < max) {
		char *next;
		if (strchr("0123456789+-.", *p)) {
			char token[64];
			size_t len = 0;
			while (p + len < end && len < sizeof token - 1 &&
			       strchr("0123456789+-.eE", p[len]))
				len++;
			memcpy(token, p, len);
			token[len] = '\0';
			out[n++] = strtod(token, &next);
			p += len ? len : 1;
		} else {
			p++;
		}
	}
	return n;
}

static void move_line(struct scan *s, double tx, double ty)
{
	s->tlm = multiply((struct matrix){ 1, 0, 0, 1, tx, ty }, s->tlm);
	s->tm = s->tlm;
}

/* Follow the operators that move the graphics and text positions. */
static void track_position(struct scan *s, const struct pdf_op *op)
{
	double v[6];
	if (pdf_op_is(op, "q")) {
		if (s->gdepth + 1 < GSTATE_DEPTH) {
			s->ctm[s->gdepth + 1] = s->ctm[s->gdepth];
			s->gdepth++;
		}
	} else if (pdf_op_is(op, "Q")) {
		if (s->gdepth > 0)
			s->gdepth--;
	} else if (pdf_op_is(op, "cm") && numbers(s, op, v, 6) == 6) {
		struct matrix m = { v[0], v[1], v[2], v[3], v[4], v[5] };
		s->ctm[s->gdepth] = multiply(m, s->ctm[s->gdepth]);
	} else if (pdf_op_is(op, "BT")) {
		s->tm = s->tlm = identity;
	} else if (pdf_op_is(op, "Tm") && numbers(s, op, v, 6) == 6) {
		s->tm = s->tlm = (struct matrix){ v[0], v[1], v[2], v[3], v[4], v[5] };
	} else if ((pdf_op_is(op, "Td") || pdf_op_is(op, "TD")) &&
		   numbers(s, op, v, 2) == 2) {
		if (pdf_op_is(op, "TD"))
			s->leading = -v[1];
		move_line(s, v[0], v[1]);
	} else if (pdf_op_is(op, "TL") && numbers(s, op, v, 1) == 1) {
		s->leading = v[0];
	} else if (pdf_op_is(op, "T*") || pdf_op_is(op, "'") || pdf_op_is(op, "\"")) {
		move_line(s, 0, -s->leading);
	}
}

static int is_text_paint(const struct pdf_op *op)
{
	return pdf_op_is(op, "Tj") || pdf_op_is(op, "TJ") || pdf_op_is(op, "'") ||
	       pdf_op_is(op, "\"");
}

static int is_path_paint(const struct pdf_op *op)
{
	static const char *const ops[] = { "S", "s", "f", "F", "f*", "B", "B*",
					   "b", "b*", "sh" };
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (pdf_op_is(op, ops[i]))
			return 1;
	return 0;
}

/* Where untagged text sits: the foot or head tenth of the page hold the
 * running footer, page numbers and running header. */
static void place_text(struct scan *s)
{
	if (s->page_height <= 0)
		return;
	struct matrix at = multiply(s->tm, s->ctm[s->gdepth]);
	double share = (at.f - s->page_bottom) / s->page_height;
	if (share < 0.1)
		s->foot_text++;
	else if (share > 0.9)
		s->head_text++;
}

static int contains(const char *p, size_t n, const char *word)
{
	size_t w = strlen(word);
	for (size_t i = 0; i + w <= n; i++)
		if (memcmp(p + i, word, w) == 0)
			return 1;
	return 0;
}

/* BMC/BDC: covered when the tag is /Artifact or its properties (inline,
 * or named in the page's /Properties) carry an MCID. */
static int marked_content_covered(struct scan *s, const struct pdf_op *op)
{
	const char *p = s->data + op->start;
	size_t n = (size_t)(op->name - p);
	if (n >= 9 && memcmp(p, "/Artifact", 9) == 0 &&
	    (n == 9 || !strchr("#ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", p[9])))
		return 1;
	if (!pdf_op_is(op, "BDC"))
		return 0;
	if (contains(p, n, "/MCID"))
		return 1;
	/* A named property list: the second name among the operands. */
	const char *second = memchr(p + 1, '/', n > 1 ? n - 1 : 0);
	if (!second)
		return 0;
	size_t len = 1;
	while (second + len < op->name && !strchr(" \t\r\n\f/<[(", second[len]))
		len++;
	char *key = mem_strndup(second, len);
	qpdf_oh list = qpdf_oh_get_key_if_dict(s->ctx->q, s->properties, key);
	free(key);
	return qpdf_oh_is_dictionary(s->ctx->q, list) &&
	       qpdf_oh_has_key(s->ctx->q, list, "/MCID");
}

/* The Link element (1 + its index) whose marked content a BDC with an
 * inline MCID begins, or 0. */
static guint link_begun(struct scan *s, const struct pdf_op *op)
{
	const char *p = s->data + op->start;
	size_t n = (size_t)(op->name - p);
	if (!pdf_op_is(op, "BDC") || g_hash_table_size(s->ctx->link_mcids) == 0)
		return 0;
	for (size_t i = 0; i + 5 <= n; i++) {
		if (memcmp(p + i, "/MCID", 5) != 0)
			continue;
		char *end;
		long long mcid = strtoll(p + i + 5, &end, 10);
		if (end == p + i + 5 || end > op->name)
			return 0;
		gint64 *key = check_link_key(s->page_no, mcid);
		guint link = GPOINTER_TO_UINT(g_hash_table_lookup(s->ctx->link_mcids, key));
		g_free(key);
		return link;
	}
	return 0;
}

static void scan_op(struct scan *s, const struct pdf_op *op)
{
	if (pdf_op_is(op, "BDC") || pdf_op_is(op, "BMC")) {
		int covered = marked_content_covered(s, op);
		s->covered[op->depth] = (unsigned char)covered;
		s->open_covered += covered;
		guint link = link_begun(s, op);
		s->link[op->depth] = link ? link : op->depth > 0 ? s->link[op->depth - 1] : 0;
		return;
	}
	if (is_text_paint(op) && op->depth > 0 && s->link[op->depth - 1] &&
	    s->link[op->depth - 1] <= s->ctx->links->len)
		g_array_index(s->ctx->links, struct check_link,
			      s->link[op->depth - 1] - 1).has_text = 1;
	if (pdf_op_is(op, "EMC")) {
		if (op->depth > 0)
			s->open_covered -= s->covered[op->depth - 1];
		return;
	}
	track_position(s, op);
	if (s->open_covered > 0)
		return;
	if (is_text_paint(op)) {
		s->text++;
		place_text(s);
	} else if (is_path_paint(op)) {
		s->paths++;
	} else if (pdf_op_is(op, "Do") || pdf_op_is(op, "BI")) {
		s->images++;
	}
}

/* "3 text runs, 14 lines or fills": the kinds present, in words. */
static char *kinds(const struct scan *s)
{
	char *list = mem_strdup("");
	const struct { size_t n; const char *one, *many; } parts[] = {
		{ s->text, "text run", "text runs" },
		{ s->paths, "line or fill", "lines or fills" },
		{ s->images, "image", "images" },
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!parts[i].n)
			continue;
		char *next = mem_printf("%s%s%zu %s", list, *list ? ", " : "", parts[i].n,
					parts[i].n == 1 ? parts[i].one : parts[i].many);
		free(list);
		list = next;
	}
	return list;
}

static void report(struct scan *s, size_t page_no)
{
	size_t total = s->text + s->paths + s->images;
	if (!total)
		return;
	const char *furniture =
		s->head_text && s->foot_text ? "the running header and the running footer or page number" :
		s->head_text                 ? "the running header" :
		s->foot_text                 ? "the running footer or page number" : NULL;
	char *list = kinds(s);
	if (furniture && total == 1)
		check_fail(s->ctx, page_no, "7.1-3", "Matterhorn 01-005",
			   "text in %s is neither tagged nor marked as an artifact, "
			   "so screen readers read it out as part of the paper on "
			   "every page", furniture);
	else if (furniture)
		check_fail(s->ctx, page_no, "7.1-3", "Matterhorn 01-005",
			   "%zu pieces of content (%s) are neither tagged nor marked "
			   "as artifacts, among them text in %s, which screen readers "
			   "then read out as part of the paper on every page",
			   total, list, furniture);
	else
		check_fail(s->ctx, page_no, "7.1-3", "Matterhorn 01-005",
			   "%zu piece%s of content (%s) %s neither tagged nor marked "
			   "as artifacts, so screen readers skip %s or read %s out of "
			   "order", total, total == 1 ? "" : "s", list,
			   total == 1 ? "is" : "are", total == 1 ? "it" : "them",
			   total == 1 ? "it" : "them");
	free(list);
}

static void page_box(struct scan *s, qpdf_oh page)
{
	qpdf_data q = s->ctx->q;
	qpdf_oh box = qpdf_oh_get_key(q, page, "/MediaBox");
	if (!qpdf_oh_is_array(q, box) || qpdf_oh_get_array_n_items(q, box) != 4)
		return;
	double y0 = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, box, 1));
	double y1 = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, box, 3));
	s->page_bottom = y0 < y1 ? y0 : y1;
	s->page_height = y0 < y1 ? y1 - y0 : y0 - y1;
}

void check_page_content(struct check_ctx *ctx, qpdf_oh page, size_t page_no)
{
	if (!qpdf_oh_has_key(ctx->q, page, "/Contents"))
		return;
	unsigned char *data = NULL;
	size_t len = 0;
	qpdf_oh_get_page_content_data(ctx->q, page, &data, &len);
	char what[48];
	snprintf(what, sizeof what, "the content of page %zu", page_no);
	if (check_qpdf_failed(ctx, what) || len > CHECK_MAX_CONTENT_BYTES) {
		if (len > CHECK_MAX_CONTENT_BYTES)
			check_damaged(ctx, "the content of page %zu is larger than "
				      "%zu MiB, more than check reads", page_no,
				      CHECK_MAX_CONTENT_BYTES >> 20);
		free(data);
		return;
	}
	struct scan s = {
		.ctx = ctx, .data = (const char *)data,
		.properties = qpdf_oh_get_key_if_dict(
			ctx->q, qpdf_oh_get_key(ctx->q, page, "/Resources"), "/Properties"),
		.covered = mem_alloc(PDF_CONTENT_MAX_DEPTH + 1),
		.page_no = page_no,
		.link = mem_array(PDF_CONTENT_MAX_DEPTH + 1, sizeof(guint)),
		.ctm = { identity }, .tm = identity, .tlm = identity,
	};
	page_box(&s, page);
	struct pdf_content *c = pdf_content_new(s.data, len);
	struct pdf_op op;
	int status;
	while ((status = pdf_content_next(c, &op)) == 1)
		scan_op(&s, &op);
	pdf_content_free(c);
	if (status < 0)
		check_damaged(ctx, "the content of page %zu is damaged, so it "
			      "could only be checked up to the damage", page_no);
	report(&s, page_no);
	free(s.covered);
	free(s.link);
	free(data);
}
