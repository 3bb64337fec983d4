/* The catalog and document metadata: /Lang, /ViewerPreferences,
 * /MarkInfo, an Info dictionary and an XMP packet saying the same things
 * (PDF/A requires them to agree, so both are written from the display
 * list's metadata here), PDF/UA-1 and PDF/A-2A identification, and the
 * sRGB output intent the pages' DeviceRGB colours are meant in. */
#include "pdf_finish_internal.h"

#include <stdio.h>
#include <string.h>

#include "memory.h"
#include "version.h"

#define CREATOR "committee-pdf " COMMITTEE_PDF_VERSION

#define FALLBACK_DATE "1970-01-01T00:00:00Z"

/* The list's date, "YYYY-MM-DDTHH:MM:SSZ", as its parts; the fallback
 * date when it is missing or of another form. */
static void date_parts(const char *iso, int parts[6])
{
	char zone = 0;
	if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%c", &parts[0],
			   &parts[1], &parts[2], &parts[3], &parts[4], &parts[5],
			   &zone) != 7 || zone != 'Z' || strlen(iso) != 20)
		date_parts(FALLBACK_DATE, parts);
}

static void set_key(struct pdf_finish *f, qpdf_oh dict, const char *key,
		    qpdf_oh value)
{
	qpdf_oh_replace_key(f->qpdf, dict, key, value);
}

static void set_text(struct pdf_finish *f, qpdf_oh dict, const char *key,
		     const char *utf8)
{
	if (utf8 && *utf8)
		set_key(f, dict, key, qpdf_oh_new_unicode_string(f->qpdf, utf8));
	else
		qpdf_oh_remove_key(f->qpdf, dict, key);
}

static void xml_text(GString *out, const char *text)
{
	char *escaped = g_markup_escape_text(text ? text : "", -1);
	g_string_append(out, escaped);
	g_free(escaped);
}

/* The pdfuaid schema is not one PDF/A-2 knows, so the packet describes it
 * (ISO 19005-2 6.6.2.3.2). */
static const char XMP_EXTENSION[] =
	"  <rdf:Description rdf:about=\"\"\n"
	"    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	"    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	"    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	"   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
	"    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
	"    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
	"    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	"    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
	"     <pdfaProperty:name>part</pdfaProperty:name>\n"
	"     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	"     <pdfaProperty:category>internal</pdfaProperty:category>\n"
	"     <pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>\n"
	"    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
	"   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
	"  </rdf:Description>\n";

static GString *xmp_packet(const struct display_list *list,
			   const char *producer, const char *date)
{
	GString *x = g_string_new(
		"<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		"  <rdf:Description rdf:about=\"\"\n"
		"    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		"    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		"    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		"    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
		"    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
		"   <dc:format>application/pdf</dc:format>\n");
	if (list->title && *list->title) {
		g_string_append(x, "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(x, list->title);
		g_string_append(x, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (list->author && *list->author) {
		g_string_append(x, "   <dc:creator><rdf:Seq><rdf:li>");
		xml_text(x, list->author);
		g_string_append(x, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (list->subject && *list->subject) {
		g_string_append(x, "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(x, list->subject);
		g_string_append(x, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (list->lang && *list->lang) {
		g_string_append(x, "   <dc:language><rdf:Bag><rdf:li>");
		xml_text(x, list->lang);
		g_string_append(x, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	g_string_append(x, "   <xmp:CreatorTool>");
	xml_text(x, CREATOR);
	g_string_append_printf(x, "</xmp:CreatorTool>\n"
			       "   <xmp:CreateDate>%s</xmp:CreateDate>\n"
			       "   <xmp:ModifyDate>%s</xmp:ModifyDate>\n"
			       "   <xmp:MetadataDate>%s</xmp:MetadataDate>\n"
			       "   <pdf:Producer>",
			       date, date, date);
	xml_text(x, producer);
	g_string_append(x, "</pdf:Producer>\n"
			   "   <pdfaid:part>2</pdfaid:part>\n"
			   "   <pdfaid:conformance>A</pdfaid:conformance>\n"
			   "   <pdfuaid:part>1</pdfuaid:part>\n"
			   "  </rdf:Description>\n");
	g_string_append(x, XMP_EXTENSION);
	g_string_append(x, " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
	return x;
}

static qpdf_oh new_stream(struct pdf_finish *f, const char *dictionary,
			  const void *data, size_t length)
{
	qpdf_oh stream = qpdf_oh_new_stream(f->qpdf);
	qpdf_oh_replace_stream_data(f->qpdf, stream, data, length,
				    qpdf_oh_new_null(f->qpdf),
				    qpdf_oh_new_null(f->qpdf));
	qpdf_oh dict = qpdf_oh_get_dict(f->qpdf, stream);
	qpdf_oh extra = qpdf_oh_parse(f->qpdf, dictionary);
	qpdf_oh_begin_dict_key_iter(f->qpdf, extra);
	while (qpdf_oh_dict_more_keys(f->qpdf)) {
		char *key = mem_strdup(qpdf_oh_dict_next_key(f->qpdf));
		set_key(f, dict, key, qpdf_oh_get_key(f->qpdf, extra, key));
		free(key);
	}
	return stream;
}

static void set_info(struct pdf_finish *f, const char *producer,
		     const char *pdf_date)
{
	const struct display_list *list = f->in->list;
	qpdf_oh trailer = qpdf_get_trailer(f->qpdf);
	qpdf_oh info = qpdf_oh_get_key(f->qpdf, trailer, "/Info");
	if (!qpdf_oh_is_dictionary(f->qpdf, info)) {
		info = qpdf_make_indirect_object(f->qpdf,
						 qpdf_oh_new_dictionary(f->qpdf));
		set_key(f, trailer, "/Info", info);
	}
	set_text(f, info, "/Title", list->title);
	set_text(f, info, "/Author", list->author);
	set_text(f, info, "/Subject", list->subject);
	set_text(f, info, "/Creator", CREATOR);
	set_text(f, info, "/Producer", producer);
	set_key(f, info, "/CreationDate", qpdf_oh_new_string(f->qpdf, pdf_date));
	set_key(f, info, "/ModDate", qpdf_oh_new_string(f->qpdf, pdf_date));
}

static void set_output_intent(struct pdf_finish *f, qpdf_oh root)
{
	const char *path = f->in->icc_path ? f->in->icc_path
					   : PDF_FINISH_ICC_PATH;
	gchar *icc = NULL;
	gsize icc_length = 0;
	GError *error = NULL;
	if (!g_file_get_contents(path, &icc, &icc_length, &error)) {
		pdf_finish_fail(f, "cannot read the sRGB colour profile (Debian "
				   "package icc-profiles-free): %s",
				error->message);
		g_error_free(error);
		return;
	}
	qpdf_oh profile = new_stream(f, "<< /N 3 >>", icc, icc_length);
	g_free(icc);
	qpdf_oh intent = qpdf_oh_parse(
		f->qpdf, "<< /Type /OutputIntent /S /GTS_PDFA1 "
			 "/OutputConditionIdentifier (sRGB IEC61966-2.1) "
			 "/Info (sRGB IEC61966-2.1) "
			 "/RegistryName (http://www.color.org) >>");
	set_key(f, intent, "/DestOutputProfile", profile);
	qpdf_oh intents = qpdf_oh_new_array(f->qpdf);
	qpdf_oh_append_item(f->qpdf, intents, intent);
	set_key(f, root, "/OutputIntents", intents);
}

void pdf_finish_catalog(struct pdf_finish *f)
{
	const struct display_list *list = f->in->list;
	qpdf_oh root = qpdf_get_root(f->qpdf);
	if (list->lang && *list->lang)
		set_text(f, root, "/Lang", list->lang);
	set_key(f, root, "/ViewerPreferences",
		qpdf_oh_parse(f->qpdf, "<< /DisplayDocTitle true >>"));
	set_key(f, root, "/MarkInfo",
		qpdf_oh_parse(f->qpdf, "<< /Marked true >>"));

	int d[6];
	date_parts(list->create_date, d);
	char iso[32], pdf_date[32];
	snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02dZ", d[0], d[1],
		 d[2], d[3], d[4], d[5]);
	snprintf(pdf_date, sizeof pdf_date, "D:%04d%02d%02d%02d%02d%02dZ", d[0],
		 d[1], d[2], d[3], d[4], d[5]);
	const char *producer = f->in->producer ? f->in->producer : "";
	set_info(f, producer, pdf_date);

	GString *xmp = xmp_packet(list, producer, iso);
	qpdf_oh metadata = new_stream(f, "<< /Type /Metadata /Subtype /XML >>",
				      xmp->str, xmp->len);
	g_string_free(xmp, TRUE);
	set_key(f, root, "/Metadata", metadata);
	set_output_intent(f, root);
	pdf_finish_qpdf_failed(f, "cannot complete the catalog");
}
