/* The catalogues of words, read with libxml2 from the data dir's words/
 * folder the first time one is asked for, then kept for the process: a
 * build's worker lays out many papers with the same few catalogues. */
#include "words.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "memory.h"
#include "paths.h"

struct words_entry {
	char *key;
	char *text;
};

struct words {
	char *lang;                  /* "en-GB", from the file's lang attribute */
	struct words_entry *entries; /* sorted by key */
	size_t count, capacity;
	const char **keys;           /* the keys in order, for words_keys */
};

static struct {
	int loaded;
	struct words *catalogues;
	size_t count, capacity;
	const struct words *english;
	char *available;
	struct diag_list problems;
} shelf;

/* ---- reading one file ---- */

/* Text with white space runs as single spaces, trimmed. Caller frees. */
static char *collapsed(const char *s)
{
	char *out = mem_alloc(strlen(s) + 1);
	size_t n = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (n && out[n - 1] != ' ')
				out[n++] = ' ';
		} else {
			out[n++] = *s;
		}
	}
	if (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return out;
}

static int in_namespace(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
	       strcmp((const char *)node->ns->href, WORDS_NAMESPACE) == 0 &&
	       strcmp((const char *)node->name, name) == 0;
}

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct words_entry *)a)->key,
		      ((const struct words_entry *)b)->key);
}

static void problem(const char *path, const xmlNode *node, const char *message,
		    const char *detail)
{
	diag_add(&shelf.problems, DIAG_ERROR, path,
		 node ? (unsigned)xmlGetLineNo(node) : 0, 0, message, detail);
}

static void read_entries(struct words *w, const char *path, const xmlNode *root)
{
	for (const xmlNode *n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!in_namespace(n, "word")) {
			problem(path, n, "<%s> is not part of a catalogue of words; "
				"it holds <word key=\"…\"> elements", (const char *)n->name);
			continue;
		}
		xmlChar *key = xmlGetProp(n, BAD_CAST "key");
		xmlChar *text = xmlNodeGetContent(n);
		if (!key || !key[0]) {
			problem(path, n, "a <word> has no key%s", "");
		} else {
			MEM_GROW(w->entries, w->count, w->capacity);
			w->entries[w->count].key = mem_strdup((const char *)key);
			w->entries[w->count].text =
				collapsed(text ? (const char *)text : "");
			w->count++;
		}
		xmlFree(key);
		xmlFree(text);
	}
	if (w->count)
		qsort(w->entries, w->count, sizeof *w->entries, compare_entries);
	for (size_t i = 1; i < w->count; i++)
		if (strcmp(w->entries[i - 1].key, w->entries[i].key) == 0)
			diag_add(&shelf.problems, DIAG_ERROR, path, 0, 0,
				 "the word \"%s\" is given twice", w->entries[i].key);
	w->keys = mem_array(w->count + 1, sizeof *w->keys);
	for (size_t i = 0; i < w->count; i++)
		w->keys[i] = w->entries[i].key;
}

static void read_catalogue(const char *path)
{
	/* Shipped data, still read like any file: no network, no DTD. */
	xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
					      XML_PARSE_NOWARNING);
	if (!doc) {
		diag_add(&shelf.problems, DIAG_ERROR, path, 0, 0,
			 "this catalogue of words is not well-formed XML");
		return;
	}
	const xmlNode *root = xmlDocGetRootElement(doc);
	xmlChar *lang = root ? xmlGetProp(root, BAD_CAST "lang") : NULL;
	if (!root || !in_namespace(root, "words") || !lang || !lang[0]) {
		problem(path, root, "a catalogue's root is <words lang=\"…\"> in "
			"the namespace %s", WORDS_NAMESPACE);
	} else {
		MEM_GROW(shelf.catalogues, shelf.count, shelf.capacity);
		struct words *w = &shelf.catalogues[shelf.count++];
		memset(w, 0, sizeof *w);
		w->lang = mem_strdup((const char *)lang);
		read_entries(w, path, root);
	}
	xmlFree(lang);
	xmlFreeDoc(doc);
}

static int is_catalogue_name(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && name[0] != '.' && strcmp(name + n - 4, ".xml") == 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load(void)
{
	if (shelf.loaded)
		return;
	shelf.loaded = 1;
	char *dir_path = mem_printf("%s/words", paths_data_dir());
	DIR *dir = opendir(dir_path);
	char **names = NULL;
	size_t count = 0, capacity = 0;
	if (dir) {
		for (struct dirent *e; (e = readdir(dir));) {
			if (!is_catalogue_name(e->d_name))
				continue;
			MEM_GROW(names, count, capacity);
			names[count++] = mem_strdup(e->d_name);
		}
		closedir(dir);
	} else {
		diag_add(&shelf.problems, DIAG_ERROR, dir_path, 0, 0,
			 "there is no folder of catalogues of words here; the "
			 "program is not installed whole");
	}
	if (count)
		qsort(names, count, sizeof *names, compare_names);
	for (size_t i = 0; i < count; i++) {
		char *path = mem_printf("%s/%s", dir_path, names[i]);
		read_catalogue(path);
		free(path);
		free(names[i]);
	}
	free(names);
	free(dir_path);
	size_t length = 1;
	for (size_t i = 0; i < shelf.count; i++)
		length += strlen(shelf.catalogues[i].lang) + 2;
	shelf.available = mem_alloc(length);
	for (size_t i = 0; i < shelf.count; i++) {
		if (i)
			strcat(shelf.available, ", ");
		strcat(shelf.available, shelf.catalogues[i].lang);
	}
	shelf.english = words_for(WORDS_DEFAULT_LANG);
}

/* ---- choosing ---- */

static size_t primary_length(const char *tag)
{
	return strcspn(tag, "-_");
}

const struct words *words_for(const char *lang)
{
	load();
	if (!lang)
		return NULL;
	for (size_t i = 0; i < shelf.count; i++)
		if (strcasecmp(shelf.catalogues[i].lang, lang) == 0)
			return &shelf.catalogues[i];
	size_t n = primary_length(lang);
	for (size_t i = 0; i < shelf.count; i++) {
		const char *tag = shelf.catalogues[i].lang;
		if (n && primary_length(tag) == n && strncasecmp(tag, lang, n) == 0)
			return &shelf.catalogues[i];
	}
	return NULL;
}

const struct words *words_default(void)
{
	load();
	return shelf.english;
}

const char *words_lang(const struct words *words)
{
	return words ? words->lang : WORDS_DEFAULT_LANG;
}

const char *words_available(void)
{
	load();
	return shelf.available[0] ? shelf.available : "none";
}

void words_problems(struct diag_list *diags)
{
	load();
	for (size_t i = 0; i < shelf.problems.count; i++) {
		const struct diag *d = &shelf.problems.items[i];
		diag_add(diags, d->level, d->file, d->line, d->col, "%s", d->message);
	}
}

/* ---- looking up ---- */

const char *words_find(const struct words *words, const char *key)
{
	if (!words || !key || !words->count)
		return NULL;
	struct words_entry probe = { (char *)key, NULL };
	const struct words_entry *found = bsearch(&probe, words->entries, words->count,
						  sizeof *words->entries,
						  compare_entries);
	return found ? found->text : NULL;
}

const char *words_get(const struct words *words, const char *key)
{
	const char *text = words_find(words, key);
	if (!text)
		text = words_find(words_default(), key);
	return text ? text : key;
}

const char *const *words_keys(const struct words *words, size_t *count)
{
	*count = words ? words->count : 0;
	return words ? words->keys : NULL;
}

char *words_expand(const char *template_text, const struct words_field *fields,
		   const char *field_name, size_t *at, size_t *length)
{
	size_t capacity = strlen(template_text) + 1, used = 0;
	char *out = mem_alloc(capacity);
	if (at)
		*at = *length = 0;
	for (const char *p = template_text; *p;) {
		const char *add = p;
		size_t add_length = 1;
		const char *close = *p == '{' ? strchr(p + 1, '}') : NULL;
		int is_field = 0;
		if (close) {
			size_t name_length = (size_t)(close - p - 1);
			for (const struct words_field *f = fields; f && f->name; f++)
				if (strlen(f->name) == name_length &&
				    strncmp(f->name, p + 1, name_length) == 0) {
					add = f->value ? f->value : "";
					add_length = strlen(add);
					is_field = 1;
					if (field_name && at &&
					    strcmp(f->name, field_name) == 0) {
						*at = used;
						*length = add_length;
					}
					break;
				}
		}
		while (used + add_length + 1 > capacity) {
			capacity *= 2;
			out = mem_resize(out, capacity, 1);
		}
		memcpy(out + used, add, add_length);
		used += add_length;
		out[used] = '\0';
		p = is_field ? close + 1 : p + 1;
	}
	return out;
}

char *words_format(const struct words *words, const char *key,
		   const struct words_field *fields)
{
	return words_expand(words_get(words, key), fields, NULL, NULL, NULL);
}
