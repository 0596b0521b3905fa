/* entry_shared.c - what the entry kinds share (see entry_shared.h). */
#include <string.h>

#include "entry_shared.h"
#include "search.h"

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
