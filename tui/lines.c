/* lines.c - laid-out lines and the wrap cache (see lines.h). */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lines.h"
#include "xalloc.h"

static bool
spans_add(size_t start, size_t end, void *arg)
{
	struct spans *sp = arg;
	if (sp->n + 2 > sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 16;
		sp->v = xreallocarray(sp->v, sp->cap, sizeof(*sp->v));
	}
	sp->v[sp->n++] = start;
	sp->v[sp->n++] = end;
	return true;
}

void
spans_find(struct spans *sp, const struct search_query *q, const char *s,
	   size_t len)
{
	if (q && s)
		search_text_all(q, s, len, spans_add, sp);
}

void
spans_free(struct spans *sp)
{
	free(sp->v);
	memset(sp, 0, sizeof(*sp));
}

void
lines_reset(struct lines *l, const struct search_query *q)
{
	for (int i = 0; i < l->nowned; i++)
		free(l->owned[i]);
	l->nowned = 0;
	l->n = 0;
	l->q = q;
	l->spans.n = 0;
	l->hl_text = NULL;
}

void
lines_matches(struct lines *l, int i, const size_t **hl, size_t *nhl)
{
	const char *s = l->v[i].s;

	*hl = NULL;
	*nhl = 0;
	if (!l->q || !s)
		return;
	if (s != l->hl_text) {
		l->spans.n = 0;
		spans_find(&l->spans, l->q, s, strlen(s));
		l->hl_text = s;
	}
	*hl = l->spans.v;
	*nhl = l->spans.n / 2;
}

void
lines_free(struct lines *l)
{
	lines_reset(l, NULL);
	spans_free(&l->spans);
	free(l->owned);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const char *
lines_own(struct lines *l, char *s)
{
	if (l->nowned == l->owned_cap) {
		l->owned_cap = l->owned_cap ? l->owned_cap * 2 : 16;
		l->owned = xreallocarray(l->owned, (size_t)l->owned_cap,
					 sizeof(*l->owned));
	}
	l->owned[l->nowned++] = s;
	return s;
}

const char *
lines_printf(struct lines *l, const char *fmt, ...)
{
	char small[256];
	va_list ap;

	/* one pass for the usual short string, a second for a long one */
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0, small[0] = '\0';
	char *s = xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof(small)) {
		memcpy(s, small, (size_t)n + 1);
	} else {
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return lines_own(l, s);
}

void
lines_add(struct lines *l, const char *lead, enum style lead_st, int indent,
	  const char *s, uint32_t off, uint32_t len, enum style st)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, (size_t)l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = (struct line){ lead, lead_st, indent, s, off, len, st,
				      LINE_CLIP };
}

void
lines_cut(struct lines *l, enum line_cut how)
{
	if (l->n)
		l->v[l->n - 1].cut = how;
}

void
lines_blank(struct lines *l)
{
	lines_add(l, NULL, STYLE_NORMAL, 0, NULL, 0, 0, STYLE_NORMAL);
}

static void
lines_add_wrapped(struct lines *l, const char *lead, enum style lead_st,
		  int indent, const char *text, const struct text_line *tl,
		  size_t n, enum style st)
{
	for (size_t i = 0; i < n; i++)
		lines_add(l, i == 0 ? lead : NULL, lead_st, indent, text,
			  tl[i].off, tl[i].len, st);
}

void
lines_wrap(struct lines *l, const char *lead, enum style lead_st, int indent,
	   const char *text, int width, enum style st)
{
	struct text_line *tl = NULL;
	int w = width - indent;
	size_t n = text_wrap(text, strlen(text), w < 1 ? 1 : w, &tl);
	lines_add_wrapped(l, lead, lead_st, indent, text, tl, n, st);
	free(tl);
}

void
lines_wrap_cached(struct lines *l, struct wrap_cache **c, const char *lead,
		  enum style lead_st, int indent, const char *text, int width,
		  enum style st)
{
	const struct text_line *tl;
	int w = width - indent;
	size_t n = wrap_lines(c, text, w < 1 ? 1 : w, &tl);
	lines_add_wrapped(l, lead, lead_st, indent, text, tl, n, st);
}

/* --- the wrap cache ------------------------------------------------------ */

#define WRAP_SLOTS 1024

struct wrap_cache {
	struct {
		const char *text;
		int width;
		size_t n;
		struct text_line *lines;
	} slot[WRAP_SLOTS];
};

size_t
wrap_lines(struct wrap_cache **cp, const char *text, int width,
	   const struct text_line **out)
{
	if (!*cp)
		*cp = xcalloc(1, sizeof(**cp));
	struct wrap_cache *c = *cp;
	size_t h = (((uintptr_t)text >> 4) * 31u + (unsigned)width) % WRAP_SLOTS;
	if (c->slot[h].text != text || c->slot[h].width != width) {
		free(c->slot[h].lines);
		c->slot[h].lines = NULL;
		c->slot[h].n = text_wrap(text, strlen(text), width,
					 &c->slot[h].lines);
		c->slot[h].text = c->slot[h].lines ? text : NULL;
		c->slot[h].width = width;
	}
	*out = c->slot[h].lines;
	return c->slot[h].lines ? c->slot[h].n : 0;
}

void
wrap_cache_free(struct wrap_cache *c)
{
	if (!c)
		return;
	for (int i = 0; i < WRAP_SLOTS; i++)
		free(c->slot[i].lines);
	free(c);
}
