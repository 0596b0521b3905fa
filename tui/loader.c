/* loader.c - stream a minutes XML file into the model.
 *
 * The file's bytes are read by the loader itself, in chunks; the first
 * is checked (empty, compressed, DOCTYPE), then all are pushed through
 * libxml2's SAX2 push parser: one pass, no tree, no copy of the file,
 * every event handled as it comes.  SAX rather than
 * xmlTextReader: the reader builds and frees a node for every element
 * and text, which alone costs more than the parse.  Positions come from
 * the parser's own input (it stands on the event being reported). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>

#include "decimal.h"
#include "loader.h"
#include "nls.h"
#include "text.h"
#include "mojibake.h"

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

static const struct el_rule el_rules[EL_DOC + 1] = {
#define ELEMENT(e, name, since, flags, order, children, required) \
	[EL_##e] = { name, since, flags, order, children, required },
#include "format.def"
	[EL_DOC] = { "", 1, 0, 0, C(MINUTES), 0 },
};

_Static_assert(EL_COUNT < 63, "element masks are 64 bits, one for text");

#define EL_IS(e, flag) ((el_rules[e].flags & (flag)) != 0)

enum attr {
#define ATTRIBUTE(a, name) A_##a,
#include "format.def"
	A_COUNT,
};

_Static_assert(A_COUNT <= 32, "attribute masks are 32 bits");

static const char *const attr_names[A_COUNT] = {
#define ATTRIBUTE(a, name) [A_##a] = name,
#include "format.def"
};

#define AB(x) (1u << (x))

/* Which attributes each element takes, must have, and takes only from
 * version 2 on. */
struct attr_rules {
	uint32_t allowed[EL_COUNT], required[EL_COUNT], v2[EL_COUNT];
};

enum { OPTIONAL, REQUIRED };

static void
attr_rules_init(struct attr_rules *r)
{
	memset(r, 0, sizeof(*r));
#define ATTR(e, a, since, use) \
	r->allowed[EL_##e] |= AB(A_##a); \
	r->required[EL_##e] |= (use) == REQUIRED ? AB(A_##a) : 0; \
	r->v2[EL_##e] |= (since) >= 2 ? AB(A_##a) : 0;
#include "format.def"
}

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
	uint64_t after[EL_COUNT];  /* see after_init */
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
static void *
grow(void *arr, uint32_t n, uint32_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 16;
	return mn_xrealloc(arr, (size_t)*cap * size);
}

static void
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

static void
sbuf_add(struct sbuf *b, const char *s, size_t len)
{
	sbuf_reserve(b, len);
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

static bool
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_space((unsigned char)s[i]))
			return false;
	return true;
}

/* Trims XML white space: returns the start, the length in *len. */
static const char *
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

/* --- errors ----------------------------------------------------------- */

static void
stop(struct ld *ld)
{
	if (ld->ctxt)
		xmlStopParser(ld->ctxt);
}

static void
set_fatal(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
set_fatal(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
{
	va_list ap;
	if (ld->fatal)
		return;
	ld->fatal = true;
	ld->err->line = line;
	ld->err->col = col;
	va_start(ap, fmt);	/* FMT is an interface string (make pot) */
	vsnprintf(ld->err->msg, sizeof(ld->err->msg), gettext(fmt), ap);
	va_end(ap);
}

/* libxml2's message on one line, without its trailing newline, and put
 * plainly where it is obscure. */
static void
xml_message(XML_ERROR *e, char *buf, size_t size)
{
	const char *msg = e->message ? e->message : "XML error";
	const char *bytes = strstr(msg, "Bytes: ");
	unsigned code;
	size_t n = 0;

	if (strncmp(msg, "Input is not proper UTF-8", 25) == 0 && bytes) {
		n = strcspn(bytes + 7, "\n");
		while (n && bytes[7 + n - 1] == ' ')
			n--;
		snprintf(buf, size, _("invalid UTF-8 (bytes %.*s)"), (int)n, bytes + 7);
		n = 0;
	} else if (strncmp(msg, "Input is not proper UTF-8", 25) == 0) {
		snprintf(buf, size, "%s", _("invalid UTF-8"));
	} else if (strncmp(msg, "input conversion failed", 23) == 0) {
		const char *b = strstr(msg, "bytes ");
		n = b ? strcspn(b + 6, "\n") : 0;
		snprintf(buf, size, _("not valid in the declared encoding%s%.*s%s"),
			 b ? _(" (bytes ") : "", (int)n, b ? b + 6 : "", b ? ")" : "");
		n = 0;
	} else if (sscanf(msg, "Char 0x%X out of allowed range", &code) == 1 ||
		   sscanf(msg, "PCDATA invalid Char value %u", &code) == 1) {
		if (code == 0)
			snprintf(buf, size, "%s", _("NUL byte (not allowed in XML)"));
		else
			snprintf(buf, size, _("character U+%04X not allowed in XML"),
				 code);
	} else if (e->code == XML_ERR_DOCUMENT_EMPTY) {
		snprintf(buf, size, "%s", _("not an XML document (it must start with '<')"));
	} else if (e->code == XML_ERR_UNDECLARED_ENTITY ||
		   e->code == XML_WAR_UNDECLARED_ENTITY) {
		snprintf(buf, size, _("%s (only &amp; &lt; &gt; &quot; &apos; "
			 "and character references are allowed)"), msg);
	} else {
		snprintf(buf, size, "%s", msg);
	}
	for (const char *p = buf; *p && n + 1 < size; p++) {
		char c = *p == '\n' || *p == '\r' ? ' ' : *p;
		if (c == ' ' && (n == 0 || buf[n - 1] == ' '))
			continue;
		buf[n++] = c;
	}
	while (n && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
}

static void
on_xml_error(void *arg, XML_ERROR *e)
{
	struct ld *ld = arg;
	char msg[sizeof(ld->err->msg)];
	if (!ld || !e || e->level < XML_ERR_ERROR)
		return;
	if (ld->fatal) {
		/* an encoding error comes first without a position */
		if (ld->err->line == 0 && e->line > 0) {
			ld->err->line = (uint32_t)e->line;
			ld->err->col = e->int2 > 0 ? (uint32_t)e->int2 : 0;
		}
		return;
	}
	if (ld->cut && ld->finishing)
		snprintf(msg, sizeof(msg),
			 "invalid UTF-8: the file ends inside a character");
	else if (ld->finishing && e->code == XML_ERR_DOCUMENT_END &&
		 ld->nframes > 1)
		/* libxml2 says "Extra content at the end of the document" */
		snprintf(msg, sizeof(msg), "the file ends before the document "
			 "does (is it cut short?)");
	else
		xml_message(e, msg, sizeof(msg));
	set_fatal(ld, e->line > 0 ? (uint32_t)e->line : 0,
		  e->int2 > 0 ? (uint32_t)e->int2 : 0, "%s", msg);
}

static void
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
problem(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void id_flush(struct ld *ld);

static void
problem(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	/* an item's id waiting to be registered is older than this problem:
	 * its duplicate, if any, comes first (as without the wait, which
	 * matters once problems are cut at MAX_PROBLEMS) */
	if (ld->pend.set)
		id_flush(ld);
	if (ld->m->nproblems >= MAX_PROBLEMS) {
		ld->dropped++;
		return;
	}
	va_start(ap, fmt);	/* FMT is an interface string (make pot) */
	vsnprintf(buf, sizeof(buf), gettext(fmt), ap);
	va_end(ap);
	minutes_add_problem(ld->m, line, col, "%s", buf);
}

/* True when the problem list is full: a problem now would be dropped
 * (and is counted as such), so the caller can skip the work of placing
 * it (attr_pos reads the whole start tag: per unknown attribute of a
 * 40,000-attribute tag that was quadratic). */
static bool
problems_full(struct ld *ld)
{
	if (ld->pend.set)
		id_flush(ld);
	if (ld->m->nproblems < MAX_PROBLEMS)
		return false;
	ld->dropped++;
	return true;
}

/* --- the bytes before parsing ---------------------------------------- */

/* Code units of the input: bytes, or UTF-16 units. */
struct units {
	const unsigned char *s;
	size_t n;
	int width;
	bool big;
};

static unsigned
unit_at(const struct units *u, size_t i)
{
	if (u->width == 1)
		return u->s[i];
	const unsigned char *p = u->s + 2 * i;
	return u->big ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static bool
units_match(const struct units *u, size_t i, const char *lit)
{
	for (; *lit; lit++, i++)
		if (i >= u->n || unit_at(u, i) != (unsigned char)*lit)
			return false;
	return true;
}

static size_t
units_find(const struct units *u, size_t i, const char *lit)
{
	for (; i < u->n; i++)
		if (units_match(u, i, lit))
			return i;
	return u->n;
}

static void
units_pos(const struct units *u, size_t start, size_t i, bool utf8,
	  uint32_t *line, uint32_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t k = start; k < i; k++) {
		unsigned c = unit_at(u, k);
		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else if (u->width == 2 ? (c & 0xfc00) != 0xdc00 :
			   !utf8 || (c & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

static bool
name_is_utf8(const char *s, size_t len)
{
	static const char *const ok[] = { "utf-8", "utf8", "us-ascii", "ascii" };
	for (size_t i = 0; i < sizeof(ok) / sizeof(*ok); i++)
		if (strlen(ok[i]) == len && strncasecmp(s, ok[i], len) == 0)
			return true;
	return false;
}

/* Reads the encoding name out of the XML declaration [i, end). */
static void
xml_decl_encoding(struct ld *ld, const struct units *u, size_t i, size_t end)
{
	char enc[64];
	size_t n = 0;
	i = units_find(u, i, "encoding");
	if (i >= end)
		return;
	i += 8;
	while (i < end && (is_space((int)unit_at(u, i)) || unit_at(u, i) == '='))
		i++;
	if (i >= end || (unit_at(u, i) != '"' && unit_at(u, i) != '\''))
		return;
	unsigned q = unit_at(u, i++);
	while (i < end && unit_at(u, i) != q && n + 1 < sizeof(enc))
		enc[n++] = (char)unit_at(u, i++);
	ld->utf8 = name_is_utf8(enc, n);
}

static bool
compressed(const unsigned char *s, size_t len)
{
	static const struct { const char *magic; size_t len; } magic[] = {
		{ "\x1f\x8b", 2 },           /* gzip */
		{ "\xfd" "7zXZ\0", 6 },      /* xz */
		{ "BZh", 3 },                /* bzip2 */
		{ "\x28\xb5\x2f\xfd", 4 },   /* zstd */
		{ "PK\x03\x04", 4 },         /* zip */
	};
	for (size_t i = 0; i < sizeof(magic) / sizeof(*magic); i++)
		if (len >= magic[i].len &&
		    memcmp(s, magic[i].magic, magic[i].len) == 0)
			return true;
	return false;
}

/* Does UTF-8 text S end inside a multibyte character?  (libxml2 only
 * says "internal error" then.) */
static bool
cut_short(const unsigned char *s, size_t len)
{
	size_t i = len, back = 0;
	while (i > 0 && back < 4 && (s[i - 1] & 0xc0) == 0x80) {
		i--;
		back++;
	}
	if (i == 0 || s[i - 1] < 0xc0)
		return false;
	size_t need = s[i - 1] >= 0xf0 ? 3 : s[i - 1] >= 0xe0 ? 2 : 1;
	return back < need;
}

/* The checks made on the first chunk S before libxml2 sees it: empty,
 * compressed, DOCTYPE (refused before the parser could read a single
 * entity declaration; one past the first chunk is caught on the way). */
static bool
check_head(struct ld *ld, const unsigned char *s, size_t len)
{
	struct units u = { s, len, 1, false };
	size_t start = 0, i;
	uint32_t line, col;

	if (len == 0) {
		set_fatal(ld, 0, 0, "empty file");
		return false;
	}
	if (compressed(s, len)) {
		set_fatal(ld, 0, 0, "compressed file: decompress it first");
		return false;
	}
	ld->utf8 = true;
	if (len >= 2 && (s[0] == 0xff || s[0] == 0xfe) && (s[1] ^ s[0]) == 0x01) {
		u.width = 2;
		u.big = s[0] == 0xfe;
		start = 1;
	} else if (len >= 4 && (memcmp(s, "<\0?\0", 4) == 0 ||
				memcmp(s, "\0<\0?", 4) == 0)) {
		u.width = 2;
		u.big = s[0] == 0;
	} else if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		start = 3;
	}
	if (u.width == 2) {
		u.n = len / 2;
		ld->utf16 = true;
	}
	for (i = start;;) {
		while (i < u.n && is_space((int)unit_at(&u, i)))
			i++;
		if (units_match(&u, i, "<?")) {
			size_t end = units_find(&u, i, "?>");
			if (i == start && units_match(&u, i, "<?xml"))
				xml_decl_encoding(ld, &u, i, end);
			i = end + 2;
		} else if (units_match(&u, i, "<!--")) {
			i = units_find(&u, i + 4, "-->") + 3;
		} else {
			break;
		}
	}
	if (units_match(&u, i, "<!DOCTYPE")) {
		units_pos(&u, start, i, ld->utf8, &line, &col);
		set_fatal(ld, line, col, "DOCTYPE not allowed");
		return false;
	}
	return true;
}

/* --- positions -------------------------------------------------------- */

/* The parser reads UTF-8 (it converts other encodings first) and counts
 * columns in characters. */
static uint32_t
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

static uint32_t
newlines(const char *p, const char *e)
{
	uint32_t n = 0;
	while (p < e && (p = memchr(p, '\n', (size_t)(e - p)))) {
		n++;
		p++;
	}
	return n;
}

/* Where the parser is: right after the last event. */
static void
mark_prev(struct ld *ld, int extra)
{
	xmlParserInputPtr in = ld->ctxt->input;
	ld->prev_line = in->line > 0 ? (uint32_t)in->line : 0;
	ld->prev_col = in->col > 0 ? (uint32_t)(in->col + extra) : 0;
}

/* The start tag just read: the parser stands on its '>' (or "/>"), the
 * '<' is the last one before (none can be inside a tag). */
static void
find_tag(struct ld *ld)
{
	xmlParserInputPtr in = ld->ctxt->input;
	const char *base = (const char *)in->base, *cur = (const char *)in->cur;
	const char *lt = memrchr(base, '<', (size_t)(cur - base));

	ld->tag = ld->tag_end = NULL;
	ld->tag_line = in->line > 0 ? (uint32_t)in->line : 0;
	ld->tag_col = 0;
	if (!lt)
		return;
	uint32_t nl = newlines(lt, cur);
	ld->tag = lt;
	ld->tag_end = cur;
	ld->tag_line -= nl;
	if (nl == 0) {
		uint32_t n = chars(lt, cur);
		ld->tag_col = in->col > 0 && (uint32_t)in->col > n ?
			      (uint32_t)in->col - n : 0;
	} else {
		const char *ls = memrchr(base, '\n', (size_t)(lt - base));
		if (ls)
			ld->tag_col = 1 + chars(ls + 1, lt);
		else if (ld->prev_line == ld->tag_line)
			ld->tag_col = ld->prev_col;
	}
}

/* Is NAME written at P, followed by '=' or white space? */
static bool
attr_name_at(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);
	if ((size_t)(end - p) <= n || memcmp(p, name, n) != 0)
		return false;
	return p[n] == '=' || is_space((unsigned char)p[n]);
}

/* Where attribute QNAME is written in the start tag of F. */
static void
attr_pos(struct ld *ld, const struct frame *f, const char *qname,
	 uint32_t *line, uint32_t *col)
{
	const char *p, *end = ld->tag_end, *ls = NULL;
	uint32_t ln = ld->tag_line;

	*line = f->line;
	*col = f->col;
	if (!ld->tag)
		return;
	for (p = ld->tag + 1; p < end && !is_space((unsigned char)*p); p++)
		;
	while (p < end) {
		if (is_space((unsigned char)*p)) {
			if (*p++ == '\n') {
				ln++;
				ls = p;
			}
			continue;
		}
		if (attr_name_at(p, end, qname)) {
			*line = ln;
			*col = ls ? 1 + chars(ls, p) :
			       ld->tag_col ? ld->tag_col + chars(ld->tag, p) : 0;
			return;
		}
		const char *qt = p;
		while (qt < end && *qt != '"' && *qt != '\'')
			qt++;
		if (qt >= end)
			return;
		const char *e = memchr(qt + 1, *qt, (size_t)(end - qt - 1));
		if (!e)
			return;
		for (const char *k = p; k < e; k++)
			if (*k == '\n') {
				ln++;
				ls = k + 1;
			}
		p = e + 1;
	}
}

/* Where the first character of S that is not white space is, S being
 * text that starts where the last event ended. */
static void
text_pos(const struct ld *ld, const char *s, size_t len, uint32_t *line,
	 uint32_t *col)
{
	*line = ld->prev_line;
	*col = ld->prev_col;
	for (size_t i = 0; i < len && is_space((unsigned char)s[i]); i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (*col && s[i] != '\r') {
			(*col)++;
		}
	}
}

/* --- ids ---------------------------------------------------------------- */

static uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const char *
ref_id(const struct ld *ld, uint32_t ref)
{
	uint32_t i = REF_INDEX(ref);
	switch (REF_KIND(ref)) {
	case REF_MINUTES: return ld->m->id;
	case REF_PERSON: return ld->persons[i].id;
	case REF_SECTION: return ld->sections[i].id;
	default: return ld->items[i].id;
	}
}

static uint32_t
ref_line(const struct ld *ld, uint32_t ref)
{
	uint32_t i = REF_INDEX(ref);
	switch (REF_KIND(ref)) {
	case REF_MINUTES: return ld->root_line;
	case REF_PERSON: return ld->persons[i].line;
	case REF_SECTION: return ld->sections[i].line;
	default: return ld->items[i].line;
	}
}

static struct id_slot *
id_slot(const struct ld *ld, const char *id, uint32_t h)
{
	const struct id_table *t = &ld->ids;
	for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
		struct id_slot *s = &t->slots[i];
		if (s->ref == REF_NONE ||
		    (s->hash == h && strcmp(ref_id(ld, s->ref), id) == 0))
			return s;
	}
}

static uint32_t
id_find(const struct ld *ld, const char *id)
{
	if (ld->pend.set && strcmp(ld->pend.id, id) == 0)
		return ld->pend.ref; /* as if registered already */
	if (!ld->ids.slots)
		return REF_NONE;
	return id_slot(ld, id, hash_str(id))->ref;
}

static void
id_grow(struct ld *ld)
{
	struct id_table old = ld->ids;
	uint32_t cap = old.slots ? (old.mask + 1) * 2 : 1024;
	ld->ids.slots = mn_big_alloc(cap * sizeof(struct id_slot));
	memset(ld->ids.slots, 0xff, cap * sizeof(struct id_slot));
	ld->ids.mask = cap - 1;
	for (uint32_t i = 0; old.slots && i <= old.mask; i++) {
		struct id_slot *s = &old.slots[i];
		if (s->ref == REF_NONE)
			continue;
		uint32_t j = s->hash & ld->ids.mask;
		while (ld->ids.slots[j].ref != REF_NONE)
			j = (j + 1) & ld->ids.mask;
		ld->ids.slots[j] = *s;
	}
	free(old.slots);
}

/* Adds ID (hash H) for REF; returns the ref already holding it, or
 * REF_NONE. */
static uint32_t
id_insert(struct ld *ld, const char *id, uint32_t h, uint32_t ref)
{
	/* at most three quarters full: probes stay short, and the table
	 * (all of it resident: it starts filled with 0xff) stays small */
	if (!ld->ids.slots ||
	    (uint64_t)ld->ids.n * 4 + 4 > ((uint64_t)ld->ids.mask + 1) * 3)
		id_grow(ld);
	struct id_slot *s = id_slot(ld, id, h);
	if (s->ref != REF_NONE)
		return s->ref;
	s->hash = h;
	s->ref = ref;
	ld->ids.n++;
	return REF_NONE;
}

static void
id_flush(struct ld *ld)
{
	if (!ld->pend.set)
		return;
	ld->pend.set = false;
	uint32_t first = id_insert(ld, ld->pend.id, ld->pend.hash, ld->pend.ref);
	if (first != REF_NONE)
		problem(ld, ld->pend.line, ld->pend.col,
			"duplicate id \"%s\" (first at line %u)", ld->pend.id,
			ref_line(ld, first));
}

static uint32_t
id_add(struct ld *ld, const char *id, uint32_t ref)
{
	id_flush(ld);
	return id_insert(ld, id, hash_str(id), ref);
}

/* An item's id: its slot is asked for now, and it is registered when the
 * next id comes (duplicates are reported then, at the place noted now). */
static void
id_add_later(struct ld *ld, const char *id, uint32_t ref, uint32_t line,
	     uint32_t col)
{
	id_flush(ld);
	uint32_t h = hash_str(id);
#ifdef __GNUC__
	if (ld->ids.slots)
		__builtin_prefetch(&ld->ids.slots[h & ld->ids.mask]);
#endif
	ld->pend.id = id;
	ld->pend.hash = h;
	ld->pend.ref = ref;
	ld->pend.line = line;
	ld->pend.col = col;
	ld->pend.set = true;
}

/* --- strings -------------------------------------------------------------- */

/* SIZE bytes aligned to ALIGN (a power of two <= 16), packed: the arena
 * rounds every allocation up to max_align_t, too much for short ids. */
static void *
pool_alloc(struct ld *ld, size_t size, size_t align)
{
	size_t pad = (size_t)(-(uintptr_t)ld->pool & (align - 1));
	if (size > POOL_CHUNK / 4)
		return mn_arena_alloc(ld->m->arena, size);
	if (!ld->pool || ld->pool_left < size + pad) {
		/* not zeroed: what is handed out is written before it is read */
		ld->pool = mn_arena_alloc_raw(ld->m->arena, POOL_CHUNK);
		ld->pool_left = POOL_CHUNK;
		pad = 0;
	}
	void *p = ld->pool + pad;
	ld->pool += size + pad;
	ld->pool_left -= size + pad;
	return p;
}

static const char *
pool_strndup(struct ld *ld, const char *s, size_t len)
{
	char *p = pool_alloc(ld, len + 1, 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* An NFC copy, kept with the model. */
static const char *
nfc_str(struct ld *ld, const char *s, size_t len)
{
	if (text_is_clean(s, len))
		return pool_strndup(ld, s, len);
	size_t n;
	char *r = text_repair(s, len, &n);
	if (!r)
		mn_oom();
	const char *a = pool_strndup(ld, r, n);
	free(r);
	return a;
}

/* An attribute value, trimmed, in NFC, kept with the model. */
static const char *
token_str(struct ld *ld, const char *v)
{
	size_t n;
	v = trim(v, &n);
	return nfc_str(ld, v, n);
}

/* The same in ld->tmp, for values not kept. */
static const char *
token_tmp(struct ld *ld, const char *v)
{
	size_t n;
	v = trim(v, &n);
	ld->tmp.len = 0;
	if (text_is_clean(v, n)) {
		sbuf_add(&ld->tmp, v, n);
	} else {
		char *r = text_repair(v, n, &n);
		if (!r)
			mn_oom();
		sbuf_add(&ld->tmp, r, n);
		free(r);
	}
	return ld->tmp.s;
}

static bool
valid_date(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				    30, 31 };
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	if (s[10])
		return false;
	int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1 || mo < 1 || mo > 12 || d < 1)
		return false;
	return d <= days[mo - 1] + (mo == 2 && leap);
}

static bool
valid_time(const char *s)
{
	if (strlen(s) != 5 || s[2] != ':')
		return false;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return false;
	return atoi(s) < 24 && atoi(s + 3) < 60;
}

/* xsd:decimal (decimal.h), its double read without the locale. */
static bool
parse_decimal(const char *s, double *out)
{
	if (!decimal_valid(s, strlen(s)))
		return false;
	*out = decimal_to_double(s);
	return true;
}

/* --- text ------------------------------------------------------------------ */

static void
text_begin(struct ld *ld)
{
	ld->raw.len = ld->out.len = 0;
	ld->space = false;
	ld->at_start = true;
}

/* Does S need its white space collapsed: a TAB, LF or CR, two spaces in
 * a row, a space at either end?  Eight bytes at a time: most text needs
 * nothing. */
static bool
needs_collapse(const unsigned char *s, size_t len)
{
	size_t i = 0;
	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ')
		return len != 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t low = 0x7f7f7f7f7f7f7f7full, high = ~low;
	uint64_t carry = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t h = w & high;
		/* high bit of each byte: byte <= ' ', byte < ' ' */
		uint64_t ws = ~(((w & low) + 0x5f5f5f5f5f5f5f5full) | h) & high;
		uint64_t ctl = ~(((w & low) + 0x6060606060606060ull) | h) & high;
		if (ctl || (ws & (ws << 8 | carry)))
			return true;
		carry = ws >> 56;
	}
	if (carry && s[i] == ' ')
		return true;
#endif
	for (; i < len; i++)
		if (s[i] < ' ' || (s[i] == ' ' && i + 1 < len && s[i + 1] == ' '))
			return true;
	return false;
}

/* Starts a word at D: the pending space first, and the open figure's
 * or task's text starts there if it has not yet. */
static char *
word_start(struct ld *ld, char *d)
{
	if (ld->space) {
		*d++ = ' ';
		ld->space = false;
	}
	if (ld->mark) {
		*ld->mark = (uint32_t)(d - ld->out.s);
		ld->mark = NULL;
	}
	ld->at_start = false;
	return d;
}

/* One line of text [P, E) to D, white space collapsed.  XML text has no
 * control characters but TAB, LF and CR: any byte up to ' ' is white
 * space. */
static char *
emit_line(struct ld *ld, char *d, const unsigned char *p,
	  const unsigned char *e)
{
	const unsigned char *q = e;
	if (p < e && *p <= ' ') {
		ld->space = !ld->at_start;
		while (++p < e && *p <= ' ')
			;
	}
	while (q > p && q[-1] <= ' ')
		q--;
	if (q > p && !needs_collapse(p, (size_t)(q - p))) {
		d = word_start(ld, d);
		memcpy(d, p, (size_t)(q - p));
		d += q - p;
		p = q;
	}
	while (p < q) {
		if (*p <= ' ') {
			ld->space = true;
			while (++p < q && *p <= ' ')
				;
			continue;
		}
		d = word_start(ld, d);
		do
			*d++ = (char)*p++;
		while (p < q && *p > ' ');
	}
	if (q < e)
		ld->space = !ld->at_start;
	return d;
}

/* Appends normalized text to out, a line at a time (most lines need no
 * more than trimming). */
static void
text_emit(struct ld *ld, const char *s, size_t len)
{
	struct sbuf *o = &ld->out;
	const unsigned char *p = (const unsigned char *)s, *e = p + len;
	sbuf_reserve(o, len + 1);
	char *d = o->s + o->len;
	while (p < e) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(e - p));
		const unsigned char *end = nl ? nl + 1 : e;
		d = emit_line(ld, d, p, end);
		p = end;
	}
	o->len = (size_t)(d - o->s);
	o->s[o->len] = '\0';
}

static void
text_flush(struct ld *ld)
{
	if (ld->raw.len == 0)
		return;
	if (text_is_clean(ld->raw.s, ld->raw.len)) {
		text_emit(ld, ld->raw.s, ld->raw.len);
	} else {
		size_t n;
		char *r = text_repair(ld->raw.s, ld->raw.len, &n);
		if (!r)
			mn_oom();
		text_emit(ld, r, n);
		free(r);
	}
	ld->raw.len = 0;
}

static void
para_begin(struct ld *ld)
{
	text_flush(ld);
	if (ld->npara++) {
		sbuf_add(&ld->out, "\n", 1);
		ld->space = false;
	}
	ld->at_start = true;
}

static void
check_mojibake(struct ld *ld, const struct frame *f, const char *s,
	       size_t len)
{
	size_t at;
	enum text_mojibake k = text_detect_mojibake(s, len, &at);
	if (k != TEXT_MOJI_NONE)
		problem(ld, f->line, f->col, "text looks mangled: %s",
			text_mojibake_hint(k));
}

/* The text of a leaf element, finished. */
static const char *
text_end(struct ld *ld, const struct frame *f)
{
	text_flush(ld);
	check_mojibake(ld, f, ld->out.s ? ld->out.s : "", ld->out.len);
	return pool_strndup(ld, ld->out.s ? ld->out.s : "", ld->out.len);
}

/* --- elements ------------------------------------------------------------ */

/* Names come interned by libxml2: compare pointers first. */
static enum el
el_lookup(struct ld *ld, const xmlChar *name, const xmlChar *uri)
{
	if (uri)
		return EL_UNKNOWN;
	for (int e = 0; e < EL_COUNT; e++)
		if (name == ld->el_seen[e])
			return (enum el)e;
	for (int e = 0; e < EL_COUNT; e++)
		if (strcmp((const char *)name, el_rules[e].name) == 0) {
			ld->el_seen[e] = name;
			return (enum el)e;
		}
	return EL_UNKNOWN;
}

static const char *
qname(const xmlChar *prefix, const xmlChar *name, char *buf, size_t size)
{
	if (!prefix)
		return (const char *)name;
	snprintf(buf, size, "%s:%s", prefix, name);
	return buf;
}

static enum attr
attr_lookup(struct ld *ld, const xmlChar *name, const xmlChar *uri)
{
	if (uri) {
		if (strcmp((const char *)uri, (const char *)XML_XML_NAMESPACE) == 0 &&
		    strcmp((const char *)name, "lang") == 0)
			return A_LANG;
		return A_COUNT;
	}
	for (int i = 0; i < A_COUNT; i++)
		if (name == ld->attr_seen[i])
			return (enum attr)i;
	for (int i = 0; i < A_COUNT; i++)
		if (i != A_LANG && strcmp((const char *)name, attr_names[i]) == 0) {
			ld->attr_seen[i] = name;
			return (enum attr)i;
		}
	return A_COUNT;
}

/* Copies an attribute value out of the parser into ld->abuf.  Without
 * entity substitution (never asked for) the parser hands a '&' over as
 * "&#38;": undo that. */
static size_t
attr_copy(struct ld *ld, const xmlChar *v, const xmlChar *end)
{
	size_t off = ld->abuf.len, n = (size_t)(end - v);
	const char *s = (const char *)v;
	sbuf_reserve(&ld->abuf, n);
	for (size_t i = 0; i < n; i++) {
		ld->abuf.s[ld->abuf.len++] = s[i];
		if (s[i] == '&' && n - i >= 5 && memcmp(s + i, "&#38;", 5) == 0)
			i += 4;
	}
	ld->abuf.s[ld->abuf.len++] = '\0';
	return off;
}

/* SAX2 attributes: (localname, prefix, URI, value, end) each. */
static void
attrs_read(struct ld *ld, struct frame *f, int nattrs, const xmlChar **a,
	   struct attrs *at)
{
	char buf[256];
	size_t off[A_COUNT]; /* read only where `have` says */
	uint32_t line, col, have = 0;
	ld->abuf.len = 0;
	for (int i = 0; i < nattrs; i++, a += 5) {
		enum attr k = attr_lookup(ld, a[0], a[2]);
		if (k == A_COUNT || !(ld->attrs.allowed[f->el] & AB(k))) {
			if (problems_full(ld))
				continue;
			const char *name = qname(a[1], a[0], buf, sizeof(buf));
			attr_pos(ld, f, name, &line, &col);
			problem(ld, line, col, "unknown attribute %s on <%s>",
				name, el_rules[f->el].name);
			continue;
		}
		if (ld->version < 2 && (ld->attrs.v2[f->el] & AB(k))) {
			attr_pos(ld, f, attr_names[k], &line, &col);
			problem(ld, line, col, "attribute %s on <%s> needs "
				"version 2 (this file is version %d)",
				attr_names[k], el_rules[f->el].name,
				ld->version);
			continue;
		}
		off[k] = attr_copy(ld, a[3], a[4]);
		have |= AB(k);
	}
	/* the values given: a few bits of 26, the common ones first */
	memset(at->v, 0, sizeof(at->v));
	for (int k = 0; (have >> k) != 0; k++)
		if (have & AB(k))
			at->v[k] = ld->abuf.s + off[k];
	uint32_t missing = ld->attrs.required[f->el] & ~have;
	for (int k = 0; missing && k < A_COUNT; k++)
		if (missing & AB(k)) {
			problem(ld, f->line, f->col,
				"missing attribute %s on <%s>", attr_names[k],
				el_rules[f->el].name);
			missing &= ~AB(k);
		}
}

/* Checks and registers an id; returns it (NULL when absent). */
static const char *
read_id(struct ld *ld, const struct frame *f, const struct attrs *at,
	uint32_t ref)
{
	uint32_t line, col;
	if (!at->v[A_ID])
		return NULL;
	const char *id = token_str(ld, at->v[A_ID]);
	if (xmlValidateNCName((const xmlChar *)id, 0) != 0) {
		attr_pos(ld, f, "id", &line, &col);
		problem(ld, line, col, "bad id \"%s\": not an XML name", id);
		return id;
	}
	if (REF_KIND(ref) == REF_ITEM) {
		attr_pos(ld, f, "id", &line, &col);
		id_add_later(ld, id, ref, line, col);
		return id;
	}
	uint32_t first = id_add(ld, id, ref);
	if (first != REF_NONE) {
		attr_pos(ld, f, "id", &line, &col);
		problem(ld, line, col, "duplicate id \"%s\" (first at line %u)",
			id, ref_line(ld, first));
	}
	return id;
}

static void after_init(struct ld *ld);

static void
begin_minutes(struct ld *ld, struct frame *f, const struct attrs *at)
{
	struct minutes *m = ld->m;
	uint32_t line, col;
	ld->root_line = f->line;
	ld->root_col = f->col;
	if (at->v[A_VERSION]) {
		const char *v = token_str(ld, at->v[A_VERSION]);
		m->version = atoi(v);
		if (strcmp(v, "1") == 0 || strcmp(v, "2") == 0) {
			ld->version = m->version;
		} else {
			/* read by the newest rules: the fewest problems */
			ld->version = 2;
			attr_pos(ld, f, "version", &line, &col);
			problem(ld, line, col, "unsupported version \"%s\" "
				"(expected \"1\" or \"2\")", v);
		}
		after_init(ld);
	}
	if (at->v[A_LANG])
		m->lang = token_str(ld, at->v[A_LANG]);
	const char *id = read_id(ld, f, at, REF(REF_MINUTES, 0));
	if (id)
		m->id = id;
}

static const char *
read_time(struct ld *ld, const struct frame *f, const char *v,
	  const char *what)
{
	uint32_t line, col;
	if (!v)
		return "";
	const char *t = token_str(ld, v);
	if (!valid_time(t)) {
		attr_pos(ld, f, what, &line, &col);
		problem(ld, line, col, "bad %s time \"%s\": expected HH:MM",
			what, t);
	}
	return t;
}

static void read_presence(struct ld *ld, const struct frame *f,
			  struct mn_person *p, const char *v);

static void
begin_person(struct ld *ld, struct frame *f, const struct attrs *at)
{
	ld->persons = grow(ld->persons, ld->npersons, &ld->cap_persons,
			   sizeof(*ld->persons));
	struct mn_person *p = &ld->persons[ld->npersons];
	memset(p, 0, sizeof(*p));
	p->line = f->line;
	p->id = p->name = p->role = p->reason = "";
	p->id = read_id(ld, f, at, REF(REF_PERSON, ld->npersons));
	if (!p->id)
		p->id = "";
	if (at->v[A_PRESENCE])
		read_presence(ld, f, p, at->v[A_PRESENCE]);
	ld->listed_present += p->presence == MN_PRESENT;
	ld->npersons++;
}

static enum mn_kind
kind_of(const char *k)
{
	if (strcmp(k, "achievements") == 0)
		return MN_KIND_ACHIEVEMENTS;
	if (strcmp(k, "limitations") == 0)
		return MN_KIND_LIMITATIONS;
	if (strcmp(k, "targets") == 0)
		return MN_KIND_TARGETS;
	if (strcmp(k, "conclusions") == 0)
		return MN_KIND_CONCLUSIONS;
	return MN_KIND_OTHER;
}

static void
begin_section(struct ld *ld, struct frame *f, const struct attrs *at)
{
	uint32_t line, col;
	ld->sections = grow(ld->sections, ld->nsections, &ld->cap_sections,
			    sizeof(*ld->sections));
	struct mn_section *s = &ld->sections[ld->nsections];
	memset(s, 0, sizeof(*s));
	s->line = f->line;
	s->heading = s->kind_name = "";
	s->kind = MN_KIND_OTHER;
	/* nitems holds the index of the first item until the end */
	s->nitems = ld->nitems;
	s->id = read_id(ld, f, at, REF(REF_SECTION, ld->nsections));
	if (!s->id)
		s->id = "";
	if (at->v[A_KIND]) {
		s->kind_name = token_str(ld, at->v[A_KIND]);
		s->kind = kind_of(s->kind_name);
		if (s->kind == MN_KIND_CONCLUSIONS && ld->version < 2)
			s->kind = MN_KIND_OTHER; /* a v1 file reads as ever */
		if (xmlValidateNCName((const xmlChar *)s->kind_name, 0) != 0) {
			attr_pos(ld, f, "kind", &line, &col);
			problem(ld, line, col, "bad kind \"%s\": not an XML name",
				s->kind_name);
		}
	}
	ld->nsections++;
}

static void
by_later(struct ld *ld, const char *name, size_t len, uint32_t slot,
	 uint32_t line, uint32_t col)
{
	ld->later = grow(ld->later, ld->nlater, &ld->cap_later,
			 sizeof(*ld->later));
	struct by_later *b = &ld->later[ld->nlater++];
	b->item = ld->nitems - 1;
	b->slot = slot;
	b->line = line;
	b->col = col;
	b->name = ld->names.len;
	sbuf_add(&ld->names, name, len);
	sbuf_add(&ld->names, "", 1);
}

/* The names of one `by`, each once: a set of the offsets (+ 1) in BY of
 * each name's first occurrence, open addressing; bit 31 marks a name
 * already reported as repeated (offsets stay below 2^28: the file
 * limit). */
struct by_set {
	const char *by;
	uint32_t *slot, mask;
	uint32_t small[64];
};

#define BY_REPORTED 0x80000000u

static uint32_t
by_hash(const char *p, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

/* The slot of the name P (LEN bytes): its first occurrence, or the empty
 * slot where it goes. */
static uint32_t *
by_slot(struct by_set *set, const char *p, size_t len)
{
	uint32_t j = by_hash(p, len) & set->mask;
	for (;; j = (j + 1) & set->mask) {
		uint32_t v = set->slot[j] & ~BY_REPORTED;
		if (v == 0)
			return &set->slot[j];
		const char *q = set->by + v - 1;
		if (memcmp(q, p, len) == 0 &&
		    (q[len] == '\0' || is_space((unsigned char)q[len])))
			return &set->slot[j];
	}
}

/* Resolves what it can of `by` now; the rest after the parse.  A name
 * given twice is a problem and counts once: the list of speakers stays
 * as long as the attendees at most (2,000 mentions of one name made a
 * speakers line 2,000 names long). */
static void
read_by(struct ld *ld, const struct frame *f, struct mn_item *it,
	const char *v)
{
	uint32_t line = 0, col = 0, n = 0, all = 0;
	const char *by = token_tmp(ld, v), *p;
	for (p = by; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p)
			all++;
		while (*p && !is_space((unsigned char)*p))
			p++;
	}
	if (all == 0) {
		attr_pos(ld, f, "by", &line, &col);
		problem(ld, line, col, "attribute by names no one");
		return;
	}
	struct by_set set = { .by = by };
	size_t cap = 64;
	while (cap < (size_t)all * 2)
		cap *= 2;
	set.slot = cap <= 64 ? set.small : mn_xrealloc(NULL, cap * sizeof(uint32_t));
	memset(set.slot, 0, cap * sizeof(uint32_t));
	set.mask = (uint32_t)cap - 1;
	for (p = by; *p;) {
		size_t len = 0;
		while (is_space((unsigned char)*p))
			p++;
		if (!*p)
			break;
		while (p[len] && !is_space((unsigned char)p[len]))
			len++;
		uint32_t *sl = by_slot(&set, p, len);
		if (*sl == 0) {
			*sl = (uint32_t)(p - by) + 1;
			n++;
		} else if (!(*sl & BY_REPORTED)) {
			*sl |= BY_REPORTED;
			if (problems_full(ld)) {
				p += len;
				continue;
			}
			if (!line)
				attr_pos(ld, f, "by", &line, &col);
			size_t shown = len;
			if (shown > 200) /* a whole character less than 200 bytes */
				for (shown = 200; (p[shown] & 0xC0) == 0x80; shown--)
					;
			problem(ld, line, col, "by names \"%.*s%s\" more than once",
				(int)shown, p, shown < len ? "…" : "");
		}
		p += len;
	}
	it->by = pool_alloc(ld, n * sizeof(*it->by), sizeof(*it->by));
	memset(it->by, 0xff, n * sizeof(*it->by)); /* UINT32_MAX: no one yet */
	it->nby = n;
	n = 0;
	for (p = by; *p;) {
		char name[256];
		size_t len = 0;
		while (is_space((unsigned char)*p))
			p++;
		if (!*p)
			break;
		while (p[len] && !is_space((unsigned char)p[len]))
			len++;
		/* a repeated name: its first occurrence only */
		if ((*by_slot(&set, p, len) & ~BY_REPORTED) !=
		    (uint32_t)(p - by) + 1) {
			p += len;
			continue;
		}
		uint32_t ref = REF_NONE;
		if (len < sizeof(ld->by_name) && ld->by_name[len] == '\0' &&
		    memcmp(ld->by_name, p, len) == 0) {
			ref = REF(REF_PERSON, ld->by_index);
		} else if (len < sizeof(name)) {
			memcpy(name, p, len);
			name[len] = '\0';
			ref = id_find(ld, name);
			if (ref != REF_NONE && REF_KIND(ref) == REF_PERSON &&
			    len < sizeof(ld->by_name)) {
				memcpy(ld->by_name, name, len + 1);
				ld->by_index = REF_INDEX(ref);
			}
		}
		if (ref != REF_NONE && REF_KIND(ref) == REF_PERSON) {
			it->by[n] = REF_INDEX(ref);
		} else {
			if (!line)
				attr_pos(ld, f, "by", &line, &col);
			by_later(ld, p, len, n, line, col);
		}
		n++;
		p += len;
	}
	if (set.slot != set.small)
		free(set.slot);
}

static void
begin_item(struct ld *ld, struct frame *f, const struct attrs *at)
{
	ld->items = grow(ld->items, ld->nitems, &ld->cap_items,
			 sizeof(*ld->items));
	struct mn_item *it = &ld->items[ld->nitems];
	memset(it, 0, sizeof(*it));
	it->line = f->line;
	it->id = read_id(ld, f, at, REF(REF_ITEM, ld->nitems));
	if (!it->id)
		it->id = "";
	ld->nitems++;
	if (at->v[A_BY])
		read_by(ld, f, it, at->v[A_BY]);
	text_begin(ld);
	ld->nfigs = 0;
	ld->npara = 0;
	ld->has_p = ld->has_inline = ld->open_inline = ld->mixed = false;
	ld->mark = NULL;
	ld->ntasks = 0;
}

/* Text or a figure straight inside an item: a paragraph of its own. */
static void
item_inline(struct ld *ld, uint32_t line, uint32_t col)
{
	if (ld->open_inline)
		return;
	if (ld->has_p && !ld->mixed) {
		problem(ld, line, col, "mixed text and <p> in <item>");
		ld->mixed = true;
	}
	para_begin(ld);
	ld->open_inline = ld->has_inline = true;
}

static void
begin_p(struct ld *ld, struct frame *f)
{
	if (ld->has_inline && !ld->mixed) {
		problem(ld, f->line, f->col, "mixed text and <p> in <item>");
		ld->mixed = true;
	}
	ld->open_inline = false;
	ld->has_p = true;
	para_begin(ld);
}

static void
begin_figure(struct ld *ld, struct frame *f, const struct frame *parent,
	     const struct attrs *at)
{
	uint32_t line, col;
	double v;
	if (parent->el == EL_ITEM)
		item_inline(ld, f->line, f->col);
	text_flush(ld);
	ld->figs = grow(ld->figs, ld->nfigs, &ld->cap_figs, sizeof(*ld->figs));
	struct mn_figure *fg = &ld->figs[ld->nfigs++];
	memset(fg, 0, sizeof(*fg));
	fg->line = f->line;
	fg->unit = "";
	ld->mark = &fg->start;
	if (at->v[A_OP]) {
		static const char *const ops[] = { "ge", "gt", "eq", "le", "lt" };
		const char *op = token_tmp(ld, at->v[A_OP]);
		int i = 0;
		while (i < 5 && strcmp(op, ops[i]) != 0)
			i++;
		if (i < 5) {
			fg->op = (enum mn_op)i;
		} else {
			attr_pos(ld, f, "op", &line, &col);
			problem(ld, line, col, "bad figure: op \"%s\" "
				"(expected ge, gt, eq, le or lt)", op);
		}
	}
	if (at->v[A_VALUE]) {
		const char *s = token_tmp(ld, at->v[A_VALUE]);
		if (parse_decimal(s, &v)) {
			fg->value = v;
			fg->value_str = token_str(ld, at->v[A_VALUE]);
		} else {
			attr_pos(ld, f, "value", &line, &col);
			problem(ld, line, col,
				"bad figure: value \"%s\" is not a number", s);
		}
	}
	if (at->v[A_ACTUAL]) {
		const char *s = token_str(ld, at->v[A_ACTUAL]);
		if (parse_decimal(s, &v)) {
			fg->actual = s;
		} else {
			attr_pos(ld, f, "actual", &line, &col);
			problem(ld, line, col,
				"bad figure: actual \"%s\" is not a number", s);
		}
	}
	if (at->v[A_UNIT]) {
		ld->tmp.len = 0;
		sbuf_add(&ld->tmp, at->v[A_UNIT], strlen(at->v[A_UNIT]));
		ld->tmp.len = text_collapse_space(ld->tmp.s, ld->tmp.len);
		fg->unit = nfc_str(ld, ld->tmp.s, ld->tmp.len);
	}
}

/* --- version 2: the official biên bản --------------------------------- */

/* A count attribute: digits only, at most MN_NONE - 1; MN_NONE when
 * absent or bad (said so). */
static uint32_t
read_count(struct ld *ld, const struct frame *f, const struct attrs *at,
	   enum attr a)
{
	uint32_t line, col;
	const char *v = at->v[a];
	uint64_t n = 0;
	if (!v)
		return MN_NONE;
	v = token_tmp(ld, v);
	const char *p = v;
	while (*p >= '0' && *p <= '9' && n < MN_NONE)
		n = n * 10 + (uint64_t)(*p++ - '0');
	if (*p == '\0' && p != v && n < MN_NONE)
		return (uint32_t)n;
	attr_pos(ld, f, attr_names[a], &line, &col);
	if (p != v && *p >= '0' && *p <= '9')
		problem(ld, line, col, "bad count %s=\"%s\": too large",
			attr_names[a], v);
	else
		problem(ld, line, col, "bad count %s=\"%s\": expected digits "
			"only (a whole number, 0 or more)", attr_names[a], v);
	return MN_NONE;
}

static void
pos_add(struct v2_pos **arr, uint32_t *n, uint32_t *cap, uint32_t line,
	uint32_t col)
{
	*arr = grow(*arr, *n, cap, sizeof(**arr));
	(*arr)[*n].line = line;
	(*arr)[(*n)++].col = col;
}

/* Counts the person ids of attribute A (space-separated) and, when
 * RECORD, notes them to resolve at the end (into SLOTS when not NULL);
 * returns how many. */
static uint32_t
read_prefs(struct ld *ld, const struct frame *f, const char *v,
	   enum attr a, enum pref_use use, bool record, uint32_t *slots,
	   uint32_t index)
{
	uint32_t line = 0, col = 0, n = 0;
	if (record)
		attr_pos(ld, f, attr_names[a], &line, &col);
	for (const char *p = v; *p;) {
		size_t len = 0;
		while (is_space((unsigned char)*p))
			p++;
		if (!*p)
			break;
		while (p[len] && !is_space((unsigned char)p[len]))
			len++;
		if (record) {
			ld->prefs = grow(ld->prefs, ld->nprefs, &ld->cap_prefs,
					 sizeof(*ld->prefs));
			struct pref *r = &ld->prefs[ld->nprefs++];
			r->use = use;
			r->slot = slots ? slots + n : NULL;
			r->bad_role = false;
			r->index = index;
			r->line = line;
			r->col = col;
			r->name = ld->names.len;
			sbuf_add(&ld->names, p, len);
			sbuf_add(&ld->names, "", 1);
		}
		n++;
		p += len;
	}
	return n;
}

/* <chair ref>, <secretary ref>: one person each. */
static void
begin_officer(struct ld *ld, const struct frame *f, const struct attrs *at,
	      enum pref_use use)
{
	uint32_t line, col;
	if (use == PREF_CHAIR)
		pos_add(&ld->chair_pos, &ld->nchair_pos, &ld->cap_chair_pos,
			f->line, f->col);
	else
		pos_add(&ld->sec_pos, &ld->nsec_pos, &ld->cap_sec_pos,
			f->line, f->col);
	if (!at->v[A_REF])
		return;
	const char *v = token_tmp(ld, at->v[A_REF]);
	uint32_t n = read_prefs(ld, f, v, A_REF, use, false, NULL, 0);
	if (n != 1) {
		attr_pos(ld, f, "ref", &line, &col);
		problem(ld, line, col, "attribute ref on <%s> must name one "
			"person (write one element for each)",
			el_rules[f->el].name);
		return;
	}
	/* chairs and secretaries are gathered when resolved */
	read_prefs(ld, f, v, A_REF, use, true, NULL,
		   use == PREF_CHAIR ? ld->nchair_pos - 1 : ld->nsec_pos - 1);
}

static void
begin_agency(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	struct mn_meeting *mt = &ld->m->meeting;
	mt->agency_line = f->line;
	if (at->v[A_PARENT]) {
		ld->tmp.len = 0;
		sbuf_add(&ld->tmp, at->v[A_PARENT], strlen(at->v[A_PARENT]));
		ld->tmp.len = text_collapse_space(ld->tmp.s, ld->tmp.len);
		mt->agency_parent = nfc_str(ld, ld->tmp.s, ld->tmp.len);
	}
	text_begin(ld);
}

static void
begin_attendees(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	ld->attendees_pos.line = f->line;
	ld->attendees_pos.col = f->col;
	ld->m->expected = read_count(ld, f, at, A_EXPECTED);
	ld->m->present = read_count(ld, f, at, A_PRESENT);
	if (at->v[A_PRESENT])
		attr_pos(ld, f, "present", &ld->present_pos.line,
			 &ld->present_pos.col);
	if (at->v[A_EXPECTED])
		attr_pos(ld, f, "expected", &ld->expected_pos.line,
			 &ld->expected_pos.col);
}

static void
end_attendees(struct ld *ld)
{
	struct minutes *m = ld->m;
	const struct v2_pos *p = &ld->present_pos, *e = &ld->expected_pos;
	if (m->present == MN_NONE) {
		if (m->expected != MN_NONE && ld->listed_present > m->expected)
			problem(ld, e->line, e->col, "the %u persons listed as "
				"present are more than expected=\"%u\"",
				ld->listed_present, m->expected);
		return;
	}
	if (m->expected != MN_NONE && m->present > m->expected)
		problem(ld, p->line, p->col, "present=\"%u\" is more than "
			"expected=\"%u\"", m->present, m->expected);
	if (m->present < ld->listed_present)
		problem(ld, p->line, p->col, "present=\"%u\" is fewer than "
			"the %u persons listed as present", m->present,
			ld->listed_present);
}

static void
read_presence(struct ld *ld, const struct frame *f, struct mn_person *p,
	      const char *v)
{
	static const char *const names[] = { "present", "excused", "absent" };
	uint32_t line, col;
	const char *s = token_tmp(ld, v);
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			p->presence = (enum mn_presence)i;
			return;
		}
	attr_pos(ld, f, "presence", &line, &col);
	problem(ld, line, col, "bad presence \"%s\" (expected present, "
		"excused or absent)", s);
}

static void
end_reason(struct ld *ld, const struct frame *f)
{
	struct mn_person *p = &ld->persons[ld->npersons - 1];
	p->reason = text_end(ld, f);
	if (p->presence == MN_PRESENT)
		problem(ld, f->line, f->col, "<reason> for a person who is "
			"present (give presence=\"excused\" or \"absent\")");
}

static void
begin_vote(struct ld *ld, struct frame *f, const struct attrs *at)
{
	uint32_t line, col;
	ld->items = grow(ld->items, ld->nitems, &ld->cap_items,
			 sizeof(*ld->items));
	struct mn_item *it = &ld->items[ld->nitems];
	memset(it, 0, sizeof(*it));
	it->line = f->line;
	it->text = "";
	it->id = read_id(ld, f, at, REF(REF_ITEM, ld->nitems));
	if (!it->id)
		it->id = "";
	struct mn_vote *v = pool_alloc(ld, sizeof(*v), 8);
	memset(v, 0, sizeof(*v));
	v->line = f->line;
	v->col = f->col;
	v->method = v->rule_name = "";
	v->nfor = v->against = v->abstain = v->invalid = MN_NONE;
	if (at->v[A_METHOD])
		v->method = token_str(ld, at->v[A_METHOD]);
	if (at->v[A_RULE]) {
		v->rule_name = token_str(ld, at->v[A_RULE]);
		int r = 0;
		while (r < 4 && strcmp(v->rule_name, mn_rule_name(r)) != 0)
			r++;
		if (r < 4) {
			v->rule = (enum mn_rule)r;
		} else {
			attr_pos(ld, f, "rule", &line, &col);
			problem(ld, line, col, "bad rule \"%s\" (expected "
				"majority-present, majority-expected, "
				"two-thirds-present or two-thirds-expected)",
				v->rule_name);
		}
	}
	it->vote = v;
	ld->votes = grow(ld->votes, ld->nvotes, &ld->cap_votes,
			 sizeof(*ld->votes));
	ld->votes[ld->nvotes++] = ld->nitems;
	ld->nitems++;
}

static struct mn_vote *
cur_vote(struct ld *ld)
{
	return (struct mn_vote *)ld->items[ld->nitems - 1].vote;
}

static void
end_motion(struct ld *ld, const struct frame *f)
{
	struct mn_item *it = &ld->items[ld->nitems - 1];
	const char *t = text_end(ld, f);
	if (!ld->no_text) {
		it->text = t;
		it->len = (uint32_t)strlen(t);
	}
}

static void
begin_tally(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	struct mn_vote *v = cur_vote(ld);
	v->has_tally = true;
	v->tally_line = f->line;
	v->tally_col = f->col;
	v->nfor = read_count(ld, f, at, A_FOR);
	v->against = read_count(ld, f, at, A_AGAINST);
	v->abstain = read_count(ld, f, at, A_ABSTAIN);
	v->invalid = read_count(ld, f, at, A_INVALID);
}

static void
end_result(struct ld *ld, const struct frame *f)
{
	struct mn_vote *v = cur_vote(ld);
	const char *s = text_end(ld, f);
	v->result_line = f->line;
	v->result_col = f->col;
	if (strcmp(s, "adopted") == 0)
		v->result = MN_RESULT_ADOPTED;
	else if (strcmp(s, "rejected") == 0)
		v->result = MN_RESULT_REJECTED;
	else
		problem(ld, f->line, f->col,
			"bad result \"%s\" (expected adopted or rejected)", s);
}

static void
begin_task(struct ld *ld, struct frame *f, const struct frame *parent,
	   const struct attrs *at)
{
	uint32_t line, col;
	if (parent->el == EL_ITEM)
		item_inline(ld, f->line, f->col);
	text_flush(ld);
	ld->tasks = grow(ld->tasks, ld->ntasks, &ld->cap_tasks,
			 sizeof(*ld->tasks));
	struct mn_task *t = &ld->tasks[ld->ntasks++];
	memset(t, 0, sizeof(*t));
	t->line = f->line;
	t->col = f->col;
	t->due = "";
	ld->mark = &t->start;
	if (at->v[A_ASSIGNEE]) {
		const char *v = token_tmp(ld, at->v[A_ASSIGNEE]);
		uint32_t n = read_prefs(ld, f, v, A_ASSIGNEE, PREF_ASSIGNEE,
					false, NULL, 0);
		if (n == 0) {
			attr_pos(ld, f, "assignee", &line, &col);
			problem(ld, line, col, "attribute assignee names no one");
		} else {
			t->assignees = pool_alloc(ld, n * sizeof(uint32_t),
						  sizeof(uint32_t));
			memset(t->assignees, 0xff, n * sizeof(uint32_t));
			t->nassignees = n;
			read_prefs(ld, f, v, A_ASSIGNEE, PREF_ASSIGNEE, true,
				   t->assignees, 0);
		}
	}
	if (at->v[A_DUE]) {
		t->due = token_str(ld, at->v[A_DUE]);
		if (!valid_date(t->due)) {
			attr_pos(ld, f, "due", &line, &col);
			problem(ld, line, col, "bad due date \"%s\": expected a "
				"real date as YYYY-MM-DD", t->due);
		}
	}
}

static void
end_task(struct ld *ld)
{
	struct mn_task *t = &ld->tasks[ld->ntasks - 1];
	text_flush(ld);
	t->end = (uint32_t)ld->out.len;
	if (ld->mark)
		t->start = t->end;
	ld->mark = NULL;
}

static void
begin_signature(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	uint32_t line, col;
	ld->sigs = grow(ld->sigs, ld->nsigs, &ld->cap_sigs, sizeof(*ld->sigs));
	struct mn_signature *g = &ld->sigs[ld->nsigs];
	memset(g, 0, sizeof(*g));
	g->line = f->line;
	g->person = MN_NONE;
	g->role = MN_SIGN_SECRETARY;
	bool bad_role = !at->v[A_ROLE];
	if (at->v[A_ROLE]) {
		const char *r = token_tmp(ld, at->v[A_ROLE]);
		if (strcmp(r, "chair") == 0) {
			g->role = MN_SIGN_CHAIR;
		} else if (strcmp(r, "secretary") != 0) {
			bad_role = true;
			attr_pos(ld, f, "role", &line, &col);
			problem(ld, line, col, "bad signature role \"%s\" "
				"(expected secretary or chair)", r);
		}
	}
	if (at->v[A_REFUSED])
		g->refused = token_str(ld, at->v[A_REFUSED]);
	if (at->v[A_REF]) {
		const char *v = token_tmp(ld, at->v[A_REF]);
		if (read_prefs(ld, f, v, A_REF, PREF_SIGNATURE, false, NULL,
			       0) != 1) {
			attr_pos(ld, f, "ref", &line, &col);
			problem(ld, line, col, "attribute ref on <signature> "
				"must name one person");
		} else {
			read_prefs(ld, f, v, A_REF, PREF_SIGNATURE, true, NULL,
				   ld->nsigs);
			ld->prefs[ld->nprefs - 1].bad_role = bad_role;
		}
	}
	ld->nsigs++;
}

static void
end_recipient(struct ld *ld, const struct frame *f)
{
	ld->recips = grow(ld->recips, ld->nrecips, &ld->cap_recips,
			  sizeof(*ld->recips));
	ld->recips[ld->nrecips].line = f->line;
	ld->recips[ld->nrecips++].text = text_end(ld, f);
}

static void
begin_date(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	struct mn_meeting *mt = &ld->m->meeting;
	uint32_t line, col;
	ld->date_pos.line = f->line;
	ld->date_pos.col = f->col;
	mt->start = read_time(ld, f, at->v[A_START], "start");
	mt->end = read_time(ld, f, at->v[A_END], "end");
	/* v2: the closing time is after the opening (a v1 file reads as
	 * ever) */
	if (ld->version >= 2 && valid_time(mt->start) && valid_time(mt->end) &&
	    strcmp(mt->end, mt->start) <= 0) {
		attr_pos(ld, f, "end", &line, &col);
		problem(ld, line, col, "end time %s is not after start time %s",
			mt->end, mt->start);
	}
	text_begin(ld);
}

static void
begin_el(struct ld *ld, struct frame *f, const struct frame *parent,
	 int nattrs, const xmlChar **attrs)
{
	struct attrs at;
	attrs_read(ld, f, nattrs, attrs, &at);
	switch (f->el) {
	case EL_MINUTES: begin_minutes(ld, f, &at); break;
	case EL_DATE: begin_date(ld, f, &at); break;
	case EL_MEETING:
		ld->m->meeting.line = f->line;
		ld->meeting_col = f->col;
		break;
	case EL_PERSON: begin_person(ld, f, &at); break;
	case EL_SECTION: begin_section(ld, f, &at); break;
	case EL_ITEM: begin_item(ld, f, &at); break;
	case EL_P: begin_p(ld, f); break;
	case EL_FIGURE: begin_figure(ld, f, parent, &at); break;
	case EL_AGENCY: begin_agency(ld, f, &at); break;
	case EL_NUMBER:
		ld->number_pos.line = ld->m->meeting.number_line = f->line;
		ld->number_pos.col = f->col;
		text_begin(ld);
		break;
	case EL_CHAIR: begin_officer(ld, f, &at, PREF_CHAIR); break;
	case EL_SECRETARY: begin_officer(ld, f, &at, PREF_SECRETARY); break;
	case EL_ATTENDEES: begin_attendees(ld, f, &at); break;
	case EL_VOTE: begin_vote(ld, f, &at); break;
	case EL_TALLY: begin_tally(ld, f, &at); break;
	case EL_TASK: begin_task(ld, f, parent, &at); break;
	case EL_SIGNATURES:
		ld->signatures_line = f->line;
		ld->signatures_col = f->col;
		break;
	case EL_SIGNATURE: begin_signature(ld, f, &at); break;
	default:
		if (EL_IS(f->el, F_LEAF))
			text_begin(ld);
		break;
	}
}

static void
end_date(struct ld *ld, const struct frame *f)
{
	const char *d = text_end(ld, f);
	ld->m->meeting.date = d;
	if (!valid_date(d))
		problem(ld, f->line, f->col,
			"bad date \"%s\": expected a real date as YYYY-MM-DD", d);
}

static void
end_status(struct ld *ld, const struct frame *f)
{
	static const char *const names[] = { "draft", "final", "approved" };
	const char *s = text_end(ld, f);
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			ld->m->meeting.status = (enum mn_status)i;
			return;
		}
	problem(ld, f->line, f->col,
		"bad status \"%s\" (expected draft, final or approved)", s);
}

static void
end_item(struct ld *ld, const struct frame *f)
{
	struct mn_item *it = &ld->items[ld->nitems - 1];
	text_flush(ld);
	check_mojibake(ld, f, ld->out.s ? ld->out.s : "", ld->out.len);
	if (ld->no_text) {
		it->text = ""; /* checked above, not kept */
		it->len = 0;
	} else {
		it->text = pool_strndup(ld, ld->out.s ? ld->out.s : "",
					ld->out.len);
		it->len = (uint32_t)ld->out.len;
	}
	if (ld->nfigs) {
		size_t size = ld->nfigs * sizeof(*it->figures);
		it->figures = pool_alloc(ld, size, 8);
		memcpy(it->figures, ld->figs, size);
		it->nfigures = ld->nfigs;
		if (ld->no_text) /* no text for their places to point into */
			for (uint32_t i = 0; i < ld->nfigs; i++)
				it->figures[i].start = it->figures[i].end = 0;
	}
	if (ld->ntasks) {
		size_t size = ld->ntasks * sizeof(*it->tasks);
		it->tasks = pool_alloc(ld, size, 8);
		memcpy(it->tasks, ld->tasks, size);
		it->ntasks = ld->ntasks;
		if (ld->no_text)
			for (uint32_t i = 0; i < ld->ntasks; i++)
				it->tasks[i].start = it->tasks[i].end = 0;
	}
}

static void
end_figure(struct ld *ld)
{
	struct mn_figure *fg = &ld->figs[ld->nfigs - 1];
	text_flush(ld);
	fg->end = (uint32_t)ld->out.len;
	if (ld->mark) /* no word inside */
		fg->start = fg->end;
	ld->mark = NULL;
}

static void
check_required(struct ld *ld, const struct frame *f)
{
	uint64_t missing = el_rules[f->el].required & ~f->seen;
	for (int e = 0; missing && e < EL_COUNT; e++)
		if (missing & B(e)) {
			problem(ld, f->line, f->col, "missing <%s> in <%s>",
				el_rules[e].name, el_rules[f->el].name);
			missing &= ~B(e);
		}
}

static void
end_el(struct ld *ld, const struct frame *f)
{
	struct minutes *m = ld->m;
	struct mn_meeting *mt = &m->meeting;
	switch (f->el) {
	case EL_TITLE: mt->title = text_end(ld, f); break;
	case EL_ORGANIZER: mt->organizer = text_end(ld, f); break;
	case EL_DATE: end_date(ld, f); break;
	case EL_PLACE: mt->place = text_end(ld, f); break;
	case EL_STATUS: end_status(ld, f); break;
	case EL_SOURCE: mt->source = text_end(ld, f); break;
	case EL_NAME: ld->persons[ld->npersons - 1].name = text_end(ld, f); break;
	case EL_ROLE: ld->persons[ld->npersons - 1].role = text_end(ld, f); break;
	case EL_HEADING:
		ld->sections[ld->nsections - 1].heading = text_end(ld, f);
		break;
	case EL_SECTION: {
		struct mn_section *s = &ld->sections[ld->nsections - 1];
		s->nitems = ld->nitems - s->nitems;
		break;
	}
	case EL_ITEM: end_item(ld, f); break;
	case EL_AGENCY: mt->agency = text_end(ld, f); break;
	case EL_NUMBER: mt->number = text_end(ld, f); break;
	case EL_ATTENDEES: end_attendees(ld); break;
	case EL_REASON: end_reason(ld, f); break;
	case EL_MOTION: end_motion(ld, f); break;
	case EL_RESULT: end_result(ld, f); break;
	case EL_TASK: end_task(ld); break;
	case EL_RECIPIENT: end_recipient(ld, f); break;
	case EL_P:
		text_flush(ld);
		break;
	case EL_FIGURE: end_figure(ld); break;
	default: break;
	}
	check_required(ld, f);
}

/* "<a>", "<a> and <b>", "<a>, <b> and <c>": the elements of MASK. */
static void
names_list(uint64_t mask, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int e = 0; e < EL_COUNT && n < size; e++) {
		if (!(mask & B(e)))
			continue;
		mask &= ~B(e);
		n += (size_t)snprintf(buf + n, size - n, "%s<%s>",
				      n == 0 ? "" : mask ? ", " : _(" and "),
				      el_rules[e].name);
	}
}

/* The elements that must not come before each element (a higher ORDER
 * among the same siblings), of those the file's version knows. */
static void
after_init(struct ld *ld)
{
	for (int e = 0; e < EL_COUNT; e++) {
		ld->after[e] = 0;
		if (!el_rules[e].order)
			continue;
		for (int o = 0; o < EL_COUNT; o++)
			if (el_rules[o].order > el_rules[e].order &&
			    el_rules[o].since <= ld->version)
				ld->after[e] |= B(o);
	}
}

/* Is E welcome in PARENT here?  Says why not. */
static bool
el_allowed(struct ld *ld, struct frame *parent, struct frame *f,
	   const char *name, const xmlChar *uri)
{
	enum el e = f->el;
	const char *pn = el_rules[parent->el].name;
	if (parent->el == EL_DOC && e != EL_MINUTES && uri) {
		problem(ld, f->line, f->col, "root element <%s> is in namespace "
			"%s; <minutes> has none", name, (const char *)uri);
		return false;
	}
	if (parent->el == EL_DOC && e != EL_MINUTES) {
		problem(ld, f->line, f->col,
			"root element is <%s>, expected <minutes>", name);
		return false;
	}
	if (e == EL_UNKNOWN) {
		problem(ld, f->line, f->col, "unknown element <%s>", name);
		return false;
	}
	if (!(el_rules[parent->el].children & B(e))) {
		problem(ld, f->line, f->col, "<%s> not allowed in <%s>", name, pn);
		return false;
	}
	if (el_rules[e].since > ld->version) {
		problem(ld, f->line, f->col,
			"<%s> needs version %u (this file is version %d)",
			name, el_rules[e].since, ld->version);
		return false;
	}
	if ((parent->seen & B(e)) && !EL_IS(e, F_MANY)) {
		problem(ld, f->line, f->col, "duplicate <%s> in <%s>", name, pn);
		return false;
	}
	uint64_t later = ld->after[e] & el_rules[parent->el].children;
	if (parent->seen & later) {
		char list[256];
		names_list(later, list, sizeof(list));
		problem(ld, f->line, f->col, "<%s> must come before %s", name,
			list);
	}
	return true;
}

/* --- SAX events ------------------------------------------------------- */

static void
on_start(void *arg, const xmlChar *localname, const xmlChar *prefix,
	 const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
	 int ndefaulted, const xmlChar **attrs)
{
	struct ld *ld = arg;
	char buf[256];
	(void)nns;
	(void)ns;
	(void)ndefaulted;
	if (ld->fatal)
		return;
	struct frame *parent = &ld->frames[ld->nframes - 1];
	const char *name = qname(prefix, localname, buf, sizeof(buf));
	find_tag(ld);
	if (ld->nframes > LOADER_MAX_DEPTH) {
		set_fatal(ld, ld->tag_line, ld->tag_col,
			  "elements nested deeper than %d levels",
			  LOADER_MAX_DEPTH);
		stop(ld);
		return;
	}
	struct frame *f = &ld->frames[ld->nframes++];
	f->line = ld->tag_line;
	f->col = ld->tag_col;
	f->seen = 0;
	f->el = parent->el == EL_SKIP ? EL_SKIP : el_lookup(ld, localname, uri);
	if (f->el != EL_SKIP && !el_allowed(ld, parent, f, name, uri))
		f->el = EL_SKIP;
	if (f->el != EL_SKIP) {
		parent->seen |= B(f->el);
		begin_el(ld, f, parent, nattrs, attrs);
	}
	mark_prev(ld, 1);
}

static void
on_end(void *arg, const xmlChar *localname, const xmlChar *prefix,
       const xmlChar *uri)
{
	struct ld *ld = arg;
	(void)localname;
	(void)prefix;
	(void)uri;
	if (ld->fatal || ld->nframes <= 1)
		return;
	struct frame *f = &ld->frames[--ld->nframes];
	if (f->el != EL_SKIP)
		end_el(ld, f);
	mark_prev(ld, 0);
}

static void
on_text(void *arg, const xmlChar *text, int n)
{
	struct ld *ld = arg;
	struct frame *f = &ld->frames[ld->nframes - 1];
	const char *s = (const char *)text;
	size_t len = n > 0 ? (size_t)n : 0;
	uint32_t line, col;
	if (ld->fatal || f->el == EL_SKIP || f->el == EL_DOC)
		goto done;
	if (!EL_IS(f->el, F_TEXT)) {
		if ((f->seen & SEEN_TEXT) || is_blank(s, len))
			goto done;
		text_pos(ld, s, len, &line, &col);
		problem(ld, line, col, "text not allowed in <%s>",
			el_rules[f->el].name);
		f->seen |= SEEN_TEXT;
		goto done;
	}
	if (f->el == EL_ITEM && !ld->open_inline) {
		if (is_blank(s, len))
			goto done;
		text_pos(ld, s, len, &line, &col);
		item_inline(ld, line, col);
	}
	sbuf_add(&ld->raw, s, len);
done:
	mark_prev(ld, 0);
}

static void
on_mark(void *arg, const xmlChar *a, const xmlChar *b)
{
	(void)a;
	(void)b;
	mark_prev(arg, 0);
}

static void
on_comment(void *arg, const xmlChar *text)
{
	(void)text;
	mark_prev(arg, 0);
}

static void
on_start_document(void *arg)
{
	mark_prev(arg, 0);
}

static void
on_doctype(void *arg, const xmlChar *name, const xmlChar *id,
	   const xmlChar *sys)
{
	struct ld *ld = arg;
	(void)name;
	(void)id;
	(void)sys;
	set_fatal(ld, (uint32_t)xmlSAX2GetLineNumber(ld->ctxt), 0,
		  "DOCTYPE not allowed");
	stop(ld);
}

static void
on_reference(void *arg, const xmlChar *name)
{
	struct ld *ld = arg;
	set_fatal(ld, (uint32_t)xmlSAX2GetLineNumber(ld->ctxt), 0,
		  "entity reference &%s; not allowed", name);
	stop(ld);
}

/* --- the model, finished -------------------------------------------------- */

static void
resolve_later(struct ld *ld)
{
	for (uint32_t i = 0; i < ld->nlater; i++) {
		struct by_later *b = &ld->later[i];
		const char *name = ld->names.s + b->name;
		uint32_t ref = id_find(ld, name);
		struct mn_item *it = &ld->items[b->item];
		if (ref != REF_NONE && REF_KIND(ref) == REF_PERSON) {
			it->by[b->slot] = REF_INDEX(ref);
			continue;
		}
		it->by[b->slot] = UINT32_MAX;
		if (ref == REF_NONE)
			problem(ld, b->line, b->col,
				"by refers to unknown person \"%s\"", name);
		else
			problem(ld, b->line, b->col,
				"by refers to \"%s\", which is not a person", name);
	}
	for (uint32_t i = 0; i < ld->nlater; i++) {
		struct mn_item *it = &ld->items[ld->later[i].item];
		uint32_t n = 0;
		for (uint32_t k = 0; k < it->nby; k++)
			if (it->by[k] != UINT32_MAX)
				it->by[n++] = it->by[k];
		it->nby = n;
	}
}

static void *
to_arena(struct ld *ld, const void *p, size_t size)
{
	if (!size)
		return NULL;
	void *a = mn_arena_alloc(ld->m->arena, size);
	memcpy(a, p, size);
	return a;
}

/* --- version 2, finished -------------------------------------------- */

static const char *
pref_word(enum pref_use use)
{
	switch (use) {
	case PREF_CHAIR: return N_("chair");
	case PREF_SECRETARY: return N_("secretary");
	case PREF_SIGNATURE: return N_("signature");
	default: return N_("assignee");
	}
}

/* A person's index for ID, or MN_NONE (said why at LINE:COL). */
static uint32_t
person_ref(struct ld *ld, const char *name, enum pref_use use,
	   uint32_t line, uint32_t col)
{
	uint32_t ref = id_find(ld, name);
	if (ref != REF_NONE && REF_KIND(ref) == REF_PERSON)
		return REF_INDEX(ref);
	if (ref == REF_NONE)
		problem(ld, line, col, "%s refers to unknown person \"%s\"",
			pref_word(use), name);
	else
		problem(ld, line, col, "%s refers to \"%s\", which is not a "
			"person", pref_word(use), name);
	return MN_NONE;
}

static uint32_t *
officers(struct ld *ld, enum pref_use use, uint32_t *n)
{
	uint32_t k = 0;
	for (uint32_t i = 0; i < ld->nprefs; i++)
		k += ld->prefs[i].use == use;
	*n = 0;
	if (!k)
		return NULL;
	uint32_t *v = pool_alloc(ld, k * sizeof(*v), sizeof(*v));
	for (uint32_t i = 0; i < ld->nprefs; i++) {
		const struct pref *r = &ld->prefs[i];
		if (r->use != use)
			continue;
		uint32_t p = person_ref(ld, ld->names.s + r->name, use, r->line,
					r->col);
		if (p == MN_NONE)
			continue;
		const struct mn_person *ps = &ld->persons[p];
		const struct v2_pos *at = use == PREF_CHAIR ?
			&ld->chair_pos[r->index] : &ld->sec_pos[r->index];
		if (ps->presence != MN_PRESENT)
			problem(ld, at->line, at->col, "the %s, \"%s\", is "
				"marked %s: the %s must be present", _(pref_word(use)),
				ps->id, _(mn_presence_name(ps->presence)),
				_(pref_word(use)));
		v[(*n)++] = p;
	}
	return v;
}

static bool
among(const uint32_t *v, uint32_t n, uint32_t p)
{
	for (uint32_t i = 0; i < n; i++)
		if (v[i] == p)
			return true;
	return false;
}

static void
resolve_v2(struct ld *ld)
{
	struct mn_meeting *mt = &ld->m->meeting;
	mt->chairs = officers(ld, PREF_CHAIR, &mt->nchairs);
	mt->secretaries = officers(ld, PREF_SECRETARY, &mt->nsecretaries);
	for (uint32_t i = 0; i < ld->nprefs; i++) {
		const struct pref *r = &ld->prefs[i];
		const char *name = ld->names.s + r->name;
		if (r->use == PREF_ASSIGNEE) {
			*r->slot = person_ref(ld, name, r->use, r->line, r->col);
		} else if (r->use == PREF_SIGNATURE) {
			struct mn_signature *g = &ld->sigs[r->index];
			g->person = person_ref(ld, name, r->use, r->line, r->col);
			bool chair = g->role == MN_SIGN_CHAIR;
			if (g->person != MN_NONE && !r->bad_role &&
			    !(chair ? among(mt->chairs, mt->nchairs, g->person) :
			      among(mt->secretaries, mt->nsecretaries, g->person)))
				problem(ld, r->line, r->col, "signature as %s by "
					"\"%s\", who is not %s of the meeting",
					chair ? _("chair") : _("secretary"), name,
					chair ? _("a chair") : _("a secretary"));
		}
	}
	/* tasks keep the assignees that are persons */
	for (uint32_t s = 0; s < ld->nitems; s++) {
		struct mn_item *it = &ld->items[s];
		for (uint32_t t = 0; t < it->ntasks; t++) {
			struct mn_task *k = &it->tasks[t];
			uint32_t n = 0;
			for (uint32_t a = 0; a < k->nassignees; a++)
				if (k->assignees[a] != MN_NONE)
					k->assignees[n++] = k->assignees[a];
			k->nassignees = n;
		}
	}
}

static void
check_votes(struct ld *ld)
{
	struct minutes *m = ld->m;
	for (uint32_t i = 0; i < ld->nvotes; i++) {
		const struct mn_item *it = &ld->items[ld->votes[i]];
		const struct mn_vote *v = it->vote;
		uint32_t base, cast = mn_vote_cast(v);
		uint32_t present = minutes_present_count(m);
		if (!v->has_tally)
			continue;
		if (cast > present)
			problem(ld, v->tally_line, v->tally_col, "%u votes cast, "
				"but only %u present", cast, present);
		uint32_t need = mn_vote_needed(m, v, &base);
		bool on_expected = v->rule == MN_RULE_MAJORITY_EXPECTED ||
				   v->rule == MN_RULE_TWO_THIRDS_EXPECTED;
		if (need == MN_NONE) {
			problem(ld, v->line, v->col, "rule %s needs "
				"<attendees expected=\"N\">",
				mn_rule_name(v->rule));
			continue;
		}
		if (v->result == MN_RESULT_NONE || v->nfor == MN_NONE)
			continue;
		bool pass = v->nfor >= need;
		if (pass == (v->result == MN_RESULT_ADOPTED))
			continue;
		bool thirds = v->rule == MN_RULE_TWO_THIRDS_PRESENT ||
			      v->rule == MN_RULE_TWO_THIRDS_EXPECTED;
		problem(ld, v->result_line, v->result_col,
			"%s, but %u of %u %s voted for: %s needs %u",
			_(mn_result_name(v->result)), v->nfor, base,
			on_expected ? _("expected") : _("present"),
			thirds ? _("a two-thirds majority") : _("a majority"), need);
	}
}

static void
warning(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
warning(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	if (ld->m->nproblems >= MAX_PROBLEMS) {
		ld->dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), gettext(fmt), ap);	/* make pot */
	va_end(ap);
	minutes_add_warning(ld->m, line, col, "%s", buf);
}

/* Số: digits (two at least), '/', "BB", '-', an upper-case notation
 * (letters, Đ, digits, hyphens), no spaces.  Returns NULL when well
 * formed, else what is wrong. */
static const char *
number_fault(const char *s)
{
	const char *p = s;
	while (*p >= '0' && *p <= '9')
		p++;
	size_t digits = (size_t)(p - s);
	if (!digits || *p != '/')
		return _("is not NN/BB-NOTATION (as 27/BB-UBND)");
	if (strncmp(p + 1, "BB-", 3) != 0) {
		const char *q = p + 1;
		while (*q && *q != '-' && *q != ' ')
			q++;
		if (*q == '-' && q > p + 1)
			return _("is not a biên bản's: the type after the slash "
				 "is BB (as 27/BB-UBND)");
		return _("is not NN/BB-NOTATION (as 27/BB-UBND)");
	}
	p += 4;
	if (!*p || *p == '-')
		return _("is not NN/BB-NOTATION (as 27/BB-UBND)");
	for (; *p; p++) {
		bool up = (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			  *p == '-';
		if (!up && strncmp(p, "Đ", 2) == 0) {
			p++;
			continue;
		}
		if (!up)
			return _("is not NN/BB-NOTATION: the notation is upper "
				 "case, joined by hyphens, without spaces");
	}
	if (p[-1] == '-')
		return _("is not NN/BB-NOTATION (as 27/BB-UBND)");
	if (digits == 1)
		return _("takes a leading zero below 10 (as 05/BB-UBND)");
	return NULL;
}

/* NĐ 30/2020's form, for final and approved minutes. */
static void
check_form(struct ld *ld)
{
	struct minutes *m = ld->m;
	const struct mn_meeting *mt = &m->meeting;
	uint32_t line = mt->line, col = ld->meeting_col;
	if (mt->status == MN_STATUS_DRAFT)
		return;
	const char *st = _(mn_status_name(mt->status));
	if (!mt->number_line) {
		warning(ld, line, col, "%s minutes without a <number> "
			"(Số, as 27/BB-UBND)", st);
	} else {
		const char *fault = number_fault(mt->number);
		if (fault)
			warning(ld, ld->number_pos.line, ld->number_pos.col,
				"number \"%s\" %s", mt->number, fault);
	}
	if (!*mt->agency)
		warning(ld, line, col, "%s minutes without an <agency> (the "
			"body that issues them)", st);
	if (!ld->nchair_pos)
		warning(ld, line, col, "%s minutes without a <chair> (who "
			"chaired)", st);
	if (!ld->nsec_pos)
		warning(ld, line, col, "%s minutes without a <secretary> (who "
			"took the minutes)", st);
	if (!*mt->end && ld->date_pos.line)
		warning(ld, ld->date_pos.line, ld->date_pos.col, "%s minutes "
			"without an end time (<date end=\"HH:MM\">, when the "
			"meeting closed)", st);
	if (mt->status != MN_STATUS_APPROVED)
		return;
	bool chair = false, secretary = false;
	for (uint32_t i = 0; i < ld->nsigs; i++) {
		chair |= ld->sigs[i].role == MN_SIGN_CHAIR;
		secretary |= ld->sigs[i].role == MN_SIGN_SECRETARY;
	}
	uint32_t at = ld->signatures_line ? ld->signatures_line : ld->root_line;
	col = ld->signatures_line ? ld->signatures_col : ld->root_col;
	if (!secretary)
		warning(ld, at, col, "approved minutes without the secretary's "
			"<signature>");
	if (!chair)
		warning(ld, at, col, "approved minutes without the chair's "
			"<signature>");
}

static void
finish_v2(struct ld *ld)
{
	struct minutes *m = ld->m;
	if (ld->version < 2)
		return;
	resolve_v2(ld);
	check_votes(ld);
	check_form(ld);
	m->signatures = to_arena(ld, ld->sigs, ld->nsigs * sizeof(*ld->sigs));
	m->nsignatures = ld->nsigs;
	m->recipients = to_arena(ld, ld->recips,
				 ld->nrecips * sizeof(*ld->recips));
	m->nrecipients = ld->nrecips;
}

static int
problem_cmp(const struct mn_problem *a, const struct mn_problem *b)
{
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

/* In document order (insertion sort: they nearly are, and stable). */
static void
sort_problems(struct minutes *m)
{
	for (uint32_t i = 1; i < m->nproblems; i++) {
		struct mn_problem p = m->problems[i];
		uint32_t j = i;
		while (j > 0 && problem_cmp(&m->problems[j - 1], &p) > 0) {
			m->problems[j] = m->problems[j - 1];
			j--;
		}
		m->problems[j] = p;
	}
}

static void
finish(struct ld *ld)
{
	struct minutes *m = ld->m;
	id_flush(ld);
	resolve_later(ld);
	finish_v2(ld);
	free(ld->ids.slots);
	ld->ids.slots = NULL;
	sort_problems(m);
	if (ld->dropped)
		minutes_add_problem(m, 0, 0, _("%u more problems not listed"),
				    ld->dropped);
	if (ld->nitems) {
		m->item_store = mn_xrealloc(ld->items,
					 ld->nitems * sizeof(*ld->items));
		ld->items = NULL;
	}
	for (uint32_t i = 0, first = 0; i < ld->nsections; i++) {
		struct mn_section *s = &ld->sections[i];
		s->items = s->nitems ? m->item_store + first : NULL;
		first += s->nitems;
	}
	m->persons = to_arena(ld, ld->persons,
			      ld->npersons * sizeof(*ld->persons));
	m->npersons = ld->npersons;
	m->sections = to_arena(ld, ld->sections,
			       ld->nsections * sizeof(*ld->sections));
	m->nsections = ld->nsections;
}

static void
ld_free(struct ld *ld)
{
	free(ld->persons);
	free(ld->sections);
	free(ld->items);
	free(ld->figs);
	free(ld->later);
	free(ld->tasks);
	free(ld->sigs);
	free(ld->recips);
	free(ld->prefs);
	free(ld->votes);
	free(ld->chair_pos);
	free(ld->sec_pos);
	free(ld->names.s);
	free(ld->raw.s);
	free(ld->out.s);
	free(ld->tmp.s);
	free(ld->abuf.s);
	free(ld->ids.slots);
}

/* --- loading ------------------------------------------------------------ */

static void
err_init(struct load_error *err, const char *name)
{
	snprintf(err->path, sizeof(err->path), "%s", name);
	err->line = err->col = 0;
	err->msg[0] = '\0';
}

static void
sax_init(xmlSAXHandler *h)
{
	memset(h, 0, sizeof(*h));
	h->initialized = XML_SAX2_MAGIC;
	h->startDocument = on_start_document;
	h->startElementNs = on_start;
	h->endElementNs = on_end;
	h->characters = on_text;
	h->ignorableWhitespace = on_text;
	h->cdataBlock = on_text;
	h->comment = on_comment;
	h->processingInstruction = on_mark;
	h->internalSubset = on_doctype;
	h->externalSubset = on_doctype;
	h->reference = on_reference;
	h->warning = silent;
	h->error = silent;
	h->fatalError = silent;
	h->serror = on_xml_error;
}

/* Where the bytes come from: a file, read a chunk at a time, or memory. */
/* Invalid UTF-8 in a UTF-8 document: each bad byte reaches the parser
 * as U+FFFD, and each run of bad bytes is a problem where it starts (the
 * parser would stop at the first one: a byte damaged by a mail gateway
 * made the whole meeting unreadable).  Markup that is not well-formed
 * still stops the load.  Lines and columns are counted as the parser
 * counts them: CR, LF and CRLF end a line; columns are characters. */
struct utf8_fix {
	bool on;               /* a UTF-8 document: check and repair */
	unsigned char carry[4]; /* a character cut by the end of a chunk */
	size_t ncarry;
	struct sbuf join, out;
	uint32_t line, col;
	bool cr;                /* the last byte was a CR */
	/* a run of bad bytes that reached the end of a chunk: reported once
	 * it ends, as one problem wherever the chunks were cut */
	size_t run_n;
	unsigned char run[4];
	uint32_t run_line, run_col;
	/* the first problem says what to do about raw TCVN3 or VNI bytes */
	bool looked;
	const char *hint;
};

/* The length of the well-formed UTF-8 character at S (N bytes there): 0
 * when it is not one, -1 when the N bytes are the start of one. */
static int
utf8_char(const unsigned char *s, size_t n)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	int len;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90; /* overlong */
		else if (c == 0xF4)
			hi = 0x8F; /* past U+10FFFF */
	} else {
		return 0;
	}
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xBF))
			return 0;
	}
	return len;
}

/* Do the N bytes at S have the shape of a UTF-8 character (a lead byte
 * and as many continuation bytes as it announces), well-formed or not? */
static bool
utf8_shaped(const unsigned char *s, size_t n)
{
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	if (s[0] > 0xF7 || len == 0 || n < len)
		return false;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return false;
	return true;
}

/* Moves the line and column on over the well-formed bytes [P, E): the
 * fast way (memchr, eight bytes at a time) unless a CR is among them. */
static void
fix_advance(struct utf8_fix *u, const char *p, const char *e)
{
	if (p >= e)
		return;
	if (u->cr && *p == '\n')
		p++; /* the LF of a CRLF: the CR ended the line */
	u->cr = false;
	if (p >= e)
		return;
	if (memchr(p, '\r', (size_t)(e - p))) {
		for (; p < e; p++) {
			unsigned c = (unsigned char)*p;
			if (c == '\n' && !u->cr) {
				u->line++;
				u->col = 1;
			} else if (c == '\r') {
				u->line++;
				u->col = 1;
			} else if (c != '\n') {
				u->col += (c & 0xC0) != 0x80;
			}
			u->cr = c == '\r';
		}
		return;
	}
	uint32_t nl = newlines(p, e);
	if (nl) {
		const char *last = memrchr(p, '\n', (size_t)(e - p));
		u->line += nl;
		u->col = 1 + chars(last + 1, e);
	} else {
		u->col += chars(p, e);
	}
}

/* The problem for the run of bad bytes in U (AT_END: a character the
 * file ends inside); the run is done. */
static void
fix_problem(struct ld *ld, struct utf8_fix *u, bool at_end)
{
	char bytes[64];
	size_t o = 0, n = u->run_n;
	u->run_n = 0;
	if (problems_full(ld))
		return;
	for (size_t i = 0; i < n && i < 4; i++)
		o += (size_t)snprintf(bytes + o, sizeof(bytes) - o, "%s0x%02X",
				      i ? " " : "", u->run[i]);
	if (at_end)
		problem(ld, u->run_line, u->run_col, "invalid UTF-8: the file "
			"ends inside a character (bytes %s), shown as U+FFFD",
			bytes);
	else
		problem(ld, u->run_line, u->run_col, "invalid UTF-8 (%s %s%s), "
			"shown as U+FFFD%s%s", n == 1 ? "byte" : "bytes", bytes,
			n > 4 ? " ..." : "", u->hint ? "; " : "",
			u->hint ? u->hint : "");
	u->hint = NULL;
}

/* The chunk P, N bytes (LAST: the end of the file), as the parser is to
 * see it: *OUT, *OUTN (P itself when nothing is wrong). */
static void
fix_chunk(struct ld *ld, struct utf8_fix *u, const char *p, size_t n,
	  bool last, const char **out, size_t *outn)
{
	const unsigned char *b = (const unsigned char *)p;
	size_t m = n, i = 0, clean = 0;
	bool fixed = false;

	if (u->ncarry) {
		u->join.len = 0;
		sbuf_add(&u->join, (const char *)u->carry, u->ncarry);
		sbuf_add(&u->join, p, n);
		b = (const unsigned char *)u->join.s;
		m = u->join.len;
		u->ncarry = 0;
	}
	u->out.len = 0;
	/* a run left open by the last chunk ends unless this one goes on
	 * with bad bytes */
	if (u->run_n && (m == 0 || utf8_char(b, m) != 0))
		fix_problem(ld, u, false);
	while (i < m) {
		/* ASCII eight bytes at a time */
		while (m - i >= 8) {
			uint64_t w;
			memcpy(&w, b + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= m)
			break;
		unsigned c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* the common characters inline: two bytes, and three bytes
		 * with a lead whose second byte is unrestricted (E1-EC:
		 * Vietnamese letters are E1 BA xx / E1 BB xx) */
		if (c >= 0xC2 && c <= 0xDF && m - i >= 2 &&
		    (b[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (c >= 0xE1 && c <= 0xEC && m - i >= 3 &&
		    (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		int len = utf8_char(b + i, m - i);
		if (len > 0) {
			i += (size_t)len;
			continue;
		}
		if (len < 0 && !last)
			break; /* cut by the chunk: goes with the next one */
		/* a run of bad bytes, each shown as U+FFFD */
		size_t j = i + 1;
		while (j < m && (len = utf8_char(b + j, m - j)) <= 0 &&
		       (len == 0 || last))
			j++;
		fix_advance(u, (const char *)b + clean, (const char *)b + i);
		if (!u->looked && !utf8_shaped(b + i, m - i)) {
			/* raw TCVN3 or VNI bytes in a file read as UTF-8 (not
			 * a surrogate or an overlong form: those have the shape
			 * of UTF-8, a broken encoder's, not a legacy one) */
			enum text_mojibake k = text_detect_legacy_bytes(
				(const char *)b, m, NULL, NULL);
			u->looked = true;
			if (k != TEXT_MOJI_NONE)
				u->hint = text_legacy_hint(k);
		}
		if (!u->run_n) {
			u->run_line = u->line;
			u->run_col = u->col;
		}
		for (size_t k = i; k < j && u->run_n + (k - i) < 4; k++)
			u->run[u->run_n + (k - i)] = b[k];
		u->run_n += j - i;
		if (j < m || last)
			fix_problem(ld, u, last && j == m && len < 0);
		sbuf_add(&u->out, (const char *)b + clean, i - clean);
		for (size_t k = i; k < j; k++)
			sbuf_add(&u->out, "\xEF\xBF\xBD", 3);
		u->col += (uint32_t)(j - i);
		u->cr = false;
		clean = i = j;
		fixed = true;
	}
	if (i < m) {
		u->ncarry = m - i;
		memcpy(u->carry, b + i, u->ncarry);
		m = i;
	}
	fix_advance(u, (const char *)b + clean, (const char *)b + m);
	if (fixed) {
		sbuf_add(&u->out, (const char *)b + clean, m - clean);
		*out = u->out.s;
		*outn = u->out.len;
	} else {
		*out = (const char *)b;
		*outn = m;
	}
}

struct feed {
	unsigned flags; /* enum load_flags */
	int fd;
	const char *mem;
	size_t len, off;
	char *buf;
	unsigned char tail[4]; /* the last bytes given */
	size_t ntail;
	struct utf8_fix fix;
};

static void
fix_free(struct utf8_fix *u)
{
	free(u->join.s);
	free(u->out.s);
	u->join.s = u->out.s = NULL;
}

/* Gives the chunk P, N bytes to the parser, repaired (LAST: the end). */
static void
feed_parser(struct ld *ld, struct feed *f, const char *p, size_t n, bool last)
{
	if (f->fix.on)
		fix_chunk(ld, &f->fix, p, n, last, &p, &n);
	/* the last bytes first, then the end on its own (given together,
	 * a file cut inside an element was "extra content") */
	if (n)
		xmlParseChunk(ld->ctxt, p, (int)n, 0);
	if (last)
		xmlParseChunk(ld->ctxt, NULL, 0, 1);
}

/* The next chunk in *P: its length, 0 at the end, -1 on a read error. */
static ssize_t
feed_next(struct feed *f, const char **p)
{
	size_t n = 0;
	if (f->fd < 0) {
		n = f->len - f->off < PUSH_CHUNK ? f->len - f->off : PUSH_CHUNK;
		*p = f->mem + f->off;
		f->off += n;
	} else {
		while (n < PUSH_CHUNK) {
			ssize_t r = read(f->fd, f->buf + n, PUSH_CHUNK - n);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0)
				return -1;
			if (r == 0)
				break;
			n += (size_t)r;
		}
		*p = f->buf;
		f->off += n;
	}
	for (size_t i = n > 4 ? n - 4 : 0; i < n; i++) {
		if (f->ntail == 4)
			memmove(f->tail, f->tail + 1, --f->ntail);
		f->tail[f->ntail++] = (unsigned char)(*p)[i];
	}
	return (ssize_t)n;
}

/* "TCVN3" is what Vietnamese clerks call TCVN 5712 VN3; glibc's
 * TCVN5712-1 (VN1) holds VN3 at the same places. */
static pthread_once_t aliases_once = PTHREAD_ONCE_INIT;

static void
encoding_aliases(void)
{
	xmlAddEncodingAlias("TCVN5712-1", "TCVN3");
	xmlAddEncodingAlias("TCVN5712-1", "TCVN-3");
}

static void
push_rest(struct ld *ld, struct feed *f)
{
	const char *p;
	ssize_t n = 0;
	while (!ld->fatal && (n = feed_next(f, &p)) > 0) {
		if (f->off > LOADER_MAX_BYTES) {
			set_fatal(ld, 0, 0, "file too large: more than %zu MiB",
				  LOADER_MAX_BYTES >> 20);
			return;
		}
		feed_parser(ld, f, p, (size_t)n, false);
	}
	if (!ld->fatal && n < 0)
		set_fatal(ld, 0, 0, "%s", strerror(errno));
}

static void
push(struct ld *ld, const char *name, struct feed *f)
{
	xmlSAXHandler sax;
	const char *p;
	ssize_t n = feed_next(f, &p);
	size_t first;

	if (n < 0) {
		set_fatal(ld, 0, 0, "%s", strerror(errno));
		return;
	}
	if (!check_head(ld, (const unsigned char *)p, (size_t)n))
		return;
	sax_init(&sax);
	pthread_once(&aliases_once, encoding_aliases);
	/* a UTF-8 document (no other encoding declared) is repaired on the
	 * way in; the first chunk too, before the parser sees a byte of it */
	f->fix.on = ld->utf8 && !ld->utf16;
	f->fix.line = f->fix.col = 1;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		f->fix.col = 0; /* the parser does not count a BOM */
	size_t len = (size_t)n;
	if (f->fix.on)
		fix_chunk(ld, &f->fix, p, len, false, &p, &len);
	first = len < 4 ? len : 4;
	ld->ctxt = xmlCreatePushParserCtxt(&sax, ld, p, (int)first, name);
	if (!ld->ctxt) {
		set_fatal(ld, 0, 0, "cannot start the XML parser");
		fix_free(&f->fix);
		return;
	}
	xmlCtxtUseOptions(ld->ctxt, PARSE_OPTIONS);
	if (len > first)
		xmlParseChunk(ld->ctxt, p + first, (int)(len - first), 0);
	push_rest(ld, f);
	if (!ld->fatal) {
		ld->cut = !f->fix.on && !ld->utf16 && ld->utf8 &&
			  cut_short(f->tail, f->ntail);
		ld->finishing = true;
		feed_parser(ld, f, "", 0, true);
	}
	fix_free(&f->fix);
	if (!ld->fatal && !ld->ctxt->wellFormed)
		set_fatal(ld, (uint32_t)xmlSAX2GetLineNumber(ld->ctxt), 0,
			  "not well-formed XML");
	xmlFreeParserCtxt(ld->ctxt);
	ld->ctxt = NULL;
}

/* libxml2 reports some errors (encoding conversion) through its global
 * handlers: catch them for this load and print nothing. */
static void
parse(struct ld *ld, const char *name, struct feed *f)
{
	xmlGenericErrorFunc gen = xmlGenericError;
	void *gen_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc serr = xmlStructuredError;
	void *serr_ctx = xmlStructuredErrorContext;

	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(ld, on_xml_error);
	push(ld, name, f);
	xmlSetGenericErrorFunc(gen_ctx, gen);
	xmlSetStructuredErrorFunc(serr_ctx, serr);
}

static enum load_status
load(const char *name, struct feed *f, struct minutes **out,
     struct load_error *err)
{
	struct ld ld;
	memset(&ld, 0, sizeof(ld));
	ld.err = err;
	ld.no_text = f->flags & LOAD_NO_TEXT;
	attr_rules_init(&ld.attrs);
	ld.version = 1;
	after_init(&ld);
	ld.frames[0].el = EL_DOC;
	ld.nframes = 1;
	*out = NULL;
	ld.m = minutes_new(name);
	if (!ld.m)
		mn_oom();
	parse(&ld, name, f);
	if (!ld.fatal)
		finish(&ld);
	ld_free(&ld);
	if (ld.fatal) {
		minutes_free(ld.m);
		return LOAD_FATAL;
	}
	*out = ld.m;
	/* warnings alone leave the file valid */
	return minutes_error_count(ld.m) ? LOAD_INVALID : LOAD_OK;
}

static enum load_status
too_large(struct load_error *err, uintmax_t size)
{
	snprintf(err->msg, sizeof(err->msg),
		 _("file too large: %ju MiB (the limit is %zu MiB)"), size >> 20,
		 LOADER_MAX_BYTES >> 20);
	return LOAD_FATAL;
}

enum load_status
loader_load_memory(const char *name, const char *buf, size_t len,
		   struct minutes **out, struct load_error *err)
{
	struct feed f = { .fd = -1, .mem = buf, .len = len };
	err_init(err, name);
	*out = NULL;
	if (len > LOADER_MAX_BYTES)
		return too_large(err, len);
	return load(name, &f, out, err);
}

/* Opens PATH without ever blocking (a FIFO, a device): only regular files
 * are read. */
static int
open_regular(const char *path, struct load_error *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		char to[400];
		ssize_t n;
		/* a link to nothing: say so, and where it points */
		if (e == ENOENT && lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
		    (n = readlink(path, to, sizeof(to) - 1)) > 0) {
			to[n] = '\0';
			snprintf(err->msg, sizeof(err->msg),
				 _("broken symbolic link (to %s, which does not exist)"),
				 to);
		} else {
			snprintf(err->msg, sizeof(err->msg), "%s", strerror(e));
		}
		return -1;
	}
	if (fstat(fd, &st) < 0)
		snprintf(err->msg, sizeof(err->msg), "%s", strerror(errno));
	else if (S_ISDIR(st.st_mode))
		snprintf(err->msg, sizeof(err->msg), "%s", _("is a directory"));
	else if (!S_ISREG(st.st_mode))
		snprintf(err->msg, sizeof(err->msg),
			 "%s", _("not a regular file (a FIFO, device or socket)"));
	else if ((uintmax_t)st.st_size > LOADER_MAX_BYTES)
		too_large(err, (uintmax_t)st.st_size);
	if (err->msg[0]) {
		close(fd);
		return -1;
	}
	/* a regular file never blocks; reads need not see EAGAIN either */
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return fd;
}

enum load_status
loader_load_file(const char *path, struct minutes **out,
		 struct load_error *err)
{
	return loader_load_file_flags(path, out, err, 0);
}

enum load_status
loader_load_file_flags(const char *path, struct minutes **out,
		       struct load_error *err, unsigned flags)
{
	struct feed f = { .flags = flags, .fd = -1 };
	enum load_status st;
	err_init(err, path);
	*out = NULL;
	f.fd = open_regular(path, err);
	if (f.fd < 0)
		return LOAD_FATAL;
	f.buf = malloc(PUSH_CHUNK);
	if (!f.buf)
		mn_oom();
	st = load(path, &f, out, err);
	free(f.buf);
	close(f.fd);
	return st;
}

void
load_error_format(const struct load_error *err, char *buf, size_t size)
{
	const char *error = _("error");
	if (err->line && err->col)
		snprintf(buf, size, "%s:%u:%u: %s: %s", err->path, err->line,
			 err->col, error, err->msg);
	else if (err->line)
		snprintf(buf, size, "%s:%u: %s: %s", err->path, err->line,
			 error, err->msg);
	else
		snprintf(buf, size, "%s: %s: %s", err->path, error, err->msg);
}
