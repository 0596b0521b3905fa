/* loader_pos.c - where things are written, as the parser counts lines
 * and columns: the start tag just read (found back in the parser's
 * buffer), an attribute inside it, the first character of a text. */
#include <string.h>

#include "loader_state.h"
#include "loader_pos.h"

/* The start tag just read: the parser stands on its '>' (or "/>"), the
 * '<' is the last one before (none can be inside a tag). */
void
ld_find_tag(struct ld *ld)
{
	xmlParserInputPtr in = ld->ctxt->input;
	const char *base = (const char *)in->base, *cur = (const char *)in->cur;
	const char *lt = memrchr(base, '<', (size_t)(cur - base));

	ld->tag = ld->tag_end = NULL;
	ld->tag_line = in->line > 0 ? (uint32_t)in->line : 0;
	ld->tag_col = 0;
	if (!lt)
		return;
	uint32_t nl = newlines(lt, cur);
	ld->tag = lt;
	ld->tag_end = cur;
	ld->tag_line -= nl;
	if (nl == 0) {
		uint32_t n = chars(lt, cur);
		ld->tag_col = in->col > 0 && (uint32_t)in->col > n ?
			      (uint32_t)in->col - n : 0;
	} else {
		const char *ls = memrchr(base, '\n', (size_t)(lt - base));
		if (ls)
			ld->tag_col = 1 + chars(ls + 1, lt);
		else if (ld->prev_line == ld->tag_line)
			ld->tag_col = ld->prev_col;
	}
}

/* Is NAME written at P, followed by '=' or white space? */
static bool
attr_name_at(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);
	if ((size_t)(end - p) <= n || memcmp(p, name, n) != 0)
		return false;
	return p[n] == '=' || is_space((unsigned char)p[n]);
}

/* Where attribute QNAME is written in the start tag of F. */
void
ld_attr_pos(struct ld *ld, const struct frame *f, const char *qname,
	 uint32_t *line, uint32_t *col)
{
	const char *p, *end = ld->tag_end, *ls = NULL;
	uint32_t ln = ld->tag_line;

	*line = f->line;
	*col = f->col;
	if (!ld->tag)
		return;
	for (p = ld->tag + 1; p < end && !is_space((unsigned char)*p); p++)
		;
	while (p < end) {
		if (is_space((unsigned char)*p)) {
			if (*p++ == '\n') {
				ln++;
				ls = p;
			}
			continue;
		}
		if (attr_name_at(p, end, qname)) {
			*line = ln;
			*col = ls ? 1 + chars(ls, p) :
			       ld->tag_col ? ld->tag_col + chars(ld->tag, p) : 0;
			return;
		}
		const char *qt = p;
		while (qt < end && *qt != '"' && *qt != '\'')
			qt++;
		if (qt >= end)
			return;
		const char *e = memchr(qt + 1, *qt, (size_t)(end - qt - 1));
		if (!e)
			return;
		for (const char *k = p; k < e; k++)
			if (*k == '\n') {
				ln++;
				ls = k + 1;
			}
		p = e + 1;
	}
}

/* Where the first character of S that is not white space is, S being
 * text that starts where the last event ended. */
void
ld_text_pos(const struct ld *ld, const char *s, size_t len, uint32_t *line,
	 uint32_t *col)
{
	*line = ld->prev_line;
	*col = ld->prev_col;
	for (size_t i = 0; i < len && is_space((unsigned char)s[i]); i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (*col && s[i] != '\r') {
			(*col)++;
		}
	}
}
