/* notes.c - opening and closing a notes store (notes.h): the reviewer's
 * name cleaned, the folders worked out (NAME.notes beside the minutes,
 * the fallback), the files read; the minutes swapped on a reload.  The
 * rest of the store is in the notes_*.c files, each saying its room. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "notes.h"
#include "notes_anchor.h"
#include "notes_disk.h"
#include "notes_file.h"
#include "notes_names.h"
#include "notes_query.h"
#include "notes_save.h"
#include "notes_store.h"
#include "notes_words.h"
#include "xalloc.h"

struct notes_store *
notes_open(const char *minutes_path, const struct minutes *m,
	   const char *reviewer, struct notes_error *err)
{
	struct notes_store *s = calloc(1, sizeof(*s));
	if (!s) {
		notes_seterr(err, "%s", strerror(ENOMEM));
		return NULL;
	}
	s->reviewer = notes_clean_name(reviewer && *reviewer ? reviewer : "reviewer");
	if (!*s->reviewer) {
		free(s->reviewer);
		s->reviewer = xstrdup("reviewer");
	}
	notes_safe_name(s->reviewer, s->safe, sizeof(s->safe));
	s->minutes_path = xstrdup(minutes_path);
	size_t len = strlen(minutes_path);
	if (len > 4 && strcmp(minutes_path + len - 4, ".xml") == 0)
		len -= 4;
	s->primary = xasprintf("%.*s.notes", (int)len, minutes_path);
	s->mdir = notes_dir_of(s->primary);
	const char *sl = strrchr(s->primary, '/');
	s->nbase = xstrdup(sl ? sl + 1 : s->primary);
	s->fallback_dir = notes_fallback_dir_for(minutes_path, m);
	s->m = m;
	notes_elems_invalidate(s);
	notes_choose_dir(s);
	if (err)
		err->msg[0] = '\0';
	notes_reload(s, NULL);
	return s;
}

void
notes_set_minutes(struct notes_store *s, const struct minutes *m)
{
	s->m = m;
	notes_elems_invalidate(s);
	notes_rebuild(s);
}

void
notes_close(struct notes_store *s)
{
	if (!s)
		return;
	nlist_clear(&s->own);
	nlist_clear(&s->oth);
	olist_clear(&s->oown);
	olist_clear(&s->ooth);
	notes_clear_osigns(s);
	free(s->osigns);
	nsign_free(s->own_sign);
	free(s->signs);
	free(s->replies);
	smap_free(&s->rmap);
	notes_clear_deleted(s);
	free(s->deleted);
	notes_clear_problems(s);
	free(s->problems);
	free(s->all);
	free(s->bytarget);
	free(s->orphans);
	free(s->groups);
	free(s->secopen);
	smap_free(&s->tmap);
	smap_free(&s->idmap);
	smap_free(&s->elmap);
	free(s->elems);
	free(s->reviewer);
	free(s->minutes_path);
	free(s->primary);
	free(s->mdir);
	free(s->nbase);
	free(s->own_name);
	free(s->dir_problem);
	free(s->fallback_dir);
	free(s->own_path);
	free(s);
}
