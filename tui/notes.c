/* notes.c - reviewer notes: the store, its files, re-anchoring, --dump lines.
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
#include <sys/random.h>
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
	/* view scratch: the note that starts its thread (itself, or NULL
	 * for a reply whose note is gone), the target its thread is on */
	const struct nnote *root;
	const char *gtarget;
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

/* A <signoff>: its reviewer signed off the whole meeting. */
struct nsign {
	struct notes_signoff pub; /* first */
	bool dirty;
};

struct parsed {
	char *reviewer, *minutes;
	struct nlist notes;
	struct olist ovr;
	struct nsign *sign;
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
	struct nsign *own_sign;	 /* one's own sign-off, or NULL */
	struct nsign **osigns;	 /* the other files' */
	size_t nosigns, caposigns;
	const struct notes_signoff **signs; /* view: every sign-off */
	size_t nsigns;
	const struct note **replies; /* view: replies by note, then time */
	struct smap rmap;	 /* note id -> its first reply in replies */
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
	time_t last_change;
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

#define NKINDS 5
static const char *const kind_names[NKINDS] = { "comment", "question",
						 "correction", "agreed",
						 "response" };
static const char *const kind_labels[NKINDS] = { N_("comment"),
						  N_("question"),
						  N_("correction"),
						  N_("agreed"),
						  N_("response") };

const char *
notes_kind_name(enum notes_kind k)
{
	return (unsigned)k < NKINDS ? kind_names[k] : "comment";
}

const char *
notes_kind_label(enum notes_kind k)
{
	return _((unsigned)k < NKINDS ? kind_labels[k] : kind_labels[0]);
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
	for (int i = 0; i < NKINDS; i++)
		if (name && strcmp(name, kind_names[i]) == 0) {
			*k = (enum notes_kind)i;
			return 0;
		}
	return -1;
}

static const char *const disp_names[] = { "", "accepted", "explained",
					   "declined" };
/* TRANSLATORS: dispositions of an answer: tiếp thu, giải trình,
 * không tiếp thu */
static const char *const disp_labels[] = { "", N_("accepted"),
					    N_("explained"), N_("declined") };

const char *
notes_disposition_name(enum notes_disposition d)
{
	return (unsigned)d < 4 ? disp_names[d] : "";
}

const char *
notes_disposition_label(enum notes_disposition d)
{
	return (unsigned)d < 4 && d ? _(disp_labels[d]) : "";
}

int
notes_disposition_parse(const char *name, enum notes_disposition *d)
{
	for (int i = 1; i < 4; i++)
		if (name && strcmp(name, disp_names[i]) == 0) {
			*d = (enum notes_disposition)i;
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
	free((char *)n->pub.file);
	free((char *)n->pub.claimed);
	free((char *)n->pub.reply_to);
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
nsign_free(struct nsign *g)
{
	if (!g)
		return;
	free((char *)g->pub.by);
	free((char *)g->pub.remark);
	free(g);
}

static void
parsed_free(struct parsed *p)
{
	free(p->reviewer);
	free(p->minutes);
	nlist_clear(&p->notes);
	olist_clear(&p->ovr);
	nsign_free(p->sign);
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
cmp_orphan(const void *a, const void *b)
{
	const struct note *x = *(const struct note *const *)a;
	const struct note *y = *(const struct note *const *)b;
	int c = strcmp(x->target, y->target);
	return c ? c : cmp_created(a, b);
}

/* Times after this are more than a day ahead: flagged, and a status
 * record dated then is not applied. */
static time_t
future_limit(void)
{
	return clock_now() + NOTES_FUTURE_SLACK;
}

static bool
in_future(const struct nnote *n)
{
	time_t l = future_limit();
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
	if (at > future_limit() || !smap_get(&s->idmap, id, &i))
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
		return cmp_created(&px, &py);
	}
	if ((x == rx) != (y == ry))
		return x == rx ? -1 : 1;
	const struct note *px = &x->pub, *py = &y->pub;
	return cmp_created(&px, &py);
}

static int
cmp_reply(const void *a, const void *b)
{
	const struct note *x = *(const struct note *const *)a;
	const struct note *y = *(const struct note *const *)b;
	int c = strcmp(x->reply_to, y->reply_to);
	return c ? c : cmp_created(a, b);
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
	sort(s->signs, s->nsigns, sizeof(*s->signs), cmp_sign);
}


/* An open note, as counted for a badge, a section and ]/[: a note, not
 * a reply, not resolved, and not "agreed" (agreeing asks for nothing). */
static bool
counts_open(const struct note *n)
{
	return n->status == NOTES_OPEN && !n->reply_to && n->kind != NOTES_AGREED;
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
	sort(s->all, n, sizeof(*s->all), cmp_created);

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
	sort(s->replies, nrep, sizeof(*s->replies), cmp_reply);
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
		if (s->ooth.v[i]->at > last && s->ooth.v[i]->at <= future_limit())
			last = s->ooth.v[i]->at;
	s->last_change = last;
	for (size_t i = 0; i < n; i++) {
		struct nnote *nn = (struct nnote *)s->all[i];
		struct elem *e = elem_find(s, nn->gtarget);
		s->bytarget[i] = s->all[i];
		if (!e || !nn->root) {
			/* its element is gone, or the note it answers */
			nn->pub.anchor = NOTES_ORPHAN;
			s->orphans[s->norphans++] = s->all[i];
			continue;
		}
		nn->pub.anchor = strcmp(elem_hash(s, e), nn->pub.hash) == 0
					 ? NOTES_ANCHORED
					 : NOTES_CHANGED;
		if (e->type == EL_SECTION && counts_open(&nn->pub) &&
		    e->sec < s->nsecopen)
			s->secopen[e->sec]++;
	}
	sort(s->orphans, s->norphans, sizeof(*s->orphans), cmp_orphan);
	sort(s->bytarget, n, sizeof(*s->bytarget), cmp_thread);

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
	char *disp = attr(rd, "disposition");
	n->pub.reply_to = attr(rd, "reply-to");
	if (pe->set) {
		/* reported already */
	} else if (n->pub.reply_to && !*n->pub.reply_to) {
		perr_set(pe, line, _("note %s: an empty reply-to"), n->pub.id);
	} else if (n->pub.kind == NOTES_RESPONSE &&
		   (!n->pub.reply_to ||
		    notes_disposition_parse(disp, &n->pub.disposition))) {
		perr_set(pe, line,
			 _("note %s: a response needs reply-to and a disposition (accepted, explained or declined)"),
			 n->pub.id);
	} else if (n->pub.kind != NOTES_RESPONSE && disp) {
		perr_set(pe, line,
			 _("note %s: only a response has a disposition"),
			 n->pub.id);
	}
	free(disp);
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

static struct nsign *
read_signoff(xmlTextReaderPtr rd, struct perr *pe, int line)
{
	struct nsign *g = xcalloc(1, sizeof(*g));
	char *at = attr(rd, "at");
	g->pub.by = attr(rd, "by");
	g->pub.remark = attr(rd, "remark");
	if (!g->pub.remark)
		g->pub.remark = xstrdup("");
	if (parse_time(at, &g->pub.at))
		perr_set(pe, line,
			 _("times must look like 2026-11-28T10:15:00Z"));
	free(at);
	return g;
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
	else if (!v || (strcmp(v, "1") != 0 && strcmp(v, "2") != 0))
		perr_set(ps->pe, line,
			 _("unsupported notes version '%s' (this minutes reads versions 1 and 2)"),
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
	} else if (depth == 1 && strcmp(name, "signoff") == 0) {
		if (ps->p->sign)
			perr_set(ps->pe, line, _("two <signoff> records"));
		else
			ps->p->sign = read_signoff(rd, ps->pe, line);
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

/* A notes file of REVIEWER on the minutes MINUTES: the notes by
 * creation time, the status records by note, the sign-off.  Version 2
 * when a reply or a sign-off needs it, else 1 (older programs read it). */
static void
serialize_file(struct buf *b, const char *minutes, const char *reviewer,
	       struct nlist *notes, struct olist *ovr, const struct nsign *sign)
{
	char t1[32], t2[32], t3[32];
	bool v2 = sign != NULL;
	const struct note **v = xmalloc(notes->n * sizeof(*v));
	size_t nv = 0;
	for (size_t i = 0; i < notes->n; i++) {
		if (!notes->v[i])
			continue;
		v[nv++] = &notes->v[i]->pub;
		v2 |= notes->v[i]->pub.reply_to != NULL ||
		      notes->v[i]->pub.kind == NOTES_RESPONSE;
	}
	sort(v, nv, sizeof(*v), cmp_created);
	sort(ovr->v, ovr->n, sizeof(*ovr->v), cmp_ovr);

	buf_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<notes");
	xml_attr(b, "version", v2 ? "2" : "1");
	xml_attr(b, "minutes", minutes ? minutes : "");
	xml_attr(b, "reviewer", reviewer);
	buf_str(b, ">\n");
	for (size_t i = 0; i < nv; i++) {
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
		if (n->pub.reply_to)
			xml_attr(b, "reply-to", n->pub.reply_to);
		if (n->pub.kind == NOTES_RESPONSE)
			xml_attr(b, "disposition",
				 notes_disposition_name(n->pub.disposition));
		buf_str(b, ">\n    <quote>");
		xml_escape(b, n->pub.quote, false);
		buf_str(b, "</quote>\n    <text>");
		xml_escape(b, n->pub.text, false);
		buf_str(b, "</text>\n  </note>\n");
	}
	for (size_t i = 0; i < ovr->n; i++) {
		const struct novr *o = ovr->v[i];
		fmt_time(o->at, t1);
		buf_str(b, "  <status");
		xml_attr(b, "note", o->note);
		xml_attr(b, "status", notes_status_name(o->status));
		xml_attr(b, "by", reviewer);
		xml_attr(b, "at", t1);
		buf_str(b, "/>\n");
	}
	if (sign) {
		fmt_time(sign->pub.at, t1);
		buf_str(b, "  <signoff");
		xml_attr(b, "by", reviewer);
		xml_attr(b, "at", t1);
		if (sign->pub.remark && *sign->pub.remark)
			xml_attr(b, "remark", sign->pub.remark);
		buf_str(b, "/>\n");
	}
	buf_str(b, "</notes>\n");
	free(v);
}

static void
serialize(struct notes_store *s, struct buf *b)
{
	serialize_file(b, s->m ? s->m->id : NULL, s->reviewer, &s->own,
		       &s->oown, s->own_sign);
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
			r = (uint32_t)(hash_str("") ^ (uint64_t)getpid() * 2654435761u ^
				       (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 20);
		}
		idtag.pid = getpid();
		snprintf(idtag.tag, sizeof(idtag.tag), "%08x", (unsigned)r);
	}
	return idtag.tag;
}

/* A new id for N, unique among the notes known (and EXTRA):
 * REVIEWER-TIME-TAG-COUNTER (no TAG when the tests set it empty). */
static void
new_id(struct notes_store *s, const struct nlist *extra, struct nnote *n)
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
	if (s->own_sign)
		s->own_sign->dirty = false;
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

/* Whether the file FNAME is the one REVIEWER's name makes (or made,
 * in the older naming); with no reviewer=, whether FNAME is an exact
 * name's file. */
static bool
file_is_theirs(const char *fname, const char *reviewer)
{
	char b[SAFE_MAX + 16];
	size_t n = strlen(fname) - 4; /* ".xml" */
	if (!reviewer || !*reviewer) {
		char *stem = xstrdup(fname);
		stem[n] = '\0';
		bool ok = name_is_exact(stem);
		free(stem);
		return ok;
	}
	notes_safe_name(reviewer, b, sizeof(b));
	if (strlen(b) == n && strncmp(b, fname, n) == 0)
		return true;
	legacy_safe_name(reviewer, b, sizeof(b));
	return strlen(b) == n && strncmp(b, fname, n) == 0;
}

static void
flag_future(struct notes_store *s, const char *path, const struct nnote *n)
{
	char when[32];
	time_t t = n->pub.created > n->pub.modified ? n->pub.created
						    : n->pub.modified;
	if (n->own_status_at > t)
		t = n->own_status_at;
	if (t <= future_limit())
		return;
	fmt_time(t, when);
	add_problem(s, _("%s: note %s is dated %s, more than a day ahead"), path,
		    n->pub.id, when);
}

static void
flag_future_status(struct notes_store *s, const char *path,
		   const struct novr *o)
{
	char when[32];
	if (o->at <= future_limit())
		return;
	fmt_time(o->at, when);
	add_problem(s,
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
		bool verified = file_is_theirs(names[i], p.reviewer);
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
			add_problem(s,
				    _("%s: its reviewer '%s' is not the one its file name is made from: its notes are shown as unverified"),
				    path, p.reviewer ? p.reviewer : "");
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

static void
clear_osigns(struct notes_store *s)
{
	for (size_t i = 0; i < s->nosigns; i++)
		nsign_free(s->osigns[i]);
	s->nosigns = 0;
}

int
notes_reload(struct notes_store *s, struct notes_error *err)
{
	struct parsed p;
	char *msg = NULL;
	clear_problems(s);
	nlist_clear(&s->oth);
	olist_clear(&s->ooth);
	clear_osigns(s);
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
		for (size_t i = 0; i < s->own.n; i++)
			flag_future(s, s->own_path, s->own.v[i]);
		for (size_t i = 0; i < s->oown.n; i++)
			flag_future_status(s, s->own_path, s->oown.v[i]);
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
	clear_osigns(s);
	free(s->osigns);
	nsign_free(s->own_sign);
	free(s->signs);
	free(s->replies);
	smap_free(&s->rmap);
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
	size_t len = text ? strlen(text) : 0;
	if (len > NOTES_TEXT_MAX) {
		seterr(err,
		       _("the note has %zu bytes; a note holds at most %d bytes (1 MiB): it was not saved"),
		       len, NOTES_TEXT_MAX);
		return NULL;
	}
	char *t = clean_text(text ? text : "", len);
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
	n->pub.verified = true;
	n->pub.file = xstrdup(s->own_name);
	n->pub.claimed = xstrdup(s->reviewer);
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

enum notes_result
notes_reply(struct notes_store *s, const char *id, enum notes_kind kind,
	    enum notes_disposition disposition, const char *text,
	    const struct note **added, struct notes_error *err)
{
	char *t;
	if (added)
		*added = NULL;
	if (refuse_readonly(s, err))
		return NOTES_REFUSED;
	const struct note *to = id ? notes_find(s, id) : NULL;
	if (!to) {
		seterr(err, _("no such note"));
		return NOTES_REFUSED;
	}
	if ((unsigned)kind > NOTES_RESPONSE ||
	    (kind == NOTES_RESPONSE) != (disposition != NOTES_NO_DISPOSITION) ||
	    (unsigned)disposition > NOTES_DECLINED) {
		seterr(err, _("an answer is a response with a disposition (accepted, explained or declined), or a plain reply without one"));
		return NOTES_REFUSED;
	}
	if (!(t = note_text(text, err)))
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
	n->pub.created = n->pub.modified = n->own_status_at = clock_now();
	n->own_status = NOTES_OPEN;
	n->dirty = n->fresh = true;
	struct elem *e = elem_find(s, to->target);
	if (e) {
		anchor_to(s, n, e);
	} else { /* an orphan's reply: on the same (gone) element */
		n->pub.target = xstrdup(to->target);
		n->pub.quote = xstrdup(to->quote);
		n->pub.hash = xstrdup(to->hash);
	}
	new_id(s, NULL, n);
	nlist_push(&s->own, n);
	enum notes_result r = finish(s, err);
	if (added)
		*added = &n->pub;
	return r;
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

enum notes_result
notes_signoff(struct notes_store *s, const char *remark,
	      struct notes_error *err)
{
	if (refuse_readonly(s, err))
		return NOTES_REFUSED;
	char *r = clean_name(remark ? remark : "");
	if (strlen(r) > NOTES_TEXT_MAX) {
		free(r);
		seterr(err, _("the remark is too long"));
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
	time_t at = clock_now();
	for (size_t i = 0; i < s->own.n; i++)
		if (s->own.v[i]->pub.modified > at)
			at = s->own.v[i]->pub.modified;
	s->own_sign->pub.at = at;
	s->own_sign->pub.verified = s->own_sign->pub.own = true;
	s->own_sign->dirty = true;
	return finish(s, err);
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
notes_review_label(const struct notes_store *s)
{
	struct notes_review_state st;
	struct buf b = { 0 };
	notes_review(s, &st);
	switch (st.state) {
	case NOTES_REVIEW_NONE:
		buf_str(&b, _("no notes"));
		break;
	case NOTES_REVIEW_OPEN:
		buf_printf(&b, ngettext("open (%zu open)", "open (%zu open)",
					st.unanswered),
			   st.unanswered);
		break;
	case NOTES_REVIEW_ANSWERED:
		buf_str(&b, _("answered"));
		break;
	case NOTES_REVIEW_SIGNED:
	case NOTES_REVIEW_READY:
		buf_str(&b, st.state == NOTES_REVIEW_READY ? _("ready to sign")
							   : _("signed off"));
		buf_printf(&b, " (%s ", _("by"));
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
		buf_str(&b, ")");
		break;
	}
	char *r = safe_str(b.p ? b.p : "");
	free(b.p);
	return r;
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
		if (nt->reply_to) { /* under its note: "↳ [accepted] thu, …" */
			head = xasprintf("\u21b3 [%s] %s, %s", nt->kind == NOTES_RESPONSE
					 ? notes_disposition_label(nt->disposition)
					 : notes_kind_label(nt->kind), author, when);
			put_wrapped(out, indent + 2, indent + 4, head, width);
			put_wrapped(out, indent + 4, indent + 4, nt->text, width);
			free(head);
			free(author);
			continue;
		}
		head = xasprintf("[%s, %s] %s, %s%s%s%s%s%s%s", notes_kind_label(nt->kind),
				 notes_status_label(nt->status), author, when,
				 nt->anchor == NOTES_CHANGED ? " (" : "",
				 nt->anchor == NOTES_CHANGED
					 ? _("text changed since this note") : "",
				 nt->anchor == NOTES_CHANGED ? ")" : "",
				 nt->future ? " (" : "",
				 nt->future ? _("dated more than a day ahead") : "",
				 nt->future ? ")" : "");
		put_wrapped(out, indent, indent + 2, head, width);
		put_wrapped(out, indent + 2, indent + 2, nt->text, width);
		free(head);
		free(author);
	}
}

/* --- The git merge driver ---------------------------------------------- */

/* The same for a file named by its path (the merge driver's sides). */
static int
read_notes_path(const char *path, struct parsed *p, char **msg)
{
	char *dir = dir_of(path);
	const char *base = strrchr(path, '/');
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (dfd < 0) {
		int e = errno;
		memset(p, 0, sizeof(*p));
		*msg = xasprintf("%s: %s", path, strerror(e));
		return e == ENOENT ? 1 : -2;
	}
	int r = read_notes_at(dfd, base ? base + 1 : path, path, p, msg, NULL);
	close(dfd);
	return r;
}


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
	int r = read_notes_path(path, p, &msg);
	if (r == 0) {
		free(msg);
		return 0;
	}
	char *sp = safe_str(msg ? msg : path);
	if (r == 1)
		seterr(err, _("%s: no such file"), sp);
	else
		seterr(err, _("%s; not merged"), sp);
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
	serialize_file(&b, minutes, reviewer ? reviewer : "", &out, &oout, sign);

	int rc = 0;
	char *dir = dir_of(ours);
	const char *slash = strrchr(ours, '/');
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct stat st;
	bool have = dfd >= 0 && fstatat(dfd, slash ? slash + 1 : ours, &st,
				       AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode);
	if (dfd < 0 || write_durable_at(dfd, slash ? slash + 1 : ours,
				      have ? &st : NULL, b.p, b.n) < 0) {
		char *sp = safe_str(ours);
		seterr(err, _("cannot write %s: %s"), sp, strerror(errno));
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

/* --- Unsaved notes, texts from an editor -------------------------------- */

char *
notes_text_from_file(const char *path, struct notes_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		char *sp = safe_str(path);
		seterr(err, "%s: %s", sp,
		       fd < 0 ? strerror(errno) : _("not a regular file"));
		free(sp);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	size_t cap = 4096, n = 0;
	char *out = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > NOTES_TEXT_MAX)
				break;
			cap *= 2;
			out = mn_xrealloc(out, cap + 1);
		}
		ssize_t k = read(fd, out + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			char *sp = safe_str(path);
			seterr(err, "%s: %s", sp, strerror(errno));
			free(sp);
			free(out);
			close(fd);
			return NULL;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		n--;
	if (n > NOTES_TEXT_MAX) {
		seterr(err,
		       _("the note has more than %d bytes (1 MiB), the most a note holds: it was not saved"),
		       NOTES_TEXT_MAX);
		free(out);
		return NULL;
	}
	out[n] = '\0';
	return out;
}

size_t
notes_save_on_quit(struct notes_store *s, FILE *out)
{
	struct notes_error err = { "" };
	if (!notes_unsaved(s) || notes_save(s, &err) == 0)
		return 0;
	rebuild(s);
	size_t n = notes_unsaved_count(s);
	char *msg = safe_str(err.msg);
	fprintf(out, ngettext("minutes: %zu change to your notes was not saved: %s\n",
			      "minutes: %zu changes to your notes were not saved: %s\n",
			      n),
		n, msg);
	free(msg);
	for (size_t i = 0; i < s->own.n; i++) {
		const struct note *nt = &s->own.v[i]->pub;
		if (!s->own.v[i]->dirty)
			continue;
		char *t = safe_str(nt->target);
		fprintf(out, "  %s [%s]:\n", t, notes_kind_name(nt->kind));
		free(t);
		put_lines(out, "    ", "", nt->text);
	}
	return n;
}
