/* notes_file.h - the records of a notes file and reading and writing
 * one (notes_file.c), private to the notes store.  A struct nnote starts
 * with its public struct note, a struct nsign with its struct
 * notes_signoff: a pointer to the one converts back to the other. */
#ifndef MINUTES_NOTES_FILE_H
#define MINUTES_NOTES_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <time.h>

#include "notes.h"
#include "notes_words.h"

struct nnote {
	struct note pub; /* first: a struct note * converts back */
	enum notes_status own_status;
	time_t own_status_at;
	bool dirty;  /* changed here since the last save */
	bool fresh;  /* never saved: its id may still change */
	bool taken;  /* merge scratch */
	bool by_own; /* status scratch: the effective status is the note's own */
	/* view scratch: the note that starts its thread (itself, or NULL
	 * for a reply whose note is gone), the target its thread is on */
	const struct nnote *root;
	const char *gtarget;
};

/* A <status> record: a reviewer resolving/reopening another's note. */
struct novr {
	char *note, *by;
	enum notes_status status;
	time_t at;
	bool dirty, taken;
};

struct nlist {
	struct nnote **v;
	size_t n, cap;
};

struct olist {
	struct novr **v;
	size_t n, cap;
};

/* A <signoff>: its reviewer signed off the whole meeting. */
struct nsign {
	struct notes_signoff pub; /* first */
	bool dirty;
};

struct parsed {
	char *reviewer, *minutes;
	struct nlist notes;
	struct olist ovr;
	struct nsign *sign;
};

void
nnote_free(struct nnote *n);
void
novr_free(struct novr *o);
void
nlist_push(struct nlist *l, struct nnote *n);
void
nlist_clear(struct nlist *l);
void
olist_push(struct olist *l, struct novr *o);
void
olist_clear(struct olist *l);
void
nsign_free(struct nsign *g);
void
parsed_free(struct parsed *p);
int
notes_file_read_at(int dfd, const char *name, const char *path, struct parsed *p,
	      char **msg, struct stat *st_out);
int
notes_file_read_path(const char *path, struct parsed *p, char **msg);
int
notes_cmp_created(const void *a, const void *b);
void
notes_file_write(struct buf *b, const char *minutes, const char *reviewer,
	       struct nlist *notes, struct olist *ovr, const struct nsign *sign);

#endif
