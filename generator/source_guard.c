/* The external entity loader of the whole process, installed by the load
 * stage: while a source is parsed on this thread it refuses everything;
 * while the schema is compiled it allows only .xsd files in the schema
 * folder; at any other time it allows top-level files other modules open
 * by path, but never the network and never what a document asks for from
 * inside itself (external DTDs and entities). */
#include "source_internal.h"

#include <libxml/parserInternals.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum guard_mode { GUARD_DEFAULT, GUARD_SOURCE, GUARD_SCHEMA };

static _Thread_local enum guard_mode guard_mode;
static _Thread_local char *guard_schema_dir; /* realpath, GUARD_SCHEMA only */
static _Thread_local struct source_load *guard_load; /* GUARD_SOURCE only */
static xmlExternalEntityLoader default_loader;

static int is_network(const char *url)
{
	const char *colon = strstr(url, "://");
	return colon && strncmp(url, "file://", 7) != 0;
}

/* A shipped schema: a .xsd file directly in the schema folder. */
static int is_shipped_schema(const char *url)
{
	if (!guard_schema_dir)
		return 0;
	if (strncmp(url, "file://", 7) == 0)
		url += 7;
	char real[PATH_MAX];
	if (!realpath(url, real))
		return 0;
	size_t dir_len = strlen(guard_schema_dir);
	size_t len = strlen(real);
	return len > dir_len + 5 && strncmp(real, guard_schema_dir, dir_len) == 0 &&
	       real[dir_len] == '/' && !strchr(real + dir_len + 1, '/') &&
	       strcmp(real + len - 4, ".xsd") == 0;
}

static xmlParserInputPtr guard_loader(const char *url, const char *id,
				      xmlParserCtxtPtr ctxt)
{
	const char *what = url ? url : id ? id : "(unnamed)";
	int allowed;
	switch (guard_mode) {
	case GUARD_SOURCE:
		allowed = 0;
		break;
	case GUARD_SCHEMA:
		allowed = url && is_shipped_schema(url);
		break;
	default:
		/* Top-level documents other modules open by path are fine; what a
		 * document asks for from inside (inputNr > 0) is not. */
		allowed = url && !is_network(url) && !(ctxt && ctxt->inputNr > 0);
		break;
	}
	if (allowed)
		return default_loader(url, id, ctxt);
	if (guard_mode == GUARD_SOURCE && guard_load) {
		struct source_pos pos = { 0, 0 };
		if (ctxt && ctxt->input)
			pos = (struct source_pos){ (uint32_t)ctxt->input->line,
						   (uint32_t)ctxt->input->col };
		source_error(guard_load, pos,
			     "refused to load \"%s\": sources may not read other files",
			     what);
	}
	return NULL;
}

static pthread_once_t install_once = PTHREAD_ONCE_INIT;

static void install(void)
{
	xmlInitParser();
	default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(guard_loader);
}

void source_guard_install(void)
{
	pthread_once(&install_once, install);
}

void source_guard_sources(struct source_load *load)
{
	guard_mode = GUARD_SOURCE;
	guard_load = load;
}

void source_guard_schemas(const char *dir)
{
	char real[PATH_MAX];
	guard_mode = GUARD_SCHEMA;
	free(guard_schema_dir);
	guard_schema_dir = realpath(dir, real) ? mem_strdup(real) : NULL;
}

void source_guard_end(void)
{
	guard_mode = GUARD_DEFAULT;
	guard_load = NULL;
	free(guard_schema_dir);
	guard_schema_dir = NULL;
}
