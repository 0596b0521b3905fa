/* notes_load.c - reading a store from disk (notes_reload): one's own
 * file merged with the unsaved changes, then every other reviewer's file
 * of both folders, each checked for trust (its name against its
 * reviewer=), duplicate ids and times more than a day ahead. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nls.h"
#include "notes.h"
#include "notes_file.h"
#include "notes_names.h"
#include "notes_query.h"
#include "notes_save.h"
#include "notes_store.h"
#include "notes_words.h"
#include "smap.h"
#include "xalloc.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether a note ID is loaded already (s->known: the own notes and
 * the other files read so far); if not, it is now. */
static bool
known_elsewhere(struct notes_store *s, const char *id)
{
	return !smap_add(&s->known, id, 0);
}

static void
flag_future(struct notes_store *s, const char *path, const struct nnote *n)
{
	char when[32];
	time_t t = n->pub.created > n->pub.modified ? n->pub.created
						    : n->pub.modified;
	if (n->own_status_at > t)
		t = n->own_status_at;
	if (t <= notes_future_limit())
		return;
	notes_time_write(t, when);
	notes_add_problem(s, _("%s: note %s is dated %s, more than a day ahead"), path,
		    n->pub.id, when);
}

static void
flag_future_status(struct notes_store *s, const char *path,
		   const struct novr *o)
{
	char when[32];
	if (o->at <= notes_future_limit())
		return;
	notes_time_write(o->at, when);
	notes_add_problem(s,
		    _("%s: the status of note %s is dated %s, more than a day ahead: not applied"),
		    path, o->note, when);
}

/* Loads every reviewer file of DIR except the own one. */
static void
load_dir(struct notes_store *s, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (errno != ENOENT && errno != ENOTDIR && errno != ENAMETOOLONG)
			notes_add_problem(s, "%s: %s", dir, strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 ||
		    strcmp(de->d_name + len - 4, ".xml") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			names = mn_xrealloc(names, cap * sizeof(*names));
		}
		names[n++] = xstrdup(de->d_name);
	}
	if (n)
		notes_sort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		bool same_name = strcmp(names[i], s->own_name) == 0;
		if (!s->own_foreign && s->own_path &&
		    strcmp(path, s->own_path) == 0) {
			free(path);
			continue;
		}
		struct parsed p;
		char *msg;
		int r = notes_file_read_at(dirfd(d), names[i], path, &p, &msg, NULL);
		if (r < 0) {
			notes_add_problem(s, "%s", msg);
			free(msg);
			free(path);
			continue;
		}
		if (r > 0) { /* gone meanwhile */
			free(path);
			continue;
		}
		bool verified = notes_file_is_theirs(names[i], p.reviewer);
		char *author;
		if (!verified) {
			author = xasprintf(_("unverified (%s)"), names[i]);
		} else if (p.reviewer && *p.reviewer) {
			author = xstrdup(p.reviewer);
		} else {
			author = xstrdup(names[i]);
			author[strlen(author) - 4] = '\0';
		}
		if (!verified)
			notes_add_problem(s,
				    _("%s: its reviewer '%s' is not the one its file name is made from: its notes are shown as unverified"),
				    path, p.reviewer ? p.reviewer : "");
		for (size_t j = 0; j < p.notes.n; j++) {
			struct nnote *nn = p.notes.v[j];
			p.notes.v[j] = NULL;
			if (known_elsewhere(s, nn->pub.id)) {
				if (!same_name)
					notes_add_problem(s,
						    _("%s: note %s is also in another notes file; skipped"),
						    path, nn->pub.id);
				nnote_free(nn);
				continue;
			}
			nn->pub.author = xstrdup(author);
			nn->pub.own = false;
			nn->pub.verified = verified;
			nn->pub.file = xstrdup(names[i]);
			nn->pub.claimed = xstrdup(p.reviewer ? p.reviewer : "");
			flag_future(s, path, nn);
			nlist_push(&s->oth, nn);
		}
		for (size_t j = 0; j < p.ovr.n; j++) {
			struct novr *o = p.ovr.v[j];
			p.ovr.v[j] = NULL;
			free(o->by);
			o->by = xstrdup(author);
			flag_future_status(s, path, o);
			olist_push(&s->ooth, o);
		}
		if (p.sign) {
			free((char *)p.sign->pub.by);
			p.sign->pub.by = xstrdup(author);
			p.sign->pub.verified = verified;
			p.sign->pub.own = false;
			if (s->nosigns == s->caposigns) {
				s->caposigns = s->caposigns ? s->caposigns * 2 : 4;
				s->osigns = mn_xrealloc(s->osigns, s->caposigns *
								   sizeof(*s->osigns));
			}
			s->osigns[s->nosigns++] = p.sign;
			p.sign = NULL;
		}
		p.notes.n = p.ovr.n = 0;
		free(author);
		parsed_free(&p);
		free(path);
	}
	closedir(d);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Reads the own file (*msg says why not): as notes_file_read_at. */
static int
read_own(struct notes_store *s, struct parsed *p, char **msg)
{
	const char *dir = s->fallback ? s->fallback_dir : s->primary;
	int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	if (dfd < 0) {
		memset(p, 0, sizeof(*p));
		*msg = NULL;
		return 1;
	}
	int r = notes_file_read_at(dfd, s->own_name, s->own_path, p, msg, NULL);
	close(dfd);
	return r;
}

int
notes_reload(struct notes_store *s, struct notes_error *err)
{
	struct parsed p;
	char *msg = NULL;
	notes_clear_problems(s);
	nlist_clear(&s->oth);
	olist_clear(&s->ooth);
	notes_clear_osigns(s);
	if (s->dir_problem)
		notes_add_problem(s, "%s", s->dir_problem);

	int r = read_own(s, &p, &msg);
	s->readonly = r == -1;
	s->own_foreign = r == 0 && !notes_is_mine(s, p.reviewer);
	if (s->own_foreign) {
		notes_add_problem(s,
			    _("%s holds the notes of '%s', not of '%s': they are shown as theirs, and your notes are not saved there"),
			    s->own_path, p.reviewer ? p.reviewer : "", s->reviewer);
		parsed_free(&p);
		notes_keep_dirty_only(s);
	} else if (r == 0) {
		if (p.minutes && *p.minutes && s->m && s->m->id &&
		    strcmp(p.minutes, s->m->id) != 0)
			notes_add_problem(s, _("%s: notes on the minutes %s, not %s"),
				    s->own_path, p.minutes, s->m->id);
		notes_merge_own(s, &p);
		parsed_free(&p);
		for (size_t i = 0; i < s->own.n; i++)
			flag_future(s, s->own_path, s->own.v[i]);
		for (size_t i = 0; i < s->oown.n; i++)
			flag_future_status(s, s->own_path, s->oown.v[i]);
	} else {
		notes_keep_dirty_only(s);
		if (r < 0)
			notes_add_problem(s, "%s", msg);
		if (r == -1)
			notes_add_problem(s,
				    _("your notes file is malformed: notes are read-only until it is fixed"));
	}
	free(msg);

	smap_free(&s->known);
	for (size_t i = 0; i < s->own.n; i++)
		smap_add(&s->known, s->own.v[i]->pub.id, 0);
	load_dir(s, s->primary);
	if (s->fallback_dir)
		load_dir(s, s->fallback_dir);
	smap_free(&s->known);
	notes_rebuild(s);
	if (r == -2) {
		notes_seterr(err, "%s", notes_problem(s, s->dir_problem ? 1 : 0));
		return -1;
	}
	return 0;
}
