/* notes_file.c - the notes file format: the records a file holds (notes,
 * status records, a sign-off) and their lists, reading a file (the
 * libxml2 reader, every rule of notes.h's format checked, "FILE:LINE:
 * message" for the first problem; never through a symbolic link) and
 * writing one (version 1, or 2 when a reply or a sign-off needs it). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlreader.h>

#include "nls.h"
#include "notes.h"
#include "notes_disk.h"
#include "notes_file.h"
#include "notes_words.h"
#include "smap.h"
#include "text.h"
#include "xalloc.h"
#include "xmlwords.h"

#define NOTES_MAX_FILE ((off_t)64 << 20)

void
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

void
novr_free(struct novr *o)
{
	if (!o)
		return;
	free(o->note);
	free(o->by);
	free(o);
}

void
nlist_push(struct nlist *l, struct nnote *n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = mn_xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = n;
}

void
nlist_clear(struct nlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		nnote_free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
olist_push(struct olist *l, struct novr *o)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = mn_xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = o;
}

void
olist_clear(struct olist *l)
{
	for (size_t i = 0; i < l->n; i++)
		novr_free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
nsign_free(struct nsign *g)
{
	if (!g)
		return;
	free((char *)g->pub.by);
	free((char *)g->pub.remark);
	free(g);
}

void
parsed_free(struct parsed *p)
{
	free(p->reviewer);
	free(p->minutes);
	nlist_clear(&p->notes);
	olist_clear(&p->ovr);
	nsign_free(p->sign);
	memset(p, 0, sizeof(*p));
}

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
	if (!xmlwords_say(e, pe->msg, sizeof(pe->msg)))
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
	char *r = notes_clean_name((const char *)v);
	xmlFree(v);
	return r;
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
	else if (notes_status_parse(status, &n->own_status))
		perr_set(pe, line, _("note %s: unknown status '%s'"),
			 n->pub.id, status ? status : "");
	else if (notes_time_parse(created, &n->pub.created) ||
		 notes_time_parse(modified, &n->pub.modified))
		perr_set(pe, line,
			 _("note %s: times must look like 2026-11-28T10:15:00Z"),
			 n->pub.id);
	else if (sat && notes_time_parse(sat, &n->own_status_at))
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
	else if (notes_status_parse(status, &o->status))
		perr_set(pe, line, _("unknown status '%s'"),
			 status ? status : "");
	else if (notes_time_parse(at, &o->at))
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
	if (notes_time_parse(at, &g->pub.at))
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
	char *t = notes_clean_text(ps->field.p ? ps->field.p : "", ps->field.n);
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
			else if (!notes_is_blank(v))
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
int
notes_file_read_at(int dfd, const char *name, const char *path, struct parsed *p,
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

/* The same for a file named by its path (the merge driver's sides). */
int
notes_file_read_path(const char *path, struct parsed *p, char **msg)
{
	char *dir = notes_dir_of(path);
	const char *base = strrchr(path, '/');
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (dfd < 0) {
		int e = errno;
		memset(p, 0, sizeof(*p));
		*msg = xasprintf("%s: %s", path, strerror(e));
		return e == ENOENT ? 1 : -2;
	}
	int r = notes_file_read_at(dfd, base ? base + 1 : path, path, p, msg, NULL);
	close(dfd);
	return r;
}

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

int
notes_cmp_created(const void *a, const void *b)
{
	const struct note *x = *(const struct note *const *)a;
	const struct note *y = *(const struct note *const *)b;
	if (x->created != y->created)
		return x->created < y->created ? -1 : 1;
	return strcmp(x->id, y->id);
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
void
notes_file_write(struct buf *b, const char *minutes, const char *reviewer,
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
	notes_sort(v, nv, sizeof(*v), notes_cmp_created);
	notes_sort(ovr->v, ovr->n, sizeof(*ovr->v), cmp_ovr);

	buf_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<notes");
	xml_attr(b, "version", v2 ? "2" : "1");
	xml_attr(b, "minutes", minutes ? minutes : "");
	xml_attr(b, "reviewer", reviewer);
	buf_str(b, ">\n");
	for (size_t i = 0; i < nv; i++) {
		const struct nnote *n = (const struct nnote *)v[i];
		notes_time_write(n->pub.created, t1);
		notes_time_write(n->pub.modified, t2);
		notes_time_write(n->own_status_at, t3);
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
		notes_time_write(o->at, t1);
		buf_str(b, "  <status");
		xml_attr(b, "note", o->note);
		xml_attr(b, "status", notes_status_name(o->status));
		xml_attr(b, "by", reviewer);
		xml_attr(b, "at", t1);
		buf_str(b, "/>\n");
	}
	if (sign) {
		notes_time_write(sign->pub.at, t1);
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
