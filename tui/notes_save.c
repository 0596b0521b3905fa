/* notes_save.c - keeping one's own file on disk: where it goes (beside
 * the minutes or the fallback; its name, the older naming kept), new
 * note ids, merging with what is on disk by note id under the lock, and
 * the save itself (notes_save), which moves to the fallback when the
 * minutes' folder cannot be written. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "nls.h"
#include "notes.h"
#include "notes_disk.h"
#include "notes_file.h"
#include "notes_names.h"
#include "notes_save.h"
#include "notes_store.h"
#include "notes_words.h"
#include "smap.h"
#include "xalloc.h"

static bool
id_in(const struct nlist *l, const char *id, const struct nnote *skip)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] && l->v[i] != skip &&
		    strcmp(l->v[i]->pub.id, id) == 0)
			return true;
	return false;
}

static bool
id_used(const struct notes_store *s, const struct nlist *extra,
	const char *id, const struct nnote *skip)
{
	return id_in(&s->own, id, skip) || id_in(&s->oth, id, skip) ||
	       (extra && id_in(extra, id, skip)) || notes_is_deleted(s, id);
}

static struct {
	bool set;
	char fixed[32];
	char tag[16];
	pid_t pid;
} idtag;

void
notes_set_id_tag(const char *tag)
{
	idtag.set = tag != NULL;
	snprintf(idtag.fixed, sizeof(idtag.fixed), "%s", tag ? tag : "");
}

/* The part of new ids that differs per process (and so per machine):
 * 8 random hex digits, drawn again in a forked child. */
static const char *
id_tag(void)
{
	if (idtag.set)
		return idtag.fixed;
	if (!idtag.tag[0] || idtag.pid != getpid()) {
		uint32_t r = 0;
		if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != (ssize_t)sizeof(r)) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			r = (uint32_t)(smap_hash("") ^ (uint64_t)getpid() * 2654435761u ^
				       (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 20);
		}
		idtag.pid = getpid();
		snprintf(idtag.tag, sizeof(idtag.tag), "%08x", (unsigned)r);
	}
	return idtag.tag;
}

/* A new id for N, unique among the notes known (and EXTRA):
 * REVIEWER-TIME-TAG-COUNTER (no TAG when the tests set it empty). */
void
notes_new_id(struct notes_store *s, const struct nlist *extra, struct nnote *n)
{
	char stamp[32];
	struct tm tm;
	const char *tag = id_tag();
	if (!gmtime_r(&n->pub.created, &tm) ||
	    !strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm))
		strcpy(stamp, "0");
	for (unsigned k = 1;; k++) {
		char *id = *tag ? xasprintf("%s-%s-%s-%u", s->safe, stamp, tag, k)
				: xasprintf("%s-%s-%u", s->safe, stamp, k);
		if (!id_used(s, extra, id, n)) {
			free((char *)n->pub.id);
			n->pub.id = id;
			return;
		}
		free(id);
	}
}

/* Gives M the contents of D (both own notes with the same id; D is
 * freed after, and M keeps its id: maps point to it). */
static void
nnote_swap(struct nnote *m, struct nnote *d)
{
	struct note t = m->pub;
	m->pub.target = d->pub.target;
	m->pub.quote = d->pub.quote;
	m->pub.hash = d->pub.hash;
	m->pub.text = d->pub.text;
	m->pub.kind = d->pub.kind;
	m->pub.disposition = d->pub.disposition;
	m->pub.created = d->pub.created;
	m->pub.modified = d->pub.modified;
	m->own_status = d->own_status;
	m->own_status_at = d->own_status_at;
	d->pub.target = t.target;
	d->pub.quote = t.quote;
	d->pub.hash = t.hash;
	d->pub.text = t.text;
}

/* The ids this store deleted, as a map (empty when none). */
static void
deleted_map(const struct notes_store *s, struct smap *m)
{
	memset(m, 0, sizeof(*m));
	if (!s->ndeleted)
		return;
	smap_init(m, s->ndeleted);
	for (size_t i = 0; i < s->ndeleted; i++)
		smap_put(m, s->deleted[i], i);
}

/* The own notes become: what is on disk (P), except what this store
 * changed or deleted.  P's lists are taken over (emptied).  Linear:
 * every lookup goes through a map. */
void
notes_merge_own(struct notes_store *s, struct parsed *p)
{
	struct nlist out = { 0 };
	struct olist oout = { 0 };
	struct smap mine = { 0 }, del, outids = { 0 };
	size_t j;
	deleted_map(s, &del);
	smap_init(&mine, s->own.n);
	for (size_t i = 0; i < s->own.n; i++) {
		s->own.v[i]->taken = false;
		if (!s->own.v[i]->fresh)
			smap_put(&mine, s->own.v[i]->pub.id, i);
	}
	for (size_t i = 0; i < p->notes.n; i++) {
		struct nnote *d = p->notes.v[i], *mem = NULL;
		p->notes.v[i] = NULL;
		if (smap_get(&del, d->pub.id, &j)) {
			nnote_free(d);
			continue;
		}
		if (smap_get(&mine, d->pub.id, &j))
			mem = s->own.v[j];
		if (mem && mem->dirty) {
			mem->taken = true;
			nlist_push(&out, mem);
			nnote_free(d);
			continue;
		}
		if (mem) { /* unchanged here: refresh it in place */
			nnote_swap(mem, d);
			mem->taken = true;
			nlist_push(&out, mem);
			nnote_free(d);
			continue;
		}
		free((char *)d->pub.author);
		d->pub.author = xstrdup(s->reviewer);
		d->pub.own = true;
		d->pub.verified = true;
		free((char *)d->pub.file);
		d->pub.file = xstrdup(s->own_name);
		free((char *)d->pub.claimed);
		d->pub.claimed = xstrdup(s->reviewer);
		nlist_push(&out, d);
	}
	smap_free(&mine);
	smap_free(&del);
	smap_init(&outids, out.n + s->own.n);
	for (size_t i = 0; i < out.n; i++)
		smap_put(&outids, out.v[i]->pub.id, i);
	for (size_t i = 0; i < s->own.n; i++) {
		struct nnote *mem = s->own.v[i];
		if (mem->taken)
			continue;
		if (!mem->dirty) {
			/* gone from the list too: notes_new_id below looks through it */
			nnote_free(mem);
			s->own.v[i] = NULL;
			continue;
		}
		if (mem->fresh && smap_get(&outids, mem->pub.id, &j))
			notes_new_id(s, &out, mem);
		nlist_push(&out, mem);
		smap_add(&outids, mem->pub.id, out.n - 1);
	}
	smap_free(&outids);
	free(s->own.v);
	s->own = out;
	p->notes.n = 0;

	struct smap movr = { 0 };
	smap_init(&movr, s->oown.n);
	for (size_t i = 0; i < s->oown.n; i++) {
		s->oown.v[i]->taken = false;
		smap_put(&movr, s->oown.v[i]->note, i);
	}
	for (size_t i = 0; i < p->ovr.n; i++) {
		struct novr *d = p->ovr.v[i], *mem = NULL;
		p->ovr.v[i] = NULL;
		if (smap_get(&movr, d->note, &j))
			mem = s->oown.v[j];
		if (mem && mem->dirty) {
			if (!mem->taken) {
				mem->taken = true;
				olist_push(&oout, mem);
			}
			novr_free(d);
			continue;
		}
		free(d->by);
		d->by = xstrdup(s->reviewer);
		olist_push(&oout, d);
	}
	smap_free(&movr);
	for (size_t i = 0; i < s->oown.n; i++) {
		struct novr *mem = s->oown.v[i];
		if (mem->taken)
			continue;
		if (mem->dirty)
			olist_push(&oout, mem);
		else
			novr_free(mem);
	}
	free(s->oown.v);
	s->oown = oout;
	p->ovr.n = 0;

	if (!(s->own_sign && s->own_sign->dirty)) {
		nsign_free(s->own_sign);
		s->own_sign = p->sign;
		p->sign = NULL;
		if (s->own_sign) {
			free((char *)s->own_sign->pub.by);
			s->own_sign->pub.by = xstrdup(s->reviewer);
			s->own_sign->pub.verified = s->own_sign->pub.own = true;
		}
	}
}

/* Own notes are the only ones this store may have changed: keep the
 * changed ones (and the changed status records) when the file cannot be
 * read. */
void
notes_keep_dirty_only(struct notes_store *s)
{
	struct parsed empty = { 0 };
	notes_merge_own(s, &empty);
	parsed_free(&empty);
}

bool
notes_refuse_readonly(struct notes_store *s, struct notes_error *err)
{
	if (!s->readonly)
		return false;
	char *p = notes_safe_str(s->own_path);
	notes_seterr(err,
	       _("your notes file %s is malformed: notes are read-only until it is fixed"),
	       p);
	free(p);
	return true;
}

/* True when a file whose reviewer= is REVIEWER (NULL: none) may be
 * written as the store's reviewer's own: the name is exactly theirs, or
 * the file has none and its name is exactly theirs. */
bool
notes_is_mine(const struct notes_store *s, const char *reviewer)
{
	if (reviewer && *reviewer)
		return strcmp(reviewer, s->reviewer) == 0;
	return notes_name_is_exact(s->reviewer);
}

/* The own file's name in DIR: REVIEWER.xml as notes_safe_name makes it,
 * unless only a file of the older naming is there and it is exactly the
 * reviewer's (then that one, so existing notes stay one's own). */
static char *
own_name_in(const struct notes_store *s, const char *dir)
{
	char legacy[SAFE_MAX + 16], *path;
	struct stat st;
	notes_legacy_name(s->reviewer, legacy, sizeof(legacy));
	char *name = xasprintf("%s.xml", s->safe);
	if (!dir || strcmp(legacy, s->safe) == 0)
		return name;
	path = xasprintf("%s/%s", dir, name);
	bool have = lstat(path, &st) == 0;
	free(path);
	int dfd = have ? -1 : open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return name;
	char *lname = xasprintf("%s.xml", legacy), *msg = NULL;
	path = xasprintf("%s/%s", dir, lname);
	struct parsed p;
	if (notes_file_read_at(dfd, lname, path, &p, &msg, NULL) == 0 &&
	    p.reviewer && strcmp(p.reviewer, s->reviewer) == 0) {
		free(name);
		name = lname;
		lname = NULL;
	}
	parsed_free(&p);
	close(dfd);
	free(msg);
	free(path);
	free(lname);
	return name;
}

static void
serialize(struct notes_store *s, struct buf *b)
{
	notes_file_write(b, s->m ? s->m->id : NULL, s->reviewer, &s->own,
		       &s->oown, s->own_sign);
}

/* The folder the own notes go to (the fallback when FB), made when
 * missing and opened; NAME.notes is never followed out of the minutes'
 * folder.  A descriptor, or -1 with *err set (*nw: not writable, try the
 * fallback). */
static int
open_own_dir(struct notes_store *s, bool fb, bool *nw, struct notes_error *err)
{
	const char *dir = fb ? s->fallback_dir : s->primary;
	char *sdir = notes_safe_str(dir);
	int fd = -1, mfd = -1;
	struct stat st;
	*nw = false;
	if (fb) {
		if (notes_make_dirs(dir, 0700) < 0 ||
		    (fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
			*nw = notes_not_writable(errno);
			notes_seterr(err, _("cannot create the notes folder %s: %s"),
			       sdir, strerror(errno));
		}
		goto out;
	}
	if (strlen(s->nbase) > NAME_MAX) {
		*nw = true;
		notes_seterr(err, _("cannot create the notes folder %s: %s"), sdir,
		       strerror(ENAMETOOLONG));
		goto out;
	}
	mfd = open(s->mdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (mfd < 0 ||
	    (mkdirat(mfd, s->nbase, 0777) < 0 && errno != EEXIST)) {
		*nw = notes_not_writable(errno);
		notes_seterr(err, _("cannot create the notes folder %s: %s"), sdir,
		       strerror(errno));
		goto out;
	}
	fd = openat(mfd, s->nbase,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0)
		goto out;
	int e = errno;
	if (fstatat(mfd, s->nbase, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode)) {
		if (notes_resolves_inside(s->primary, s->mdir)) {
			fd = openat(mfd, s->nbase,
				    O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			e = errno;
		} else {
			char *t = notes_link_target(s->primary);
			*nw = true;
			notes_seterr(err,
			       _("%s is a symbolic link to %s, outside the minutes' folder: notes are not written there"),
			       sdir, t ? t : "?");
			free(t);
			goto out;
		}
	}
	if (fd < 0) {
		*nw = notes_not_writable(e);
		notes_seterr(err, _("cannot write in the notes folder %s: %s"), sdir,
		       strerror(e));
	}
out:
	if (mfd >= 0)
		close(mfd);
	free(sdir);
	return fd;
}

/* Saves into the own folder (the fallback when FB) under its lock.  0,
 * or -1 with *err set; *nw tells that the folder is not writable (try
 * the fallback). */
static int
save_in(struct notes_store *s, bool fb, bool *nw, struct notes_error *err)
{
	const char *dir = fb ? s->fallback_dir : s->primary;
	int dfd = open_own_dir(s, fb, nw, err);
	if (dfd < 0)
		return -1;
	int lfd = notes_open_lock(dfd, dir, nw, err);
	if (lfd < 0) {
		close(dfd);
		return -1;
	}
	while (flock(lfd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			/* NFS without locks: go on, the merge still helps */
			break;
		}
	}
	if (!s->swept) {
		notes_sweep_temps(dfd);
		s->swept = true;
	}

	int rc = -1;
	char *own = xasprintf("%s/%s", dir, s->own_name);
	char *msg = NULL;
	struct parsed p;
	struct stat ost;
	int r = notes_file_read_at(dfd, s->own_name, own, &p, &msg, &ost);
	if (r == -1) {
		s->readonly = true;
		notes_seterr(err,
		       _("%s: the notes file is malformed, so it is not written; notes are read-only until it is fixed"),
		       msg);
		notes_add_problem(s, "%s", msg);
		goto out;
	}
	if (r == -3) {
		notes_seterr(err, _("%s; your notes are kept here, not saved"), msg);
		goto out;
	}
	if (r == -2) {
		notes_seterr(err, _("cannot read %s before saving"), msg);
		goto out;
	}
	if (r == 0 && !notes_is_mine(s, p.reviewer)) {
		char *so = notes_safe_str(own), *sr = notes_safe_str(p.reviewer ? p.reviewer : "");
		char *me = notes_safe_str(s->reviewer);
		notes_seterr(err,
		       _("%s holds the notes of '%s', not yours ('%s'): it is not written; your notes are kept here, not saved"),
		       so, sr, me);
		free(so);
		free(sr);
		free(me);
		parsed_free(&p);
		goto out;
	}
	notes_merge_own(s, &p);
	parsed_free(&p);

	struct buf b = { 0 };
	serialize(s, &b);
	if (notes_write_durable_at(dfd, s->own_name, r == 0 ? &ost : NULL, b.p,
			     b.n) < 0) {
		*nw = errno == EACCES || errno == EROFS || errno == EPERM;
		char *st = notes_safe_str(own);
		notes_seterr(err, _("cannot save the notes to %s: %s"), st,
		       strerror(errno));
		free(st);
		free(b.p);
		goto out;
	}
	free(b.p);
	for (size_t i = 0; i < s->own.n; i++)
		s->own.v[i]->dirty = s->own.v[i]->fresh = false;
	for (size_t i = 0; i < s->oown.n; i++)
		s->oown.v[i]->dirty = false;
	if (s->own_sign)
		s->own_sign->dirty = false;
	notes_clear_deleted(s);
	free(s->own_path);
	s->own_path = own;
	own = NULL;
	rc = 0;
out:
	flock(lfd, LOCK_UN);
	close(lfd);
	close(dfd);
	free(msg);
	free(own);
	return rc;
}

int
notes_save(struct notes_store *s, struct notes_error *err)
{
	bool nw;
	if (notes_refuse_readonly(s, err))
		return -1;
	int rc = save_in(s, s->fallback, &nw, err);
	if (rc < 0 && nw && !s->fallback && s->fallback_dir) {
		struct notes_error e2;
		s->fallback = true;
		free(s->own_name);
		s->own_name = own_name_in(s, s->fallback_dir);
		free(s->own_path);
		s->own_path = xasprintf("%s/%s", s->fallback_dir, s->own_name);
		rc = save_in(s, true, &nw, &e2);
		if (rc < 0)
			notes_seterr(err, "%s", e2.msg);
	}
	return rc;
}

/* Where the own notes go: beside the minutes when one's file is there;
 * else in the fallback when one's file is there; else beside the minutes
 * when that folder can be written, else the fallback.  NAME.notes that
 * is a link out of the minutes' folder, or a name too long for a folder,
 * sends them to the fallback.  Nothing is created (read-only modes use
 * this too).  A save that finds the folder not writable moves to the
 * fallback. */
void
notes_choose_dir(struct notes_store *s)
{
	free(s->own_name);
	s->own_name = own_name_in(s, s->primary);
	char *fname = own_name_in(s, s->fallback_dir);
	char *pown = xasprintf("%s/%s", s->primary, s->own_name);
	char *fown = s->fallback_dir
			     ? xasprintf("%s/%s", s->fallback_dir, fname)
			     : NULL;
	free(fname);
	struct stat st;
	bool use_fb = false;
	if (strlen(s->nbase) > NAME_MAX) {
		use_fb = true;
	} else if (lstat(s->primary, &st) == 0 && S_ISLNK(st.st_mode) &&
		   !notes_resolves_inside(s->primary, s->mdir)) {
		char *sp = notes_safe_str(s->primary), *t = notes_link_target(s->primary);
		char *sf = notes_safe_str(s->fallback_dir ? s->fallback_dir : "?");
		use_fb = true;
		s->dir_problem = xasprintf(
			_("%s is a symbolic link to %s, outside the minutes' folder: your notes are written to %s instead"),
			sp, t ? t : "?", sf);
		free(sp);
		free(t);
		free(sf);
	} else if (lstat(pown, &st) == 0) {
		use_fb = false;
	} else if (fown && lstat(fown, &st) == 0) {
		use_fb = true;
	} else if (stat(s->primary, &st) == 0) {
		use_fb = !S_ISDIR(st.st_mode) ||
			 (access(s->primary, W_OK | X_OK) < 0 &&
			  notes_not_writable(errno));
	} else {
		use_fb = access(s->mdir, W_OK | X_OK) < 0 && notes_not_writable(errno);
	}
	s->fallback = use_fb && s->fallback_dir;
	free(fown);
	free(pown);
	if (s->fallback) {
		free(s->own_name);
		s->own_name = own_name_in(s, s->fallback_dir);
	}
	s->own_path = xasprintf("%s/%s", notes_dir(s), s->own_name);
}
