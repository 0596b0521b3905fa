/* draw.c - drawing through the text engine. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <utf8proc.h>

#include "draw.h"
#include "text.h"

static attr_t style_attr[STYLE_COUNT];
static short style_pair[STYLE_COUNT];

void
draw_init(bool color)
{
	static const attr_t mono[STYLE_COUNT] = {
		[STYLE_TITLE] = A_REVERSE | A_BOLD,
		[STYLE_DRAFT] = A_BOLD | A_UNDERLINE,
		[STYLE_BANNER] = A_REVERSE,
		[STYLE_HEADER] = A_UNDERLINE,
		[STYLE_HEADER_FOCUS] = A_BOLD | A_UNDERLINE,
		[STYLE_SELECTED] = A_REVERSE,
		[STYLE_SELECTED_DIM] = A_BOLD,
		[STYLE_DIM] = A_DIM,
		[STYLE_LABEL] = A_BOLD,
		[STYLE_ACHIEVEMENTS] = A_BOLD,
		[STYLE_LIMITATIONS] = A_BOLD,
		[STYLE_TARGETS] = A_BOLD,
		[STYLE_MET] = A_BOLD,
		[STYLE_MISSED] = A_BOLD | A_UNDERLINE,
		[STYLE_ERROR] = A_BOLD,
		[STYLE_STATUS] = A_REVERSE,
		[STYLE_MATCH] = A_BOLD | A_UNDERLINE,
		[STYLE_NOTE] = A_BOLD,
	};
	static const struct {
		enum style st;
		short fg, bg;
	} colors[] = {
		{ STYLE_TITLE, COLOR_WHITE, COLOR_BLUE },
		{ STYLE_DRAFT, COLOR_WHITE, COLOR_RED },
		{ STYLE_BANNER, COLOR_BLACK, COLOR_YELLOW },
		{ STYLE_ACHIEVEMENTS, COLOR_GREEN, -1 },
		{ STYLE_LIMITATIONS, COLOR_RED, -1 },
		{ STYLE_TARGETS, COLOR_CYAN, -1 },
		{ STYLE_MET, COLOR_GREEN, -1 },
		{ STYLE_MISSED, COLOR_RED, -1 },
		{ STYLE_ERROR, COLOR_RED, -1 },
		{ STYLE_MATCH, COLOR_BLACK, COLOR_YELLOW },
		{ STYLE_NOTE, COLOR_MAGENTA, -1 },
	};

	memcpy(style_attr, mono, sizeof(mono));
	memset(style_pair, 0, sizeof(style_pair));
	if (!color || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	for (size_t i = 0; i < sizeof(colors) / sizeof(*colors); i++) {
		short pair = (short)(i + 1);
		if (init_pair(pair, colors[i].fg, colors[i].bg) == OK)
			style_pair[colors[i].st] = pair;
	}
}

/* The ranges are in order and do not overlap: binary search. */
static bool
hl_covers(const size_t *hl, size_t nhl, size_t off)
{
	size_t lo = 0, hi = nhl;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (off < hl[2 * mid])
			hi = mid;
		else if (off >= hl[2 * mid + 1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Decodes valid UTF-8 (the text engine's output) into wide characters. */
static size_t
utf8_to_wide(const char *utf8, wchar_t *wc, size_t max)
{
	const unsigned char *p = (const unsigned char *)utf8;
	size_t n = 0;

	while (*p && n < max) {
		unsigned c = *p++;
		int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
		if (more)
			c &= 0x3F >> more;
		for (; more > 0 && (*p & 0xC0) == 0x80; more--)
			c = c << 6 | (*p++ & 0x3F);
		if (more)
			break;
		wc[n++] = (wchar_t)c;
	}
	wc[n] = L'\0';
	return n;
}

/* Whether a zero-width code point stays in the cell of the spacing one
 * before it: combining marks do; ZWJ, variation selectors and tags do
 * not, since a terminal may join or widen what they follow (tmux 3.3
 * draws a ZWJ family in 2 columns, others draw an emoji with VS16 in 2),
 * and then the screen and ncurses' cursor would disagree. */
static bool
mark_kept(wchar_t c)
{
	return c != 0x200D && !(c >= 0xFE00 && c <= 0xFE0F) &&
	       !(c >= 0xE0000 && c <= 0xE007F) && !(c >= 0xE0100 && c <= 0xE01EF);
}

/* Puts one cell: base B with the kept marks of MARKS (N of them). */
static int
put_cell(int y, int x, wchar_t b, const wchar_t *marks, size_t n, attr_t attr,
	 short pair)
{
	wchar_t wc[CCHARW_MAX + 1];
	size_t k = 0;
	cchar_t cc;

	wc[k++] = b;
	for (size_t i = 0; i < n && k < CCHARW_MAX; i++)
		if (mark_kept(marks[i]))
			wc[k++] = marks[i];
	wc[k] = L'\0';
	if (setcchar(&cc, wc, attr, pair, NULL) != OK)
		return ERR;
	return mvadd_wch(y, x, &cc);
}

/* Puts one rendered cluster (UTF-8) at (y, x), W columns as the text
 * engine counts them (the sum of its code points' widths).  A cluster of
 * one spacing code point is one cell.  A cluster of several (an emoji
 * sequence: skin tone, ZWJ family, flag) cannot be: ncurses keeps only
 * the first spacing code point of a cell, and terminals join such
 * sequences in ways of their own.  So each spacing code point gets cells
 * of its own, drawn so that no terminal can join them: a skin-tone
 * modifier as blanks, a regional indicator as its letter (VN for the
 * flag of Viet Nam), the parts of a ZWJ sequence without the joiner, and
 * anything ncurses would measure otherwise as U+FFFD and blanks.  Every
 * one of the W columns is written, so no stale cell is left. */
static void
put_cluster(int y, int x, const char *utf8, int w, attr_t attr, short pair)
{
	wchar_t wc[64]; /* the render buffer holds 63 bytes at most */
	size_t n = utf8_to_wide(utf8, wc, 63), i = 0, spacing = 0;
	int col = x;

	for (size_t j = 0; j < n; j++)
		spacing += utf8proc_charwidth(wc[j]) > 0;
	if (n == 0)
		return;
	if (spacing <= 1 && wcwidth(wc[0]) == w && w > 0) {
		put_cell(y, x, wc[0], wc + 1, n - 1, attr, pair);
		return;
	}
	while (i < n && col < x + w) {
		wchar_t b = wc[i++];
		int bw = utf8proc_charwidth(b);
		size_t m = i;
		while (m < n && utf8proc_charwidth(wc[m]) == 0)
			m++;
		if (bw <= 0) { /* marks before any spacing code point */
			i = m;
			continue;
		}
		if (col + bw > x + w)
			break;
		if (b >= 0x1F3FB && b <= 0x1F3FF) {
			for (int k = 0; k < bw; k++)
				put_cell(y, col + k, L' ', NULL, 0, attr, pair);
		} else if (b >= 0x1F1E6 && b <= 0x1F1FF && bw == 1) {
			put_cell(y, col, (wchar_t)('A' + (b - 0x1F1E6)), NULL, 0,
				 attr, pair);
		} else if (wcwidth(b) == bw) {
			put_cell(y, col, b, wc + i, m - i, attr, pair);
		} else {
			put_cell(y, col, 0xFFFD, NULL, 0, attr | A_DIM, pair);
			for (int k = 1; k < bw; k++)
				put_cell(y, col + k, L' ', NULL, 0, attr, pair);
		}
		col += bw;
		i = m;
	}
	for (; col < x + w; col++)
		put_cell(y, col, L' ', NULL, 0, attr, pair);
}

/* Plain characters go to the screen in runs of one attribute: one
 * call for a run instead of one per cell. */
struct run {
	wchar_t wc[128];
	int n, x;
	attr_t attr;
	short pair;
};

/* A run goes into the window as cells (add_wchnstr): no cursor
 * advance, wrapping or control processing to pay for, which the text
 * engine has done already. */
static void
run_flush(struct run *r, int y)
{
	cchar_t cc[sizeof(r->wc) / sizeof(*r->wc)];
	wchar_t one[2] = { L' ', L'\0' };
	int n = 0;

	if (r->n == 0)
		return;
#ifdef NCURSES_VERSION
	/* ncurses: one cell made by setcchar, the others copied from it
	 * with their character put in (a run is one attribute and spacing
	 * characters only, which is all a cell of one character holds) */
	if (setcchar(&cc[0], one, r->attr, r->pair, NULL) == OK) {
		for (int i = 0; i < r->n; i++) {
			cc[i] = cc[0];
			cc[i].chars[0] = r->wc[i];
		}
		n = r->n;
	}
#else
	for (int i = 0; i < r->n; i++) {
		one[0] = r->wc[i];
		if (setcchar(&cc[n], one, r->attr, r->pair, NULL) == OK)
			n++;
	}
#endif
	mvadd_wchnstr(y, r->x, cc, n);
	r->n = 0;
}

/* Whether the terminal's idea of a code point's width (wcwidth, which
 * ncurses goes by) is the text engine's W: then the code point can go
 * out in a run.  Remembered for the common planes. */
static bool
width_agrees(int32_t cp, int w)
{
	enum { KNOWN = 0x3000 };
	static unsigned char seen[KNOWN]; /* 0 not yet, 1 + agrees */

	if (cp >= KNOWN)
		return wcwidth((wchar_t)cp) == w;
	if (!seen[cp])
		seen[cp] = (unsigned char)(1 + (wcwidth((wchar_t)cp) == w));
	return seen[cp] == 2;
}

int
draw_text_hl(int y, int x, int maxw, const char *s, size_t off, size_t len,
	     enum style st, const size_t *hl, size_t nhl)
{
	size_t end = off + len, pos = off;
	int col = 0;
	char buf[64];
	struct run run = { .n = 0 };
	const attr_t base_attr = style_attr[st];
	const short base_pair = style_pair[st];

	if (maxw <= 0 || !s)
		return 0;
	while (pos < end) {
		struct text_cluster c;
		size_t next;
		int32_t cp;
		unsigned char b = (unsigned char)s[pos];
		if (b >= 0x20 && b < 0x7F &&
		    (pos + 1 == end || (unsigned char)s[pos + 1] < 0x80)) {
			/* ASCII with no mark after it: a cluster of its own */
			c = (struct text_cluster){ pos, 1, 1, TEXT_CL_NORMAL, b };
			next = pos + 1;
			cp = b;
		} else {
			next = text_cluster_next(s, end, pos, &c);
			if (next == pos)
				break;
			/* most clusters: one code point, drawn as itself */
			cp = c.cp >= 0 ? c.cp : text_cluster_single(s, &c);
		}
		attr_t attr = base_attr;
		short pair = base_pair;
		int w;
		bool plain = cp >= 0 && (cp < 0x7F || width_agrees(cp, c.width));
		wchar_t one[4];
		if (plain) {
			w = c.width;
			one[0] = (wchar_t)cp;
		} else {
			w = text_cluster_render(s, &c, col, buf, sizeof(buf));
			if (c.kind == TEXT_CL_CONTROL)
				attr |= A_DIM;
			plain = c.kind == TEXT_CL_NORMAL && w > 0 &&
				utf8_to_wide(buf, one, 2) == 1 &&
				wcwidth(one[0]) == w;
		}
		if (nhl && hl_covers(hl, nhl, c.off)) {
			attr = (attr & A_REVERSE) | style_attr[STYLE_MATCH];
			pair = style_pair[STYLE_MATCH];
		}
		if (col + w > maxw)
			break;
		if (run.n && (!plain || attr != run.attr || pair != run.pair ||
			      run.n == (int)(sizeof(run.wc) / sizeof(*run.wc))))
			run_flush(&run, y);
		if (plain) {
			if (run.n == 0) {
				run.x = x + col;
				run.attr = attr;
				run.pair = pair;
			}
			run.wc[run.n++] = one[0];
		} else if (c.kind == TEXT_CL_TAB) {
			for (int i = 0; i < w; i++)
				put_cluster(y, x + col + i, " ", 1, attr, pair);
		} else if (w > 0) {
			put_cluster(y, x + col, buf, w, attr, pair);
		}
		col += w;
		pos = next;
	}
	run_flush(&run, y);
	return col;
}

int
draw_text(int y, int x, int maxw, const char *s, size_t off, size_t len,
	  enum style st)
{
	return draw_text_hl(y, x, maxw, s, off, len, st, NULL, 0);
}

static int
str_hl(int y, int x, int maxw, const char *s, enum style st,
       const size_t *hl, size_t nhl)
{
	size_t len = strlen(s);
	int used;
	bool cut;
	if (maxw <= 0)
		return 0;
	size_t fit = text_fit_cut(s, len, maxw, &used, &cut);
	if (!cut)
		return draw_text_hl(y, x, maxw, s, 0, len, st, hl, nhl);
	used = draw_text_hl(y, x, maxw - 1, s, 0, fit, st, hl, nhl);
	attr_t attr = style_attr[st];
	mvaddnstr(y, x + used, "…", -1);
	mvchgat(y, x + used, 1, attr, style_pair[st], NULL);
	return used + 1;
}

int
draw_str(int y, int x, int maxw, const char *s, enum style st)
{
	return str_hl(y, x, maxw, s, st, NULL, 0);
}

int
draw_str_match(int y, int x, int maxw, const char *s, enum style st,
	       const struct search_query *q)
{
	struct spans sp = { 0 };
	spans_find(&sp, q, s, strlen(s));
	int used = str_hl(y, x, maxw, s, st, sp.v, sp.n / 2);
	spans_free(&sp);
	return used;
}

void
draw_fill(int y, int x, int w, enum style st)
{
	if (w <= 0)
		return;
	attr_t attr = style_attr[st];
	short pair = style_pair[st];
	cchar_t cc;
	wchar_t sp[2] = { L' ', L'\0' };
	setcchar(&cc, sp, attr, pair, NULL);
	mvhline_set(y, x, &cc, w);
}

void
draw_restyle(int y, int x, int w, enum style st)
{
	for (int i = 0; i < w; i++) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t attr;
		short pair;
		if (mvin_wch(y, x + i, &cc) == ERR)
			continue;
		if (getcchar(&cc, wc, &attr, &pair, NULL) == ERR)
			continue;
		if (attr & A_UNDERLINE && style_attr[STYLE_MATCH] & A_UNDERLINE &&
		    pair == style_pair[STYLE_MATCH])
			attr |= style_attr[st]; /* keep a match visible */
		else {
			attr = (attr & ~(attr_t)A_DIM) | style_attr[st];
			pair = style_pair[st] ? style_pair[st] : pair;
		}
		mvchgat(y, x + i, 1, attr, pair, NULL);
	}
}

void
draw_lines(struct lines *l, struct rect r, int skip)
{
	for (int i = 0; i < r.h && skip + i < l->n; i++) {
		const struct line *d = &l->v[skip + i];
		if (d->lead)
			draw_str_match(r.y + i, r.x, d->indent < r.w ? d->indent : r.w,
				       d->lead, d->lead_st, l->q);
		if (d->s && d->indent < r.w) {
			const size_t *hl;
			size_t nhl;
			lines_matches(l, skip + i, &hl, &nhl);
			int w = r.w - d->indent, used = 0;
			bool cut = d->cut == LINE_MORE;
			size_t len = d->len;
			if (d->cut != LINE_CLIP) {
				bool wide;
				size_t fit = text_fit_cut(d->s + d->off, d->len,
							  w, &used, &wide);
				if (wide || (cut && used + 1 > w))
					len = text_fit(d->s + d->off, d->len,
						       w - 1, &used);
				else
					len = fit;
				cut = cut || wide;
			}
			used = draw_text_hl(r.y + i, r.x + d->indent, w, d->s,
					    d->off, len, d->st, hl, nhl);
			if (cut && used < w)
				draw_str(r.y + i, r.x + d->indent + used, 1, "…",
					 d->st);
		}
	}
}

static void
dump_row(FILE *f, int y, int cols, bool attrs)
{
	char line[8192], attr_line[4096];
	size_t n = 0, an = 0, keep = 0, akeep = 0;

	for (int x = 0; x < cols; x++) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1];
		attr_t attr = 0;
		short pair = 0;
		int w = 1;
		if (mvin_wch(y, x, &cc) == ERR ||
		    getcchar(&cc, wc, &attr, &pair, NULL) == ERR)
			wc[0] = L' ', wc[1] = L'\0';
		for (int i = 0; wc[i] && n + 8 < sizeof(line); i++) {
			char mb[8];
			mbstate_t ps;
			memset(&ps, 0, sizeof(ps));
			size_t k = wcrtomb(mb, wc[i], &ps);
			if (k == (size_t)-1)
				continue;
			memcpy(line + n, mb, k);
			n += k;
			if (i == 0 && wcwidth(wc[0]) == 2)
				w = 2;
		}
		if (wc[0] != L' ' || wc[1])
			keep = n;
		int bits = ((attr & A_REVERSE) ? 1 : 0) | ((attr & A_BOLD) ? 2 : 0) |
			   ((attr & A_UNDERLINE) ? 4 : 0) | ((attr & A_DIM) ? 8 : 0);
		for (int i = 0; i < w && an + 1 < sizeof(attr_line); i++)
			attr_line[an++] = bits ? "0123456789abcdef"[bits] : '.';
		if (bits)
			akeep = an;
		x += w - 1;
	}
	fprintf(f, "%.*s\n", (int)keep, line);
	if (attrs)
		fprintf(f, "%.*s\n", (int)akeep, attr_line);
}

bool
draw_dump_screen(const char *path, bool attrs)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	for (int y = 0; y < LINES; y++)
		dump_row(f, y, COLS, attrs);
	return fclose(f) == 0;
}
