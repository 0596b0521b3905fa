/* notes_save.h - one's own file kept on disk (notes_save.c), private
 * to the notes store; notes_save and notes_set_id_tag are in notes.h. */
#ifndef MINUTES_NOTES_SAVE_H
#define MINUTES_NOTES_SAVE_H

#include <stdbool.h>

#include "notes.h"
#include "notes_file.h"

struct notes_store;

void
notes_new_id(struct notes_store *s, const struct nlist *extra, struct nnote *n);
void
notes_merge_own(struct notes_store *s, struct parsed *p);
void
notes_keep_dirty_only(struct notes_store *s);
bool
notes_refuse_readonly(struct notes_store *s, struct notes_error *err);
bool
notes_is_mine(const struct notes_store *s, const char *reviewer);
void
notes_choose_dir(struct notes_store *s);

#endif
