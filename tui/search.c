/* search.c - accent-insensitive search over loaded minutes. */
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "text.h"

/* A folded text, reused from one text to the next. */
struct fold_buf {
	char *s;
	size_t cap;
};

struct search_query {
	char *key;
	size_t len;
	struct fold_buf *buf;
};

/* TEXT folded into the query's buffer (NULL when out of memory). */
static const char *
fold_scratch(const struct search_query *q, const char *text, size_t len,
	     size_t *klen)
{
	if (!text_fold_into(text, len, &q->buf->s, &q->buf->cap, klen))
		return NULL;
	return q->buf->s;
}

/* The source offset where a match of key bytes [.., b) ends: after the
 * whole character key byte b - 1 came from.  A character can fold to
 * several key bytes (½ to "1/2", ㍣ to "11点"); a match ending inside its
 * key covers it whole rather than stop inside it (which gave an empty
 * or split highlight and a next search from inside a character). */
static size_t
match_end(const struct text_key *k, size_t b)
{
	if (b == 0)
		return k->map[0];
	uint32_t last = k->map[b - 1];
	while (b < k->len && k->map[b] == last)
		b++;
	return k->map[b];
}

struct search_query *
search_compile(const char *query)
{
	size_t len;
	char *key = text_fold_simple(query, strlen(query), &len);
	if (!key)
		return NULL;
	/* a query that is only spaces finds everything: refuse it */
	if (len == 0 || (len == 1 && key[0] == ' ')) {
		free(key);
		return NULL;
	}
	struct search_query *q = malloc(sizeof(*q));
	struct fold_buf *buf = calloc(1, sizeof(*buf));
	if (!q || !buf) {
		free(q);
		free(buf);
		free(key);
		return NULL;
	}
	q->key = key;
	q->len = len;
	q->buf = buf;
	return q;
}

void
search_query_free(struct search_query *q)
{
	if (!q)
		return;
	free(q->key);
	free(q->buf->s);
	free(q->buf);
	free(q);
}

bool
search_text(const struct search_query *q, const char *text, size_t len,
	    size_t from, size_t *start, size_t *end)
{
	if (from >= len)
		return false;
	size_t klen;
	const char *simple = fold_scratch(q, text + from, len - from, &klen);
	if (!simple || !memmem(simple, klen, q->key, q->len))
		return false;
	/* only now pay for the map back to the source */
	struct text_key k;
	if (!text_fold(text + from, len - from, &k))
		return false;
	char *h = memmem(k.key, k.len, q->key, q->len);
	bool found = h != NULL;
	if (found) {
		size_t a = (size_t)(h - k.key);
		*start = from + k.map[a];
		*end = from + match_end(&k, a + q->len);
	}
	text_key_free(&k);
	return found;
}

size_t
search_text_all(const struct search_query *q, const char *text, size_t len,
		bool (*fn)(size_t start, size_t end, void *arg), void *arg)
{
	size_t klen, n = 0;
	const char *simple = fold_scratch(q, text, len, &klen);
	if (!simple || !memmem(simple, klen, q->key, q->len))
		return 0;
	struct text_key k;
	if (!text_fold(text, len, &k))
		return 0;
	for (size_t pos = 0; pos + q->len <= k.len;) {
		char *h = memmem(k.key + pos, k.len - pos, q->key, q->len);
		if (!h)
			break;
		size_t a = (size_t)(h - k.key), e = match_end(&k, a + q->len);
		n++;
		if (!fn(k.map[a], e, arg))
			break;
		/* the next match starts after the characters this one covers */
		for (pos = a + q->len; pos < k.len && k.map[pos] < e; pos++)
			;
	}
	text_key_free(&k);
	return n;
}

void
search_elements(const struct minutes *m,
		bool (*fn)(const struct search_hit *elem, bool joined, void *arg),
		void *arg)
{
	struct search_hit e = { .where = SEARCH_MEETING };
	const struct mn_meeting *mt = &m->meeting;
	const char *fields[] = { mt->title, mt->organizer, mt->place,
				 mt->source, mt->agency, mt->agency_parent,
				 mt->number };
	bool joined = false;

#define ELEM(t, j) do { \
		if ((t) && *(t)) { \
			e.text = (t); \
			if (!fn(&e, (j), arg)) \
				return; \
			joined = true; \
		} \
	} while (0)
	e.line = mt->line;
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++) {
		e.index = (int)i;
		ELEM(fields[i], joined); /* one line for the header */
	}
	e.where = SEARCH_PERSON;
	for (uint32_t i = 0; i < m->npersons; i++) {
		const struct mn_person *p = &m->persons[i];
		e.index = (int)i;
		e.line = p->line;
		joined = false;
		ELEM(p->name, false);
		ELEM(p->role, joined);
		ELEM(p->reason, joined);
	}
	for (uint32_t s = 0; s < m->nsections; s++) {
		const struct mn_section *sc = &m->sections[s];
		e.where = SEARCH_HEADING;
		e.index = (int)s;
		e.item = -1;
		e.line = sc->line;
		ELEM(sc->heading, false);
		e.where = SEARCH_ITEM;
		for (uint32_t i = 0; i < sc->nitems; i++) {
			e.item = (int)i;
			e.line = sc->items[i].line;
			ELEM(sc->items[i].text, false);
		}
	}
	e.where = SEARCH_RECIPIENT;
	e.item = -1;
	for (uint32_t i = 0; i < m->nrecipients; i++) {
		e.index = (int)i;
		e.line = m->recipients[i].line;
		ELEM(m->recipients[i].text, false);
	}
#undef ELEM
}

const char *
search_hit_id(const struct minutes *m, const struct search_hit *h)
{
	switch (h->where) {
	case SEARCH_MEETING: case SEARCH_RECIPIENT: return m->id;
	case SEARCH_PERSON: return m->persons[h->index].id;
	case SEARCH_HEADING: return m->sections[h->index].id;
	default: return m->sections[h->index].items[h->item].id;
	}
}

struct search_run {
	const struct search_query *q;
	bool (*fn)(const struct search_hit *hit, void *arg);
	void *arg;
	size_t count;
	bool group_hit; /* a text of the current group was reported */
};

static bool
search_one(const struct search_hit *elem, bool joined, void *arg)
{
	struct search_run *r = arg;
	if (joined && r->group_hit)
		return true;
	r->group_hit = false;
	struct search_hit hit = *elem;
	if (!search_text(r->q, hit.text, strlen(hit.text), 0, &hit.start,
			 &hit.end))
		return true;
	r->group_hit = true;
	r->count++;
	return r->fn(&hit, r->arg);
}

size_t
search_minutes(const struct search_query *q, const struct minutes *m,
	       bool (*fn)(const struct search_hit *hit, void *arg), void *arg)
{
	struct search_run r = { q, fn, arg, 0, false };
	search_elements(m, search_one, &r);
	return r.count;
}
