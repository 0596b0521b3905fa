/* loader_state.h - what the loader knows while it reads one file
 * (struct ld), the format's elements and attributes as format.def
 * writes them, and the small helpers every part of the loader uses
 * (inline: they are on the path of every byte).  Private to the
 * loader_*.c files; the loader's API is loader.h. */
#ifndef MINUTES_LOADER_STATE_H
#define MINUTES_LOADER_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "loader.h"
#include "memo.h"
#include "model.h"

#define MAX_PROBLEMS 1000
#define POOL_CHUNK ((size_t)64 << 10)
#define PUSH_CHUNK ((size_t)64 << 10)
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOWARNING)

#if LIBXML_VERSION >= 21200
#define XML_ERROR const xmlError
#else
#define XML_ERROR xmlError
#endif

/* The elements and attributes, from tui/format.def. */
#define B(x) ((uint64_t)1 << (x))
#define C(x) B(EL_##x)

enum el {
#define ELEMENT(e, name, since, flags, order, children, required) EL_##e,
#include "format.def"
	EL_COUNT,
	EL_UNKNOWN = EL_COUNT,
	EL_SKIP,        /* inside an element that is not read */
	EL_DOC,         /* above the root */
};

enum { F_TEXT = 1, F_LEAF = 2, F_MANY = 4 };

struct el_rule {
	const char *name;
	uint8_t since, flags, order;
	uint64_t children, required;
};

/* each element's rules (loader_check.c) */
extern const struct el_rule el_rules[EL_DOC + 1];

_Static_assert(EL_COUNT < 63, "element masks are 64 bits, one for text");

#define EL_IS(e, flag) ((el_rules[e].flags & (flag)) != 0)

enum attr {
#define ATTRIBUTE(a, name) A_##a,
#include "format.def"
	A_COUNT,
};

_Static_assert(A_COUNT <= 32, "attribute masks are 32 bits");

extern const char *const attr_names[A_COUNT];

#define AB(x) (1u << (x))

/* Which attributes each element takes, must have, and takes only from
 * version 2 on. */
struct attr_rules {
	uint32_t allowed[EL_COUNT], required[EL_COUNT], v2[EL_COUNT];
};

enum { OPTIONAL, REQUIRED };

/* the attributes' rules, from format.def (loader_check.c) */
void
ld_attr_rules_init(struct attr_rules *r);

/* Ids live in one table; a ref names what holds the id. */
enum { REF_MINUTES, REF_PERSON, REF_SECTION, REF_ITEM };
#define REF(kind, i) ((uint32_t)(kind) << 30 | (uint32_t)(i))
#define REF_KIND(r) ((r) >> 30)
#define REF_INDEX(r) ((r) & 0x3fffffffu)
#define REF_NONE UINT32_MAX

struct id_slot {
	uint32_t hash, ref;
};

struct id_table {
	struct id_slot *slots;
	uint32_t mask, n;
};

struct sbuf {
	char *s;
	size_t len, cap;
};

struct frame {
	enum el el;
	uint64_t seen; /* children met; bit 63: stray text reported */
	uint32_t line, col;
};

#define SEEN_TEXT ((uint64_t)1 << 63)

/* A `by` name not known yet when its item was read. */
struct by_later {
	uint32_t item, slot, line, col;
	size_t name; /* offset in ld.names */
};

struct attrs {
	const char *v[A_COUNT];
};

/* A v2 reference to a person (chair, secretary, signature, task
 * assignee), resolved when all ids are known. */
enum pref_use { PREF_CHAIR, PREF_SECRETARY, PREF_SIGNATURE, PREF_ASSIGNEE };

struct pref {
	enum pref_use use;
	uint32_t *slot;  /* PREF_ASSIGNEE: where the person's index goes */
	uint32_t index;  /* PREF_SIGNATURE: which signature */
	bool bad_role;   /* PREF_SIGNATURE: its role was not understood */
	uint32_t line, col;
	size_t name;     /* offset in ld.names */
};

/* Where a v2 part was written, for the checks made at the end. */
struct v2_pos {
	uint32_t line, col;
};

struct ld {
	struct minutes *m;
	struct load_error *err;
	xmlParserCtxtPtr ctxt;
	bool fatal;
	bool utf8;      /* no other encoding declared */
	bool utf16;
	bool cut;       /* the input ends inside a UTF-8 character */
	bool finishing; /* the last call to the parser */
	struct memo moji_words; /* the mojibake check's verdicts on words */

	/* the start tag being read, in the parser's buffer */
	const char *tag, *tag_end;
	uint32_t tag_line, tag_col;
	/* where the last event ended: text starts there */
	uint32_t prev_line, prev_col;

	struct frame frames[LOADER_MAX_DEPTH + 1];
	int nframes;
	uint32_t dropped; /* problems past MAX_PROBLEMS */
	uint32_t root_line;
	const xmlChar *el_seen[EL_COUNT], *attr_seen[A_COUNT];

	struct mn_person *persons;
	uint32_t npersons, cap_persons;
	struct mn_section *sections;
	uint32_t nsections, cap_sections;
	struct mn_item *items;
	uint32_t nitems, cap_items;
	struct mn_figure *figs;
	uint32_t nfigs, cap_figs;
	struct by_later *later;
	uint32_t nlater, cap_later;
	/* v2 */
	struct mn_task *tasks; /* of the item being read */
	uint32_t ntasks, cap_tasks;
	struct mn_signature *sigs;
	uint32_t nsigs, cap_sigs;
	struct mn_recipient *recips;
	uint32_t nrecips, cap_recips;
	struct pref *prefs;
	uint32_t nprefs, cap_prefs;
	uint32_t *votes; /* indexes of the items that are votes */
	uint32_t nvotes, cap_votes;
	struct v2_pos *chair_pos, *sec_pos; /* of each <chair>, <secretary> */
	uint32_t nchair_pos, cap_chair_pos, nsec_pos, cap_sec_pos;
	uint32_t listed_present; /* persons whose presence is present */
	struct v2_pos attendees_pos, present_pos, expected_pos, date_pos;
	struct v2_pos number_pos;
	uint32_t signatures_line, signatures_col, meeting_col, root_col;
	struct sbuf names, raw, out, tmp, abuf;
	bool no_text; /* LOAD_NO_TEXT: items' texts checked, not kept */
	struct id_table ids;
	struct attr_rules attrs; /* from format.def */
	int version;               /* the rules' version: 1 or 2 */
	uint64_t after[EL_COUNT];  /* see ld_after_init */
	/* an item's id waits for the next id to be registered (or the end)
	 * while its slot is fetched into the cache: the table is too big to
	 * stay there while a big file streams through */
	struct {
		const char *id;
		uint32_t hash, ref, line, col;
		bool set;
	} pend;
	char by_name[64];  /* the last person `by` named, and its index */
	uint32_t by_index;
	char *pool; /* strings packed into arena chunks */
	size_t pool_left;

	/* text being built */
	bool space, at_start;
	/* where the open figure's or task's text starts, set by the first
	 * word after its start tag (NULL: none waiting) */
	uint32_t *mark;
	/* the item being read */
	uint32_t npara;
	bool has_p, has_inline, open_inline, mixed;
};

/* ARR (of SIZE-byte elements) grown to hold at least N + 1. */
static inline void *
grow(void *arr, uint32_t n, uint32_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 16;
	return mn_xrealloc(arr, (size_t)*cap * size);
}

static inline void
sbuf_reserve(struct sbuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->s = mn_xrealloc(b->s, cap);
	b->cap = cap;
}

static inline void
sbuf_add(struct sbuf *b, const char *s, size_t len)
{
	sbuf_reserve(b, len);
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

static inline bool
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline bool
is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_space((unsigned char)s[i]))
			return false;
	return true;
}

/* Trims XML white space: returns the start, the length in *len. */
static inline const char *
trim(const char *s, size_t *len)
{
	size_t n = strlen(s);
	while (n && is_space((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && is_space((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

/* The parser reads UTF-8 (it converts other encodings first) and counts
 * columns in characters. */
static inline uint32_t
chars(const char *p, const char *e)
{
	uint32_t n = 0;
#ifdef __GNUC__
	/* eight bytes at a time: all, less the continuation bytes (10xxxxxx) */
	const uint64_t highs = 0x8080808080808080ull;
	for (; e - p >= 8; p += 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		n += 8 - (uint32_t)__builtin_popcountll(w & ~(w << 1) & highs);
	}
#endif
	for (; p < e; p++)
		n += ((unsigned char)*p & 0xc0) != 0x80;
	return n;
}

static inline uint32_t
newlines(const char *p, const char *e)
{
	uint32_t n = 0;
	while (p < e && (p = memchr(p, '\n', (size_t)(e - p)))) {
		n++;
		p++;
	}
	return n;
}

#endif
