/* notes_store.c - the store's own record (notes_store.h) and its
 * smallest chores: the clock (and the tests' clock), the "more than a
 * day ahead" limit, the problems list, the ids deleted here, the other
 * files' sign-offs cleared. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "notes.h"
#include "notes_store.h"
#include "notes_words.h"
#include "xalloc.h"

static time_t (*clock_fn)(void);

/* Now, kept within what the file format can hold (years 1970-9999). */
time_t
notes_now(void)
{
	time_t t = clock_fn ? clock_fn() : time(NULL);
	if (t < 0)
		return 0;
	return t > (time_t)253402300799 ? (time_t)253402300799 : t;
}

void
notes_set_clock(time_t (*now)(void))
{
	clock_fn = now;
}

/* Times after this are more than a day ahead: flagged, and a status
 * record dated then is not applied. */
time_t
notes_future_limit(void)
{
	return notes_now() + NOTES_FUTURE_SLACK;
}

void
notes_add_problem(struct notes_store *s, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (s->nproblems == s->capproblems) {
		s->capproblems = s->capproblems ? s->capproblems * 2 : 4;
		s->problems = mn_xrealloc(s->problems,
				       s->capproblems * sizeof(char *));
	}
	s->problems[s->nproblems++] = notes_safe_str(buf);
}

void
notes_clear_problems(struct notes_store *s)
{
	for (size_t i = 0; i < s->nproblems; i++)
		free(s->problems[i]);
	s->nproblems = 0;
}

bool
notes_is_deleted(const struct notes_store *s, const char *id)
{
	for (size_t i = 0; i < s->ndeleted; i++)
		if (strcmp(s->deleted[i], id) == 0)
			return true;
	return false;
}

void
notes_clear_deleted(struct notes_store *s)
{
	for (size_t i = 0; i < s->ndeleted; i++)
		free(s->deleted[i]);
	s->ndeleted = 0;
}

void
notes_clear_osigns(struct notes_store *s)
{
	for (size_t i = 0; i < s->nosigns; i++)
		nsign_free(s->osigns[i]);
	s->nosigns = 0;
}
