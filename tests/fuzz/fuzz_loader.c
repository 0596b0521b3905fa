/* fuzz_loader.c - the loader on any bytes.
 *
 * bytes -> loader_load_memory -> (the model's promises checked, dumped
 * and searched the way the command line does) -> minutes_free.  The
 * system libxml2 is not instrumented: coverage is of our code. */
#include <string.h>
#include <utf8proc.h>

#include "bienban.h"
#include "fuzz.h"
#include "loader.h"
#include "report.h"
#include "search.h"
#include "text.h"

static FILE *devnull;

/* Model strings are valid NFC UTF-8 (text.h: text_is_clean also rules
 * out CR, U+2028 and U+2029). */
static void
check_str(const char *what, const char *s)
{
	FUZZ_CHECK(s, "%s is NULL", what);
	size_t len = strlen(s), bad = 0;
	FUZZ_CHECK(fuzz_utf8_valid(s, len, &bad), "%s: invalid UTF-8 at %zu",
		   what, bad);
	FUZZ_CHECK(text_is_clean(s, len), "%s is not clean NFC", what);
}

/* Person indexes that must all be real. */
static void
check_persons(const struct minutes *m, const char *what, const uint32_t *v,
	      uint32_t n)
{
	FUZZ_CHECK(n == 0 || v, "%s: none", what);
	for (uint32_t i = 0; i < n; i++)
		FUZZ_CHECK(v[i] < m->npersons, "%s[%u] = %u of %u persons",
			   what, i, v[i], m->npersons);
}

/* The v2 parts (empty in a v1 file). */
static void
check_v2(const struct minutes *m)
{
	const struct mn_meeting *mt = &m->meeting;
	check_str("agency", mt->agency);
	check_str("agency parent", mt->agency_parent);
	check_str("number", mt->number);
	check_persons(m, "chair", mt->chairs, mt->nchairs);
	check_persons(m, "secretary", mt->secretaries, mt->nsecretaries);
	FUZZ_CHECK(m->nsignatures == 0 || m->signatures, "signatures");
	for (uint32_t i = 0; i < m->nsignatures; i++) {
		const struct mn_signature *g = &m->signatures[i];
		FUZZ_CHECK(g->person == MN_NONE || g->person < m->npersons,
			   "signature %u: person %u of %u", i, g->person,
			   m->npersons);
		if (g->refused)
			check_str("refused", g->refused);
	}
	FUZZ_CHECK(m->nrecipients == 0 || m->recipients, "recipients");
	for (uint32_t i = 0; i < m->nrecipients; i++)
		check_str("recipient", m->recipients[i].text);
	if (m->version < 2)
		FUZZ_CHECK(m->nwarnings == 0, "a version %d file with warnings",
			   m->version);
	(void)minutes_present_count(m);
}

static void
check_model(const struct minutes *m)
{
	check_str("path", m->path);
	check_str("meeting title", m->meeting.title);
	check_str("organizer", m->meeting.organizer);
	check_str("date", m->meeting.date);
	check_str("start", m->meeting.start);
	check_str("end", m->meeting.end);
	check_str("place", m->meeting.place);
	check_str("source", m->meeting.source);
	if (m->id)
		check_str("id", m->id);
	FUZZ_CHECK(m->npersons == 0 || m->persons, "persons");
	for (uint32_t i = 0; i < m->npersons; i++) {
		check_str("person id", m->persons[i].id);
		check_str("person name", m->persons[i].name);
		check_str("person role", m->persons[i].role);
		check_str("person reason", m->persons[i].reason);
	}
	check_v2(m);
	FUZZ_CHECK(m->nsections == 0 || m->sections, "sections");
	for (uint32_t i = 0; i < m->nsections; i++) {
		const struct mn_section *sec = &m->sections[i];
		check_str("section id", sec->id);
		check_str("section heading", sec->heading);
		FUZZ_CHECK(sec->nitems == 0 || sec->items, "items");
		for (uint32_t j = 0; j < sec->nitems; j++) {
			const struct mn_item *it = &sec->items[j];
			check_str("item id", it->id);
			check_str("item text", it->text);
			FUZZ_CHECK(strlen(it->text) == it->len,
				   "item %s: len %u, strlen %zu", it->id, it->len,
				   strlen(it->text));
			for (uint32_t b = 0; b < it->nby; b++)
				FUZZ_CHECK(it->by[b] < m->npersons,
					   "item %s: by[%u] = %u of %u persons",
					   it->id, b, it->by[b], m->npersons);
			for (uint32_t t = 0; t < it->ntasks; t++) {
				const struct mn_task *k = &it->tasks[t];
				FUZZ_CHECK(k->start <= k->end && k->end <= it->len,
					   "item %s: task %u at %u..%u of %u",
					   it->id, t, k->start, k->end, it->len);
				check_str("task due", k->due);
				check_persons(m, "task assignee", k->assignees,
					      k->nassignees);
			}
			if (it->vote) {
				uint32_t base;
				check_str("vote method", it->vote->method);
				check_str("vote rule", it->vote->rule_name);
				(void)mn_vote_needed(m, it->vote, &base);
				(void)mn_vote_cast(it->vote);
			}
			for (uint32_t f = 0; f < it->nfigures; f++) {
				const struct mn_figure *fg = &it->figures[f];
				FUZZ_CHECK(fg->start <= fg->end && fg->end <= it->len,
					   "item %s: figure %u at %u..%u of %u",
					   it->id, f, fg->start, fg->end, it->len);
				check_str("figure unit", fg->unit);
				if (fg->actual)
					check_str("figure actual", fg->actual);
				(void)mn_figure_verdict(fg);
			}
		}
	}
	for (uint32_t i = 0; i < m->nproblems; i++)
		FUZZ_CHECK(m->problems[i].msg, "problem %u has no message", i);
	/* every id can be found again */
	for (uint32_t i = 0; i < m->npersons; i++) {
		int sec, item;
		FUZZ_CHECK(minutes_find_id(m, m->persons[i].id, &sec, &item) != 0,
			   "person %s not found by id", m->persons[i].id);
	}
}

static bool
count_hit(const struct search_hit *h, void *arg)
{
	FUZZ_CHECK(h->text && h->start <= h->end && h->end <= strlen(h->text),
		   "search hit %zu..%zu", h->start, h->end);
	(*(size_t *)arg)++;
	return true;
}

struct ranges {
	size_t v[64];
	size_t n;
};

static bool
add_range(size_t start, size_t end, void *arg)
{
	struct ranges *r = arg;
	if (r->n + 2 > sizeof(r->v) / sizeof(*r->v))
		return false;
	r->v[r->n++] = start;
	r->v[r->n++] = end;
	return true;
}

/* search_text_all (one fold) finds what search_text does from each
 * match's end (a fold per match), in order, within the text. */
static void
check_search_all(const struct search_query *q, const char *text)
{
	size_t len = strlen(text), a, b, from = 0;
	struct ranges all = { .n = 0 }, one = { .n = 0 };
	size_t n = search_text_all(q, text, len, add_range, &all);
	FUZZ_CHECK(n == all.n / 2 || all.n == sizeof(all.v) / sizeof(*all.v),
		   "search_text_all: %zu matches, %zu reported", n, all.n / 2);
	for (size_t i = 0; i < all.n; i += 2) {
		FUZZ_CHECK(all.v[i] <= all.v[i + 1] && all.v[i + 1] <= len,
			   "match %zu..%zu of %zu", all.v[i], all.v[i + 1], len);
		FUZZ_CHECK(i == 0 || all.v[i] >= all.v[i - 1],
			   "matches overlap or go back");
		/* a match covers whole characters of the source */
		FUZZ_CHECK(all.v[i] < all.v[i + 1], "empty match at %zu",
			   all.v[i]);
		FUZZ_CHECK((text[all.v[i]] & 0xC0) != 0x80 &&
			   (all.v[i + 1] == len ||
			    (text[all.v[i + 1]] & 0xC0) != 0x80),
			   "match %zu..%zu cuts a character", all.v[i],
			   all.v[i + 1]);
	}
	while (one.n < sizeof(one.v) / sizeof(*one.v) &&
	       search_text(q, text, len, from, &a, &b)) {
		one.v[one.n++] = a;
		one.v[one.n++] = b;
		from = b > a ? b : a + 1;
	}
	size_t m = one.n < all.n ? one.n : all.n;
	FUZZ_CHECK(all.n == 0 || one.n > 0, "search_text finds nothing");
	FUZZ_CHECK(one.n == 0 || all.n > 0, "search_text_all finds nothing");
	for (size_t i = 0; i < m; i++)
		FUZZ_CHECK(all.v[i] == one.v[i],
			   "match bound %zu: %zu, with search_text %zu", i,
			   all.v[i], one.v[i]);
}

/* The printed biên bản: nothing from the file that a browser would act
 * on or hide (no control but '\n', no bidi override), and no element
 * of its own: every '<' opens one of the page's own tags (text from the
 * file has none left), so a page has as many '<' as a page of the same
 * shape with harmless text. */
static void
check_bienban(const struct minutes *m)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	FUZZ_CHECK(f, "open_memstream");
	bienban_html(f, m);
	fclose(f);
	size_t at = fuzz_find_unsafe(buf, len, "\n");
	FUZZ_CHECK(at == (size_t)-1, "the biên bản has an unsafe character at %zu",
		   at);
	for (const char *p = buf; (p = strchr(p, '<')); p++)
		FUZZ_CHECK(p[1] == '/' || p[1] == '!' ||
				   (p[1] >= 'a' && p[1] <= 'z'),
			   "a '<' that opens no tag at %zu", (size_t)(p - buf));
	FUZZ_CHECK(!strstr(buf, "<script") && !strstr(buf, " on"),
		   "a script or an event attribute on the page");
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct minutes *m = NULL;
	struct load_error err;

	if (!devnull)
		devnull = fopen("/dev/null", "w");
	enum load_status st = loader_load_memory("fuzz.xml", (const char *)data,
						 size, &m, &err);
	if (st == LOAD_FATAL) {
		FUZZ_CHECK(m == NULL, "a model on LOAD_FATAL");
		FUZZ_CHECK(memchr(err.msg, '\0', sizeof(err.msg)) && err.msg[0],
			   "no error message");
		/* libxml2's messages quote the input (even cut in the middle
		 * of a character): whoever prints one makes it safe first */
		char buf[2048];
		load_error_format(&err, buf, sizeof(buf));
		char *safe = text_sanitize(buf, strlen(buf), false);
		FUZZ_CHECK(safe, "text_sanitize returned NULL");
		size_t at = fuzz_find_unsafe(safe, strlen(safe), "");
		FUZZ_CHECK(at == (size_t)-1,
			   "sanitized error message with an unsafe character at %zu",
			   at);
		free(safe);
		return 0;
	}
	FUZZ_CHECK(m, "no model");
	FUZZ_CHECK((st == LOAD_INVALID) == (minutes_error_count(m) > 0),
		   "status %d with %u problems (%u warnings)", (int)st,
		   m->nproblems, m->nwarnings);
	check_model(m);
	if (devnull) {
		report_problems(devnull, m);
		report_dump(devnull, m, 0, NULL);
		report_dump(devnull, m, size ? 1 + data[0] % 100 : 40, NULL);
	}
	check_bienban(m);
	static const char *const queries[] = { "a", "viet", "Đ", "1" };
	for (size_t i = 0; i < sizeof(queries) / sizeof(*queries); i++) {
		struct search_query *q = search_compile(queries[i]);
		size_t hits = 0;
		if (q) {
			search_minutes(q, m, count_hit, &hits);
			for (uint32_t si = 0; si < m->nsections; si++)
				for (uint32_t ii = 0; ii < m->sections[si].nitems; ii++)
					check_search_all(q, m->sections[si].items[ii].text);
			check_search_all(q, m->meeting.title);
			search_query_free(q);
		}
	}
	minutes_free(m);
	return 0;
}
