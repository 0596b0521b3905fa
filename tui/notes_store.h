/* notes_store.h - what a notes store holds (struct notes_store) and its
 * smallest chores (notes_store.c); private to the notes_*.c files, which
 * each say the part of the store they keep. */
#ifndef MINUTES_NOTES_STORE_H
#define MINUTES_NOTES_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model.h"
#include "notes.h"
#include "notes_anchor.h"
#include "notes_file.h"
#include "notes_names.h"
#include "smap.h"

struct elem;

struct tgroup {
	size_t start, n, open;
};

struct notes_store {
	char *reviewer;
	char safe[SAFE_MAX + 16];
	char *minutes_path;
	char *primary, *fallback_dir; /* fallback_dir NULL when unknown */
	char *mdir, *nbase;	      /* the minutes' folder; NAME.notes */
	bool fallback, readonly, swept;
	bool own_foreign;	      /* the own file is another's: not ours */
	char *own_name;		      /* the own file's name in its folder */
	char *own_path;
	char *dir_problem;	      /* told again at every reload */
	const struct minutes *m;

	struct elem *elems;
	size_t nelems;
	struct smap elmap;
	bool elems_ready;  /* elems/elmap are built on first use */

	struct nlist own, oth;
	struct olist oown, ooth;
	struct nsign *own_sign;	 /* one's own sign-off, or NULL */
	struct nsign **osigns;	 /* the other files' */
	size_t nosigns, caposigns;
	const struct notes_signoff **signs; /* view: every sign-off */
	size_t nsigns;
	const struct note **replies; /* view: replies by note, then time */
	struct smap rmap;	 /* note id -> its first reply in replies */
	char **deleted;
	size_t ndeleted, capdeleted;
	char **problems;
	size_t nproblems, capproblems;

	/* views, rebuilt after every change */
	const struct note **all, **bytarget, **orphans;
	size_t nall, norphans;
	struct tgroup *groups;
	struct smap tmap, idmap;
	struct smap known; /* ids loaded so far, while reloading */
	time_t last_change;
	size_t *secopen;
	size_t nsecopen;
};

time_t
notes_now(void);
time_t
notes_future_limit(void);
void
notes_add_problem(struct notes_store *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void
notes_clear_problems(struct notes_store *s);
bool
notes_is_deleted(const struct notes_store *s, const char *id);
void
notes_clear_deleted(struct notes_store *s);
void
notes_clear_osigns(struct notes_store *s);

#endif
