/* decimal.c - numbers kept as written, compared and shown exactly. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool
decimal_valid(const char *s, size_t len)
{
	size_t i = 0;
	bool digits = false, point = false;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	for (; i < len; i++) {
		if (is_digit(s[i]))
			digits = true;
		else if (s[i] == '.' && !point)
			point = true;
		else
			return false;
	}
	return digits;
}

/* A decimal taken apart: its sign, and the significant digits of its
 * whole part and of its fraction (no leading zeros before the point, no
 * trailing zeros after it). */
struct parts {
	bool neg;
	const char *whole, *frac;
	size_t nwhole, nfrac;
};

static void
decimal_parts(const char *s, struct parts *p)
{
	p->neg = *s == '-';
	if (*s == '+' || *s == '-')
		s++;
	while (*s == '0')
		s++;
	p->whole = s;
	while (is_digit(*s))
		s++;
	p->nwhole = (size_t)(s - p->whole);
	p->frac = *s == '.' ? s + 1 : s;
	p->nfrac = strspn(p->frac, "0123456789");
	while (p->nfrac > 0 && p->frac[p->nfrac - 1] == '0')
		p->nfrac--;
	if (p->nwhole == 0 && p->nfrac == 0)
		p->neg = false; /* -0 is 0 */
}

/* |A| against |B|. */
static int
magnitude_compare(const struct parts *a, const struct parts *b)
{
	if (a->nwhole != b->nwhole)
		return a->nwhole < b->nwhole ? -1 : 1;
	int c = memcmp(a->whole, b->whole, a->nwhole);
	if (c)
		return c < 0 ? -1 : 1;
	size_t n = a->nfrac < b->nfrac ? a->nfrac : b->nfrac;
	c = memcmp(a->frac, b->frac, n);
	if (c)
		return c < 0 ? -1 : 1;
	/* the one with more significant fraction digits is larger */
	return a->nfrac == b->nfrac ? 0 : a->nfrac < b->nfrac ? -1 : 1;
}

int
decimal_compare(const char *a, const char *b)
{
	struct parts pa, pb;
	decimal_parts(a, &pa);
	decimal_parts(b, &pb);
	if (pa.neg != pb.neg)
		return pa.neg ? -1 : 1;
	int c = magnitude_compare(&pa, &pb);
	return pa.neg ? -c : c;
}

char *
decimal_format(const char *s, const char *point)
{
	if (!point) {
		const struct lconv *lc = localeconv();
		point = lc && lc->decimal_point && *lc->decimal_point
				? lc->decimal_point : ".";
	}
	size_t len = strlen(s), plen = strlen(point);
	const char *dot = memchr(s, '.', len);
	char *out = malloc(len + plen + 1);
	if (!out)
		return NULL;
	if (!dot) {
		memcpy(out, s, len + 1);
		return out;
	}
	size_t before = (size_t)(dot - s);
	memcpy(out, s, before);
	memcpy(out + before, point, plen);
	memcpy(out + before + plen, dot + 1, len - before); /* with the NUL */
	return out;
}

double
decimal_to_double(const char *s)
{
	/* digit by digit would round at every step (961.6360837783533 came
	 * out one unit off); strtod rounds once, but reads the locale's
	 * decimal mark: give it the C one */
	static locale_t c_locale;
	if (!c_locale)
		c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	return c_locale ? strtod_l(s, NULL, c_locale) : strtod(s, NULL);
}
