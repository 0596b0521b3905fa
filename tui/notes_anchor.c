/* notes_anchor.c - anchoring notes to the minutes: the element index
 * (meeting, persons, sections, items by id, built lazily), the text a
 * note anchors to, its quote (cut by characters, never inside one) and
 * its hash, and setting a note's target, quote and hash from an element. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "notes.h"
#include "notes_anchor.h"
#include "notes_store.h"
#include "xalloc.h"

static char *
elem_text(const struct minutes *m, const struct elem *e)
{
	switch (e->type) {
	case EL_MEETING:
		return xstrdup(m->meeting.title);
	case EL_PERSON: {
		const struct mn_person *p = &m->persons[e->sec];
		if (*p->role)
			return xasprintf("%s, %s", p->name, p->role);
		return xstrdup(p->name);
	}
	default: {
		const struct mn_section *sc = &m->sections[e->sec];
		if (e->item == UINT32_MAX)
			return xstrdup(sc->heading);
		return xstrdup(sc->items[e->item].text);
	}
	}
}

static void
elem_add(struct notes_store *s, const char *id, enum elem_type type,
	 uint32_t sec, uint32_t item)
{
	if (!id || !*id)
		return;
	struct elem *e = &s->elems[s->nelems];
	e->id = id;
	e->type = type;
	e->sec = sec;
	e->item = item;
	e->hashed = false;
	if (smap_put(&s->elmap, id, s->nelems))
		s->nelems++;
}

static void
build_elems(struct notes_store *s)
{
	const struct minutes *m = s->m;
	free(s->elems);
	s->elems = NULL;
	s->nelems = 0;
	smap_free(&s->elmap);
	if (!m)
		return;
	size_t n = 1 + m->npersons + m->nsections + minutes_item_count(m);
	s->elems = xcalloc(n, sizeof(*s->elems));
	smap_init(&s->elmap, n);
	s->elems_ready = true;
	elem_add(s, m->id, EL_MEETING, 0, 0);
	for (uint32_t i = 0; i < m->npersons; i++)
		elem_add(s, m->persons[i].id, EL_PERSON, i, 0);
	for (uint32_t i = 0; i < m->nsections; i++) {
		const struct mn_section *sc = &m->sections[i];
		elem_add(s, sc->id, EL_SECTION, i, UINT32_MAX);
		for (uint32_t j = 0; j < sc->nitems; j++)
			elem_add(s, sc->items[j].id, EL_SECTION, i, j);
	}
}

/* Forgets the element index: the next lookup builds it for the current
 * minutes (a file with no notes never pays for hashing every id). */
void
notes_elems_invalidate(struct notes_store *s)
{
	free(s->elems);
	s->elems = NULL;
	s->nelems = 0;
	smap_free(&s->elmap);
	s->elems_ready = false;
}

struct elem *
notes_elem_find(const struct notes_store *s, const char *id)
{
	size_t i;
	if (!s->elems_ready)
		build_elems((struct notes_store *)s); /* a cache, built lazily */
	if (!smap_get(&s->elmap, id, &i))
		return NULL;
	return &s->elems[i];
}

const char *
notes_elem_hash(const struct notes_store *s, struct elem *e)
{
	if (!e->hashed) {
		char *t = elem_text(s->m, e);
		notes_hash(t, strlen(t), e->hash);
		free(t);
		e->hashed = true;
	}
	return e->hash;
}

char *
notes_element_text(const struct minutes *m, const char *id)
{
	int sec = 0, item = -1;
	struct elem e = { 0 };
	if (!m || !id)
		return NULL;
	switch (minutes_find_id(m, id, &sec, &item)) {
	case 1:
		e.type = EL_SECTION;
		e.sec = (uint32_t)sec;
		e.item = item < 0 ? UINT32_MAX : (uint32_t)item;
		break;
	case 2:
		e.type = EL_PERSON;
		e.sec = (uint32_t)sec;
		break;
	case 3:
		e.type = EL_MEETING;
		break;
	default:
		return NULL;
	}
	return elem_text(m, &e);
}

/* The first NOTES_QUOTE_MAX characters of TEXT, "…" added when cut,
 * never ending inside a character or before a combining mark. */
static char *
make_quote(const char *text)
{
	size_t len = strlen(text), pos = 0, count = 0;
	while (pos < len && count < NOTES_QUOTE_MAX) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(
			(const utf8proc_uint8_t *)text + pos,
			(utf8proc_ssize_t)(len - pos), &cp);
		pos += k > 0 ? (size_t)k : 1;
		count++;
	}
	if (pos >= len)
		return xstrdup(text);
	for (;;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(
			(const utf8proc_uint8_t *)text + pos,
			(utf8proc_ssize_t)(len - pos), &cp);
		utf8proc_category_t cat =
			k > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
		if (pos == 0 || (cat != UTF8PROC_CATEGORY_MN &&
				 cat != UTF8PROC_CATEGORY_MC &&
				 cat != UTF8PROC_CATEGORY_ME))
			break;
		do
			pos--;
		while (pos > 0 && ((unsigned char)text[pos] & 0xC0) == 0x80);
	}
	char *q = xmalloc(pos + 4);
	memcpy(q, text, pos);
	memcpy(q + pos, "\xE2\x80\xA6", 4); /* … */
	return q;
}

/* Sets the note's target, quote and hash from element E. */
void
notes_anchor_to(struct notes_store *s, struct nnote *n, struct elem *e)
{
	char *t = elem_text(s->m, e);
	free((char *)n->pub.target);
	free((char *)n->pub.quote);
	free((char *)n->pub.hash);
	n->pub.target = xstrdup(e->id);
	n->pub.quote = make_quote(t);
	n->pub.hash = xstrdup(notes_elem_hash(s, e));
	free(t);
}
