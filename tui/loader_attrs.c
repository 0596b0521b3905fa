/* loader_attrs.c - the attributes of a start tag: names looked up
 * (libxml2 interns them: pointers first), values copied out of the
 * parser, checked against the element's rules and the file's version;
 * ids checked and registered, times checked. */
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/valid.h>

#include "loader_state.h"
#include "loader_attrs.h"
#include "loader_check.h"
#include "loader_ids.h"
#include "loader_pos.h"
#include "loader_text.h"

const char *
ld_qname(const xmlChar *prefix, const xmlChar *name, char *buf, size_t size)
{
	if (!prefix)
		return (const char *)name;
	snprintf(buf, size, "%s:%s", prefix, name);
	return buf;
}

static enum attr
attr_lookup(struct ld *ld, const xmlChar *name, const xmlChar *uri)
{
	if (uri) {
		if (strcmp((const char *)uri, (const char *)XML_XML_NAMESPACE) == 0 &&
		    strcmp((const char *)name, "lang") == 0)
			return A_LANG;
		return A_COUNT;
	}
	for (int i = 0; i < A_COUNT; i++)
		if (name == ld->attr_seen[i])
			return (enum attr)i;
	for (int i = 0; i < A_COUNT; i++)
		if (i != A_LANG && strcmp((const char *)name, attr_names[i]) == 0) {
			ld->attr_seen[i] = name;
			return (enum attr)i;
		}
	return A_COUNT;
}

/* Copies an attribute value out of the parser into ld->abuf.  Without
 * entity substitution (never asked for) the parser hands a '&' over as
 * "&#38;": undo that. */
static size_t
attr_copy(struct ld *ld, const xmlChar *v, const xmlChar *end)
{
	size_t off = ld->abuf.len, n = (size_t)(end - v);
	const char *s = (const char *)v;
	sbuf_reserve(&ld->abuf, n);
	for (size_t i = 0; i < n; i++) {
		ld->abuf.s[ld->abuf.len++] = s[i];
		if (s[i] == '&' && n - i >= 5 && memcmp(s + i, "&#38;", 5) == 0)
			i += 4;
	}
	ld->abuf.s[ld->abuf.len++] = '\0';
	return off;
}

/* SAX2 attributes: (localname, prefix, URI, value, end) each. */
void
ld_attrs_read(struct ld *ld, struct frame *f, int nattrs, const xmlChar **a,
	   struct attrs *at)
{
	char buf[256];
	size_t off[A_COUNT]; /* read only where `have` says */
	uint32_t line, col, have = 0;
	ld->abuf.len = 0;
	for (int i = 0; i < nattrs; i++, a += 5) {
		enum attr k = attr_lookup(ld, a[0], a[2]);
		if (k == A_COUNT || !(ld->attrs.allowed[f->el] & AB(k))) {
			if (ld_problems_full(ld))
				continue;
			const char *name = ld_qname(a[1], a[0], buf, sizeof(buf));
			ld_attr_pos(ld, f, name, &line, &col);
			ld_problem(ld, line, col, "unknown attribute %s on <%s>",
				name, el_rules[f->el].name);
			continue;
		}
		if (ld->version < 2 && (ld->attrs.v2[f->el] & AB(k))) {
			ld_attr_pos(ld, f, attr_names[k], &line, &col);
			ld_problem(ld, line, col, "attribute %s on <%s> needs "
				"version 2 (this file is version %d)",
				attr_names[k], el_rules[f->el].name,
				ld->version);
			continue;
		}
		off[k] = attr_copy(ld, a[3], a[4]);
		have |= AB(k);
	}
	/* the values given: a few bits of 26, the common ones first */
	memset(at->v, 0, sizeof(at->v));
	for (int k = 0; (have >> k) != 0; k++)
		if (have & AB(k))
			at->v[k] = ld->abuf.s + off[k];
	uint32_t missing = ld->attrs.required[f->el] & ~have;
	for (int k = 0; missing && k < A_COUNT; k++)
		if (missing & AB(k)) {
			ld_problem(ld, f->line, f->col,
				"missing attribute %s on <%s>", attr_names[k],
				el_rules[f->el].name);
			missing &= ~AB(k);
		}
}

/* Checks and registers an id; returns it (NULL when absent). */
const char *
ld_read_id(struct ld *ld, const struct frame *f, const struct attrs *at,
	uint32_t ref)
{
	uint32_t line, col;
	if (!at->v[A_ID])
		return NULL;
	const char *id = ld_token_str(ld, at->v[A_ID]);
	if (xmlValidateNCName((const xmlChar *)id, 0) != 0) {
		ld_attr_pos(ld, f, "id", &line, &col);
		ld_problem(ld, line, col, "bad id \"%s\": not an XML name", id);
		return id;
	}
	if (REF_KIND(ref) == REF_ITEM) {
		ld_attr_pos(ld, f, "id", &line, &col);
		ld_id_add_later(ld, id, ref, line, col);
		return id;
	}
	uint32_t first = ld_id_add(ld, id, ref);
	if (first != REF_NONE) {
		ld_attr_pos(ld, f, "id", &line, &col);
		ld_problem(ld, line, col, "duplicate id \"%s\" (first at line %u)",
			id, ld_ref_line(ld, first));
	}
	return id;
}

const char *
ld_read_time(struct ld *ld, const struct frame *f, const char *v,
	  const char *what)
{
	uint32_t line, col;
	if (!v)
		return "";
	const char *t = ld_token_str(ld, v);
	if (!ld_valid_time(t)) {
		ld_attr_pos(ld, f, what, &line, &col);
		ld_problem(ld, line, col, "bad %s time \"%s\": expected HH:MM",
			what, t);
	}
	return t;
}
