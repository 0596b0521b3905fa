/* entries.c - the table of entry kinds, in the navigator's order (see
 * entries.h): a new kind is one line here and one file of its own. */
#include <stdlib.h>
#include <string.h>

#include "entries.h"
#include "search.h"

extern const struct entry_ops entry_meeting, entry_attendees, entry_section,
	entry_problems, entry_orphans;
extern const struct entry_ops entry_tasks;

static const struct entry_ops *const kinds[] = {
	&entry_meeting,
	&entry_attendees,
	&entry_section,
	&entry_tasks,
	&entry_problems,
	&entry_orphans,
};

size_t
entries_max(const struct doc *d)
{
	/* one per kind, a section kind one per section */
	return sizeof(kinds) / sizeof(*kinds) + d->m->nsections;
}

void
entries_build(struct doc *d)
{
	int n = 0;

	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
		kinds[k]->add(d, d->entries, &n);
	d->nentries = n;
	if (d->nav.cur >= n)
		d->nav.cur = n - 1;
}

const char *
entry_no_target(struct browser *b, const struct entry *e, int cur)
{
	(void)b;
	(void)e;
	(void)cur;
	return NULL;
}

bool
entry_no_locate(struct browser *b, int entry, int kind, int sec, int item)
{
	(void)b;
	(void)entry;
	(void)kind;
	(void)sec;
	(void)item;
	return false;
}

bool
entry_text_matches(struct browser *b, const char *t)
{
	size_t a, z;

	return t && *t && search_text(b->q, t, strlen(t), 0, &a, &z);
}
