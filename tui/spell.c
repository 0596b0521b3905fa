/* spell.c - the spelling check of documents: every syllable of the
 * element texts judged by syllable.h, tone placement kept consistent in
 * a document, and personal names written with a lower-case syllable.
 *
 * A document is read word by word, twice: once for the names (learning),
 * once for the checks.  Nothing but a few words and the findings is
 * kept, so a 30 MB file costs little; a word's column is counted only
 * when something is said about it, and each distinct word is judged
 * once (the verdicts are a memo of the run, a placement's slot a memo of
 * the document). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "memo.h"
#include "model.h"
#include "nls.h"
#include "spell.h"
#include "text.h"
#include "text_utf8.h"
#include "xalloc.h"

/* --- Characters ---------------------------------------------------------- */

/* What a code point is to the word reader, by table below CLASS_END. */
#define CLASS_END 0x1F00
enum { CC_WORD = 1, CC_UPPER = 2 };

static unsigned char cp_class_tab[CLASS_END];
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static unsigned char
class_compute(int32_t c)
{
	const utf8proc_property_t *p;
	unsigned char k = 0;
	bool mark;

	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			return CC_WORD | CC_UPPER;
		return c >= 'a' && c <= 'z' ? CC_WORD : 0;
	}
	p = utf8proc_get_property(c);
	mark = is_mark_category(p->category);
	if ((p->category >= UTF8PROC_CATEGORY_LU &&
	     p->category <= UTF8PROC_CATEGORY_LO) || mark)
		k |= CC_WORD;
	/* a mark is no capital (below the table's end, as syllable.c has it) */
	if ((!mark || c >= CLASS_END) && utf8proc_isupper(c))
		k |= CC_UPPER;
	return k;
}

static void
class_init(void)
{
	for (int32_t c = 0; c < CLASS_END; c++)
		cp_class_tab[c] = class_compute(c);
}

static inline unsigned char
cp_class(int32_t c)
{
	if (c < 0)
		return 0;
	return c < CLASS_END ? cp_class_tab[c] : class_compute(c);
}

#define ascii_letter(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))

/* The word in lower case into OUT (SIZE >= 2 * LEN + 1). */
static void
fold_case(const char *s, size_t len, char *out)
{
	size_t pos = 0, o = 0;

	while (pos < len) {
		int32_t c;
		if ((unsigned char)s[pos] < 0x80) {
			c = (unsigned char)s[pos++];
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		pos += utf8_at(s, len, pos, &c);
		if (c < 0)
			c = CP_REPLACEMENT;
		o += utf8_encode(utf8proc_tolower(c), out + o);
	}
	out[o] = '\0';
}

/* Capitalised: the first letter upper case, no other. */
static bool
word_capitalised(const char *s, size_t len)
{
	size_t pos = 0;
	bool first = true, cap = false;

	while (pos < len) {
		int32_t c;
		bool upper;
		if ((unsigned char)s[pos] < 0x80) {
			c = (unsigned char)s[pos++];
			upper = c >= 'A' && c <= 'Z';
		} else {
			pos += utf8_at(s, len, pos, &c);
			upper = cp_class(c) & CC_UPPER;
		}
		if (upper) {
			if (!first)
				return false;
			cap = true;
		}
		first = false;
	}
	return cap;
}

/* --- Reading words ------------------------------------------------------- */

/* The parse and the verdict of a syllable, kept by its bytes (a memo
 * of the run): a document, and an archive, repeat the same few
 * thousand syllables, so each is parsed and judged once; with the
 * document's slot for its tone placement, once that is known. */
struct verdict {
	struct syl s;
	int parsed;   /* syl_parse's result */
	int judged;   /* syl_judge's, when parsed is 0 */
	uint32_t doc; /* the document of PLACE (0: none) */
	uint32_t place;
};


/* Longer words are no syllables and no names: they are skipped. */
#define WORD_BYTES 64

struct word {
	size_t off;          /* in the document */
	size_t line_start;   /* where its line starts */
	uint32_t line;
	const char *nfc;     /* the word, NFC: the document's bytes or rep */
	size_t nlen;
	bool marks;          /* past ASCII */
	bool in_name;        /* inside a <name> element */
	bool joined;         /* only white space since the word before */
	bool cap;            /* Capitalised: first letter upper, no other */
	bool person;         /* part of a known person's name */
	bool has_folded;
	bool has_v;          /* V is its verdict (from the chunk memo) */
	struct verdict v;
	char rep[WORD_BYTES];         /* the NFC of a word that is not */
	char folded[WORD_BYTES * 2];  /* lower case, once asked for */
};

static const char *
word_folded(struct word *w)
{
	if (!w->has_folded) {
		fold_case(w->nfc, w->nlen, w->folded);
		w->has_folded = true;
	}
	return w->folded;
}

/* The word as a C string into BUF (WORD_BYTES). */
static const char *
word_str(const struct word *w, char *buf)
{
	memcpy(buf, w->nfc, w->nlen);
	buf[w->nlen] = '\0';
	return buf;
}

struct reader {
	const char *s;
	size_t len, pos;
	size_t line_start;
	uint32_t line;
	bool joined, in_name, any;
	bool learning; /* only Capitalised words and names are wanted */
	struct memo *chunks; /* what is known of a chunk (struct chunk) */
};

/* What a chunk (the bytes between two ASCII characters that are no
 * letters) is, kept by its bytes for the run: a document repeats its
 * words, so each is read and judged once. */
struct chunk {
	bool single; /* one word: every character a letter or a mark */
	bool same;   /* its bytes are its NFC */
	bool cap;
	struct verdict v; /* of a single word that is its own NFC */
};

/* The end of the chunk from POS on: the first ASCII character that is
 * no letter, sixteen bytes at a time; *HIGH says whether a byte past
 * ASCII was seen. */
static size_t
chunk_end(const char *s, size_t len, size_t pos, bool *high)
{
	unsigned hi = 0;

#ifdef __SSE2__
	while (len - pos >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + pos));
		__m128i t = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
					 _mm_set1_epi8('a'));
		__m128i letter = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(25)), t);
		unsigned h = (unsigned)_mm_movemask_epi8(v);
		unsigned stop = ~((unsigned)_mm_movemask_epi8(letter) | h) & 0xFFFF;
		if (stop) {
			unsigned n = (unsigned)__builtin_ctz(stop);
			*high = hi || (h & ((1u << n) - 1));
			return pos + n;
		}
		hi |= h;
		pos += 16;
	}
#endif
	for (; pos < len; pos++) {
		unsigned char b = (unsigned char)s[pos];
		if (b >= 0x80)
			hi = 1;
		else if (!ascii_letter(b))
			break;
	}
	*high = hi != 0;
	return pos;
}

enum { RD_END, RD_WORD, RD_NAME_END };

static size_t
find_str(const char *s, size_t len, size_t from, const char *what)
{
	size_t k = strlen(what);

	for (size_t i = from; i + k <= len; i++)
		if (memcmp(s + i, what, k) == 0)
			return i;
	return len;
}

/* The end of the markup at POS ('<'), and whether it opens or closes an
 * element called "name". */
static size_t
markup_end(const char *s, size_t len, size_t pos, int *name_tag)
{
	bool closing = pos + 1 < len && s[pos + 1] == '/';
	size_t i = pos + 1 + closing, k = 0, end;
	char tag[8];
	char q = 0;

	*name_tag = 0;
	if (pos + 1 < len && (s[pos + 1] == '!' || s[pos + 1] == '?')) {
		if (strncmp(s + pos, "<!--", 4) == 0)
			return find_str(s, len, pos + 4, "-->") + 3;
		if (strncmp(s + pos, "<?", 2) == 0)
			return find_str(s, len, pos + 2, "?>") + 2;
		return find_str(s, len, pos + 2, ">") + 1;
	}
	while (i < len && k + 1 < sizeof(tag) && isalnum((unsigned char)s[i]))
		tag[k++] = s[i++];
	tag[k] = '\0';
	for (end = i; end < len; end++) {
		if (q) {
			if (s[end] == q)
				q = 0;
		} else if (s[end] == '"' || s[end] == '\'') {
			q = s[end];
		} else if (s[end] == '>') {
			break;
		}
	}
	if (strcmp(tag, "name") == 0 && i < len && !isalnum((unsigned char)s[i]) &&
	    !(end > 0 && end < len && s[end - 1] == '/'))
		*name_tag = closing ? -1 : 1;
	return end < len ? end + 1 : len;
}

/* Skips to TO (past markup or a reference), counting the lines. */
static void
reader_skip(struct reader *rd, size_t to)
{
	const char *p = rd->s + rd->pos, *end = rd->s + to;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		rd->line++;
		rd->line_start = (size_t)(++p - rd->s);
	}
	rd->pos = to;
}

/* A word of ASCII letters and precomposed Latin letters only (no
 * combining mark, no other script): NFC as it stands. */
static bool
plain_cp(int32_t c)
{
	return c < 0x1C0 || (c >= 0x1E80 && c < 0x1F00);
}

/* The word at [FROM, E): its NFC form and case.  False when its NFC is
 * too long to be a word. */
static bool
word_fill(struct reader *rd, struct word *w, size_t from, size_t e,
	  bool ascii, bool plain)
{
	const char *s = rd->s + from;
	size_t n = e - from;

	w->nfc = s;
	w->nlen = n;
	w->marks = !ascii;
	if (ascii) {
		bool later_upper = false;
		if (!(s[0] >= 'A' && s[0] <= 'Z')) {
			w->cap = false;
			return true;
		}
		for (size_t i = 1; i < n && !later_upper; i++)
			later_upper = s[i] >= 'A' && s[i] <= 'Z';
		w->cap = !later_upper;
		return true;
	}
	if (!plain && !text_is_clean(s, n)) {
		size_t m;
		char *nfc = text_repair(s, n, &m);
		if (!nfc)
			mn_oom();
		if (m >= WORD_BYTES)
			m = 0;
		memcpy(w->rep, nfc, m);
		free(nfc);
		if (!m)
			return false;
		w->nfc = w->rep;
		w->nlen = m;
		w->marks = false;
		for (size_t i = 0; i < m; i++)
			w->marks |= (unsigned char)w->rep[i] >= 0x80;
	}
	w->cap = word_capitalised(w->nfc, w->nlen);
	return true;
}

/* The exact reading of the chunk [FROM, E): one word or not, and what
 * word (see struct chunk). */
static void
chunk_read(const char *s, size_t from, size_t e, struct chunk *ch)
{
	bool plain = true;

	memset(ch, 0, sizeof(*ch));
	for (size_t i = from; i < e;) {
		int32_t cp;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += utf8_at(s, e, i, &cp);
		if (!(cp_class(cp) & CC_WORD))
			return;
		plain &= plain_cp(cp);
	}
	ch->single = true;
	ch->same = plain || text_is_clean(s + from, e - from);
	if (!ch->same)
		return;
	ch->cap = word_capitalised(s + from, e - from);
	ch->v.parsed = syl_parse(s + from, e - from, &ch->v.s);
	ch->v.judged = ch->v.parsed == 0 ? syl_judge(&ch->v.s) : -1;
}

/* The word at POS (its first character read, up to AFTER) the quick
 * way, by its chunk: true when it was read into W. */
static bool
reader_chunk(struct reader *rd, struct word *w, size_t pos, size_t after,
	     bool ascii)
{
	const char *s = rd->s;
	bool high;
	size_t e = chunk_end(s, rd->len, after, &high);
	struct chunk tmp, *ch;

	if (e - pos >= WORD_BYTES)
		return false; /* a long word: the exact way skips it */
	w->off = pos;
	w->line = rd->line;
	w->line_start = rd->line_start;
	w->in_name = rd->in_name;
	w->person = w->has_folded = false;
	w->nfc = s + pos;
	w->nlen = e - pos;
	if (ascii && !high) {
		w->has_v = false;
		word_fill(rd, w, pos, e, true, true);
	} else {
		if (!(ch = memo_get(rd->chunks, s + pos, e - pos))) {
			chunk_read(s, pos, e, &tmp);
			ch = memo_put(rd->chunks, s + pos, e - pos, &tmp);
			if (!ch)
				ch = &tmp;
		}
		if (!ch->single || !ch->same)
			return false;
		w->marks = true;
		w->cap = ch->cap;
		w->has_v = true;
		w->v = ch->v;
	}
	rd->pos = e;
	w->joined = rd->joined && rd->any;
	rd->joined = rd->any = true;
	return true;
}

/* The next word of the element texts into W (markup, comments and
 * attribute values skipped, entity references taken as separators), or
 * the end of a <name> element, or the end. */
static int
reader_next(struct reader *rd, struct word *w)
{
	const char *s = rd->s;
	size_t len = rd->len;

	while (rd->pos < len) {
		size_t pos = rd->pos, e;
		unsigned char c = (unsigned char)s[pos];
		int32_t cp;

		if (c < 0x80 && !ascii_letter(c)) {
			if (c == '<') {
				int name_tag;
				e = markup_end(s, len, pos, &name_tag);
				rd->joined = false;
				reader_skip(rd, e > len ? len : e);
				if (name_tag > 0)
					rd->in_name = true;
				if (name_tag < 0 && rd->in_name) {
					rd->in_name = false;
					return RD_NAME_END;
				}
				continue;
			}
			if (c == '&') {
				e = pos + 1;
				while (e < len && e < pos + 12 && s[e] != ';' && s[e] != '<')
					e++;
				reader_skip(rd, e < len && s[e] == ';' ? e + 1 : pos + 1);
				rd->joined = false;
				continue;
			}
			if (c == '\n') {
				rd->line++;
				rd->line_start = pos + 1;
			} else if (!(c == ' ' || c == '\t' || c == '\r')) {
				rd->joined = false;
			}
			rd->pos++;
			continue;
		}
		size_t n = utf8_at(s, len, pos, &cp);
		unsigned char k = cp_class(cp);
		bool ascii = c < 0x80, plain = plain_cp(cp);
		if (!(k & CC_WORD)) {
			if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'))
				rd->joined = false;
			rd->pos += n;
			continue;
		}
		if (rd->chunks && reader_chunk(rd, w, pos, pos + n, ascii))
			return RD_WORD;
		/* the word: letters and marks, never a newline */
		for (e = pos + n; e < len;) {
			unsigned char b = (unsigned char)s[e];
			if (b < 0x80) {
				if (!ascii_letter(b))
					break;
				e++;
				continue;
			}
			n = utf8_at(s, len, e, &cp);
			if (!(cp_class(cp) & CC_WORD))
				break;
			plain &= plain_cp(cp);
			ascii = false;
			e += n;
		}
		rd->pos = e;
		if (e - pos >= WORD_BYTES) {
			rd->joined = false;
			continue;
		}
		w->off = pos;
		w->line = rd->line;
		w->line_start = rd->line_start;
		w->in_name = rd->in_name;
		w->person = w->has_folded = w->has_v = false;
		if (rd->learning && !rd->in_name && (ascii || plain) &&
		    !(k & CC_UPPER)) {
			/* no capital: nothing to learn, but a word */
			w->nfc = s + pos;
			w->nlen = e - pos;
			w->marks = !ascii;
			w->cap = false;
		} else if (!word_fill(rd, w, pos, e, ascii, plain)) {
			rd->joined = false;
			continue;
		}
		w->joined = rd->joined && rd->any;
		rd->joined = rd->any = true;
		return RD_WORD;
	}
	return RD_END;
}

static void
reader_init(struct reader *rd, const char *s, size_t len, bool learning)
{
	pthread_once(&class_once, class_init);
	memset(rd, 0, sizeof(*rd));
	rd->s = s;
	rd->len = len;
	rd->line = 1;
	rd->learning = learning;
}

/* Columns, counted in characters when asked for: a cursor that moves
 * forward only, so that a document of one long line is read once. */
struct colcur {
	size_t line_start, off;
	uint32_t col;
};

static uint32_t
word_col(struct colcur *cc, const char *s, const struct word *w)
{
	size_t from = w->line_start;
	uint32_t col = 1;

	if (cc->line_start == w->line_start && cc->off <= w->off && cc->col) {
		from = cc->off;
		col = cc->col;
	}
	for (size_t i = from; i < w->off; i++)
		col += ((unsigned char)s[i] & 0xC0) != 0x80;
	cc->line_start = w->line_start;
	cc->off = w->off;
	cc->col = col;
	return col;
}

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

/* Names every clerk writes, so that "Hồ Chí minh" is seen in a file
 * that has no "Hồ Chí Minh" of its own. */
static const char *const national_names[] = {
	"h\xE1\xBB\x93 ch\xC3\xAD minh",                          /* Hồ Chí Minh */
	"v\xC3\xB5 nguy\xC3\xAAn gi\xC3\xA1p",                    /* Võ Nguyên Giáp */
	"t\xC3\xB4n \xC4\x91\xE1\xBB\xA9\x63 th\xE1\xBA\xAFng",    /* Tôn Đức Thắng */
	"ph\xE1\xBA\xA1m v\xC4\x83n \xC4\x91\xE1\xBB\x93ng",      /* Phạm Văn Đồng */
	"nguy\xE1\xBB\x85n \xC3\xA1i qu\xE1\xBB\x91\x63",          /* Nguyễn Ái Quốc */
	"tr\xE1\xBA\xA7n h\xC6\xB0ng \xC4\x91\xE1\xBA\xA1o",      /* Trần Hưng Đạo */
	NULL
};

struct spell {
	char **names; /* folded names with two syllables or more */
	size_t n, cap;
	struct memo_index ix;
	struct memo vc;        /* word: struct verdict */
	struct memo chunks;    /* chunk: struct chunk */
	struct memo_docs docs; /* the documents learned */
	struct memo firsts; /* the names' first words (a phrase is a name
			     * only if its first word is one of them) */
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
	for (const char *const *n = national_names; *n; n++)
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

/* Words that go before a name, not in it: "Bà Lê Thị Hồng Gấm". */
static bool
is_honorific(const char *folded)
{
	static const char *const words[] = {
		"\xC3\xB4ng", "b\xC3\xA0", "anh", "ch\xE1\xBB\x8B", "c\xC3\xB4",
		"ch\xC3\xBA", "b\xC3\xA1\x63", "em", "\xC4\x91/c", NULL
	};

	if (strlen(folded) > 5)
		return false; /* none is longer */
	for (const char *const *w = words; *w; w++)
		if (strcmp(*w, folded) == 0)
			return true;
	return false;
}

static void
learn_run_end(struct learn *l)
{
	/* three words or more (and four with an honorific first) */
	if (l->run.n >= 3 && !l->run_long) {
		size_t from = is_honorific(word_folded(&l->run.w[0]));
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
	if (l->name && l->name_words >= 2)
		spell_add(l->sp, l->name);
	else
		free(l->name);
	l->name = NULL;
	l->name_words = 0;
}

/* Learning looks only at what may start a Capitalised word: markup, a
 * reference, an upper-case letter.  The bytes it passes over are lower
 * case letters, digits, punctuation, white space, continuation bytes
 * and the lead bytes of the lower-case Vietnamese letters à..ý, ă đ ĩ ũ
 * ơ ư and ạ..ỹ; whether two Capitalised words are joined is read off
 * the bytes between them. */
static bool
learn_byte(const unsigned char *u, size_t len, size_t i)
{
	unsigned char b = u[i], b1 = i + 1 < len ? u[i + 1] : 0;

	if (b == '<' || b == '&' || (b >= 'A' && b <= 'Z'))
		return true;
	if (b < 0xC0)
		return false;
	if (b == 0xC3)
		return b1 < 0xA0;
	if (b == 0xC4)
		return b1 != 0x83 && b1 != 0x91 && b1 != 0xA9;
	if (b == 0xC5)
		return b1 != 0xA9;
	if (b == 0xC6)
		return b1 != 0xA1 && b1 != 0xB0;
	if (b == 0xE1 && (b1 & 0xFC) == 0xB8 && i + 2 < len)
		return !(u[i + 2] & 1);
	return true;
}

/* The next byte at POS or after that learn_byte wants, or LEN. */
static size_t
learn_next(const char *s, size_t len, size_t pos)
{
	const unsigned char *u = (const unsigned char *)s;

#ifdef __SSE2__
#define U8(c) _mm_set1_epi8((char)(c))
#define EQ(x, c) _mm_cmpeq_epi8((x), U8(c))
	while (len - pos >= 18) {
		__m128i v = _mm_loadu_si128((const __m128i *)(u + pos));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(u + pos + 1));
		__m128i v2 = _mm_loadu_si128((const __m128i *)(u + pos + 2));
		__m128i t = _mm_sub_epi8(v, U8('A'));
		__m128i want = _mm_or_si128(_mm_or_si128(EQ(v, '<'), EQ(v, '&')),
					    _mm_cmpeq_epi8(_mm_min_epu8(t, U8(25)), t));
		__m128i lead = _mm_cmpeq_epi8(_mm_max_epu8(v, U8(0xC0)), v);
		__m128i low = _mm_and_si128(EQ(v, 0xC3),
					    _mm_cmpeq_epi8(_mm_max_epu8(v1, U8(0xA0)), v1));
		low = _mm_or_si128(low, _mm_and_si128(EQ(v, 0xC4),
				_mm_or_si128(_mm_or_si128(EQ(v1, 0x83), EQ(v1, 0x91)), EQ(v1, 0xA9))));
		low = _mm_or_si128(low, _mm_and_si128(EQ(v, 0xC5), EQ(v1, 0xA9)));
		low = _mm_or_si128(low, _mm_and_si128(EQ(v, 0xC6),
				_mm_or_si128(EQ(v1, 0xA1), EQ(v1, 0xB0))));
		low = _mm_or_si128(low, _mm_and_si128(_mm_and_si128(EQ(v, 0xE1),
				EQ(_mm_and_si128(v1, U8(0xFC)), 0xB8)),
				EQ(_mm_and_si128(v2, U8(1)), 1)));
		want = _mm_or_si128(want, _mm_andnot_si128(low, lead));
		unsigned m = (unsigned)_mm_movemask_epi8(want);
		if (m)
			return pos + (unsigned)__builtin_ctz(m);
		pos += 16;
	}
#undef U8
#undef EQ
#endif
	for (; pos < len; pos++)
		if (learn_byte(u, len, pos))
			return pos;
	return len;
}

/* Whether the character before POS is a letter or a mark. */
static bool
after_letter(const char *s, size_t pos)
{
	int32_t c;

	if (pos == 0)
		return false;
	if ((unsigned char)s[pos - 1] < 0x80)
		return ascii_letter(s[pos - 1]);
	size_t p = utf8_prev(s, pos);
	if (utf8_at(s, pos, p, &c) != pos - p)
		return false;
	return cp_class(c) & CC_WORD;
}

/* Only white space in S[FROM, TO). */
static bool
blank(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			return false;
	return true;
}

void
spell_learn(struct spell *sp, const char *s, size_t len)
{
	struct learn l = { sp, NULL, 0, { .n = 0 }, false };
	struct reader rd;
	struct word spare;
	size_t pos = 0, run_end = 0;

	/* learning is idempotent: a document learned before adds nothing */
	if (memo_docs_seen(&sp->docs, s, len))
		return;
	reader_init(&rd, s, len, true);
	rd.chunks = &sp->chunks;
	while ((pos = learn_next(s, len, pos)) < len) {
		unsigned char b = (unsigned char)s[pos];
		size_t e;

		if (b == '<' || b == '&') {
			int name_tag = 0;
			if (b == '<') {
				e = markup_end(s, len, pos, &name_tag);
				e = e > len ? len : e;
			} else {
				for (e = pos + 1; e < len && e < pos + 12 && s[e] != ';' &&
						  s[e] != '<'; e++)
					;
				e = e < len && s[e] == ';' ? e + 1 : pos + 1;
			}
			/* no word before is joined to one after */
			learn_run_end(&l);
			pos = e;
			if (name_tag <= 0)
				continue;
			/* a <name>: every word of it, read the exact way */
			int ev;
			rd.pos = pos;
			rd.in_name = true;
			rd.joined = false;
			for (;;) {
				struct word *w = l.run.n < RING ? &l.run.w[l.run.n] : &spare;
				if ((ev = reader_next(&rd, w)) != RD_WORD)
					break;
				learn_word(&l, w);
			}
			if (ev == RD_NAME_END)
				learn_name_end(&l);
			learn_run_end(&l);
			pos = rd.pos;
			continue;
		}
		int32_t cp;
		size_t n = utf8_at(s, len, pos, &cp);
		unsigned char k = cp_class(cp);
		if ((k & (CC_WORD | CC_UPPER)) != (CC_WORD | CC_UPPER) ||
		    after_letter(s, pos)) {
			pos += n;
			continue;
		}
		/* a word starts with a capital: read it */
		bool ascii = b < 0x80, plain = plain_cp(cp);
		for (e = pos + n; e < len;) {
			if ((unsigned char)s[e] < 0x80) {
				if (!ascii_letter(s[e]))
					break;
				e++;
				continue;
			}
			n = utf8_at(s, len, e, &cp);
			if (!(cp_class(cp) & CC_WORD))
				break;
			plain &= plain_cp(cp);
			ascii = false;
			e += n;
		}
		struct word *w = l.run.n < RING ? &l.run.w[l.run.n] : &spare;
		w->in_name = false;
		w->has_folded = false;
		if (e - pos >= WORD_BYTES || !word_fill(&rd, w, pos, e, ascii, plain)) {
			pos = e; /* no word: the next is not joined to the last */
			continue;
		}
		w->joined = l.run.n > 0 && blank(s, run_end, pos);
		learn_word(&l, w);
		if (w->cap)
			run_end = e;
		pos = e;
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

/* (c) the known name starting at ring word 0, if any, marks its words;
 * one with a lower-case syllable is reported */
static void
check_name(struct check *ck)
{
	struct ring *r = &ck->r;
	char msg[512], as[256], want[256], word[WORD_BYTES];
	size_t k, low = 0, joined = 1;

	if (!ring_at(r, 0)->cap || ring_at(r, 0)->person ||
	    !spell_has_first(ck->sp, word_folded(ring_at(r, 0))))
		return;
	/* only a phrase of joined words can be a name */
	while (joined < r->n && ring_at(r, joined)->joined)
		joined++;
	for (k = joined; k >= 2; k--) {
		char *p = ring_phrase(r, 0, k);
		bool hit = p && spell_has(ck->sp, p);
		free(p);
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
		count_placement(ck, w, v);
	}
	r->head = r->head + 1 == RING ? 0 : r->head + 1;
	r->n--;
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
	reader_init(&rd, s, len, false);
	rd.chunks = &sp->chunks;
	for (;;) {
		if (ck.r.n == RING)
			check_oldest(&ck);
		/* read straight into the ring's next slot */
		struct word *w = ring_at(&ck.r, ck.r.n);
		int ev = reader_next(&rd, w);
		if (ev == RD_END)
			break;
		if (ev == RD_WORD)
			ck.r.n++;
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
