/* The words a paper prints that its source does not give (cover keys,
 * column headers, dashboard sentences, month names, "Page 3 of 7"), as data:
 * one catalogue per language in the data dir's words/ folder (words/en-GB.xml,
 * words/cy.xml; schema generator/words.xsd), loaded once per process and
 * chosen by the paper's xml:lang. Nothing here knows Pango, Cairo, the
 * source model or the house style: a house style's own labels are looked up
 * before the catalogue by the layout stage.
 *
 * Templates: a word may hold fields in braces, "Page {page} of {pages}",
 * expanded by words_format; an unknown field is left as written.
 *
 * Ownership: every catalogue and every string a lookup returns is borrowed
 * for the life of the process. */
#ifndef WORDS_H
#define WORDS_H

#include <stddef.h>

#include "diag.h"

#define WORDS_NAMESPACE "urn:committee-pdf:words:1"
#define WORDS_DEFAULT_LANG "en-GB" /* used when no catalogue fits */

struct words;

/* The catalogue for a language tag: the one named exactly (case aside),
 * else one whose primary language matches ("cy-GB" → cy, "en-US" → en-GB);
 * NULL when there is none. */
const struct words *words_for(const char *lang);

/* The English catalogue, used when no other fits. Never NULL: when even it
 * is missing (a broken installation, which words_problems reports), a
 * lookup returns the key itself. */
const struct words *words_default(void);

/* The catalogue's language tag as its file names it ("cy"). */
const char *words_lang(const struct words *words);

/* The languages there are catalogues for, "cy, en-GB", for messages. */
const char *words_available(void);

/* Problems loading the catalogues (a file that is not well-formed, an
 * unknown element, a word given twice), appended to diags on every call so
 * every paper of a run reports them. */
void words_problems(struct diag_list *diags);

/* The text of key, or NULL when the catalogue lacks it. */
const char *words_find(const struct words *words, const char *key);

/* The text of key; the English text when this catalogue lacks it, the key
 * itself when English lacks it too. Never NULL. */
const char *words_get(const struct words *words, const char *key);

/* A template's field: name without braces, value to put in its place. */
struct words_field {
	const char *name;
	const char *value;
};

/* Expand template_text with fields (an array ending with a NULL name).
 * When field_name is not NULL, *at and *length say where that field's value
 * landed in the result (both 0 when it did not appear). Caller frees. */
char *words_expand(const char *template_text, const struct words_field *fields,
		   const char *field_name, size_t *at, size_t *length);

/* words_get(words, key) expanded with fields. Caller frees with free(). */
char *words_format(const struct words *words, const char *key,
		   const struct words_field *fields);

/* Every key of a catalogue in order, for tests; *count set. Borrowed. */
const char *const *words_keys(const struct words *words, size_t *count);

#endif
