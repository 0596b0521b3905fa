/* notes.c - reviewer notes: the store, its files, re-anchoring, export.
 * The format and the saving rules are described in notes.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <utf8proc.h>

#include "nls.h"
#include "notes.h"
#include "text.h"

#define NOTES_MAX_FILE ((off_t)64 << 20)
#define SAFE_MAX 64
#define TMP_PREFIX ".tmp-"

/* --- Internal types ----------------------------------------------------- */

struct nnote {
	struct note pub; /* first: a struct note * converts back */
	enum notes_status own_status;
	time_t own_status_at;
	bool dirty;  /* changed here since the last save */
	bool fresh;  /* never saved: its id may still change */
	bool taken;  /* merge scratch */
	bool by_own; /* status scratch: the effective status is the note's own */
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

struct slot {
	const char *key;
	size_t val;
};

struct smap {
	struct slot *v;
	size_t cap; /* a power of two, or 0 */
	size_t n;   /* keys held */
};

enum elem_type { EL_SECTION = 1, EL_PERSON = 2, EL_MEETING = 3 };

struct elem {
	const char *id;
	enum elem_type type;
	uint32_t sec, item; /* item UINT32_MAX for a section; sec = person */
	bool hashed;
	char hash[17];
};

struct tgroup {
	size_t start, n, open;
};

struct parsed {
	char *reviewer, *minutes;
	struct nlist notes;
	struct olist ovr;
};

struct notes_store {
	char *reviewer;
	char safe[SAFE_MAX + 16];
	char *minutes_path;
	char *primary, *fallback_dir; /* fallback_dir NULL when unknown */
	char *mdir, *nbase;	      /* the minutes' folder; NAME.notes */
	bool fallback, readonly, swept;
	bool own_foreign;	      /* the own file is another's: not ours */
	char *own_name;		      /* the own file's name in its folder */
	char *own_path;
	char *dir_problem;	      /* told again at every reload */
	const struct minutes *m;

	struct elem *elems;
	size_t nelems;
	struct smap elmap;
	bool elems_ready;  /* elems/elmap are built on first use */

	struct nlist own, oth;
	struct olist oown, ooth;
	char **deleted;
	size_t ndeleted, capdeleted;
	char **problems;
	size_t nproblems, capproblems;

	/* views, rebuilt after every change */
	const struct note **all, **bytarget, **orphans;
	size_t nall, norphans;
	struct tgroup *groups;
	struct smap tmap, idmap;
	struct smap known; /* ids loaded so far, while reloading */
	size_t *secopen;
	size_t nsecopen;
};

static time_t (*clock_fn)(void);

/* --- Small helpers ------------------------------------------------------ */

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		mn_oom();
	return p;
}

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		mn_oom();
	return p;
}

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

static char *
xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		mn_oom();
	char *p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

static void
seterr(struct notes_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
seterr(struct notes_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

/* A path or message made safe for a terminal (malloc'd). */
static char *
safe_str(const char *s)
{
	char *r = text_sanitize(s, strlen(s), false);
	if (!r)
		mn_oom();
	return r;
}

/* qsort, which must not be given a NULL base even for no elements */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

/* Now, kept within what the file format can hold (years 1970-9999). */
static time_t
clock_now(void)
{
	time_t t = clock_fn ? clock_fn() : time(NULL);
	if (t < 0)
		return 0;
	return t > (time_t)253402300799 ? (time_t)253402300799 : t;
}

void
notes_set_clock(time_t (*now)(void))
{
	clock_fn = now;
}

static void
fmt_time(time_t t, char buf[32])
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) ||
	    !strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(buf, "1970-01-01T00:00:00Z");
}

const char *
notes_format_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	char day[32];
	if (!localtime_r(&t, &tm) ||
	    !strftime(day, sizeof(day), "%Y-%m-%d %H:%M", &tm)) {
		snprintf(buf, size, "?");
		return buf;
	}
	long off = tm.tm_gmtoff, a = off < 0 ? -off : off;
	if (off == 0)
		snprintf(buf, size, "%s UTC", day);
	else if (a % 3600)
		snprintf(buf, size, "%s %c%02ld:%02ld", day, off < 0 ? '-' : '+',
			 a / 3600, a % 3600 / 60);
	else
		snprintf(buf, size, "%s %c%02ld", day, off < 0 ? '-' : '+',
			 a / 3600);
	return buf;
}

static int
digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Strict "YYYY-MM-DDTHH:MM:SSZ". */
static int
parse_time(const char *s, time_t *out)
{
	if (!s || strlen(s) != 20 || s[4] != '-' || s[7] != '-' ||
	    s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return -1;
	int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	int h = digits(s + 11, 2), mi = digits(s + 14, 2),
	    se = digits(s + 17, 2);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 ||
	    h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
		return -1;
	struct tm tm = { 0 };
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	*out = timegm(&tm);
	return 0;
}

void
notes_hash(const char *s, size_t len, char out[17])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Repaired NFC text with no character XML 1.0 refuses: C0 controls
 * other than TAB and '\n' (CR became '\n'), U+FFFE and U+FFFF become
 * U+FFFD.  malloc'd. */
static char *
clean_text(const char *s, size_t len)
{
	size_t n;
	char *r = text_repair(s, len, &n);
	if (!r)
		mn_oom();
	size_t bad = 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)r[i] < 0x20 && r[i] != '\t' && r[i] != '\n')
			bad++;
	char *o = xmalloc(n + bad * 2 + 1), *p = o;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)r[i];
		if (c < 0x20 && c != '\t' && c != '\n') {
			memcpy(p, TEXT_PLACEHOLDER, 3);
			p += 3;
		} else if (c == 0xEF && i + 2 < n &&
			   (unsigned char)r[i + 1] == 0xBF &&
			   ((unsigned char)r[i + 2] == 0xBE ||
			    (unsigned char)r[i + 2] == 0xBF)) {
			memcpy(p, TEXT_PLACEHOLDER, 3);
			p += 3;
			i += 2;
		} else {
			*p++ = (char)c;
		}
	}
	*p = '\0';
	free(r);
	return o;
}

/* A one-line name: clean, white space collapsed. */
static char *
clean_name(const char *s)
{
	char *r = clean_text(s, strlen(s));
	for (char *p = r; *p; p++)
		if (*p == '\t' || *p == '\n')
			*p = ' ';
	text_collapse_space(r, strlen(r));
	return r;
}

static bool
is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return false;
	return true;
}

/* The file-safe name of versions before the review loop (marks
 * dropped, so An and Ân shared one file): still read, and still one's
 * own file when its reviewer= is exactly one's name. */
static void
legacy_safe_name(const char *reviewer, char *buf, size_t size)
{
	size_t cap = size - 1 < SAFE_MAX ? size - 1 : SAFE_MAX, n = 0;
	utf8proc_uint8_t *folded = NULL;
	const char *src = reviewer;

	if (utf8proc_map((const utf8proc_uint8_t *)reviewer, 0, &folded,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
				 UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK) >= 0)
		src = (const char *)folded;
	for (const unsigned char *p = (const unsigned char *)src;
	     *p && n < cap;) {
		unsigned char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-' ||
		    c == '_') {
			buf[n++] = (char)c;
			p++;
			continue;
		}
		if (c == 0xC4 && (p[1] == 0x91 || p[1] == 0x90)) /* đ Đ */
			buf[n++] = p[1] == 0x91 ? 'd' : 'D';
		else if (c == 0xC3 && p[1] == 0x90) /* Ð */
			buf[n++] = 'D';
		else
			buf[n++] = '_';
		/* skip the whole UTF-8 sequence */
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
	}
	buf[n] = '\0';
	free(folded);
	if (n == 0)
		snprintf(buf, size, "reviewer");
	else if (buf[0] == '.')
		buf[0] = '_';
}

/* A name that is its own file name: lower-case ASCII letters, digits,
 * '.', '-', '_', not starting with '.', at most SAFE_MAX bytes. */
static bool
name_is_exact(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > SAFE_MAX || name[0] == '.')
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '-' || *p == '_'))
			return false;
	return true;
}

void
notes_safe_name(const char *reviewer, char *buf, size_t size)
{
	char h[17];
	if (name_is_exact(reviewer)) {
		snprintf(buf, size, "%s", reviewer);
		return;
	}
	legacy_safe_name(reviewer, buf, size > 10 ? size - 9 : 1);
	notes_hash(reviewer, strlen(reviewer), h);
	size_t n = strlen(buf);
	snprintf(buf + n, size - n, "~%.8s", h);
}

const char *
notes_reviewer_name(const char *opt)
{
	static char login[256];
	const char *env = getenv("MINUTES_REVIEWER");
	if (opt && *opt)
		return opt;
	if (env && *env)
		return env;
	const char *l = getlogin();
	if (!l || !*l) {
		struct passwd *pw = getpwuid(geteuid());
		l = pw ? pw->pw_name : NULL;
	}
	if (l && *l) {
		snprintf(login, sizeof(login), "%s", l);
		return login;
	}
	return "reviewer";
}

static const char *const kind_names[] = { "comment", "question",
					   "correction", "agreed" };
static const char *const kind_labels[] = { N_("comment"), N_("question"),
					    N_("correction"), N_("agreed") };

const char *
notes_kind_name(enum notes_kind k)
{
	return (unsigned)k < 4 ? kind_names[k] : "comment";
}

const char *
notes_kind_label(enum notes_kind k)
{
	return _((unsigned)k < 4 ? kind_labels[k] : kind_labels[0]);
}

const char *
notes_status_name(enum notes_status st)
{
	return st == NOTES_RESOLVED ? "resolved" : "open";
}

const char *
notes_status_label(enum notes_status st)
{
	return st == NOTES_RESOLVED ? _("resolved") : _("open");
}

int
notes_kind_parse(const char *name, enum notes_kind *k)
{
	for (int i = 0; i < 4; i++)
		if (name && strcmp(name, kind_names[i]) == 0) {
			*k = (enum notes_kind)i;
			return 0;
		}
	return -1;
}

static int
status_parse(const char *name, enum notes_status *st)
{
	if (name && strcmp(name, "open") == 0)
		*st = NOTES_OPEN;
	else if (name && strcmp(name, "resolved") == 0)
		*st = NOTES_RESOLVED;
	else
		return -1;
	return 0;
}

/* --- String map (open addressing) ---------------------------------- */

static void
smap_free(struct smap *m)
{
	free(m->v);
	m->v = NULL;
	m->cap = m->n = 0;
}

static void
smap_init(struct smap *m, size_t n)
{
	size_t cap = 16;
	while (cap < n * 2 + 1)
		cap *= 2;
	smap_free(m);
	m->v = xcalloc(cap, sizeof(*m->v));
	m->cap = cap;
}

/* Inserts KEY unless present: returns true when inserted. */
static bool
smap_put(struct smap *m, const char *key, size_t val)
{
	size_t i = (size_t)hash_str(key) & (m->cap - 1);
	while (m->v[i].key) {
		if (strcmp(m->v[i].key, key) == 0)
			return false;
		i = (i + 1) & (m->cap - 1);
	}
	m->v[i].key = key;
	m->v[i].val = val;
	m->n++;
	return true;
}

/* smap_put into a map that grows (kept at most half full). */
static bool
smap_add(struct smap *m, const char *key, size_t val)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct smap bigger = { 0 };
		smap_init(&bigger, m->n + 1 > 8 ? (m->n + 1) * 2 : 16);
		for (size_t i = 0; i < m->cap; i++)
			if (m->v[i].key)
				smap_put(&bigger, m->v[i].key, m->v[i].val);
		free(m->v);
		*m = bigger;
	}
	return smap_put(m, key, val);
}

static bool
smap_get(const struct smap *m, const char *key, size_t *val)
{
	if (!m->cap || !key)
		return false;
	size_t i = (size_t)hash_str(key) & (m->cap - 1);
	while (m->v[i].key) {
		if (strcmp(m->v[i].key, key) == 0) {
			*val = m->v[i].val;
			return true;
		}
		i = (i + 1) & (m->cap - 1);
	}
	return false;
}

/* --- Lists -------------------------------------------------------------- */

static void
nnote_free(struct nnote *n)
{
	if (!n)
		return;
	free((char *)n->pub.id);
	free((char *)n->pub.author);
	free((char *)n->pub.target);
	free((char *)n->pub.quote);
	free((char *)n->pub.hash);
	free((char *)n->pub.text);
	free(n);
}

static void
novr_free(struct novr *o)
{
	if (!o)
		return;
	free(o->note);
	free(o->by);
	free(o);
}

static void
nlist_push(struct nlist *l, struct nnote *n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = mn_xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = n;
}

static void
nlist_clear(struct nlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		nnote_free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static void
olist_push(struct olist *l, struct novr *o)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = mn_xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = o;
}

static void
olist_clear(struct olist *l)
{
	for (size_t i = 0; i < l->n; i++)
		novr_free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static void
parsed_free(struct parsed *p)
{
	free(p->reviewer);
	free(p->minutes);
	nlist_clear(&p->notes);
	olist_clear(&p->ovr);
	memset(p, 0, sizeof(*p));
}

static void
add_problem(struct notes_store *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
add_problem(struct notes_store *s, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (s->nproblems == s->capproblems) {
		s->capproblems = s->capproblems ? s->capproblems * 2 : 4;
		s->problems = mn_xrealloc(s->problems,
				       s->capproblems * sizeof(char *));
	}
	s->problems[s->nproblems++] = safe_str(buf);
}

static void
clear_problems(struct notes_store *s)
{
	for (size_t i = 0; i < s->nproblems; i++)
		free(s->problems[i]);
	s->nproblems = 0;
}

static bool
is_deleted(const struct notes_store *s, const char *id)
{
	for (size_t i = 0; i < s->ndeleted; i++)
		if (strcmp(s->deleted[i], id) == 0)
			return true;
	return false;
}

static void
clear_deleted(struct notes_store *s)
{
	for (size_t i = 0; i < s->ndeleted; i++)
		free(s->deleted[i]);
	s->ndeleted = 0;
}

/* --- Elements of the minutes ------------------------------------------ */

static char *
elem_text(const struct minutes *m, const struct elem *e)
{
	switch (e->type) {
	case EL_MEETING:
		return xstrdup(m->meeting.title);
	case EL_PERSON: {
		const struct mn_person *p = &m->persons[e->sec];
		if (*p->role)
			return xasprintf("%s, %s", p->name, p->role);
		return xstrdup(p->name);
	}
	default: {
		const struct mn_section *sc = &m->sections[e->sec];
		if (e->item == UINT32_MAX)
			return xstrdup(sc->heading);
		return xstrdup(sc->items[e->item].text);
	}
	}
}

static void
elem_add(struct notes_store *s, const char *id, enum elem_type type,
	 uint32_t sec, uint32_t item)
{
	if (!id || !*id)
		return;
	struct elem *e = &s->elems[s->nelems];
	e->id = id;
	e->type = type;
	e->sec = sec;
	e->item = item;
	e->hashed = false;
	if (smap_put(&s->elmap, id, s->nelems))
		s->nelems++;
}

static void
build_elems(struct notes_store *s)
{
	const struct minutes *m = s->m;
	free(s->elems);
	s->elems = NULL;
	s->nelems = 0;
	smap_free(&s->elmap);
	if (!m)
		return;
	size_t n = 1 + m->npersons + m->nsections + minutes_item_count(m);
	s->elems = xcalloc(n, sizeof(*s->elems));
	smap_init(&s->elmap, n);
	s->elems_ready = true;
	elem_add(s, m->id, EL_MEETING, 0, 0);
	for (uint32_t i = 0; i < m->npersons; i++)
		elem_add(s, m->persons[i].id, EL_PERSON, i, 0);
	for (uint32_t i = 0; i < m->nsections; i++) {
		const struct mn_section *sc = &m->sections[i];
		elem_add(s, sc->id, EL_SECTION, i, UINT32_MAX);
		for (uint32_t j = 0; j < sc->nitems; j++)
			elem_add(s, sc->items[j].id, EL_SECTION, i, j);
	}
}

/* Forgets the element index: the next lookup builds it for the current
 * minutes (a file with no notes never pays for hashing every id). */
static void
elems_invalidate(struct notes_store *s)
{
	free(s->elems);
	s->elems = NULL;
	s->nelems = 0;
	smap_free(&s->elmap);
	s->elems_ready = false;
}

static struct elem *
elem_find(const struct notes_store *s, const char *id)
{
	size_t i;
	if (!s->elems_ready)
		build_elems((struct notes_store *)s); /* a cache, built lazily */
	if (!smap_get(&s->elmap, id, &i))
		return NULL;
	return &s->elems[i];
}

static const char *
elem_hash(const struct notes_store *s, struct elem *e)
{
	if (!e->hashed) {
		char *t = elem_text(s->m, e);
		notes_hash(t, strlen(t), e->hash);
		free(t);
		e->hashed = true;
	}
	return e->hash;
}

char *
notes_element_text(const struct minutes *m, const char *id)
{
	int sec = 0, item = -1;
	struct elem e = { 0 };
	if (!m || !id)
		return NULL;
	switch (minutes_find_id(m, id, &sec, &item)) {
	case 1:
		e.type = EL_SECTION;
		e.sec = (uint32_t)sec;
		e.item = item < 0 ? UINT32_MAX : (uint32_t)item;
		break;
	case 2:
		e.type = EL_PERSON;
		e.sec = (uint32_t)sec;
		break;
	case 3:
		e.type = EL_MEETING;
		break;
	default:
		return NULL;
	}
	return elem_text(m, &e);
}

/* The first NOTES_QUOTE_MAX characters of TEXT, "…" added when cut,
 * never ending inside a character or before a combining mark. */
static char *
make_quote(const char *text)
{
	size_t len = strlen(text), pos = 0, count = 0;
	while (pos < len && count < NOTES_QUOTE_MAX) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(
			(const utf8proc_uint8_t *)text + pos,
			(utf8proc_ssize_t)(len - pos), &cp);
		pos += k > 0 ? (size_t)k : 1;
		count++;
	}
	if (pos >= len)
		return xstrdup(text);
	for (;;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(
			(const utf8proc_uint8_t *)text + pos,
			(utf8proc_ssize_t)(len - pos), &cp);
		utf8proc_category_t cat =
			k > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
		if (pos == 0 || (cat != UTF8PROC_CATEGORY_MN &&
				 cat != UTF8PROC_CATEGORY_MC &&
				 cat != UTF8PROC_CATEGORY_ME))
			break;
		do
			pos--;
		while (pos > 0 && ((unsigned char)text[pos] & 0xC0) == 0x80);
	}
	char *q = xmalloc(pos + 4);
	memcpy(q, text, pos);
	memcpy(q + pos, "\xE2\x80\xA6", 4); /* … */
	return q;
}

/* Sets the note's target, quote and hash from element E. */
static void
anchor_to(struct notes_store *s, struct nnote *n, struct elem *e)
{
	char *t = elem_text(s->m, e);
	free((char *)n->pub.target);
	free((char *)n->pub.quote);
	free((char *)n->pub.hash);
	n->pub.target = xstrdup(e->id);
	n->pub.quote = make_quote(t);
	n->pub.hash = xstrdup(elem_hash(s, e));
	free(t);
}

/* --- Views ---------------------------------------------------------------- */

static int
cmp_created(const void *a, const void *b)
{
	const struct note *x = *(const struct note *const *)a;
	const struct note *y = *(const struct note *const *)b;
	if (x->created != y->created)
		return x->created < y->created ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int
cmp_target(const void *a, const void *b)
{
	const struct note *x = *(const struct note *const *)a;
	const struct note *y = *(const struct note *const *)b;
	int c = strcmp(x->target, y->target);
	if (c)
		return c;
	if (x->status != y->status)
		return x->status == NOTES_OPEN ? -1 : 1;
	return cmp_created(a, b);
}

static int
cmp_orphan(const void *a, const void *b)
{
	const struct note *x = *(const struct note *const *)a;
	const struct note *y = *(const struct note *const *)b;
	int c = strcmp(x->target, y->target);
	return c ? c : cmp_created(a, b);
}

static void
apply_status(struct notes_store *s, const struct novr *o)
{
	size_t i;
	if (!smap_get(&s->idmap, o->note, &i))
		return;
	struct nnote *n = (struct nnote *)s->all[i];
	bool wins = o->at > n->pub.status_at ||
		    (o->at == n->pub.status_at &&
		     (n->by_own || strcmp(o->by, n->pub.status_by) >= 0));
	if (!wins)
		return;
	n->pub.status = o->status;
	n->pub.status_at = o->at;
	n->pub.status_by = o->by;
	n->by_own = false;
}

static void
rebuild(struct notes_store *s)
{
	size_t n = s->own.n + s->oth.n;
	free(s->all);
	free(s->bytarget);
	free(s->orphans);
	free(s->groups);
	free(s->secopen);
	s->all = xmalloc(n * sizeof(*s->all));
	s->bytarget = xmalloc(n * sizeof(*s->bytarget));
	s->orphans = xmalloc(n * sizeof(*s->orphans));
	s->groups = xmalloc(n * sizeof(*s->groups));
	s->nall = 0;
	for (size_t i = 0; i < s->own.n; i++)
		s->all[s->nall++] = &s->own.v[i]->pub;
	for (size_t i = 0; i < s->oth.n; i++)
		s->all[s->nall++] = &s->oth.v[i]->pub;
	sort(s->all, n, sizeof(*s->all), cmp_created);

	smap_init(&s->idmap, n);
	for (size_t i = 0; i < n; i++) {
		struct nnote *nn = (struct nnote *)s->all[i];
		smap_put(&s->idmap, nn->pub.id, i);
		nn->pub.status = nn->own_status;
		nn->pub.status_at = nn->own_status_at;
		nn->pub.status_by = nn->pub.author;
		nn->by_own = true;
	}
	for (size_t i = 0; i < s->oown.n; i++)
		apply_status(s, s->oown.v[i]);
	for (size_t i = 0; i < s->ooth.n; i++)
		apply_status(s, s->ooth.v[i]);

	s->nsecopen = s->m ? s->m->nsections : 0;
	s->secopen = xcalloc(s->nsecopen, sizeof(*s->secopen));
	s->norphans = 0;
	for (size_t i = 0; i < n; i++) {
		struct nnote *nn = (struct nnote *)s->all[i];
		struct elem *e = elem_find(s, nn->pub.target);
		s->bytarget[i] = s->all[i];
		if (!e) {
			nn->pub.anchor = NOTES_ORPHAN;
			s->orphans[s->norphans++] = s->all[i];
			continue;
		}
		nn->pub.anchor = strcmp(elem_hash(s, e), nn->pub.hash) == 0
					 ? NOTES_ANCHORED
					 : NOTES_CHANGED;
		if (e->type == EL_SECTION && nn->pub.status == NOTES_OPEN &&
		    e->sec < s->nsecopen)
			s->secopen[e->sec]++;
	}
	sort(s->orphans, s->norphans, sizeof(*s->orphans), cmp_orphan);
	sort(s->bytarget, n, sizeof(*s->bytarget), cmp_target);

	smap_init(&s->tmap, n);
	size_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 ||
		    strcmp(s->bytarget[i]->target, s->bytarget[i - 1]->target)) {
			s->groups[ng] = (struct tgroup){ i, 0, 0 };
			smap_put(&s->tmap, s->bytarget[i]->target, ng);
			ng++;
		}
		s->groups[ng - 1].n++;
		if (s->bytarget[i]->status == NOTES_OPEN)
			s->groups[ng - 1].open++;
	}
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
	if (s->ndeleted)
		return true;
	for (size_t i = 0; i < s->own.n; i++)
		if (s->own.v[i]->dirty)
			return true;
	for (size_t i = 0; i < s->oown.n; i++)
		if (s->oown.v[i]->dirty)
			return true;
	return false;
}

/* --- Reading a notes file ------------------------------------------- */

struct perr {
	bool set;
	int line;
	char msg[512];
};

#if LIBXML_VERSION >= 21200
static void
xml_error(void *arg, const xmlError *e)
#else
static void
xml_error(void *arg, xmlErrorPtr e)
#endif
{
	struct perr *pe = arg;
	if (pe->set || !e || e->level == XML_ERR_WARNING)
		return;
	pe->set = true;
	pe->line = e->line;
	snprintf(pe->msg, sizeof(pe->msg), "%s",
		 e->message ? e->message : "XML error");
	size_t n = strlen(pe->msg);
	while (n && (pe->msg[n - 1] == '\n' || pe->msg[n - 1] == ' '))
		pe->msg[--n] = '\0';
}

static void
perr_set(struct perr *pe, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
perr_set(struct perr *pe, int line, const char *fmt, ...)
{
	if (pe->set)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(pe->msg, sizeof(pe->msg), fmt, ap);
	va_end(ap);
	pe->set = true;
	pe->line = line;
}

static char *
attr(xmlTextReaderPtr rd, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *r = clean_name((const char *)v);
	xmlFree(v);
	return r;
}

struct buf {
	char *p;
	size_t n, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		while (b->n + n + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 256;
		b->p = mn_xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void
buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_add(b, "", 0);
	if (b->n + (size_t)n + 1 > b->cap) {
		b->cap = b->n + (size_t)n + 1;
		b->p = mn_xrealloc(b->p, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

/* Reads <note> attributes into a new note. */
static struct nnote *
read_note(xmlTextReaderPtr rd, struct perr *pe, int line)
{
	struct nnote *n = xcalloc(1, sizeof(*n));
	char *kind = attr(rd, "kind"), *status = attr(rd, "status");
	char *created = attr(rd, "created"), *modified = attr(rd, "modified");
	char *sat = attr(rd, "status-at");
	n->pub.id = attr(rd, "id");
	n->pub.target = attr(rd, "target");
	n->pub.hash = attr(rd, "hash");
	if (!n->pub.id || !*n->pub.id)
		perr_set(pe, line, _("a note without an id"));
	else if (!n->pub.target || !*n->pub.target)
		perr_set(pe, line, _("note %s has no target"), n->pub.id);
	else if (notes_kind_parse(kind, &n->pub.kind))
		perr_set(pe, line, _("note %s: unknown kind '%s'"), n->pub.id,
			 kind ? kind : "");
	else if (status_parse(status, &n->own_status))
		perr_set(pe, line, _("note %s: unknown status '%s'"),
			 n->pub.id, status ? status : "");
	else if (parse_time(created, &n->pub.created) ||
		 parse_time(modified, &n->pub.modified))
		perr_set(pe, line,
			 _("note %s: times must look like 2026-11-28T10:15:00Z"),
			 n->pub.id);
	else if (sat && parse_time(sat, &n->own_status_at))
		perr_set(pe, line,
			 _("note %s: times must look like 2026-11-28T10:15:00Z"),
			 n->pub.id);
	if (!sat)
		n->own_status_at = n->pub.created;
	if (!n->pub.hash)
		n->pub.hash = xstrdup("");
	free(kind);
	free(status);
	free(created);
	free(modified);
	free(sat);
	return n;
}

static struct novr *
read_status(xmlTextReaderPtr rd, struct perr *pe, int line)
{
	struct novr *o = xcalloc(1, sizeof(*o));
	char *status = attr(rd, "status"), *at = attr(rd, "at");
	o->note = attr(rd, "note");
	if (!o->note || !*o->note)
		perr_set(pe, line, _("a status record without a note"));
	else if (status_parse(status, &o->status))
		perr_set(pe, line, _("unknown status '%s'"),
			 status ? status : "");
	else if (parse_time(at, &o->at))
		perr_set(pe, line,
			 _("times must look like 2026-11-28T10:15:00Z"));
	free(status);
	free(at);
	return o;
}

struct pstate {
	struct parsed *p;
	struct perr *pe;
	struct nnote *cur;
	struct buf field;
	struct smap ids; /* the notes' ids so far */
	int infield; /* 1 <quote>, 2 <text> */
	bool seen_root, has_text, has_quote;
};

static void
end_field(struct pstate *ps)
{
	char *t = clean_text(ps->field.p ? ps->field.p : "", ps->field.n);
	if (ps->infield == 1) {
		free((char *)ps->cur->pub.quote);
		ps->cur->pub.quote = t;
		ps->has_quote = true;
	} else {
		free((char *)ps->cur->pub.text);
		ps->cur->pub.text = t;
		ps->has_text = true;
	}
	ps->infield = 0;
}

static void
end_note(struct pstate *ps, int line)
{
	struct nnote *cur = ps->cur;
	if (!ps->has_text)
		perr_set(ps->pe, line, _("note %s has no <text>"), cur->pub.id);
	if (!cur->pub.quote)
		cur->pub.quote = xstrdup("");
	if (cur->pub.id && !ps->pe->set &&
	    !smap_add(&ps->ids, cur->pub.id, ps->p->notes.n))
		perr_set(ps->pe, line, _("two notes have the id %s"),
			 cur->pub.id);
	nlist_push(&ps->p->notes, cur);
	ps->cur = NULL;
}

static void
start_root(struct pstate *ps, xmlTextReaderPtr rd, const char *name,
	   int line)
{
	char *v = attr(rd, "version");
	if (strcmp(name, "notes") != 0)
		perr_set(ps->pe, line,
			 _("the root element must be <notes>, not <%s>"), name);
	else if (!v || strcmp(v, "1") != 0)
		perr_set(ps->pe, line,
			 _("unsupported notes version '%s' (this minutes reads version 1)"),
			 v ? v : "");
	free(v);
	ps->seen_root = true;
	ps->p->reviewer = attr(rd, "reviewer");
	ps->p->minutes = attr(rd, "minutes");
}

static void
start_element(struct pstate *ps, xmlTextReaderPtr rd, int depth, int line)
{
	const char *name = (const char *)xmlTextReaderConstName(rd);
	name = name ? name : "";
	if (depth == 0) {
		start_root(ps, rd, name, line);
	} else if (depth == 1 && strcmp(name, "note") == 0) {
		ps->cur = read_note(rd, ps->pe, line);
		ps->has_text = ps->has_quote = false;
		if (xmlTextReaderIsEmptyElement(rd))
			perr_set(ps->pe, line, _("note %s has no <text>"),
				 ps->cur->pub.id ? ps->cur->pub.id : "");
	} else if (depth == 1 && strcmp(name, "status") == 0) {
		olist_push(&ps->p->ovr, read_status(rd, ps->pe, line));
	} else if (depth == 2 && ps->cur &&
		   (strcmp(name, "quote") == 0 || strcmp(name, "text") == 0)) {
		bool q = name[0] == 'q';
		if (q ? ps->has_quote : ps->has_text)
			perr_set(ps->pe, line, _("note %s has two <%s>"),
				 ps->cur->pub.id, name);
		ps->infield = q ? 1 : 2;
		ps->field.n = 0;
		if (xmlTextReaderIsEmptyElement(rd))
			end_field(ps);
	} else {
		perr_set(ps->pe, line, _("unexpected element <%s>"), name);
	}
}

/* The line where the current node starts (the parser is ahead). */
static int
node_line(xmlTextReaderPtr rd)
{
	xmlNodePtr nd = xmlTextReaderCurrentNode(rd);
	long l = nd && nd->type == XML_ELEMENT_NODE ? xmlGetLineNo(nd) : -1;
	return l > 0 && l < INT32_MAX ? (int)l
				       : xmlTextReaderGetParserLineNumber(rd);
}

/* The line of "<!DOCTYPE" in BYTES (the reader reports it late). */
static int
doctype_line(const char *bytes, size_t len, int fallback)
{
	static const char tag[] = "<!DOCTYPE";
	int line = 1;
	for (size_t i = 0; i + sizeof(tag) - 1 <= len; i++) {
		if (bytes[i] == '\n')
			line++;
		else if (memcmp(bytes + i, tag, sizeof(tag) - 1) == 0)
			return line;
	}
	return fallback;
}

/* Parses BYTES (a notes file named PATH) into *P.  0, or -1 with *PE set. */
static int
parse_notes(const char *path, const char *bytes, size_t len, struct parsed *p,
	    struct perr *pe)
{
	xmlTextReaderPtr rd =
		xmlReaderForMemory(bytes, (int)len, path, NULL, XML_PARSE_NONET);
	if (!rd) {
		perr_set(pe, 0, _("cannot parse"));
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(rd, xml_error, pe);

	struct pstate ps = { .p = p, .pe = pe };
	int r = 0;
	while (!pe->set && (r = xmlTextReaderRead(rd)) == 1) {
		int type = xmlTextReaderNodeType(rd);
		int depth = xmlTextReaderDepth(rd);
		int line = node_line(rd);
		switch (type) {
		case XML_READER_TYPE_DOCUMENT_TYPE:
			perr_set(pe, doctype_line(bytes, len, line),
				 _("a DOCTYPE is not allowed"));
			break;
		case XML_READER_TYPE_ELEMENT:
			start_element(&ps, rd, depth, line);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
			const char *v = (const char *)xmlTextReaderConstValue(rd);
			v = v ? v : "";
			if (ps.infield)
				buf_str(&ps.field, v);
			else if (!is_blank(v))
				perr_set(pe, line, _("unexpected text"));
			break;
		}
		case XML_READER_TYPE_END_ELEMENT:
			if (depth == 2 && ps.infield)
				end_field(&ps);
			else if (depth == 1 && ps.cur)
				end_note(&ps, line);
			break;
		default:
			break;
		}
	}
	if (!pe->set && r < 0)
		perr_set(pe, xmlTextReaderGetParserLineNumber(rd),
			 _("not well-formed"));
	if (!pe->set && !ps.seen_root)
		perr_set(pe, 1, _("no <notes> element"));
	if (ps.cur)
		nlist_push(&p->notes, ps.cur);
	free(ps.field.p);
	smap_free(&ps.ids);
	xmlFreeTextReader(rd);
	return pe->set ? -1 : 0;
}

/* Reads the notes file NAME of the folder DFD (PATH names it in
 * messages), never through a symbolic link.  0 ok, 1 absent, -1
 * malformed (*msg is "FILE:LINE: message"), -2 not readable, -3 a
 * symbolic link or not a regular file (refused: *msg says why).  *ST
 * (when ST is not NULL) gets the file's status. */
static int
read_notes_at(int dfd, const char *name, const char *path, struct parsed *p,
	      char **msg, struct stat *st_out)
{
	memset(p, 0, sizeof(*p));
	*msg = NULL;
	int fd = openat(dfd, name,
			O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY);
	if (fd < 0) {
		if (errno == ENOENT)
			return 1;
		if (errno == ELOOP) {
			*msg = xasprintf(_("%s is a symbolic link: it is not followed (notes are read and written inside the notes folder only)"),
					 path);
			return -3;
		}
		*msg = xasprintf("%s: %s", path, strerror(errno));
		return -2;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		*msg = xasprintf(_("%s: not a regular file"), path);
		return -3;
	}
	if (st_out)
		*st_out = st;
	if (st.st_size > NOTES_MAX_FILE) {
		close(fd);
		*msg = xasprintf(_("%s: too large for a notes file"), path);
		return -1;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *bytes = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if ((off_t)cap > NOTES_MAX_FILE) {
				free(bytes);
				close(fd);
				*msg = xasprintf(_("%s: too large for a notes file"),
						 path);
				return -1;
			}
			cap *= 2;
			bytes = mn_xrealloc(bytes, cap);
		}
		ssize_t k = read(fd, bytes + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			*msg = xasprintf("%s: %s", path, strerror(errno));
			free(bytes);
			close(fd);
			return -2;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	struct perr pe = { 0 };
	int rc = parse_notes(path, bytes, n, p, &pe);
	free(bytes);
	if (rc) {
		*msg = pe.line > 0 ? xasprintf("%s:%d: %s", path, pe.line, pe.msg)
				   : xasprintf("%s: %s", path, pe.msg);
		parsed_free(p);
		return -1;
	}
	return 0;
}

/* --- Writing ------------------------------------------------------------ */

static void
xml_escape(struct buf *b, const char *s, bool in_attr)
{
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '&': buf_str(b, "&amp;"); break;
		case '<': buf_str(b, "&lt;"); break;
		case '>': buf_str(b, "&gt;"); break;
		case '"':
			buf_str(b, in_attr ? "&quot;" : "\"");
			break;
		case '\n':
			buf_str(b, in_attr ? "&#10;" : "\n");
			break;
		case '\t':
			buf_str(b, in_attr ? "&#9;" : "\t");
			break;
		default:
			if ((unsigned char)*p < 0x20)
				buf_str(b, TEXT_PLACEHOLDER);
			else
				buf_add(b, p, 1);
		}
	}
}

static void
xml_attr(struct buf *b, const char *name, const char *value)
{
	buf_printf(b, " %s=\"", name);
	xml_escape(b, value, true);
	buf_str(b, "\"");
}

static int
cmp_ovr(const void *a, const void *b)
{
	const struct novr *x = *(const struct novr *const *)a;
	const struct novr *y = *(const struct novr *const *)b;
	return strcmp(x->note, y->note);
}

static void
serialize(struct notes_store *s, struct buf *b)
{
	char t1[32], t2[32], t3[32];
	const struct note **v = xmalloc(s->own.n * sizeof(*v));
	for (size_t i = 0; i < s->own.n; i++)
		v[i] = &s->own.v[i]->pub;
	sort(v, s->own.n, sizeof(*v), cmp_created);
	sort(s->oown.v, s->oown.n, sizeof(*s->oown.v), cmp_ovr);

	buf_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<notes");
	xml_attr(b, "version", "1");
	xml_attr(b, "minutes", s->m && s->m->id ? s->m->id : "");
	xml_attr(b, "reviewer", s->reviewer);
	buf_str(b, ">\n");
	for (size_t i = 0; i < s->own.n; i++) {
		const struct nnote *n = (const struct nnote *)v[i];
		fmt_time(n->pub.created, t1);
		fmt_time(n->pub.modified, t2);
		fmt_time(n->own_status_at, t3);
		buf_str(b, "  <note");
		xml_attr(b, "id", n->pub.id);
		xml_attr(b, "target", n->pub.target);
		xml_attr(b, "kind", notes_kind_name(n->pub.kind));
		xml_attr(b, "status", notes_status_name(n->own_status));
		xml_attr(b, "created", t1);
		xml_attr(b, "modified", t2);
		xml_attr(b, "status-at", t3);
		xml_attr(b, "hash", n->pub.hash);
		buf_str(b, ">\n    <quote>");
		xml_escape(b, n->pub.quote, false);
		buf_str(b, "</quote>\n    <text>");
		xml_escape(b, n->pub.text, false);
		buf_str(b, "</text>\n  </note>\n");
	}
	for (size_t i = 0; i < s->oown.n; i++) {
		const struct novr *o = s->oown.v[i];
		fmt_time(o->at, t1);
		buf_str(b, "  <status");
		xml_attr(b, "note", o->note);
		xml_attr(b, "status", notes_status_name(o->status));
		xml_attr(b, "by", s->reviewer);
		xml_attr(b, "at", t1);
		buf_str(b, "/>\n");
	}
	buf_str(b, "</notes>\n");
	free(v);
}

static bool
not_writable(int e)
{
	return e == EACCES || e == EROFS || e == EPERM || e == ENOTDIR ||
	       e == EEXIST || e == ENAMETOOLONG;
}

static char *
dir_of(const char *path)
{
	const char *sl = strrchr(path, '/');
	if (!sl)
		return xstrdup(".");
	if (sl == path)
		return xstrdup("/");
	char *d = xmalloc((size_t)(sl - path) + 1);
	memcpy(d, path, (size_t)(sl - path));
	d[sl - path] = '\0';
	return d;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Crash-safe replace of NAME in the folder DFD by DATA: a temporary file
 * made there (O_EXCL, never through a link), fsync'd, renamed over NAME
 * (a rename replaces a link itself, never its target), the folder
 * fsync'd.  OLD (when not NULL) is the replaced file: its mode is kept.
 * Returns 0, or -1 with errno set. */
static int
write_durable_at(int dfd, const char *name, const struct stat *old,
		 const char *data, size_t len)
{
	static unsigned seq;
	char *tmp = NULL;
	int fd = -1, e = 0;

	for (int tries = 0; tries < 100; tries++) {
		free(tmp);
		tmp = xasprintf(TMP_PREFIX "%s.%ld.%u", name, (long)getpid(),
				seq++);
		fd = openat(dfd, tmp,
			    O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW |
				    O_NOCTTY,
			    0666);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0)
		goto fail;
	if ((old && fchmod(fd, old->st_mode & 0777) < 0) ||
	    write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		e = errno;
		close(fd);
		unlinkat(dfd, tmp, 0);
		errno = e;
		goto fail;
	}
	if (close(fd) < 0 || renameat(dfd, tmp, dfd, name) < 0) {
		e = errno;
		unlinkat(dfd, tmp, 0);
		errno = e;
		goto fail;
	}
	/* the rename is done: a folder that cannot be fsync'd does not
	 * make the save a failure (the new id must not be given again) */
	fsync(dfd);
	free(tmp);
	return 0;
fail:
	e = errno;
	free(tmp);
	errno = e;
	return -1;
}

/* mkdir -p, the last components with MODE. */
static int
make_dirs(const char *path, mode_t mode)
{
	char *p = xstrdup(path);
	for (char *q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, mode) < 0 && errno != EEXIST) {
			int e = errno;
			free(p);
			errno = e;
			return -1;
		}
		*q = '/';
	}
	int rc = mkdir(p, mode);
	int e = errno;
	free(p);
	if (rc < 0 && e != EEXIST) {
		errno = e;
		return -1;
	}
	struct stat st;
	if (stat(path, &st) < 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

static void
sweep_temps(int dfd)
{
	int fd = dup(dfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((de = readdir(d)))
		if (strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0)
			unlinkat(dfd, de->d_name, 0);
	closedir(d);
}

/* True when PATH, followed, lies inside the folder DIR (both resolved). */
static bool
resolves_inside(const char *path, const char *dir)
{
	char *rp = realpath(path, NULL), *rd = realpath(dir, NULL);
	size_t n = rd ? strlen(rd) : 0;
	bool in = rp && rd &&
		  (strcmp(rd, "/") == 0 ||
		   (strncmp(rp, rd, n) == 0 && rp[n] == '/'));
	free(rp);
	free(rd);
	return in;
}

/* Where the symbolic link PATH points (malloc'd, made safe), or NULL. */
static char *
link_target(const char *path)
{
	char target[4096];
	ssize_t k = readlink(path, target, sizeof(target) - 1);
	if (k < 0)
		return NULL;
	target[k] = '\0';
	return safe_str(target);
}

/* --- Merging the own file ------------------------------------------- */

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
	       (extra && id_in(extra, id, skip)) || is_deleted(s, id);
}

/* A new id for N, unique among the notes known (and EXTRA). */
static void
new_id(struct notes_store *s, const struct nlist *extra, struct nnote *n)
{
	char stamp[32];
	struct tm tm;
	if (!gmtime_r(&n->pub.created, &tm) ||
	    !strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm))
		strcpy(stamp, "0");
	for (unsigned k = 1;; k++) {
		char *id = xasprintf("%s-%s-%u", s->safe, stamp, k);
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
static void
merge_own(struct notes_store *s, struct parsed *p)
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
			/* gone from the list too: new_id below looks through it */
			nnote_free(mem);
			s->own.v[i] = NULL;
			continue;
		}
		if (mem->fresh && smap_get(&outids, mem->pub.id, &j))
			new_id(s, &out, mem);
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
}

/* Own notes are the only ones this store may have changed: keep the
 * changed ones (and the changed status records) when the file cannot be
 * read. */
static void
keep_dirty_only(struct notes_store *s)
{
	struct parsed empty = { 0 };
	merge_own(s, &empty);
	parsed_free(&empty);
}

static bool
refuse_readonly(struct notes_store *s, struct notes_error *err)
{
	if (!s->readonly)
		return false;
	char *p = safe_str(s->own_path);
	seterr(err,
	       _("your notes file %s is malformed: notes are read-only until it is fixed"),
	       p);
	free(p);
	return true;
}

/* True when a file whose reviewer= is REVIEWER (NULL: none) may be
 * written as the store's reviewer's own: the name is exactly theirs, or
 * the file has none and its name is exactly theirs. */
static bool
is_mine(const struct notes_store *s, const char *reviewer)
{
	if (reviewer && *reviewer)
		return strcmp(reviewer, s->reviewer) == 0;
	return name_is_exact(s->reviewer);
}

/* The own file's name in DIR: REVIEWER.xml as notes_safe_name makes it,
 * unless only a file of the older naming is there and it is exactly the
 * reviewer's (then that one, so existing notes stay one's own). */
static char *
own_name_in(const struct notes_store *s, const char *dir)
{
	char legacy[SAFE_MAX + 16], *path;
	struct stat st;
	legacy_safe_name(s->reviewer, legacy, sizeof(legacy));
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
	if (read_notes_at(dfd, lname, path, &p, &msg, NULL) == 0 &&
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

/* --- Saving ---------------------------------------------------------------- */

/* The folder the own notes go to (the fallback when FB), made when
 * missing and opened; NAME.notes is never followed out of the minutes'
 * folder.  A descriptor, or -1 with *err set (*nw: not writable, try the
 * fallback). */
static int
open_own_dir(struct notes_store *s, bool fb, bool *nw, struct notes_error *err)
{
	const char *dir = fb ? s->fallback_dir : s->primary;
	char *sdir = safe_str(dir);
	int fd = -1, mfd = -1;
	struct stat st;
	*nw = false;
	if (fb) {
		if (make_dirs(dir, 0700) < 0 ||
		    (fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
			*nw = not_writable(errno);
			seterr(err, _("cannot create the notes folder %s: %s"),
			       sdir, strerror(errno));
		}
		goto out;
	}
	if (strlen(s->nbase) > NAME_MAX) {
		*nw = true;
		seterr(err, _("cannot create the notes folder %s: %s"), sdir,
		       strerror(ENAMETOOLONG));
		goto out;
	}
	mfd = open(s->mdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (mfd < 0 ||
	    (mkdirat(mfd, s->nbase, 0777) < 0 && errno != EEXIST)) {
		*nw = not_writable(errno);
		seterr(err, _("cannot create the notes folder %s: %s"), sdir,
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
		if (resolves_inside(s->primary, s->mdir)) {
			fd = openat(mfd, s->nbase,
				    O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			e = errno;
		} else {
			char *t = link_target(s->primary);
			*nw = true;
			seterr(err,
			       _("%s is a symbolic link to %s, outside the minutes' folder: notes are not written there"),
			       sdir, t ? t : "?");
			free(t);
			goto out;
		}
	}
	if (fd < 0) {
		*nw = not_writable(e);
		seterr(err, _("cannot write in the notes folder %s: %s"), sdir,
		       strerror(e));
	}
out:
	if (mfd >= 0)
		close(mfd);
	free(sdir);
	return fd;
}

/* The persistent lock file of the folder DFD (DIR), opened: never a
 * link, never a terminal, only a regular file.  -1 with *err set. */
static int
open_lock(int dfd, const char *dir, bool *nw, struct notes_error *err)
{
	int fd = openat(dfd, ".lock",
			O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY |
				O_NONBLOCK,
			0666);
	int e = errno;
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		return fd;
	char *lp = xasprintf("%s/.lock", dir), *slp = safe_str(lp);
	if (fd >= 0) {
		close(fd);
		seterr(err,
		       _("%s is not a regular file: nothing is saved until it is removed"),
		       slp);
	} else if (e == ELOOP) {
		seterr(err,
		       _("%s is a symbolic link: it is not followed, and nothing is saved until it is removed"),
		       slp);
	} else {
		char *sdir = safe_str(dir);
		*nw = not_writable(e);
		seterr(err, _("cannot write in the notes folder %s: %s"), sdir,
		       strerror(e));
		free(sdir);
	}
	free(lp);
	free(slp);
	return -1;
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
	int lfd = open_lock(dfd, dir, nw, err);
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
		sweep_temps(dfd);
		s->swept = true;
	}

	int rc = -1;
	char *own = xasprintf("%s/%s", dir, s->own_name);
	char *msg = NULL;
	struct parsed p;
	struct stat ost;
	int r = read_notes_at(dfd, s->own_name, own, &p, &msg, &ost);
	if (r == -1) {
		s->readonly = true;
		seterr(err,
		       _("%s: the notes file is malformed, so it is not written; notes are read-only until it is fixed"),
		       msg);
		add_problem(s, "%s", msg);
		goto out;
	}
	if (r == -3) {
		seterr(err, _("%s; your notes are kept here, not saved"), msg);
		goto out;
	}
	if (r == -2) {
		seterr(err, _("cannot read %s before saving"), msg);
		goto out;
	}
	if (r == 0 && !is_mine(s, p.reviewer)) {
		char *so = safe_str(own), *sr = safe_str(p.reviewer ? p.reviewer : "");
		char *me = safe_str(s->reviewer);
		seterr(err,
		       _("%s holds the notes of '%s', not yours ('%s'): it is not written; your notes are kept here, not saved"),
		       so, sr, me);
		free(so);
		free(sr);
		free(me);
		parsed_free(&p);
		goto out;
	}
	merge_own(s, &p);
	parsed_free(&p);

	struct buf b = { 0 };
	serialize(s, &b);
	if (write_durable_at(dfd, s->own_name, r == 0 ? &ost : NULL, b.p,
			     b.n) < 0) {
		*nw = errno == EACCES || errno == EROFS || errno == EPERM;
		char *st = safe_str(own);
		seterr(err, _("cannot save the notes to %s: %s"), st,
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
	clear_deleted(s);
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
	if (refuse_readonly(s, err))
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
			seterr(err, "%s", e2.msg);
	}
	return rc;
}

static enum notes_result
finish(struct notes_store *s, struct notes_error *err)
{
	int rc = notes_save(s, err);
	rebuild(s);
	return rc == 0 ? NOTES_OK : NOTES_UNSAVED;
}

/* --- Loading ---------------------------------------------------------------- */

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

/* Loads every reviewer file of DIR except the own one. */
static void
load_dir(struct notes_store *s, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (errno != ENOENT && errno != ENOTDIR && errno != ENAMETOOLONG)
			add_problem(s, "%s: %s", dir, strerror(errno));
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
		sort(names, n, sizeof(*names), cmp_str);
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
		int r = read_notes_at(dirfd(d), names[i], path, &p, &msg, NULL);
		if (r < 0) {
			add_problem(s, "%s", msg);
			free(msg);
			free(path);
			continue;
		}
		if (r > 0) { /* gone meanwhile */
			free(path);
			continue;
		}
		char *author;
		if (p.reviewer && *p.reviewer) {
			author = xstrdup(p.reviewer);
		} else {
			author = xstrdup(names[i]);
			author[strlen(author) - 4] = '\0';
		}
		for (size_t j = 0; j < p.notes.n; j++) {
			struct nnote *nn = p.notes.v[j];
			p.notes.v[j] = NULL;
			if (known_elsewhere(s, nn->pub.id)) {
				if (!same_name)
					add_problem(s,
						    _("%s: note %s is also in another notes file; skipped"),
						    path, nn->pub.id);
				nnote_free(nn);
				continue;
			}
			nn->pub.author = xstrdup(author);
			nn->pub.own = false;
			nlist_push(&s->oth, nn);
		}
		for (size_t j = 0; j < p.ovr.n; j++) {
			struct novr *o = p.ovr.v[j];
			p.ovr.v[j] = NULL;
			free(o->by);
			o->by = xstrdup(author);
			olist_push(&s->ooth, o);
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

/* Reads the own file (*msg says why not): as read_notes_at. */
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
	int r = read_notes_at(dfd, s->own_name, s->own_path, p, msg, NULL);
	close(dfd);
	return r;
}

int
notes_reload(struct notes_store *s, struct notes_error *err)
{
	struct parsed p;
	char *msg = NULL;
	clear_problems(s);
	nlist_clear(&s->oth);
	olist_clear(&s->ooth);
	if (s->dir_problem)
		add_problem(s, "%s", s->dir_problem);

	int r = read_own(s, &p, &msg);
	s->readonly = r == -1;
	s->own_foreign = r == 0 && !is_mine(s, p.reviewer);
	if (s->own_foreign) {
		add_problem(s,
			    _("%s holds the notes of '%s', not of '%s': they are shown as theirs, and your notes are not saved there"),
			    s->own_path, p.reviewer ? p.reviewer : "", s->reviewer);
		parsed_free(&p);
		keep_dirty_only(s);
	} else if (r == 0) {
		if (p.minutes && *p.minutes && s->m && s->m->id &&
		    strcmp(p.minutes, s->m->id) != 0)
			add_problem(s, _("%s: notes on the minutes %s, not %s"),
				    s->own_path, p.minutes, s->m->id);
		merge_own(s, &p);
		parsed_free(&p);
	} else {
		keep_dirty_only(s);
		if (r < 0)
			add_problem(s, "%s", msg);
		if (r == -1)
			add_problem(s,
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
	rebuild(s);
	if (r == -2) {
		seterr(err, "%s", notes_problem(s, s->dir_problem ? 1 : 0));
		return -1;
	}
	return 0;
}

/* $XDG_DATA_HOME/minutes/notes/KEY, or NULL without a home. */
static char *
fallback_dir(const char *minutes_path, const struct minutes *m)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	char *base;
	if (xdg && xdg[0] == '/') {
		base = xstrdup(xdg);
	} else {
		const char *home = getenv("HOME");
		if (!home || home[0] != '/') {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (!home || home[0] != '/')
			return NULL;
		base = xasprintf("%s/.local/share", home);
	}
	char *abs = realpath(minutes_path, NULL);
	if (!abs) {
		char cwd[4096];
		abs = minutes_path[0] == '/' || !getcwd(cwd, sizeof(cwd))
			      ? xstrdup(minutes_path)
			      : xasprintf("%s/%s", cwd, minutes_path);
	}
	struct buf key = { 0 };
	buf_str(&key, abs);
	buf_add(&key, "", 1);
	buf_str(&key, m && m->id ? m->id : "");
	char hash[17], name[SAFE_MAX + 16];
	notes_hash(key.p, key.n, hash);
	const char *slash = strrchr(abs, '/');
	char *stem = xstrdup(slash ? slash + 1 : abs);
	size_t sl = strlen(stem);
	if (sl > 4 && strcmp(stem + sl - 4, ".xml") == 0)
		stem[sl - 4] = '\0';
	legacy_safe_name(stem, name, sizeof(name)); /* the hash tells apart */
	char *dir = xasprintf("%s/minutes/notes/%s-%s", base, hash, name);
	free(stem);
	free(key.p);
	free(abs);
	free(base);
	return dir;
}

/* Where the own notes go: beside the minutes when one's file is there;
 * else in the fallback when one's file is there; else beside the minutes
 * when that folder can be written, else the fallback.  NAME.notes that
 * is a link out of the minutes' folder, or a name too long for a folder,
 * sends them to the fallback.  Nothing is created (read-only modes use
 * this too).  A save that finds the folder not writable moves to the
 * fallback. */
static void
choose_dir(struct notes_store *s)
{
	free(s->own_name);
	s->own_name = own_name_in(s, s->primary);
	char *pown = xasprintf("%s/%s", s->primary, s->own_name);
	char *fown = s->fallback_dir
			     ? xasprintf("%s/%s", s->fallback_dir, s->own_name)
			     : NULL;
	struct stat st;
	bool use_fb = false;
	if (strlen(s->nbase) > NAME_MAX) {
		use_fb = true;
	} else if (lstat(s->primary, &st) == 0 && S_ISLNK(st.st_mode) &&
		   !resolves_inside(s->primary, s->mdir)) {
		char *sp = safe_str(s->primary), *t = link_target(s->primary);
		char *sf = safe_str(s->fallback_dir ? s->fallback_dir : "?");
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
			  not_writable(errno));
	} else {
		use_fb = access(s->mdir, W_OK | X_OK) < 0 && not_writable(errno);
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

struct notes_store *
notes_open(const char *minutes_path, const struct minutes *m,
	   const char *reviewer, struct notes_error *err)
{
	struct notes_store *s = calloc(1, sizeof(*s));
	if (!s) {
		seterr(err, "%s", strerror(ENOMEM));
		return NULL;
	}
	s->reviewer = clean_name(reviewer && *reviewer ? reviewer : "reviewer");
	if (!*s->reviewer) {
		free(s->reviewer);
		s->reviewer = xstrdup("reviewer");
	}
	notes_safe_name(s->reviewer, s->safe, sizeof(s->safe));
	s->minutes_path = xstrdup(minutes_path);
	size_t len = strlen(minutes_path);
	if (len > 4 && strcmp(minutes_path + len - 4, ".xml") == 0)
		len -= 4;
	s->primary = xasprintf("%.*s.notes", (int)len, minutes_path);
	s->mdir = dir_of(s->primary);
	const char *sl = strrchr(s->primary, '/');
	s->nbase = xstrdup(sl ? sl + 1 : s->primary);
	s->fallback_dir = fallback_dir(minutes_path, m);
	s->m = m;
	elems_invalidate(s);
	choose_dir(s);
	if (err)
		err->msg[0] = '\0';
	notes_reload(s, NULL);
	return s;
}

void
notes_set_minutes(struct notes_store *s, const struct minutes *m)
{
	s->m = m;
	elems_invalidate(s);
	rebuild(s);
}

void
notes_close(struct notes_store *s)
{
	if (!s)
		return;
	nlist_clear(&s->own);
	nlist_clear(&s->oth);
	olist_clear(&s->oown);
	olist_clear(&s->ooth);
	clear_deleted(s);
	free(s->deleted);
	clear_problems(s);
	free(s->problems);
	free(s->all);
	free(s->bytarget);
	free(s->orphans);
	free(s->groups);
	free(s->secopen);
	smap_free(&s->tmap);
	smap_free(&s->idmap);
	smap_free(&s->elmap);
	free(s->elems);
	free(s->reviewer);
	free(s->minutes_path);
	free(s->primary);
	free(s->mdir);
	free(s->nbase);
	free(s->own_name);
	free(s->dir_problem);
	free(s->fallback_dir);
	free(s->own_path);
	free(s);
}

/* --- Changing ------------------------------------------------------------------ */

/* The own note ID, or NULL with *err set (another's, or none). */
static struct nnote *
own_note(struct notes_store *s, const char *id, struct notes_error *err)
{
	for (size_t i = 0; i < s->own.n; i++)
		if (strcmp(s->own.v[i]->pub.id, id) == 0)
			return s->own.v[i];
	const struct note *n = id ? notes_find(s, id) : NULL;
	if (n)
		seterr(err, _("this note is %s's: only its author can change it"),
		       n->author);
	else
		seterr(err, _("no such note"));
	return NULL;
}

static char *
note_text(const char *text, struct notes_error *err)
{
	char *t = clean_text(text ? text : "", text ? strlen(text) : 0);
	if (is_blank(t)) {
		free(t);
		seterr(err, _("a note cannot be empty"));
		return NULL;
	}
	return t;
}

static struct elem *
target_elem(struct notes_store *s, const char *target,
	    struct notes_error *err)
{
	struct elem *e = target ? elem_find(s, target) : NULL;
	if (!e) {
		char *t = safe_str(target ? target : "");
		seterr(err, _("the minutes have no element '%s'"), t);
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
	if (refuse_readonly(s, err) || !(e = target_elem(s, target, err)) ||
	    !(t = note_text(text, err)))
		return NOTES_REFUSED;
	if ((unsigned)kind > NOTES_AGREED)
		kind = NOTES_COMMENT;
	struct nnote *n = xcalloc(1, sizeof(*n));
	n->pub.text = t;
	n->pub.kind = kind;
	n->pub.author = xstrdup(s->reviewer);
	n->pub.own = true;
	n->pub.created = n->pub.modified = n->own_status_at = clock_now();
	n->own_status = NOTES_OPEN;
	n->dirty = n->fresh = true;
	anchor_to(s, n, e);
	new_id(s, NULL, n);
	nlist_push(&s->own, n);
	enum notes_result r = finish(s, err);
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
	if (refuse_readonly(s, err) || !(n = own_note(s, id, err)) ||
	    !(t = note_text(text, err)))
		return NOTES_REFUSED;
	free((char *)n->pub.text);
	n->pub.text = t;
	n->pub.modified = clock_now();
	n->dirty = true;
	return finish(s, err);
}

enum notes_result
notes_set_kind(struct notes_store *s, const char *id, enum notes_kind kind,
	       struct notes_error *err)
{
	struct nnote *n;
	if (refuse_readonly(s, err) || !(n = own_note(s, id, err)))
		return NOTES_REFUSED;
	if ((unsigned)kind > NOTES_AGREED) {
		seterr(err, _("unknown kind of note"));
		return NOTES_REFUSED;
	}
	n->pub.kind = kind;
	n->pub.modified = clock_now();
	n->dirty = true;
	return finish(s, err);
}

enum notes_result
notes_delete(struct notes_store *s, const char *id, struct notes_error *err)
{
	struct nnote *n;
	if (refuse_readonly(s, err) || !(n = own_note(s, id, err)))
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
	return finish(s, err);
}

enum notes_result
notes_reattach(struct notes_store *s, const char *id, const char *target,
	       struct notes_error *err)
{
	struct nnote *n;
	struct elem *e;
	if (refuse_readonly(s, err) || !(n = own_note(s, id, err)) ||
	    !(e = target_elem(s, target, err)))
		return NOTES_REFUSED;
	anchor_to(s, n, e);
	n->pub.modified = clock_now();
	n->dirty = true;
	return finish(s, err);
}

enum notes_result
notes_toggle_status(struct notes_store *s, const char *id,
		    struct notes_error *err)
{
	if (refuse_readonly(s, err))
		return NOTES_REFUSED;
	const struct note *pub = id ? notes_find(s, id) : NULL;
	if (!pub) {
		seterr(err, _("no such note"));
		return NOTES_REFUSED;
	}
	struct nnote *n = (struct nnote *)pub;
	enum notes_status st =
		pub->status == NOTES_OPEN ? NOTES_RESOLVED : NOTES_OPEN;
	time_t now = clock_now(), at;
	if (n->pub.own) {
		/* the note's own status loses ties: be later than the winner */
		at = n->by_own ? (now > pub->status_at ? now : pub->status_at)
			       : (now > pub->status_at ? now
						       : pub->status_at + 1);
		n->own_status = st;
		n->own_status_at = at;
		n->pub.modified = now > n->pub.modified ? now : n->pub.modified;
		n->dirty = true;
		return finish(s, err);
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
	return finish(s, err);
}

/* --- Output ------------------------------------------------------------------ */

/* Each line of TEXT (made safe) after PREFIX; empty lines get
 * EMPTY_PREFIX. */
static void
put_lines(FILE *out, const char *prefix, const char *empty_prefix,
	  const char *text)
{
	char *safe = text_sanitize(text, strlen(text), true);
	if (!safe)
		return;
	char *line = safe;
	for (;;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		fprintf(out, "%s%s\n", *line ? prefix : empty_prefix, line);
		if (!nl)
			break;
		line = nl + 1;
	}
	free(safe);
}

/* TEXT made safe, each of its lines wrapped to WIDTH columns (0: not
 * wrapped), the first line indented FIRST columns and the rest REST. */
static void
put_wrapped(FILE *out, int first, int rest, const char *text, int width)
{
	size_t len = strlen(text);
	struct text_line *tl = NULL;
	int avail = width > 0 ? width - rest : 0;
	size_t n;

	if (width <= 0 || avail < 1)
		avail = 1 << 30;
	n = text_wrap(text, len, avail, &tl);
	for (size_t i = 0; i < n; i++) {
		char *safe = text_sanitize(text + tl[i].off, tl[i].len, false);
		fprintf(out, "%*s%s\n", i == 0 ? first : rest, "",
			safe ? safe : "");
		free(safe);
	}
	free(tl);
}

static void
put_safe(FILE *out, const char *s)
{
	char *p = safe_str(s);
	fputs(p, out);
	free(p);
}

/* "- [ ] question — **lan**, 2026-11-28 10:15 UTC" and the text. */
static void
md_note(FILE *out, const struct note *n)
{
	char when[48];
	notes_format_time(n->created, when, sizeof(when));
	fprintf(out, "- [%c] %s — **", n->status == NOTES_OPEN ? ' ' : 'x',
		notes_kind_label(n->kind));
	put_safe(out, n->author);
	fprintf(out, "**, %s", when);
	if (n->status == NOTES_RESOLVED && strcmp(n->status_by, n->author)) {
		fprintf(out, " (%s ", _("resolved by"));
		put_safe(out, n->status_by);
		fputs(")", out);
	}
	fputs("\n", out);
	if (n->anchor != NOTES_ANCHORED) {
		fprintf(out, "  *%s*\n\n",
			n->anchor == NOTES_CHANGED
				? _("The text changed since this note; it read:")
				: _("The element's text then:"));
		put_lines(out, "  > ", "  >", n->quote);
		fputs("\n", out);
	}
	put_lines(out, "  ", "", n->text);
}

static void
md_notes(FILE *out, const struct notes_store *s, const char *id)
{
	const struct note *const *v;
	size_t n = notes_for_target(s, id, &v);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs("\n", out);
		md_note(out, v[i]);
	}
}

static void
md_quote(FILE *out, const char *text)
{
	put_lines(out, "> ", ">", text);
	fputs("\n", out);
}

static bool
has_notes(const struct notes_store *s, const char *id)
{
	return notes_for_target(s, id, NULL) > 0;
}

static int
cmp_coll(const void *a, const void *b)
{
	return text_collate(*(const char *const *)a, *(const char *const *)b);
}

static void
md_header(FILE *out, const struct minutes *m, const struct notes_store *s)
{
	size_t open = 0, n = notes_count(s), nrev = 0;
	const char **rev = xmalloc((n + 1) * sizeof(*rev));
	for (size_t i = 0; i < n; i++) {
		const struct note *nt = notes_get(s, i);
		open += nt->status == NOTES_OPEN;
		bool seen = false;
		for (size_t j = 0; j < nrev && !seen; j++)
			seen = strcmp(rev[j], nt->author) == 0;
		if (!seen)
			rev[nrev++] = nt->author;
	}
	sort(rev, nrev, sizeof(*rev), cmp_coll);
	fprintf(out, "# %s ", _("Review notes:"));
	put_safe(out, m->meeting.title);
	fprintf(out, "\n\n- %s: ", _("Minutes"));
	put_safe(out, m->id);
	fputs(", ", out);
	put_safe(out, m->meeting.date);
	fprintf(out, " (%s)\n", _(mn_status_name(m->meeting.status)));
	fprintf(out, "- %s: %zu (%zu %s, %zu %s)\n", _("Notes"), n, open,
		_("open"), n - open, _("resolved"));
	if (nrev) {
		fprintf(out, "- %s: ", _("Reviewers"));
		for (size_t i = 0; i < nrev; i++) {
			if (i)
				fputs(", ", out);
			put_safe(out, rev[i]);
		}
		fputs("\n", out);
	}
	free(rev);
}

void
notes_export_markdown(FILE *out, const struct minutes *m,
		      const struct notes_store *s)
{
	md_header(out, m, s);
	if (m->id && has_notes(s, m->id)) {
		fprintf(out, "\n## %s\n\n", _("Meeting"));
		md_quote(out, m->meeting.title);
		md_notes(out, s, m->id);
	}
	bool att = false;
	for (uint32_t i = 0; i < m->npersons; i++) {
		const struct mn_person *p = &m->persons[i];
		if (!has_notes(s, p->id))
			continue;
		if (!att)
			fprintf(out, "\n## %s\n", _("Attendees"));
		att = true;
		fputs("\n### ", out);
		put_safe(out, p->name);
		fputs("\n\n", out);
		struct elem e = { .type = EL_PERSON, .sec = i };
		char *t = elem_text(m, &e);
		md_quote(out, t);
		free(t);
		md_notes(out, s, p->id);
	}
	for (uint32_t i = 0; i < m->nsections; i++) {
		const struct mn_section *sc = &m->sections[i];
		bool any = has_notes(s, sc->id);
		for (uint32_t j = 0; j < sc->nitems && !any; j++)
			any = has_notes(s, sc->items[j].id);
		if (!any)
			continue;
		fputs("\n## ", out);
		put_safe(out, sc->heading);
		fputs("\n", out);
		if (has_notes(s, sc->id)) {
			fputs("\n", out);
			md_notes(out, s, sc->id);
		}
		for (uint32_t j = 0; j < sc->nitems; j++) {
			const struct mn_item *it = &sc->items[j];
			if (!has_notes(s, it->id))
				continue;
			fprintf(out, "\n### %s ", _("Item"));
			put_safe(out, it->id);
			fputs("\n\n", out);
			md_quote(out, it->text);
			md_notes(out, s, it->id);
		}
	}
	const struct note *const *orph;
	size_t no = notes_orphans(s, &orph);
	if (no) {
		fprintf(out, "\n## %s\n\n%s\n", _("Orphaned notes"),
			_("Their element is no longer in the minutes."));
		for (size_t i = 0; i < no; i++) {
			if (i == 0 || strcmp(orph[i]->target, orph[i - 1]->target)) {
				fputs("\n### ", out);
				put_safe(out, orph[i]->target);
				fputs("\n", out);
			}
			fputs("\n", out);
			md_note(out, orph[i]);
		}
	}
}

void
notes_dump_for(FILE *out, const struct notes_store *s, const char *id,
	       int indent, int width)
{
	const struct note *const *v;
	size_t n = notes_for_target(s, id, &v);
	if (indent < 0)
		indent = 0;
	if (indent > 60)
		indent = 60;
	for (size_t i = 0; i < n; i++) {
		const struct note *nt = v[i];
		char when[48], *author = safe_str(nt->author), *head;
		notes_format_time(nt->created, when, sizeof(when));
		head = xasprintf("[%s, %s] %s, %s%s%s%s", notes_kind_label(nt->kind),
				 notes_status_label(nt->status), author, when,
				 nt->anchor == NOTES_CHANGED ? " (" : "",
				 nt->anchor == NOTES_CHANGED
					 ? _("text changed since this note") : "",
				 nt->anchor == NOTES_CHANGED ? ")" : "");
		put_wrapped(out, indent, indent + 2, head, width);
		put_wrapped(out, indent + 2, indent + 2, nt->text, width);
		free(head);
		free(author);
	}
}
