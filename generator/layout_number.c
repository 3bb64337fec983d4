/* Figures as councils print them, by a column's format (source.h): worked
 * on the decimal digits as written, never through a double, so that
 * 2.675 rounds to 2.68 and 1234567.5 to £1,234,568 whatever binary floating
 * point would make of them. Rounding is half away from zero. */
#include "layout_internal.h"

#include <string.h>

/* The digits of a decimal with its point: digits[0 .. point) is the whole
 * part; at most LAYOUT_NUMBER_MAX_DIGITS digits are kept. */
#define NUMBER_MAX_DIGITS 64
struct decimal_digits {
	int negative;
	char digits[NUMBER_MAX_DIGITS + 16];
	int count;   /* digits in digits[] */
	int point;   /* where the point is: may be <= 0 or > count */
};

static int read_decimal(const char *s, struct decimal_digits *d)
{
	memset(d, 0, sizeof *d);
	s += strspn(s, " \t\r\n");
	if (*s == '-' || *s == '+')
		d->negative = *s++ == '-';
	int seen_point = 0, any = 0;
	for (; *s; s++) {
		if (*s == '.' && !seen_point) {
			seen_point = 1;
			d->point = d->count;
			continue;
		}
		if (*s < '0' || *s > '9')
			break;
		any = 1;
		if (d->count == 0 && *s == '0' && !seen_point)
			continue; /* leading zeros */
		if (d->count < NUMBER_MAX_DIGITS)
			d->digits[d->count++] = *s;
		else if (!seen_point)
			return 0; /* a whole part too long to be a figure */
	}
	if (!seen_point)
		d->point = d->count;
	return any && s[strspn(s, " \t\r\n")] == '\0';
}

/* The digit at position i (0 before the first and after the last). */
static int digit_at(const struct decimal_digits *d, int i)
{
	return i >= 0 && i < d->count ? d->digits[i] - '0' : 0;
}

/* Round to decimals places after the point; out gets the whole part
 * grouped by thousands, the point and the decimals. Returns whether the
 * rounded value is zero. */
static int round_grouped(const struct decimal_digits *d, int decimals,
			 char *out, size_t size)
{
	/* Digits from the first whole digit (at least the units) through the
	 * last decimal kept. */
	int first = d->point > 0 ? 0 : d->point - 1;
	int last = d->point + decimals; /* exclusive */
	int n = last - first;
	char kept[NUMBER_MAX_DIGITS * 2 + 32];
	if (n + 1 > (int)sizeof kept)
		n = (int)sizeof kept - 1;
	for (int i = 0; i < n; i++)
		kept[i + 1] = (char)digit_at(d, first + i);
	kept[0] = 0; /* room for a carry */
	if (digit_at(d, last) >= 5) {
		int i = n;
		while (i >= 0 && ++kept[i] == 10)
			kept[i--] = 0;
	}
	int whole = d->point - first + 1; /* digits of kept[] before the point */
	int start = 0;
	while (start < whole - 1 && kept[start] == 0)
		start++;
	int zero = 1;
	size_t o = 0;
	for (int i = start; i <= n && o + 5 < size; i++) {
		if (i == whole && decimals > 0)
			out[o++] = '.';
		else if (i > start && i < whole && (whole - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = (char)('0' + kept[i]);
		zero &= kept[i] == 0;
	}
	out[o] = '\0';
	return zero;
}

char *layout_format_number(const char *text, enum source_format format)
{
	struct decimal_digits d;
	if (format == FORMAT_TEXT || !text || !read_decimal(text, &d))
		return mem_strdup(text ? text : "");
	int decimals = 0;
	if (format == FORMAT_NUMBER) {
		decimals = d.count - d.point > 0 ? d.count - d.point : 0;
	} else if (format == FORMAT_MONEY_MILLIONS) {
		d.point -= 6;
		decimals = 1;
	}
	char grouped[NUMBER_MAX_DIGITS * 2 + 32];
	int zero = round_grouped(&d, decimals, grouped, sizeof grouped);
	int negative = d.negative && !zero;
	switch (format) {
	case FORMAT_MONEY:
		return negative ? mem_printf("(\xC2\xA3%s)", grouped)
				: mem_printf("\xC2\xA3%s", grouped);
	case FORMAT_MONEY_MILLIONS:
		return negative ? mem_printf("(%s)", grouped) : mem_strdup(grouped);
	case FORMAT_NUMBER:
	case FORMAT_TEXT:
		break;
	}
	return negative ? mem_printf("-%s", grouped) : mem_strdup(grouped);
}
