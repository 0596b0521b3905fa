/* entries.c - the table of entry kinds, in the navigator's order (see
 * entries.h): a new kind is one line here and one file of its own. */
#include <stdlib.h>

#include "entries.h"

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
