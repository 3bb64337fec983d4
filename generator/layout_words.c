/* The words the layout prints that the source does not give: the house
 * style's labels first (one for the paper's language before one for
 * every language), then the paper's catalogue (words.h). Every fixed
 * word of layout_*.c comes through here. */
#include "layout_internal.h"

#include <stdio.h>
#include <stdlib.h>

const char *layout_word(const struct layout *lo, const char *key)
{
	const char *lang = lo->doc ? lo->doc->lang : NULL;
	const char *label = lo->style ? style_label(lo->style, key, lang) : NULL;
	return label ? label : words_get(lo->words, key);
}

char *layout_format(const struct layout *lo, const char *key,
		    const struct words_field *fields)
{
	return words_expand(layout_word(lo, key), fields, NULL, NULL, NULL);
}

const char *layout_format_kept(struct layout *lo, const char *key,
			       const struct words_field *fields)
{
	char *text = layout_format(lo, key, fields);
	const char *kept = dl_strdup(lo->list, text);
	free(text);
	return kept;
}

void layout_noun(const struct layout *lo, const char *noun,
		 const char *fallback, const char **one, const char **many)
{
	char key[64];
	const char *name = noun ? noun : fallback;
	snprintf(key, sizeof key, "noun.%s.one", name);
	*one = layout_word(lo, key);
	snprintf(key, sizeof key, "noun.%s.many", name);
	*many = layout_word(lo, key);
}

const char *layout_travel_word(const struct layout *lo,
			       enum direction_of_travel travel)
{
	switch (travel) {
	case TRAVEL_IMPROVING: return layout_word(lo, "travel.improving");
	case TRAVEL_DECLINING: return layout_word(lo, "travel.declining");
	case TRAVEL_UNCHANGED: return layout_word(lo, "travel.unchanged");
	case TRAVEL_NEW: return layout_word(lo, "travel.new");
	case TRAVEL_RISING: return layout_word(lo, "travel.rising");
	case TRAVEL_FALLING: return layout_word(lo, "travel.falling");
	case TRAVEL_UNKNOWN: break;
	}
	return layout_word(lo, "travel.unknown");
}
