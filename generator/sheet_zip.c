/* The zip side of .xlsx and .ods: the archive is checked as a whole when
 * opened (how many entries, names that would leave it, encryption), and
 * each part is parsed as it inflates by libxml2's streaming reader, so
 * memory follows the rows kept, not the size of the file. A part that
 * inflates past its limit (a zip bomb), holds a DOCTYPE (entities, DTDs)
 * or is not well-formed stops the read with one error. */
#include "sheet_internal.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct sheet_zip {
	zip_t *zip;
	struct sheet *sheet;
	uint64_t inflated;        /* bytes inflated so far, every part */
};

struct sheet_part {
	struct sheet_zip *zip;
	zip_file_t *file;
	char *name;
	uint64_t inflated;
	int started, over_limit, doctype, zip_failed;
	char *xml_error;          /* libxml2's first message */
	int xml_line;
	xmlTextReaderPtr reader;
};

/* A name that points out of the archive if anyone unpacked it: absolute,
 * a drive, a backslash or a ".." step. */
static int leaves_archive(const char *name)
{
	if (name[0] == '/' || strchr(name, '\\') || (name[0] && name[1] == ':'))
		return 1;
	for (const char *p = name; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += n;
		if (*p == '/')
			p++;
	}
	return 0;
}

struct sheet_zip *sheet_zip_open(struct sheet *sheet)
{
	int code = 0;
	zip_t *zip = zip_open(sheet->path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
	if (!zip) {
		zip_error_t error;
		zip_error_init_with_code(&error, code);
		sheet_fail(sheet, "is damaged: it cannot be read as a zip archive (%s)",
			   zip_error_strerror(&error));
		zip_error_fini(&error);
		return NULL;
	}
	zip_int64_t entries = zip_get_num_entries(zip, 0);
	if (entries < 0 || (uint64_t)entries > SHEET_MAX_ENTRIES) {
		sheet_fail(sheet, "holds more than %u files; workbooks are refused "
			   "above that", SHEET_MAX_ENTRIES);
		zip_discard(zip);
		return NULL;
	}
	for (zip_int64_t i = 0; i < entries; i++) {
		zip_stat_t st;
		if (zip_stat_index(zip, (zip_uint64_t)i, 0, &st) != 0 ||
		    !(st.valid & ZIP_STAT_NAME))
			continue;
		if (leaves_archive(st.name)) {
			sheet_fail(sheet, "holds a file named \"%.80s\", which leads out "
				   "of the archive; the workbook is refused", st.name);
			zip_discard(zip);
			return NULL;
		}
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			sheet_fail(sheet, "is encrypted (protected by a password); save a "
				   "copy without a password and name that instead");
			zip_discard(zip);
			return NULL;
		}
	}
	struct sheet_zip *z = mem_alloc(sizeof *z);
	z->zip = zip;
	z->sheet = sheet;
	return z;
}

void sheet_zip_close(struct sheet_zip *zip)
{
	if (!zip)
		return;
	zip_discard(zip->zip);
	free(zip);
}

int sheet_zip_has(const struct sheet_zip *zip, const char *name)
{
	return zip_name_locate(zip->zip, name, ZIP_FL_NOCASE) >= 0;
}

static int part_read(void *context, char *buffer, int length)
{
	struct sheet_part *part = context;
	zip_int64_t n = zip_fread(part->file, buffer, (zip_uint64_t)length);
	if (n < 0) {
		part->zip_failed = 1;
		return -1;
	}
	part->inflated += (uint64_t)n;
	part->zip->inflated += (uint64_t)n;
	if (part->inflated > SHEET_MAX_PART_BYTES ||
	    part->zip->inflated > SHEET_MAX_INFLATED_BYTES) {
		part->over_limit = 1;
		return -1;
	}
	/* A DTD is refused before libxml2 reads its declarations. */
	if (!part->started && n > 0) {
		part->started = 1;
		for (zip_int64_t i = 0; i + 9 <= n; i++)
			if (memcmp(buffer + i, "<!DOCTYPE", 9) == 0) {
				part->doctype = 1;
				return -1;
			}
	}
	return (int)n;
}

static int part_close(void *context)
{
	(void)context;
	return 0;
}

static void part_xml_error(void *context, xmlErrorPtr error)
{
	struct sheet_part *part = context;
	if (part->xml_error || !error || error->level < XML_ERR_ERROR)
		return;
	const char *message = error->message ? error->message : "";
	size_t n = strlen(message);
	while (n && (message[n - 1] == '\n' || message[n - 1] == ' '))
		n--;
	part->xml_error = mem_strndup(message, n);
	part->xml_line = error->line;
}

struct sheet_part *sheet_part_open(struct sheet_zip *zip, const char *name)
{
	zip_int64_t index = zip_name_locate(zip->zip, name, ZIP_FL_NOCASE);
	zip_stat_t st;
	if (index < 0 || zip_stat_index(zip->zip, (zip_uint64_t)index, 0, &st) != 0)
		return NULL;
	if ((st.valid & ZIP_STAT_SIZE) && st.size > SHEET_MAX_PART_BYTES) {
		sheet_fail(zip->sheet, "holds %s, which inflates to more than %u MiB; "
			   "the workbook is refused (a zip bomb?)", name,
			   SHEET_MAX_PART_BYTES >> 20);
		return NULL;
	}
	zip_file_t *file = zip_fopen_index(zip->zip, (zip_uint64_t)index, 0);
	if (!file) {
		sheet_fail(zip->sheet, "holds %s, which cannot be read: %s", name,
			   zip_strerror(zip->zip));
		return NULL;
	}
	struct sheet_part *part = mem_alloc(sizeof *part);
	part->zip = zip;
	part->file = file;
	part->name = mem_strdup(name);
	part->reader = xmlReaderForIO(part_read, part_close, part, name, NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR |
					      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (!part->reader) {
		sheet_fail(zip->sheet, "holds %s, which cannot be read as XML", name);
		sheet_part_close(part);
		return NULL;
	}
	xmlTextReaderSetStructuredErrorHandler(part->reader, part_xml_error, part);
	return part;
}

int sheet_part_next(struct sheet_part *part)
{
	struct sheet *sheet = part->zip->sheet;
	int r = xmlTextReaderRead(part->reader);
	if (r == 1 && xmlTextReaderNodeType(part->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
		part->doctype = 1;
	if (r == 1 && !part->doctype)
		return 1;
	if (r == 0 && !part->doctype)
		return 0;
	if (part->over_limit)
		sheet_fail(sheet, "holds %s, which inflates past %u MiB; the workbook "
			   "is refused (a zip bomb?)", part->name,
			   (part->inflated > SHEET_MAX_PART_BYTES ? SHEET_MAX_PART_BYTES
								 : SHEET_MAX_INFLATED_BYTES) >> 20);
	else if (part->doctype)
		sheet_fail(sheet, "holds %s, which has a DOCTYPE; workbooks with DTDs "
			   "or entities are refused", part->name);
	else if (part->zip_failed)
		sheet_fail(sheet, "holds %s, which cannot be inflated: %s (is the file "
			   "damaged?)", part->name, zip_file_strerror(part->file));
	else
		sheet_fail(sheet, "holds %s, which is not well-formed XML (line %d: "
			   "%s)", part->name, part->xml_line,
			   part->xml_error ? part->xml_error : "unreadable");
	return -1;
}

xmlTextReaderPtr sheet_part_reader(struct sheet_part *part)
{
	return part->reader;
}

void sheet_part_close(struct sheet_part *part)
{
	if (!part)
		return;
	if (part->reader)
		xmlFreeTextReader(part->reader);
	zip_fclose(part->file);
	free(part->name);
	free(part->xml_error);
	free(part);
}

int sheet_xml_is(xmlTextReaderPtr r, int type, const char *local_name)
{
	if (xmlTextReaderNodeType(r) != type)
		return 0;
	const xmlChar *name = xmlTextReaderConstLocalName(r);
	return name && strcmp((const char *)name, local_name) == 0;
}

char *sheet_xml_attr(xmlTextReaderPtr r, const char *local_name)
{
	char *value = NULL;
	if (xmlTextReaderMoveToFirstAttribute(r) != 1)
		return NULL;
	do {
		const xmlChar *name = xmlTextReaderConstLocalName(r);
		if (name && strcmp((const char *)name, local_name) == 0 &&
		    !xmlStrEqual(xmlTextReaderConstPrefix(r), BAD_CAST "xmlns")) {
			value = (char *)xmlTextReaderValue(r);
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(r) == 1);
	xmlTextReaderMoveToElement(r);
	return value;
}
