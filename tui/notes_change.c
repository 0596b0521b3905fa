/* notes_change.c - every change to a store, each saved before it
 * returns: adding, editing, re-kinding, deleting and re-attaching one's
 * notes, resolving or reopening anyone's, answering a note (replies and
 * dispositions), signing off the meeting. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nls.h"
#include "notes.h"
#include "notes_anchor.h"
#include "notes_file.h"
#include "notes_query.h"
#include "notes_save.h"
#include "notes_store.h"
#include "notes_words.h"
#include "xalloc.h"

static enum notes_result
notes_finish(struct notes_store *s, struct notes_error *err)
{
	int rc = notes_save(s, err);
	notes_rebuild(s);
	return rc == 0 ? NOTES_OK : NOTES_UNSAVED;
}

/* The own note ID, or NULL with *err set (another's, or none). */
static struct nnote *
own_note(struct notes_store *s, const char *id, struct notes_error *err)
{
	for (size_t i = 0; i < s->own.n; i++)
		if (strcmp(s->own.v[i]->pub.id, id) == 0)
			return s->own.v[i];
	const struct note *n = id ? notes_find(s, id) : NULL;
	if (n)
		notes_seterr(err, _("this note is %s's: only its author can change it"),
		       n->author);
	else
		notes_seterr(err, _("no such note"));
	return NULL;
}

static char *
notes_note_text(const char *text, struct notes_error *err)
{
	size_t len = text ? strlen(text) : 0;
	if (len > NOTES_TEXT_MAX) {
		notes_seterr(err,
		       _("the note has %zu bytes; a note holds at most %d bytes (1 MiB): it was not saved"),
		       len, NOTES_TEXT_MAX);
		return NULL;
	}
	char *t = notes_clean_text(text ? text : "", len);
	if (notes_is_blank(t)) {
		free(t);
		notes_seterr(err, _("a note cannot be empty"));
		return NULL;
	}
	return t;
}

static struct elem *
notes_target_elem(struct notes_store *s, const char *target,
	    struct notes_error *err)
{
	struct elem *e = target ? notes_elem_find(s, target) : NULL;
	if (!e) {
		char *t = notes_safe_str(target ? target : "");
		notes_seterr(err, _("the minutes have no element '%s'"), t);
		free(t);
	}
	return e;
}

enum notes_result
notes_add(struct notes_store *s, const char *target, enum notes_kind kind,
	  const char *text, const struct note **added,
	  struct notes_error *err)
{
	struct elem *e;
	char *t;
	if (added)
		*added = NULL;
	if (notes_refuse_readonly(s, err) || !(e = notes_target_elem(s, target, err)) ||
	    !(t = notes_note_text(text, err)))
		return NOTES_REFUSED;
	if ((unsigned)kind > NOTES_AGREED)
		kind = NOTES_COMMENT;
	struct nnote *n = xcalloc(1, sizeof(*n));
	n->pub.text = t;
	n->pub.kind = kind;
	n->pub.author = xstrdup(s->reviewer);
	n->pub.own = true;
	n->pub.verified = true;
	n->pub.file = xstrdup(s->own_name);
	n->pub.claimed = xstrdup(s->reviewer);
	n->pub.created = n->pub.modified = n->own_status_at = notes_now();
	n->own_status = NOTES_OPEN;
	n->dirty = n->fresh = true;
	notes_anchor_to(s, n, e);
	notes_new_id(s, NULL, n);
	nlist_push(&s->own, n);
	enum notes_result r = notes_finish(s, err);
	if (added)
		*added = &n->pub;
	return r;
}

enum notes_result
notes_edit(struct notes_store *s, const char *id, const char *text,
	   struct notes_error *err)
{
	struct nnote *n;
	char *t;
	if (notes_refuse_readonly(s, err) || !(n = own_note(s, id, err)) ||
	    !(t = notes_note_text(text, err)))
		return NOTES_REFUSED;
	free((char *)n->pub.text);
	n->pub.text = t;
	n->pub.modified = notes_now();
	n->dirty = true;
	return notes_finish(s, err);
}

enum notes_result
notes_set_kind(struct notes_store *s, const char *id, enum notes_kind kind,
	       struct notes_error *err)
{
	struct nnote *n;
	if (notes_refuse_readonly(s, err) || !(n = own_note(s, id, err)))
		return NOTES_REFUSED;
	if ((unsigned)kind > NOTES_AGREED) {
		notes_seterr(err, _("unknown kind of note"));
		return NOTES_REFUSED;
	}
	n->pub.kind = kind;
	n->pub.modified = notes_now();
	n->dirty = true;
	return notes_finish(s, err);
}

enum notes_result
notes_delete(struct notes_store *s, const char *id, struct notes_error *err)
{
	struct nnote *n;
	if (notes_refuse_readonly(s, err) || !(n = own_note(s, id, err)))
		return NOTES_REFUSED;
	if (!n->fresh) {
		if (s->ndeleted == s->capdeleted) {
			s->capdeleted = s->capdeleted ? s->capdeleted * 2 : 8;
			s->deleted = mn_xrealloc(s->deleted,
					      s->capdeleted * sizeof(char *));
		}
		s->deleted[s->ndeleted++] = xstrdup(n->pub.id);
	}
	for (size_t i = 0; i < s->own.n; i++)
		if (s->own.v[i] == n) {
			memmove(&s->own.v[i], &s->own.v[i + 1],
				(s->own.n - i - 1) * sizeof(n));
			s->own.n--;
			break;
		}
	nnote_free(n);
	return notes_finish(s, err);
}

enum notes_result
notes_reattach(struct notes_store *s, const char *id, const char *target,
	       struct notes_error *err)
{
	struct nnote *n;
	struct elem *e;
	if (notes_refuse_readonly(s, err) || !(n = own_note(s, id, err)) ||
	    !(e = notes_target_elem(s, target, err)))
		return NOTES_REFUSED;
	notes_anchor_to(s, n, e);
	n->pub.modified = notes_now();
	n->dirty = true;
	return notes_finish(s, err);
}

enum notes_result
notes_toggle_status(struct notes_store *s, const char *id,
		    struct notes_error *err)
{
	if (notes_refuse_readonly(s, err))
		return NOTES_REFUSED;
	const struct note *pub = id ? notes_find(s, id) : NULL;
	if (!pub) {
		notes_seterr(err, _("no such note"));
		return NOTES_REFUSED;
	}
	struct nnote *n = (struct nnote *)pub;
	enum notes_status st =
		pub->status == NOTES_OPEN ? NOTES_RESOLVED : NOTES_OPEN;
	time_t now = notes_now(), at;
	if (n->pub.own) {
		/* the note's own status loses ties: be later than the winner */
		at = n->by_own ? (now > pub->status_at ? now : pub->status_at)
			       : (now > pub->status_at ? now
						       : pub->status_at + 1);
		n->own_status = st;
		n->own_status_at = at;
		n->pub.modified = now > n->pub.modified ? now : n->pub.modified;
		n->dirty = true;
		return notes_finish(s, err);
	}
	struct novr *o = NULL;
	for (size_t i = 0; i < s->oown.n && !o; i++)
		if (strcmp(s->oown.v[i]->note, pub->id) == 0)
			o = s->oown.v[i];
	/* records beat the note's own status on equal times, and one's
	 * own winning record keeps winning: otherwise be a second later */
	bool tie_wins = n->by_own || (o && pub->status_by == o->by);
	at = now > pub->status_at ? now
				  : (tie_wins ? pub->status_at
					      : pub->status_at + 1);
	if (!o) {
		o = xcalloc(1, sizeof(*o));
		o->note = xstrdup(pub->id);
		o->by = xstrdup(s->reviewer);
		olist_push(&s->oown, o);
	}
	o->status = st;
	o->at = at;
	o->dirty = true;
	return notes_finish(s, err);
}

enum notes_result
notes_reply(struct notes_store *s, const char *id, enum notes_kind kind,
	    enum notes_disposition disposition, const char *text,
	    const struct note **added, struct notes_error *err)
{
	char *t;
	if (added)
		*added = NULL;
	if (notes_refuse_readonly(s, err))
		return NOTES_REFUSED;
	const struct note *to = id ? notes_find(s, id) : NULL;
	if (!to) {
		notes_seterr(err, _("no such note"));
		return NOTES_REFUSED;
	}
	if ((unsigned)kind > NOTES_RESPONSE ||
	    (kind == NOTES_RESPONSE) != (disposition != NOTES_NO_DISPOSITION) ||
	    (unsigned)disposition > NOTES_DECLINED) {
		notes_seterr(err, _("an answer is a response with a disposition (accepted, explained or declined), or a plain reply without one"));
		return NOTES_REFUSED;
	}
	if (!(t = notes_note_text(text, err)))
		return NOTES_REFUSED;
	struct nnote *n = xcalloc(1, sizeof(*n));
	n->pub.text = t;
	n->pub.kind = kind;
	n->pub.disposition = disposition;
	n->pub.reply_to = xstrdup(to->id);
	n->pub.author = xstrdup(s->reviewer);
	n->pub.own = n->pub.verified = true;
	n->pub.file = xstrdup(s->own_name);
	n->pub.claimed = xstrdup(s->reviewer);
	n->pub.created = n->pub.modified = n->own_status_at = notes_now();
	n->own_status = NOTES_OPEN;
	n->dirty = n->fresh = true;
	struct elem *e = notes_elem_find(s, to->target);
	if (e) {
		notes_anchor_to(s, n, e);
	} else { /* an orphan's reply: on the same (gone) element */
		n->pub.target = xstrdup(to->target);
		n->pub.quote = xstrdup(to->quote);
		n->pub.hash = xstrdup(to->hash);
	}
	notes_new_id(s, NULL, n);
	nlist_push(&s->own, n);
	enum notes_result r = notes_finish(s, err);
	if (added)
		*added = &n->pub;
	return r;
}

enum notes_result
notes_signoff(struct notes_store *s, const char *remark,
	      struct notes_error *err)
{
	if (notes_refuse_readonly(s, err))
		return NOTES_REFUSED;
	char *r = notes_clean_name(remark ? remark : "");
	if (strlen(r) > NOTES_TEXT_MAX) {
		free(r);
		notes_seterr(err, _("the remark is too long"));
		return NOTES_REFUSED;
	}
	if (!s->own_sign)
		s->own_sign = xcalloc(1, sizeof(*s->own_sign));
	free((char *)s->own_sign->pub.by);
	free((char *)s->own_sign->pub.remark);
	s->own_sign->pub.by = xstrdup(s->reviewer);
	s->own_sign->pub.remark = r;
	/* after one's last change: a sign-off in the second of a note
	 * would be withdrawn by it */
	time_t at = notes_now();
	for (size_t i = 0; i < s->own.n; i++)
		if (s->own.v[i]->pub.modified > at)
			at = s->own.v[i]->pub.modified;
	s->own_sign->pub.at = at;
	s->own_sign->pub.verified = s->own_sign->pub.own = true;
	s->own_sign->dirty = true;
	return notes_finish(s, err);
}
