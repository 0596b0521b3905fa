/* loader_text.c - the strings a model keeps: packed into arena chunks,
 * in NFC; and the text of leaf elements and items built as it streams
 * in: white space collapsed a line at a time, paragraphs, figure and task
 * places, mangled text (mojibake) told. */
#include <stdlib.h>
#include <string.h>

#include "loader_state.h"
#include "loader_ids.h"
#include "loader_text.h"
#include "mojibake.h"
#include "nls.h"
#include "text.h"

/* SIZE bytes aligned to ALIGN (a power of two <= 16), packed: the arena
 * rounds every allocation up to max_align_t, too much for short ids. */
void *
ld_pool_alloc(struct ld *ld, size_t size, size_t align)
{
	size_t pad = (size_t)(-(uintptr_t)ld->pool & (align - 1));
	if (size > POOL_CHUNK / 4)
		return mn_arena_alloc(ld->m->arena, size);
	if (!ld->pool || ld->pool_left < size + pad) {
		/* not zeroed: what is handed out is written before it is read */
		ld->pool = mn_arena_alloc_raw(ld->m->arena, POOL_CHUNK);
		ld->pool_left = POOL_CHUNK;
		pad = 0;
	}
	void *p = ld->pool + pad;
	ld->pool += size + pad;
	ld->pool_left -= size + pad;
	return p;
}

const char *
ld_pool_strndup(struct ld *ld, const char *s, size_t len)
{
	char *p = ld_pool_alloc(ld, len + 1, 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* An NFC copy, kept with the model. */
const char *
ld_nfc_str(struct ld *ld, const char *s, size_t len)
{
	if (text_is_clean(s, len))
		return ld_pool_strndup(ld, s, len);
	size_t n;
	char *r = text_repair(s, len, &n);
	if (!r)
		mn_oom();
	const char *a = ld_pool_strndup(ld, r, n);
	free(r);
	return a;
}

/* An attribute value, trimmed, in NFC, kept with the model. */
const char *
ld_token_str(struct ld *ld, const char *v)
{
	size_t n;
	v = trim(v, &n);
	return ld_nfc_str(ld, v, n);
}

/* The same in ld->tmp, for values not kept. */
const char *
ld_token_tmp(struct ld *ld, const char *v)
{
	size_t n;
	v = trim(v, &n);
	ld->tmp.len = 0;
	if (text_is_clean(v, n)) {
		sbuf_add(&ld->tmp, v, n);
	} else {
		char *r = text_repair(v, n, &n);
		if (!r)
			mn_oom();
		sbuf_add(&ld->tmp, r, n);
		free(r);
	}
	return ld->tmp.s;
}

void *
ld_to_arena(struct ld *ld, const void *p, size_t size)
{
	if (!size)
		return NULL;
	void *a = mn_arena_alloc(ld->m->arena, size);
	memcpy(a, p, size);
	return a;
}

void
ld_text_begin(struct ld *ld)
{
	ld->raw.len = ld->out.len = 0;
	ld->space = false;
	ld->at_start = true;
}

/* Does S need its white space collapsed: a TAB, LF or CR, two spaces in
 * a row, a space at either end?  Eight bytes at a time: most text needs
 * nothing. */
static bool
needs_collapse(const unsigned char *s, size_t len)
{
	size_t i = 0;
	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ')
		return len != 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t low = 0x7f7f7f7f7f7f7f7full, high = ~low;
	uint64_t carry = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t h = w & high;
		/* high bit of each byte: byte <= ' ', byte < ' ' */
		uint64_t ws = ~(((w & low) + 0x5f5f5f5f5f5f5f5full) | h) & high;
		uint64_t ctl = ~(((w & low) + 0x6060606060606060ull) | h) & high;
		if (ctl || (ws & (ws << 8 | carry)))
			return true;
		carry = ws >> 56;
	}
	if (carry && s[i] == ' ')
		return true;
#endif
	for (; i < len; i++)
		if (s[i] < ' ' || (s[i] == ' ' && i + 1 < len && s[i + 1] == ' '))
			return true;
	return false;
}

/* Starts a word at D: the pending space first, and the open figure's
 * or task's text starts there if it has not yet. */
static char *
word_start(struct ld *ld, char *d)
{
	if (ld->space) {
		*d++ = ' ';
		ld->space = false;
	}
	if (ld->mark) {
		*ld->mark = (uint32_t)(d - ld->out.s);
		ld->mark = NULL;
	}
	ld->at_start = false;
	return d;
}

/* One line of text [P, E) to D, white space collapsed.  XML text has no
 * control characters but TAB, LF and CR: any byte up to ' ' is white
 * space. */
static char *
emit_line(struct ld *ld, char *d, const unsigned char *p,
	  const unsigned char *e)
{
	const unsigned char *q = e;
	if (p < e && *p <= ' ') {
		ld->space = !ld->at_start;
		while (++p < e && *p <= ' ')
			;
	}
	while (q > p && q[-1] <= ' ')
		q--;
	if (q > p && !needs_collapse(p, (size_t)(q - p))) {
		d = word_start(ld, d);
		memcpy(d, p, (size_t)(q - p));
		d += q - p;
		p = q;
	}
	while (p < q) {
		if (*p <= ' ') {
			ld->space = true;
			while (++p < q && *p <= ' ')
				;
			continue;
		}
		d = word_start(ld, d);
		do
			*d++ = (char)*p++;
		while (p < q && *p > ' ');
	}
	if (q < e)
		ld->space = !ld->at_start;
	return d;
}

/* Appends normalized text to out, a line at a time (most lines need no
 * more than trimming). */
static void
text_emit(struct ld *ld, const char *s, size_t len)
{
	struct sbuf *o = &ld->out;
	const unsigned char *p = (const unsigned char *)s, *e = p + len;
	sbuf_reserve(o, len + 1);
	char *d = o->s + o->len;
	while (p < e) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(e - p));
		const unsigned char *end = nl ? nl + 1 : e;
		d = emit_line(ld, d, p, end);
		p = end;
	}
	o->len = (size_t)(d - o->s);
	o->s[o->len] = '\0';
}

void
ld_text_flush(struct ld *ld)
{
	if (ld->raw.len == 0)
		return;
	if (text_is_clean(ld->raw.s, ld->raw.len)) {
		text_emit(ld, ld->raw.s, ld->raw.len);
	} else {
		size_t n;
		char *r = text_repair(ld->raw.s, ld->raw.len, &n);
		if (!r)
			mn_oom();
		text_emit(ld, r, n);
		free(r);
	}
	ld->raw.len = 0;
}

void
ld_para_begin(struct ld *ld)
{
	ld_text_flush(ld);
	if (ld->npara++) {
		sbuf_add(&ld->out, "\n", 1);
		ld->space = false;
	}
	ld->at_start = true;
}

void
ld_check_mojibake(struct ld *ld, const struct frame *f, const char *s,
	       size_t len)
{
	size_t at;
	enum text_mojibake k = text_detect_mojibake(s, len, &at);
	if (k != TEXT_MOJI_NONE)
		ld_problem(ld, f->line, f->col, "text looks mangled: %s",
			_(text_mojibake_hint(k)));
}

/* The text of a leaf element, finished. */
const char *
ld_text_end(struct ld *ld, const struct frame *f)
{
	ld_text_flush(ld);
	ld_check_mojibake(ld, f, ld->out.s ? ld->out.s : "", ld->out.len);
	return ld_pool_strndup(ld, ld->out.s ? ld->out.s : "", ld->out.len);
}

/* Text or a figure straight inside an item: a paragraph of its own. */
void
ld_item_inline(struct ld *ld, uint32_t line, uint32_t col)
{
	if (ld->open_inline)
		return;
	if (ld->has_p && !ld->mixed) {
		ld_problem(ld, line, col, "mixed text and <p> in <item>");
		ld->mixed = true;
	}
	ld_para_begin(ld);
	ld->open_inline = ld->has_inline = true;
}
