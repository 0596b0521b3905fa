/* notes_query.c - the store's views, rebuilt after every change: notes
 * by creation time and by id, by target in threads (open first, replies
 * under their note), orphans, effective statuses (own status, <status>
 * records and answers), replies, open counts per section, sign-offs
 * withdrawn or current; and the read-only questions asked of them,
 * among them the review state of the meeting. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "notes.h"
#include "notes_anchor.h"
#include "notes_file.h"
#include "notes_query.h"
#include "notes_store.h"
#include "notes_words.h"
#include "smap.h"
#include "xalloc.h"

static int
cmp_orphan(const void *a, const void *b)
{
	const struct note *x = *(const struct note *const *)a;
	const struct note *y = *(const struct note *const *)b;
	int c = strcmp(x->target, y->target);
	return c ? c : notes_cmp_created(a, b);
}

static bool
in_future(const struct nnote *n)
{
	time_t l = notes_future_limit();
	return n->pub.created > l || n->pub.modified > l ||
	       n->own_status_at > l;
}

/* A status set on note ID by BY at AT: it wins when later than the
 * note's effective status (on equal times the note's own comes first,
 * then by name, the last wins).  Dated more than a day ahead: ignored. */
static void
apply_event(struct notes_store *s, const char *id, enum notes_status st,
	    const char *by, time_t at)
{
	size_t i;
	if (at > notes_future_limit() || !smap_get(&s->idmap, id, &i))
		return;
	struct nnote *n = (struct nnote *)s->all[i];
	bool wins = at > n->pub.status_at ||
		    (at == n->pub.status_at &&
		     (n->by_own || strcmp(by, n->pub.status_by) >= 0));
	if (!wins)
		return;
	n->pub.status = st;
	n->pub.status_at = at;
	n->pub.status_by = by;
	n->by_own = false;
}

static void
apply_status(struct notes_store *s, const struct novr *o)
{
	apply_event(s, o->note, o->status, o->by, o->at);
}

static int
cmp_thread(const void *a, const void *b)
{
	const struct nnote *x = *(const struct nnote *const *)a;
	const struct nnote *y = *(const struct nnote *const *)b;
	int c = strcmp(x->gtarget, y->gtarget);
	if (c)
		return c;
	const struct nnote *rx = x->root ? x->root : x;
	const struct nnote *ry = y->root ? y->root : y;
	if (rx != ry) {
		const struct note *px = &rx->pub, *py = &ry->pub;
		if (px->status != py->status)
			return px->status == NOTES_OPEN ? -1 : 1;
		return notes_cmp_created(&px, &py);
	}
	if ((x == rx) != (y == ry))
		return x == rx ? -1 : 1;
	const struct note *px = &x->pub, *py = &y->pub;
	return notes_cmp_created(&px, &py);
}

static int
cmp_reply(const void *a, const void *b)
{
	const struct note *x = *(const struct note *const *)a;
	const struct note *y = *(const struct note *const *)b;
	int c = strcmp(x->reply_to, y->reply_to);
	return c ? c : notes_cmp_created(a, b);
}

/* The note that starts N's thread, or NULL when a note on the way is
 * gone (or the replies make a loop). */
static const struct nnote *
thread_root(const struct notes_store *s, const struct nnote *n)
{
	size_t i;
	for (size_t hops = 0; n->pub.reply_to; hops++) {
		if (hops > s->nall || !smap_get(&s->idmap, n->pub.reply_to, &i))
			return NULL;
		n = (const struct nnote *)s->all[i];
	}
	return n;
}

static int
cmp_sign(const void *a, const void *b)
{
	const struct notes_signoff *x = *(const struct notes_signoff *const *)a;
	const struct notes_signoff *y = *(const struct notes_signoff *const *)b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return strcmp(x->by, y->by);
}

/* The sign-offs, each marked withdrawn (its reviewer changed a note
 * after it) and current (nobody changed anything after it). */
static void
rebuild_signs(struct notes_store *s, time_t last)
{
	free(s->signs);
	s->nsigns = 0;
	s->signs = xmalloc((s->nosigns + 1) * sizeof(*s->signs));
	struct smap latest = { 0 };
	smap_init(&latest, s->nosigns + 1);
	if (s->own_sign)
		s->signs[s->nsigns++] = &s->own_sign->pub;
	for (size_t i = 0; i < s->nosigns; i++)
		s->signs[s->nsigns++] = &s->osigns[i]->pub;
	for (size_t i = 0; i < s->nsigns; i++) {
		((struct notes_signoff *)s->signs[i])->withdrawn = false;
		smap_put(&latest, s->signs[i]->by, i);
	}
	/* each author's last change */
	for (size_t i = 0; i < s->nall; i++) {
		size_t j;
		const struct note *n = s->all[i];
		if (smap_get(&latest, n->author, &j)) {
			struct notes_signoff *g = (struct notes_signoff *)s->signs[j];
			if (n->modified > g->at)
				g->withdrawn = true;
		}
	}
	for (size_t i = 0; i < s->nsigns; i++) {
		struct notes_signoff *g = (struct notes_signoff *)s->signs[i];
		g->current = !g->withdrawn && g->at >= last;
	}
	smap_free(&latest);
	notes_sort(s->signs, s->nsigns, sizeof(*s->signs), cmp_sign);
}

/* An open note, as counted for a badge, a section and ]/[: a note, not
 * a reply, not resolved, and not "agreed" (agreeing asks for nothing). */
static bool
counts_open(const struct note *n)
{
	return n->status == NOTES_OPEN && !n->reply_to && n->kind != NOTES_AGREED;
}

void
notes_rebuild(struct notes_store *s)
{
	size_t n = s->own.n + s->oth.n;
	free(s->all);
	free(s->bytarget);
	free(s->orphans);
	free(s->groups);
	free(s->secopen);
	free(s->replies);
	s->all = xmalloc(n * sizeof(*s->all));
	s->bytarget = xmalloc(n * sizeof(*s->bytarget));
	s->orphans = xmalloc(n * sizeof(*s->orphans));
	s->groups = xmalloc(n * sizeof(*s->groups));
	s->replies = xmalloc(n * sizeof(*s->replies));
	s->nall = 0;
	for (size_t i = 0; i < s->own.n; i++)
		s->all[s->nall++] = &s->own.v[i]->pub;
	for (size_t i = 0; i < s->oth.n; i++)
		s->all[s->nall++] = &s->oth.v[i]->pub;
	notes_sort(s->all, n, sizeof(*s->all), notes_cmp_created);

	smap_init(&s->idmap, n);
	for (size_t i = 0; i < n; i++) {
		struct nnote *nn = (struct nnote *)s->all[i];
		smap_put(&s->idmap, nn->pub.id, i);
		nn->pub.unsaved = nn->pub.own && nn->dirty;
		nn->pub.future = in_future(nn);
		nn->pub.status = nn->own_status;
		nn->pub.status_at = nn->own_status_at;
		nn->pub.status_by = nn->pub.author;
		nn->pub.nreplies = 0;
		nn->pub.answered = false;
		nn->by_own = true;
	}
	/* replies: counted on their note; an accepted or declined answer
	 * resolves it (at the answer's time: a later reopening wins) */
	size_t nrep = 0;
	for (size_t i = 0; i < n; i++) {
		struct nnote *nn = (struct nnote *)s->all[i];
		size_t j;
		if (!nn->pub.reply_to || !smap_get(&s->idmap, nn->pub.reply_to, &j))
			continue;
		struct nnote *to = (struct nnote *)s->all[j];
		to->pub.nreplies++;
		s->replies[nrep++] = &nn->pub;
		if (nn->pub.kind != NOTES_RESPONSE)
			continue;
		to->pub.answered = true;
		if (nn->pub.disposition == NOTES_ACCEPTED ||
		    nn->pub.disposition == NOTES_DECLINED)
			apply_event(s, to->pub.id, NOTES_RESOLVED, nn->pub.author,
				    nn->pub.modified);
	}
	for (size_t i = 0; i < s->oown.n; i++)
		apply_status(s, s->oown.v[i]);
	for (size_t i = 0; i < s->ooth.n; i++)
		apply_status(s, s->ooth.v[i]);
	notes_sort(s->replies, nrep, sizeof(*s->replies), cmp_reply);
	smap_init(&s->rmap, nrep);
	for (size_t i = 0; i < nrep; i++) /* the first reply of each note */
		smap_put(&s->rmap, s->replies[i]->reply_to, i);

	s->nsecopen = s->m ? s->m->nsections : 0;
	s->secopen = xcalloc(s->nsecopen, sizeof(*s->secopen));
	s->norphans = 0;
	time_t last = 0;
	for (size_t i = 0; i < n; i++) {
		struct nnote *nn = (struct nnote *)s->all[i];
		nn->root = thread_root(s, nn);
		nn->gtarget = nn->pub.target; /* a reply's is its note's */
		if (nn->pub.modified > last)
			last = nn->pub.modified;
		if (nn->own_status_at > last)
			last = nn->own_status_at;
	}
	for (size_t i = 0; i < s->oown.n; i++)
		if (s->oown.v[i]->at > last)
			last = s->oown.v[i]->at;
	for (size_t i = 0; i < s->ooth.n; i++)
		if (s->ooth.v[i]->at > last && s->ooth.v[i]->at <= notes_future_limit())
			last = s->ooth.v[i]->at;
	s->last_change = last;
	for (size_t i = 0; i < n; i++) {
		struct nnote *nn = (struct nnote *)s->all[i];
		struct elem *e = notes_elem_find(s, nn->gtarget);
		s->bytarget[i] = s->all[i];
		if (!e || !nn->root) {
			/* its element is gone, or the note it answers */
			nn->pub.anchor = NOTES_ORPHAN;
			s->orphans[s->norphans++] = s->all[i];
			continue;
		}
		nn->pub.anchor = strcmp(notes_elem_hash(s, e), nn->pub.hash) == 0
					 ? NOTES_ANCHORED
					 : NOTES_CHANGED;
		if (e->type == EL_SECTION && counts_open(&nn->pub) &&
		    e->sec < s->nsecopen)
			s->secopen[e->sec]++;
	}
	notes_sort(s->orphans, s->norphans, sizeof(*s->orphans), cmp_orphan);
	notes_sort(s->bytarget, n, sizeof(*s->bytarget), cmp_thread);

	smap_init(&s->tmap, n);
	size_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		const struct nnote *nn = (const struct nnote *)s->bytarget[i];
		if (i == 0 ||
		    strcmp(nn->gtarget,
			   ((const struct nnote *)s->bytarget[i - 1])->gtarget)) {
			s->groups[ng] = (struct tgroup){ i, 0, 0 };
			smap_put(&s->tmap, nn->gtarget, ng);
			ng++;
		}
		s->groups[ng - 1].n++;
		if (counts_open(&nn->pub))
			s->groups[ng - 1].open++;
	}
	rebuild_signs(s, last);
}

size_t
notes_count(const struct notes_store *s)
{
	return s->nall;
}

const struct note *
notes_get(const struct notes_store *s, size_t i)
{
	return i < s->nall ? s->all[i] : NULL;
}

const struct note *
notes_find(const struct notes_store *s, const char *id)
{
	size_t i;
	return smap_get(&s->idmap, id, &i) ? s->all[i] : NULL;
}

size_t
notes_for_target(const struct notes_store *s, const char *id,
		 const struct note *const **out)
{
	size_t g;
	if (!smap_get(&s->tmap, id, &g)) {
		if (out)
			*out = NULL;
		return 0;
	}
	if (out)
		*out = s->bytarget + s->groups[g].start;
	return s->groups[g].n;
}

size_t
notes_open_count(const struct notes_store *s, const char *id)
{
	size_t g;
	return smap_get(&s->tmap, id, &g) ? s->groups[g].open : 0;
}

size_t
notes_section_open_count(const struct notes_store *s, size_t sec)
{
	return sec < s->nsecopen ? s->secopen[sec] : 0;
}

size_t
notes_orphans(const struct notes_store *s, const struct note *const **out)
{
	if (out)
		*out = s->orphans;
	return s->norphans;
}

size_t
notes_problem_count(const struct notes_store *s)
{
	return s->nproblems;
}

const char *
notes_problem(const struct notes_store *s, size_t i)
{
	return i < s->nproblems ? s->problems[i] : NULL;
}

bool
notes_readonly(const struct notes_store *s)
{
	return s->readonly;
}

const char *
notes_dir(const struct notes_store *s)
{
	return s->fallback ? s->fallback_dir : s->primary;
}

bool
notes_fallback(const struct notes_store *s)
{
	return s->fallback;
}

const char *
notes_reviewer(const struct notes_store *s)
{
	return s->reviewer;
}

bool
notes_unsaved(const struct notes_store *s)
{
	return notes_unsaved_count(s) > 0;
}

size_t
notes_unsaved_count(const struct notes_store *s)
{
	size_t n = s->ndeleted;
	for (size_t i = 0; i < s->own.n; i++)
		n += s->own.v[i]->dirty;
	for (size_t i = 0; i < s->oown.n; i++)
		n += s->oown.v[i]->dirty;
	return n + (s->own_sign && s->own_sign->dirty);
}

size_t
notes_replies(const struct notes_store *s, const char *id,
	      const struct note *const **out)
{
	size_t i, n = 0;
	const struct note *to = id ? notes_find(s, id) : NULL;
	if (to && to->nreplies && smap_get(&s->rmap, id, &i))
		n = to->nreplies;
	if (out)
		*out = n ? s->replies + i : NULL;
	return n;
}

size_t
notes_signoffs(const struct notes_store *s,
	       const struct notes_signoff *const **out)
{
	if (out)
		*out = s->signs;
	return s->nsigns;
}

void
notes_review(const struct notes_store *s, struct notes_review_state *st)
{
	memset(st, 0, sizeof(*st));
	for (size_t i = 0; i < s->nall; i++) {
		const struct note *n = s->all[i];
		if (n->reply_to) {
			st->replies++;
			continue;
		}
		st->notes++;
		if (n->status == NOTES_OPEN) {
			st->open++;
			st->unanswered += !n->answered;
		}
	}
	bool current = false;
	for (size_t i = 0; i < s->nsigns; i++) {
		const struct notes_signoff *g = s->signs[i];
		if (!g->verified || g->withdrawn)
			continue;
		st->signers++;
		current |= g->current;
	}
	st->last_change = s->last_change;
	if (st->notes == 0 && st->signers == 0)
		st->state = NOTES_REVIEW_NONE;
	else if (st->unanswered == 0 && current)
		st->state = NOTES_REVIEW_READY;
	else if (st->unanswered > 0)
		st->state = NOTES_REVIEW_OPEN;
	else if (st->signers > 0)
		st->state = NOTES_REVIEW_SIGNED;
	else
		st->state = NOTES_REVIEW_ANSWERED;
}

char *
notes_review_signers(const struct notes_store *s)
{
	struct buf b = { 0 };
	bool first = true;
	for (size_t i = 0; i < s->nsigns; i++) {
		const struct notes_signoff *g = s->signs[i];
		if (!g->verified || g->withdrawn)
			continue;
		if (!first)
			buf_str(&b, ", ");
		buf_str(&b, g->by);
		first = false;
	}
	char *r = xstrdup(b.p ? b.p : "");
	free(b.p);
	return r;
}

char *
notes_review_words(enum notes_review state, size_t unanswered,
		   const char *signers)
{
	struct buf b = { 0 };
	switch (state) {
	case NOTES_REVIEW_NONE:
		buf_str(&b, _("no notes"));
		break;
	case NOTES_REVIEW_OPEN:
		buf_printf(&b, ngettext("open (%zu open)", "open (%zu open)",
					unanswered),
			   unanswered);
		break;
	case NOTES_REVIEW_ANSWERED:
		buf_str(&b, _("answered"));
		break;
	case NOTES_REVIEW_SIGNED:
	case NOTES_REVIEW_READY:
		buf_str(&b, state == NOTES_REVIEW_READY ? _("ready to sign")
							: _("signed off"));
		buf_printf(&b, " (%s ", _("by"));
		buf_str(&b, signers ? signers : "");
		buf_str(&b, ")");
		break;
	}
	char *r = notes_safe_str(b.p ? b.p : "");
	free(b.p);
	return r;
}

char *
notes_review_label(const struct notes_store *s)
{
	struct notes_review_state st;
	notes_review(s, &st);
	char *by = notes_review_signers(s);
	char *r = notes_review_words(st.state, st.unanswered, by);
	free(by);
	return r;
}
