/* notes_merge.c - the git merge driver for notes files (--merge-notes,
 * notes_merge_files in notes.h): the union of both sides by note id, the
 * later change winning, deletions on one side kept when the other did
 * not change the note; the result written over OURS crash-safely. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nls.h"
#include "notes.h"
#include "notes_disk.h"
#include "notes_file.h"
#include "notes_words.h"
#include "smap.h"
#include "xalloc.h"

/* Whether note X is the same as in the base B (nothing changed it). */
static bool
same_note(const struct nnote *x, const struct nnote *b)
{
	return x->pub.modified == b->pub.modified &&
	       x->own_status_at == b->own_status_at &&
	       x->own_status == b->own_status && x->pub.kind == b->pub.kind &&
	       x->pub.disposition == b->pub.disposition &&
	       strcmp(x->pub.text, b->pub.text) == 0 &&
	       strcmp(x->pub.target, b->pub.target) == 0;
}

static void
index_notes(const struct nlist *l, struct smap *m)
{
	memset(m, 0, sizeof(*m));
	smap_init(m, l->n);
	for (size_t i = 0; i < l->n; i++)
		smap_put(m, l->v[i]->pub.id, i);
}

/* One side of a merge: 0, or 1 with *err set. */
static int
merge_side(const char *path, bool may_be_empty, struct parsed *p,
	   struct notes_error *err)
{
	struct stat st;
	char *msg = NULL;
	memset(p, 0, sizeof(*p));
	if (may_be_empty && (stat(path, &st) < 0 || st.st_size == 0))
		return 0; /* no common ancestor */
	int r = notes_file_read_path(path, p, &msg);
	if (r == 0) {
		free(msg);
		return 0;
	}
	char *sp = notes_safe_str(msg ? msg : path);
	if (r == 1)
		notes_seterr(err, _("%s: no such file"), sp);
	else
		notes_seterr(err, _("%s; not merged"), sp);
	free(sp);
	free(msg);
	parsed_free(p);
	return 1;
}

int
notes_merge_files(const char *base, const char *ours, const char *theirs,
		  struct notes_error *err)
{
	struct parsed pb, po, pt;
	if (merge_side(base, true, &pb, err))
		return 1;
	if (merge_side(ours, false, &po, err)) {
		parsed_free(&pb);
		return 1;
	}
	if (merge_side(theirs, false, &pt, err)) {
		parsed_free(&pb);
		parsed_free(&po);
		return 1;
	}
	struct smap mb, mo, mt;
	index_notes(&pb.notes, &mb);
	index_notes(&po.notes, &mo);
	index_notes(&pt.notes, &mt);
	struct nlist out = { 0 };
	size_t j, k;
	for (size_t i = 0; i < po.notes.n; i++) {
		struct nnote *o = po.notes.v[i];
		if (smap_get(&mt, o->pub.id, &j)) {
			struct nnote *t = pt.notes.v[j];
			struct nnote *win = t->pub.modified > o->pub.modified ? t : o;
			struct nnote *st = t->own_status_at > o->own_status_at ? t : o;
			win->own_status = st->own_status;
			win->own_status_at = st->own_status_at;
			nlist_push(&out, win);
			if (win == o)
				po.notes.v[i] = NULL;
			else
				pt.notes.v[j] = NULL;
			continue;
		}
		if (smap_get(&mb, o->pub.id, &k) && same_note(o, pb.notes.v[k]))
			continue; /* deleted on their side, unchanged on ours */
		nlist_push(&out, o);
		po.notes.v[i] = NULL;
	}
	for (size_t i = 0; i < pt.notes.n; i++) {
		struct nnote *t = pt.notes.v[i];
		if (!t || smap_get(&mo, t->pub.id, &j))
			continue;
		if (smap_get(&mb, t->pub.id, &k) && same_note(t, pb.notes.v[k]))
			continue; /* deleted on our side, unchanged on theirs */
		nlist_push(&out, t);
		pt.notes.v[i] = NULL;
	}
	/* status records: one per note, the later one */
	struct olist oout = { 0 };
	struct smap ms = { 0 };
	struct olist *sides[2] = { &po.ovr, &pt.ovr };
	for (int side = 0; side < 2; side++)
		for (size_t i = 0; i < sides[side]->n; i++) {
			struct novr *r = sides[side]->v[i];
			if (!smap_get(&ms, r->note, &j)) {
				olist_push(&oout, r);
				smap_add(&ms, r->note, oout.n - 1);
			} else if (r->at > oout.v[j]->at) {
				oout.v[j] = r;
			}
		}
	struct nsign *sign = po.sign;
	if (pt.sign && (!sign || pt.sign->pub.at > sign->pub.at))
		sign = pt.sign;
	const char *reviewer = po.reviewer && *po.reviewer ? po.reviewer
							   : pt.reviewer;
	const char *minutes = po.minutes && *po.minutes ? po.minutes
							: pt.minutes;
	struct buf b = { 0 };
	notes_file_write(&b, minutes, reviewer ? reviewer : "", &out, &oout, sign);

	int rc = 0;
	char *dir = notes_dir_of(ours);
	const char *slash = strrchr(ours, '/');
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct stat st;
	bool have = dfd >= 0 && fstatat(dfd, slash ? slash + 1 : ours, &st,
				       AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode);
	if (dfd < 0 || notes_write_durable_at(dfd, slash ? slash + 1 : ours,
				      have ? &st : NULL, b.p, b.n) < 0) {
		char *sp = notes_safe_str(ours);
		notes_seterr(err, _("cannot write %s: %s"), sp, strerror(errno));
		free(sp);
		rc = 1;
	}
	if (dfd >= 0)
		close(dfd);
	free(dir);
	free(b.p);
	/* the merged lists borrow from the sides: free through these */
	for (size_t i = 0; i < out.n; i++)
		nnote_free(out.v[i]);
	free(out.v);
	free(oout.v);
	smap_free(&ms);
	smap_free(&mb);
	smap_free(&mo);
	smap_free(&mt);
	parsed_free(&pb);
	parsed_free(&po);
	parsed_free(&pt);
	return rc;
}
