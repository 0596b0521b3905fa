/* notes_query.h - rebuilding the store's views (notes_query.c); the
 * questions asked of them are in notes.h. */
#ifndef MINUTES_NOTES_QUERY_H
#define MINUTES_NOTES_QUERY_H

#include "notes.h"

struct notes_store;

void
notes_rebuild(struct notes_store *s);

#endif
