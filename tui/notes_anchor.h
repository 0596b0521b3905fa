/* notes_anchor.h - the minutes' elements notes anchor to
 * (notes_anchor.c), private to the notes store. */
#ifndef MINUTES_NOTES_ANCHOR_H
#define MINUTES_NOTES_ANCHOR_H

#include <stdbool.h>
#include <stdint.h>

#include "notes.h"
#include "notes_file.h"

struct notes_store;

enum elem_type { EL_SECTION = 1, EL_PERSON = 2, EL_MEETING = 3 };

struct elem {
	const char *id;
	enum elem_type type;
	uint32_t sec, item; /* item UINT32_MAX for a section; sec = person */
	bool hashed;
	char hash[17];
};

void
notes_elems_invalidate(struct notes_store *s);
struct elem *
notes_elem_find(const struct notes_store *s, const char *id);
const char *
notes_elem_hash(const struct notes_store *s, struct elem *e);
void
notes_anchor_to(struct notes_store *s, struct nnote *n, struct elem *e);

#endif
