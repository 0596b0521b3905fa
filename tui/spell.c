/* spell.c - the spelling check of documents: every syllable of the
 * element texts judged by syllable.h, tone placement kept consistent in
 * a document, and personal names written with a lower-case syllable.
 *
 * A document is read twice (spell_words.h): once for the names
 * (learning: only what may start a Capitalised word is looked at), once
 * word by word for the checks.  Nothing but a few words and the findings
 * is kept, so a 30 MB file costs little; a word's column is counted only
 * when something is said about it, and each distinct chunk is read and
 * judged once (a memo of the run; a placement's slot is kept there for
 * the document). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "memo.h"
#include "model.h"
#include "nls.h"
#include "spell.h"
#include "spell_words.h"
#include "spellnames.h"
#include "text.h"
#include "text_utf8.h"
#include "xalloc.h"

/* --- Names --------------------------------------------------------------- */

/* The last few words, for what looks across words (names). */
#define NAME_MAX_WORDS 5
#define RING NAME_MAX_WORDS

struct ring {
	struct word w[RING];
	size_t n;    /* words held, oldest first */
	size_t head; /* the oldest word's slot (words are never moved) */
};

/* Ring word I (0 the oldest). */
static struct word *
ring_at(struct ring *r, size_t i)
{
	return &r->w[r->head + i - (r->head + i >= RING ? RING : 0)];
}

/* The folded phrase of ring words [i, i + k) when they are joined. */
static char *
ring_phrase(struct ring *r, size_t i, size_t k)
{
	size_t total = 0;
	char *out, *p;

	if (i + k > r->n)
		return NULL;
	for (size_t j = i; j < i + k; j++) {
		if (j > i && !ring_at(r, j)->joined)
			return NULL;
		total += strlen(word_folded(ring_at(r, j))) + 1;
	}
	out = p = xrealloc(NULL, total + 1);
	for (size_t j = i; j < i + k; j++) {
		if (j > i)
			*p++ = ' ';
		strcpy(p, ring_at(r, j)->folded);
		p += strlen(ring_at(r, j)->folded);
	}
	*p = '\0';
	return out;
}

struct spell {
	char **names; /* folded names with two syllables or more */
	size_t n, cap;
	struct memo_index ix;
	struct memo vc;        /* word: struct verdict */
	struct memo chunks;    /* chunk: struct chunk */
	struct memo_docs docs; /* the documents learned */
	struct memo firsts; /* the names' first words (a phrase is a name
			     * only if its first word is one of them) */
	struct memo givens; /* the <name>s' last words: "chị Hoà" names her */
	uint32_t ndocs;     /* documents checked */
};

static const char *
name_at(const void *v, size_t i)
{
	return ((char *const *)v)[i];
}

static bool
spell_has(const struct spell *sp, const char *s)
{
	return memo_index_find((struct memo_index *)&sp->ix, s, sp->names, name_at, sp->n,
			  false) >= 0;
}

/* Adds S (taken over) unless it is known. */
static void
spell_add(struct spell *sp, char *s)
{
	if (memo_index_find(&sp->ix, s, sp->names, name_at, sp->n, true) >= 0) {
		free(s);
		return;
	}
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 16;
		sp->names = xrealloc(sp->names, sp->cap * sizeof(*sp->names));
	}
	sp->names[sp->n++] = s;
	memo_put(&sp->firsts, s, strcspn(s, " "), "");
}

/* Whether some name starts with the word FOLDED. */
static bool
spell_has_first(const struct spell *sp, const char *folded)
{
	size_t n = strlen(folded);

	/* a word too long to be kept may start a name */
	return n >= MEMO_KEY_MAX ||
	       memo_get((struct memo *)&sp->firsts, folded, n) != NULL;
}

struct spell *
spell_new(void)
{
	struct spell *sp = xrealloc(NULL, sizeof(*sp));

	memset(sp, 0, sizeof(*sp));
	memo_init(&sp->vc, sizeof(struct verdict), 65536); /* syllables */
	memo_init(&sp->chunks, sizeof(struct chunk), 65536);
	memo_init(&sp->firsts, 0, SIZE_MAX); /* never full */
	memo_init(&sp->givens, 0, SIZE_MAX);
	for (const char *const *n = spell_national_names; *n; n++)
		spell_add(sp, xstrndup(*n, strlen(*n)));
	return sp;
}

void
spell_free(struct spell *sp)
{
	if (!sp)
		return;
	for (size_t i = 0; i < sp->n; i++)
		free(sp->names[i]);
	free(sp->names);
	free(sp->ix.slot);
	memo_free(&sp->vc);
	memo_free(&sp->chunks);
	memo_docs_free(&sp->docs);
	memo_free(&sp->firsts);
	memo_free(&sp->givens);
	free(sp);
}

/* --- Learning: the <name> texts, and runs of three to five joined
 * Capitalised words ---------------------------------------------------- */

struct learn {
	struct spell *sp;
	char *name;     /* the <name> text so far */
	size_t name_words;
	struct ring run;
	bool run_long;  /* more than NAME_MAX_WORDS: no name */
};

static void
learn_run_end(struct learn *l)
{
	/* three words or more (and four with an honorific first) */
	if (l->run.n >= 3 && !l->run_long) {
		size_t from = spell_is_honorific(word_folded(&l->run.w[0]));
		if (l->run.n - from >= 3)
			spell_add(l->sp, ring_phrase(&l->run, from, l->run.n - from));
	}
	l->run.n = 0;
	l->run_long = false;
}

/* The word W, read into the run's next slot when there is one. */
static void
learn_word(struct learn *l, struct word *w)
{
	if (w->in_name) {
		const char *f = word_folded(w);
		size_t have = l->name ? strlen(l->name) : 0;
		l->name = xrealloc(l->name, have + strlen(f) + 2);
		if (have)
			l->name[have++] = ' ';
		strcpy(l->name + have, f);
		l->name_words++;
	}
	if (!w->cap || !w->joined)
		learn_run_end(l);
	if (!w->cap)
		return;
	if (l->run.n == RING) {
		l->run_long = true;
		return;
	}
	if (w != &l->run.w[l->run.n]) {
		/* what learning uses of it (an NFC of its own points into
		 * the slot it was read into) */
		struct word *to = &l->run.w[l->run.n];
		to->nlen = w->nlen;
		to->nfc = w->nfc;
		if (w->nfc == w->rep) {
			memcpy(to->rep, w->rep, w->nlen);
			to->nfc = to->rep;
		}
		to->cap = w->cap;
		to->joined = w->joined;
		to->in_name = w->in_name;
		to->has_folded = w->has_folded;
		if (w->has_folded)
			strcpy(to->folded, w->folded);
	}
	l->run.n++;
}

static void
learn_name_end(struct learn *l)
{
	const char *g = l->name ? strrchr(l->name, ' ') : NULL;

	if ((g = g ? g + 1 : l->name) && !memo_get(&l->sp->givens, g, strlen(g)))
		memo_put(&l->sp->givens, g, strlen(g), "");
	if (l->name && l->name_words >= 2)
		spell_add(l->sp, l->name);
	else
		free(l->name);
	l->name = NULL;
	l->name_words = 0;
}

void
spell_learn(struct spell *sp, const char *s, size_t len)
{
	struct learn l = { sp, NULL, 0, { .n = 0 }, false };
	struct reader rd;
	struct word spare, *w;
	size_t run_end = 0; /* where the run's last word ends */
	int ev, name_tag;

	/* learning is idempotent: a document learned before adds nothing */
	if (memo_docs_seen(&sp->docs, s, len))
		return;
	reader_init(&rd, s, len);
	rd.chunks = &sp->chunks;
	/* read straight into the run's next slot */
	while (w = l.run.n < RING ? &l.run.w[l.run.n] : &spare,
	       (ev = reader_next_capital(&rd, w, &name_tag)) != RD_END) {
		if (ev == RD_WORD) {
			w->joined = l.run.n > 0 && words_blank(s, run_end, w->off);
			learn_word(&l, w);
			if (w->cap)
				run_end = rd.pos;
			continue;
		}
		/* no word before markup or a reference is joined to one
		 * after it */
		learn_run_end(&l);
		if (ev != RD_MARKUP || name_tag <= 0)
			continue;
		/* a <name>: every word of it, read the exact way */
		rd.in_name = true;
		rd.joined = false;
		while (w = l.run.n < RING ? &l.run.w[l.run.n] : &spare,
		       (ev = reader_next(&rd, w)) == RD_WORD)
			learn_word(&l, w);
		if (ev == RD_NAME_END)
			learn_name_end(&l);
		learn_run_end(&l);
	}
	learn_run_end(&l);
	free(l.name);
}

/* The bytes of a regular file (never blocks on a FIFO or a device). */
static char *
read_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	size_t n = 0, cap = 0;
	ssize_t r;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	for (;;) {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (r < 0) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

bool
spell_learn_file(struct spell *sp, const char *path)
{
	size_t len;
	char *s = read_file(path, &len);

	if (!s)
		return false;
	spell_learn(sp, s, len);
	free(s);
	return true;
}

/* --- The checks -------------------------------------------------------- */

struct finding {
	uint32_t line, col;
	char *msg;
};

/* (b): one spelling of a syllable (its letters and tone, the letter
 * that carries the tone) */
struct placement {
	char key[SYL_MAX + 3];   /* letters and tone */
	char where[SYL_MAX + 8]; /* the key and the tone's letter */
	int tone_at;
	size_t count;
	uint32_t line, col; /* the first one */
	char *first;        /* as written there */
};

struct check {
	struct spell *sp;
	const char *s;
	uint32_t doc;
	struct ring r;
	struct colcur at, ahead; /* columns: the oldest word's, a name's */
	struct finding *f;
	size_t nf, cf;
	struct placement *pl;
	size_t npl, cpl;
	struct memo_index ix;
};

static void
finding_add(struct check *ck, uint32_t line, uint32_t col, const char *msg)
{
	if (ck->nf == ck->cf) {
		ck->cf = ck->cf ? ck->cf * 2 : 16;
		ck->f = xrealloc(ck->f, ck->cf * sizeof(*ck->f));
	}
	ck->f[ck->nf].line = line;
	ck->f[ck->nf].col = col;
	ck->f[ck->nf].msg = xstrndup(msg, strlen(msg));
	ck->nf++;
}

static int
finding_cmp(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

static const char *
placement_at(const void *v, size_t i)
{
	return ((const struct placement *)v)[i].where;
}

/* syl_parse and syl_judge of the word W through the memo. */
static struct verdict *
verdict_of(struct memo *vc, const struct word *w, struct verdict *tmp)
{
	struct verdict *v = memo_get(vc, w->nfc, w->nlen);

	if (v)
		return v;
	tmp->parsed = syl_parse(w->nfc, w->nlen, &tmp->s);
	tmp->judged = tmp->parsed == 0 ? syl_judge(&tmp->s) : -1;
	tmp->doc = tmp->place = 0;
	v = memo_put(vc, w->nfc, w->nlen, tmp);
	return v ? v : tmp;
}

/* (a) a syllable no Vietnamese word can have */
static void
check_syllable(struct check *ck, const struct word *w, const struct verdict *v)
{
	char msg[256], fix[64], word[WORD_BYTES];
	int r = v->parsed;

	if (r < 0 || (r == 0 && (r = v->judged) != SPELL_INVALID &&
			   !(r == SPELL_ONSET_RULE && !w->cap)))
		return;
	word_str(w, word);
	if (spell_suggest(w->nfc, w->nlen, fix, sizeof(fix)))
		snprintf(msg, sizeof(msg),
			 _("\"%s\" is not a Vietnamese syllable (%s?)"), word, fix);
	else
		snprintf(msg, sizeof(msg),
			 _("\"%s\" is not a Vietnamese syllable"), word);
	finding_add(ck, w->line, word_col(&ck->at, ck->s, w), msg);
}

/* The placement of the syllable S, found or added (first seen at W). */
static size_t
placement_find(struct check *ck, const struct word *w, const struct syl *s)
{
	char key[SYL_MAX + 3], where[SYL_MAX + 8];
	size_t k, kl = (size_t)s->n;
	long found;

	/* letters, the tone, '@', the tone's letter */
	memcpy(key, s->l, kl);
	key[kl++] = (char)('0' + s->tone);
	key[kl] = '\0';
	memcpy(where, key, kl);
	where[kl++] = '@';
	where[kl++] = (char)('a' + s->tone_at);
	where[kl] = '\0';
	found = memo_index_find(&ck->ix, where, ck->pl, placement_at, ck->npl, true);
	k = found >= 0 ? (size_t)found : ck->npl;
	if (k == ck->npl) {
		if (ck->npl == ck->cpl) {
			ck->cpl = ck->cpl ? ck->cpl * 2 : 64;
			ck->pl = xrealloc(ck->pl, ck->cpl * sizeof(*ck->pl));
		}
		memcpy(ck->pl[k].key, key, sizeof(key));
		memcpy(ck->pl[k].where, where, sizeof(where));
		ck->pl[k].tone_at = s->tone_at;
		ck->pl[k].count = 0;
		ck->pl[k].line = w->line;
		ck->pl[k].col = word_col(&ck->at, ck->s, w);
		ck->pl[k].first = xstrndup(w->nfc, w->nlen);
		ck->npl++;
	}
	return k;
}

/* (b) counted here, reported at the end */
static void
count_placement(struct check *ck, const struct word *w, struct verdict *v)
{
	if (w->person || v->parsed != 0 || !v->s.tone || v->judged != (int)SPELL_OK)
		return;
	if (v->doc != ck->doc) {
		v->place = (uint32_t)placement_find(ck, w, &v->s);
		v->doc = ck->doc;
		if (w->has_v) { /* a copy: the chunk's memo keeps it too */
			struct chunk *ch = memo_get(&ck->sp->chunks, w->nfc, w->nlen);
			if (ch) {
				ch->v.doc = v->doc;
				ch->v.place = v->place;
			}
		}
	}
	ck->pl[v->place].count++;
}

static int
placement_cmp(const void *a, const void *b)
{
	const struct placement *x = a, *y = b;
	int r = strcmp(x->key, y->key);

	if (r)
		return r;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static void
report_placements(struct check *ck)
{
	char msg[256];

	/* the spellings of one syllable side by side, first seen first */
	if (ck->npl > 1)
		qsort(ck->pl, ck->npl, sizeof(*ck->pl), placement_cmp);
	for (size_t g = 0; g < ck->npl;) {
		size_t e = g, best = g;
		while (e < ck->npl && strcmp(ck->pl[e].key, ck->pl[g].key) == 0) {
			if (ck->pl[e].count > ck->pl[best].count)
				best = e;
			e++;
		}
		for (size_t k = g; k < e; k++) {
			if (k == best)
				continue;
			/* TRANSLATORS: the counts are of the two spellings */
			snprintf(msg, sizeof(msg),
				 _("tone placement: \"%s\" (%zu) where this document "
				   "mostly writes \"%s\" (%zu)"),
				 ck->pl[k].first, ck->pl[k].count, ck->pl[best].first,
				 ck->pl[best].count);
			finding_add(ck, ck->pl[k].line, ck->pl[k].col, msg);
		}
		g = e;
	}
	for (size_t k = 0; k < ck->npl; k++)
		free(ck->pl[k].first);
	free(ck->pl);
	free(ck->ix.slot);
}

/* Whether some name starts with the word W (found once per word). */
static bool
word_first(const struct spell *sp, struct word *w)
{
	if (w->first < 0)
		w->first = spell_has_first(sp, word_folded(w));
	return w->first;
}

/* Whether the oldest word W, with N words in the ring, must wait for
 * the words after it: a Capitalised word that may start a name
 * (check_name looks at them), or any Capitalised word until the next
 * is read (a given name alone is not counted). */
static bool
word_waits(const struct spell *sp, struct word *w, size_t n)
{
	return w->cap && (n < 2 || (!w->in_name && !w->person && word_first(sp, w)));
}

/* (c) the known name starting at ring word 0, if any, marks its words;
 * one with a lower-case syllable is reported */
static void
check_name(struct check *ck)
{
	struct ring *r = &ck->r;
	char msg[512], as[256], want[256], word[WORD_BYTES];
	size_t k, low = 0, joined = 1;

	if (!ring_at(r, 0)->cap || ring_at(r, 0)->person ||
	    !word_first(ck->sp, ring_at(r, 0)))
		return;
	/* only a phrase of joined words can be a name */
	while (joined < r->n && ring_at(r, joined)->joined)
		joined++;
	/* the longest phrase, made once: the shorter ones are its starts */
	char phrase[RING * (WORD_BYTES * 2 + 1)];
	size_t ends[RING], o = 0;
	for (size_t j = 0; j < joined; j++) {
		const char *f = word_folded(ring_at(r, j));
		size_t fl = strlen(f);
		if (j)
			phrase[o++] = ' ';
		memcpy(phrase + o, f, fl);
		o += fl;
		ends[j] = o;
	}
	phrase[o] = '\0';
	for (k = joined; k >= 2; k--) {
		char was = phrase[ends[k - 1]];
		phrase[ends[k - 1]] = '\0';
		bool hit = spell_has(ck->sp, phrase);
		phrase[ends[k - 1]] = was;
		if (hit)
			break;
	}
	if (k < 2)
		return;
	for (size_t j = 0; j < k; j++) {
		ring_at(r, j)->person = true;
		if (!ring_at(r, j)->cap && !low)
			low = j;
	}
	if (!low)
		return;
	as[0] = want[0] = '\0';
	for (size_t j = 0; j < k; j++) {
		struct word *w = ring_at(r, j);
		size_t a = strlen(as), b = strlen(want);
		word_str(w, word);
		snprintf(as + a, sizeof(as) - a, "%s%s", j ? " " : "", word);
		if (!w->cap) {
			const char *f = word_folded(w);
			int32_t c;
			size_t n = utf8_at(f, strlen(f), 0, &c);
			char up[8];
			up[utf8_encode(utf8proc_toupper(c), up)] = '\0';
			snprintf(want + b, sizeof(want) - b, "%s%s%s",
				 j ? " " : "", up, f + n);
		} else {
			snprintf(want + b, sizeof(want) - b, "%s%s", j ? " " : "",
				 word);
		}
	}
	snprintf(msg, sizeof(msg),
		 _("\"%s\": the name is written \"%s\" elsewhere"), as, want);
	finding_add(ck, ring_at(r, low)->line,
		    word_col(&ck->ahead, ck->s, ring_at(r, low)), msg);
}

/* The oldest word of the ring: every check, then it goes. */
static void
check_oldest(struct check *ck)
{
	struct ring *r = &ck->r;
	struct word *w = ring_at(r, 0);

	if (w->in_name)
		w->person = true;
	if (w->cap && !w->person)
		check_name(ck);
	/* one parse and verdict for both checks; a word of plain ASCII
	 * letters has no Vietnamese letter to fault and no tone */
	if (w->marks) {
		struct verdict tmp, *v = w->has_v ? &w->v : verdict_of(&ck->sp->vc, w, &tmp);
		check_syllable(ck, w, v);
		/* a given name alone ("chị Hoà", not "Hoà Thuận") is spelled
		 * as hers */
		const struct word *next = r->n > 1 ? ring_at(r, 1) : NULL;
		if (!w->cap || (next && next->cap && next->joined) ||
		    !memo_get(&ck->sp->givens, word_folded(w), strlen(w->folded)))
			count_placement(ck, w, v);
	}
	r->head = r->head + 1 == RING ? 0 : r->head + 1;
	r->n--;
}

/* A word outside a name, no person's, not Capitalised, with its chunk
 * CH: what check_oldest does, when that is no more than counting its
 * placement (false: it wants the whole way, for a finding or the first
 * of its placement in this document). */
static bool
skim_word(void *arg, struct chunk *ch)
{
	struct check *ck = arg;
	const struct verdict *v = &ch->v;

	if (ch->cap)
		return false;
	if (v->parsed < 0)
		return true; /* not Vietnamese letters: nothing to say */
	if (v->parsed > 0 || v->judged == SPELL_INVALID ||
	    v->judged == SPELL_ONSET_RULE)
		return false; /* a finding */
	if (!v->s.tone || v->judged != SPELL_OK)
		return true;
	if (v->doc != ck->doc)
		return false;
	ck->pl[v->place].count++;
	return true;
}

size_t
spell_check(struct spell *sp, const char *s, size_t len, spell_warn_fn warn,
	    void *arg)
{
	struct check ck;
	struct reader rd;
	size_t n;

	spell_learn(sp, s, len);
	memset(&ck, 0, sizeof(ck));
	ck.sp = sp;
	ck.s = s;
	ck.doc = ++sp->ndocs;
	reader_init(&rd, s, len);
	rd.chunks = &sp->chunks;
	for (;;) {
		/* nothing before them waits: the words that need nothing
		 * but their chunk go the quick way */
		if (ck.r.n == 0)
			reader_skim(&rd, skim_word, &ck);
		/* read straight into the ring's next slot */
		struct word *w = ring_at(&ck.r, ck.r.n);
		int ev = reader_next(&rd, w);
		if (ev == RD_END)
			break;
		if (ev == RD_WORD)
			ck.r.n++;
		/* the oldest word when the ring is full, and a word that
		 * waits for nothing now (what it finds does not depend on
		 * the words after it) */
		while (ck.r.n > 0 && (ck.r.n == RING ||
				      !word_waits(sp, ring_at(&ck.r, 0), ck.r.n)))
			check_oldest(&ck);
	}
	while (ck.r.n > 0)
		check_oldest(&ck);
	report_placements(&ck);
	if (ck.nf > 1)
		qsort(ck.f, ck.nf, sizeof(*ck.f), finding_cmp);
	for (size_t i = 0; i < ck.nf; i++) {
		if (warn)
			warn(arg, ck.f[i].line, ck.f[i].col, ck.f[i].msg);
		free(ck.f[i].msg);
	}
	free(ck.f);
	n = ck.nf;
	return n;
}

struct file_out {
	FILE *out;
	const char *path;
};

static void
print_warning(void *arg, uint32_t line, uint32_t col, const char *msg)
{
	struct file_out *fo = arg;
	char *path = text_sanitize(fo->path, strlen(fo->path), false);
	char *safe = text_sanitize(msg, strlen(msg), false);

	fprintf(fo->out, "%s:%u:%u: %s: %s\n", path ? path : "", line, col,
		_("warning"), safe ? safe : "");
	free(path);
	free(safe);
}

size_t
spell_check_file(struct spell *sp, const char *path, FILE *out)
{
	struct file_out fo = { out, path };
	size_t len, n;
	char *s = read_file(path, &len);

	if (!s)
		return 0;
	n = spell_check(sp, s, len, print_warning, &fo);
	free(s);
	return n;
}
