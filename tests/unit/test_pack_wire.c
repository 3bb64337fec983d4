/* What a pack's parent and workers say over their pipes: tasks, the
 * paginated answer (with batch_wire's diagnostics inside) and the finished
 * one round trip; every truncation, a stray byte, a paragraph too long, a
 * job that disagrees, an unknown kind or a size past the limit is refused
 * without a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pack_wire.h"

static void test_task_round_trip(void **state)
{
	(void)state;
	struct pack_wire_task task = { PACK_WIRE_FINISH, 7, 41, 217 }, back;
	unsigned char bytes[PACK_WIRE_TASK_BYTES];
	pack_wire_task_encode(&task, bytes);
	assert_int_equal(bytes[4], 7); /* little-endian */
	assert_int_equal(pack_wire_task_decode(bytes, &back), 0);
	assert_memory_equal(&task, &back, sizeof task);
	bytes[0] = 9;
	assert_int_equal(pack_wire_task_decode(bytes, &back), -1);
}

static GByteArray *paginated(void)
{
	struct diag_list diags = { 0 };
	diag_add(&diags, DIAG_ERROR, "paper.xml", 12, 5, "no such date");
	diag_add_at(&diags, DIAG_WARNING, "book.xlsx", "Measures!D14", 14, 4,
		    "a blank cell");
	GByteArray *out = g_byte_array_new();
	pack_wire_paginated_encode(out, 3, 1, 22, "3", &diags);
	diag_list_free(&diags);
	return out;
}

static void test_paginated_round_trip(void **state)
{
	(void)state;
	GByteArray *out = paginated();
	assert_int_equal(out->data[4], PACK_WIRE_PAGINATED);
	uint32_t job;
	int status;
	size_t pages;
	char paragraph[8];
	struct diag_list diags = { 0 };
	assert_int_equal(pack_wire_paginated_decode(out->data + 5, out->len - 5,
						    &job, &status, &pages,
						    paragraph, sizeof paragraph,
						    &diags), 0);
	assert_int_equal(job, 3);
	assert_int_equal(status, 1);
	assert_int_equal(pages, 22);
	assert_string_equal(paragraph, "3");
	assert_int_equal(diags.count, 2);
	assert_string_equal(diags.items[0].file, "paper.xml");
	assert_int_equal(diags.items[0].line, 12);
	assert_int_equal(diags.items[0].col, 5);
	assert_int_equal(diags.items[0].level, DIAG_ERROR);
	assert_string_equal(diags.items[1].where, "Measures!D14");
	diag_list_free(&diags);
	g_byte_array_free(out, TRUE);
}

static void test_paginated_damaged(void **state)
{
	(void)state;
	GByteArray *out = paginated();
	const unsigned char *body = out->data + 5;
	size_t size = out->len - 5;
	uint32_t job;
	int status;
	size_t pages;
	char paragraph[8];
	struct diag_list diags = { 0 };
	for (size_t n = 0; n < size; n++) {
		unsigned char *copy = malloc(n ? n : 1);
		memcpy(copy, body, n);
		assert_int_equal(pack_wire_paginated_decode(copy, n, &job, &status,
							    &pages, paragraph,
							    sizeof paragraph,
							    &diags), -1);
		free(copy);
		assert_int_equal(diags.count, 0); /* nothing half read */
	}
	unsigned char *longer = malloc(size + 1);
	memcpy(longer, body, size);
	longer[size] = 0;
	assert_int_equal(pack_wire_paginated_decode(longer, size + 1, &job,
						    &status, &pages, paragraph,
						    sizeof paragraph, &diags), -1);
	free(longer);
	/* "3" does not fit two bytes with its end. */
	assert_int_equal(pack_wire_paginated_decode(body, size, &job, &status,
						    &pages, paragraph, 1, &diags),
			 -1);
	/* The answer inside names another job. */
	unsigned char *other = malloc(size);
	memcpy(other, body, size);
	other[0] = 4;
	assert_int_equal(pack_wire_paginated_decode(other, size, &job, &status,
						    &pages, paragraph,
						    sizeof paragraph, &diags), -1);
	free(other);
	assert_int_equal(diags.count, 0);
	g_byte_array_free(out, TRUE);
}

static void test_finished(void **state)
{
	(void)state;
	GByteArray *out = g_byte_array_new();
	pack_wire_finished_begin(out, 5, 1);
	g_byte_array_append(out, (const guint8 *)"LIST", 4);
	pack_wire_seal(out);
	assert_int_equal(out->data[0], out->len - 4);
	uint32_t job;
	const unsigned char *list;
	size_t size;
	assert_int_equal(pack_wire_finished_decode(out->data + 5, out->len - 5,
						   &job, &list, &size), 0);
	assert_int_equal(job, 5);
	assert_int_equal(size, 4);
	assert_memory_equal(list, "LIST", 4);
	pack_wire_finished_begin(out, 6, 0);
	pack_wire_seal(out);
	assert_int_equal(pack_wire_finished_decode(out->data + 5, out->len - 5,
						   &job, &list, &size), 0);
	assert_null(list);
	assert_int_equal(size, 0);
	/* No list, yet bytes after it; a flag that is neither; too short. */
	g_byte_array_append(out, (const guint8 *)"x", 1);
	assert_int_equal(pack_wire_finished_decode(out->data + 5, out->len - 5,
						   &job, &list, &size), -1);
	out->data[9] = 2;
	assert_int_equal(pack_wire_finished_decode(out->data + 5, 5, &job, &list,
						   &size), -1);
	assert_int_equal(pack_wire_finished_decode(out->data + 5, 4, &job, &list,
						   &size), -1);
	g_byte_array_free(out, TRUE);
}

/* Bytes through a pipe, read back with pack_wire_read: its result. */
static int read_back(const unsigned char *bytes, size_t n, unsigned *kind,
		     size_t *size)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], bytes, n), (ssize_t)n);
	close(fds[1]);
	unsigned char *body = NULL;
	int rc = pack_wire_read(fds[0], kind, &body, size);
	close(fds[0]);
	assert_true(rc == 0 || body == NULL);
	free(body);
	return rc;
}

static void test_read(void **state)
{
	(void)state;
	GByteArray *out = paginated();
	unsigned kind;
	size_t size;
	assert_int_equal(read_back(out->data, out->len, &kind, &size), 0);
	assert_int_equal(kind, PACK_WIRE_PAGINATED);
	assert_int_equal(size, out->len - 5);
	/* Cut short: the writer died while answering. */
	assert_int_equal(read_back(out->data, out->len - 1, &kind, &size), -1);
	assert_int_equal(read_back(out->data, 3, &kind, &size), -1);
	assert_int_equal(read_back(out->data, 0, &kind, &size), -1);
	out->data[4] = 7; /* no such kind */
	assert_int_equal(read_back(out->data, out->len, &kind, &size), -1);
	g_byte_array_free(out, TRUE);
	/* A size past the limit is refused before anything is allocated. */
	const unsigned char huge[5] = { 0xFF, 0xFF, 0xFF, 0xFF,
					PACK_WIRE_FINISHED };
	assert_int_equal(read_back(huge, sizeof huge, &kind, &size), -1);
	const unsigned char empty[5] = { 0, 0, 0, 0, PACK_WIRE_FINISHED };
	assert_int_equal(read_back(empty, sizeof empty, &kind, &size), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_task_round_trip),
		cmocka_unit_test(test_paginated_round_trip),
		cmocka_unit_test(test_paginated_damaged),
		cmocka_unit_test(test_finished),
		cmocka_unit_test(test_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
