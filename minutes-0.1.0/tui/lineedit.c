/* lineedit.c - a one-line text editor's state, by grapheme cluster.
 *
 * Every change goes through lineedit_splice: it replaces a byte range
 * with (already filtered) text, renormalizes to NFC, and puts the cursor
 * on the first cluster boundary at or after the end of the new text.
 * Normalizing the whole line each time keeps the invariants simple (the
 * line is at most 64 KiB, and this runs once per key or paste). */
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "text.h"

#define LINEEDIT_DEFAULT_MAX 65536

static size_t
lineedit_max(const struct lineedit *e)
{
	return e->max ? e->max : LINEEDIT_DEFAULT_MAX;
}

/* Takes ownership of S (malloc'd, NUL-terminated, LEN bytes). */
static void
lineedit_adopt(struct lineedit *e, char *s, size_t len)
{
	free(e->buf);
	e->buf = s;
	e->len = len;
	e->cap = len + 1;
}

void
lineedit_init(struct lineedit *e)
{
	memset(e, 0, sizeof(*e));
	e->buf = calloc(1, 1);
	e->cap = e->buf ? 1 : 0;
}

void
lineedit_free(struct lineedit *e)
{
	free(e->buf);
	e->buf = NULL;
	e->len = e->cap = e->cursor = 0;
}

void
lineedit_clear(struct lineedit *e)
{
	if (e->buf && e->cap)
		e->buf[0] = '\0';
	e->len = e->cursor = 0;
}

/* --- Filtering and normalizing ------------------------------------------ */

/* Decodes one code point of valid UTF-8. */
static size_t
lineedit_decode(const unsigned char *p, size_t len, unsigned *cp)
{
	size_t n = p[0] < 0x80 ? 1 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
	unsigned c = n == 1 ? p[0] : n == 2 ? p[0] & 0x1Fu :
		     n == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
	size_t i;

	if (n > len)
		n = len;
	for (i = 1; i < n; i++)
		c = (c << 6) | (p[i] & 0x3Fu);
	*cp = c;
	return n;
}

/* Repairs S, turns '\n', '\r' and TAB into spaces and drops the other
 * controls (C0, DEL, C1).  malloc'd; NULL when out of memory. */
static char *
lineedit_filter(const char *s, size_t len, size_t *outlen)
{
	size_t rlen, i = 0, o = 0, n;
	char *r = text_repair(s, len, &rlen);
	unsigned c;

	if (!r)
		return NULL;
	while (i < rlen) {
		n = lineedit_decode((const unsigned char *)r + i, rlen - i, &c);
		if (c == '\t' || c == '\n' || c == '\r')
			r[o++] = ' ';
		else if (c >= 0x20 && !(c >= 0x7F && c <= 0x9F)) {
			memmove(r + o, r + i, n);
			o += n;
		}
		i += n;
	}
	r[o] = '\0';
	*outlen = o;
	return r;
}

/* The first cluster boundary of S at or after TARGET. */
static size_t
lineedit_snap(const char *s, size_t len, size_t target)
{
	struct text_cluster cl;
	size_t pos = 0, next;

	while (pos < target && pos < len) {
		next = text_cluster_next(s, len, pos, &cl);
		if (next == pos)
			break;
		pos = next;
	}
	return pos;
}

/* Where the end of the new text (END in the unnormalized RAW) lands in
 * the normalized W: unchanged when normalizing changed nothing, else no
 * further than the start of the untouched tail of the suffix. */
static size_t
lineedit_map_end(const char *raw, size_t rawlen, const char *w, size_t wlen,
		 size_t end)
{
	size_t c = 0, t = 0, limit;

	if (rawlen == wlen && memcmp(raw, w, wlen) == 0)
		return end;
	while (c < rawlen && c < wlen && raw[c] == w[c])
		c++;
	limit = rawlen - end;
	if (limit > wlen - c)
		limit = wlen - c;
	if (limit > rawlen - c)
		limit = rawlen - c;
	while (t < limit && raw[rawlen - 1 - t] == w[wlen - 1 - t])
		t++;
	return end < wlen - t ? end : wlen - t;
}

/* Replaces bytes [FROM, TO) by INS (filtered), normalizes, moves the
 * cursor.  False (nothing changed) when the result would exceed the
 * maximum and CHECK_MAX, or when out of memory. */
static bool
lineedit_splice(struct lineedit *e, size_t from, size_t to, const char *ins,
		size_t inslen, bool check_max)
{
	size_t rawlen = from + inslen + (e->len - to), wlen, end;
	char *raw = malloc(rawlen + 1), *w;

	if (!raw)
		return false;
	memcpy(raw, e->buf, from);
	memcpy(raw + from, ins, inslen);
	memcpy(raw + from + inslen, e->buf + to, e->len - to);
	raw[rawlen] = '\0';
	w = text_repair(raw, rawlen, &wlen);
	if (!w || (check_max && wlen > lineedit_max(e))) {
		free(raw);
		free(w);
		return false;
	}
	end = lineedit_map_end(raw, rawlen, w, wlen, from + inslen);
	free(raw);
	lineedit_adopt(e, w, wlen);
	e->cursor = lineedit_snap(w, wlen, end);
	return true;
}

/* --- Setting and inserting ---------------------------------------------- */

void
lineedit_insert(struct lineedit *e, const char *s, size_t len)
{
	size_t flen;
	char *f;

	if (!e->buf || !s || len == 0)
		return;
	f = lineedit_filter(s, len, &flen);
	if (f && flen > 0)
		lineedit_splice(e, e->cursor, e->cursor, f, flen, true);
	free(f);
}

void
lineedit_insert_char(struct lineedit *e, unsigned c)
{
	char b[4];
	size_t n;

	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (c >> 18));
		b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	lineedit_insert(e, b, n);
}

/* Replaces the text; filtered like typed text, and cut at the last
 * cluster boundary that fits the maximum. */
void
lineedit_set(struct lineedit *e, const char *s)
{
	size_t flen, max, keep = 0, next;
	struct text_cluster cl;
	char *f;

	lineedit_clear(e);
	if (!s || !*s)
		return;
	f = lineedit_filter(s, strlen(s), &flen);
	if (!f)
		return;
	max = lineedit_max(e);
	while (keep < flen) {
		next = text_cluster_next(f, flen, keep, &cl);
		if (next == keep || next > max)
			break;
		keep = next;
	}
	f[keep] = '\0';
	lineedit_adopt(e, f, keep);
	e->cursor = keep;
}

/* --- Deleting and moving ------------------------------------------------ */

bool
lineedit_backspace(struct lineedit *e)
{
	size_t from;

	if (!e->buf || e->cursor == 0)
		return false;
	from = text_cluster_prev(e->buf, e->len, e->cursor);
	return lineedit_splice(e, from, e->cursor, "", 0, false);
}

bool
lineedit_delete(struct lineedit *e)
{
	struct text_cluster cl;
	size_t to;

	if (!e->buf || e->cursor >= e->len)
		return false;
	to = text_cluster_next(e->buf, e->len, e->cursor, &cl);
	if (to == e->cursor)
		return false;
	return lineedit_splice(e, e->cursor, to, "", 0, false);
}

bool
lineedit_left(struct lineedit *e)
{
	if (!e->buf || e->cursor == 0)
		return false;
	e->cursor = text_cluster_prev(e->buf, e->len, e->cursor);
	return true;
}

bool
lineedit_right(struct lineedit *e)
{
	struct text_cluster cl;
	size_t next;

	if (!e->buf || e->cursor >= e->len)
		return false;
	next = text_cluster_next(e->buf, e->len, e->cursor, &cl);
	if (next == e->cursor)
		return false;
	e->cursor = next;
	return true;
}

void
lineedit_home(struct lineedit *e)
{
	e->cursor = 0;
}

void
lineedit_end(struct lineedit *e)
{
	e->cursor = e->len;
}

void
lineedit_kill_before(struct lineedit *e)
{
	if (e->buf && e->cursor > 0)
		lineedit_splice(e, 0, e->cursor, "", 0, false);
}

/* --- Scrolling ---------------------------------------------------------- */

/* The last cluster boundary at or before LIMIT. */
static size_t
lineedit_boundary_before(const char *s, size_t len, size_t limit)
{
	struct text_cluster cl;
	size_t pos = 0, next;

	for (;;) {
		next = text_cluster_next(s, len, pos, &cl);
		if (next == pos || next > limit)
			return pos;
		pos = next;
	}
}

/* Columns the cursor needs: the cluster under it (at least 1). */
static int
lineedit_cursor_cols(const struct lineedit *e)
{
	struct text_cluster cl;

	if (e->cursor >= e->len)
		return 1;
	text_cluster_next(e->buf, e->len, e->cursor, &cl);
	return cl.width > 1 ? cl.width : 1;
}

int
lineedit_view(const struct lineedit *e, int width, size_t *scroll)
{
	struct text_cluster cl;
	size_t s = *scroll;
	int col, need;

	if (width < 1)
		width = 1;
	if (!e->buf || e->len == 0) {
		*scroll = 0;
		return 0;
	}
	if (s > e->cursor)
		s = e->cursor;
	s = lineedit_boundary_before(e->buf, e->len, s);
	col = text_width(e->buf + s, e->cursor - s);
	need = lineedit_cursor_cols(e);
	while (s < e->cursor && col + need > width) {
		size_t next = text_cluster_next(e->buf, e->len, s, &cl);

		if (next == s)
			break;
		col -= cl.width;
		s = next;
	}
	if (s == e->cursor)
		col = 0;
	*scroll = s;
	return col;
}
