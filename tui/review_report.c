/* review_report.c - the review report: the Bản tổng hợp ý kiến table. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "docwords.h"
#include "html.h"
#include "review_report.h"
#include "text.h"
#include "xalloc.h"

/* qsort, which must not be given a NULL base even for no elements */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

/* --- Escaping ---------------------------------------------------------- */

/* S made safe, then written so that Markdown reads it as plain inline
 * text: nothing can end the cell or the row, open a block, a link, an
 * emphasis, a code span or raw HTML.  '\n' becomes NL ("<br>" in a
 * cell, a space elsewhere). */
static void
md_text(FILE *out, const char *s, const char *nl)
{
	char *safe = text_sanitize(s, strlen(s), true);
	if (!safe)
		mn_oom();
	for (const char *p = safe; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '\n': fputs(nl ? nl : " ", out); break;
		case '\\': case '|': case '*': case '_': case '`': case '[':
		case ']': case '!': case '~': case '$':
			fputc('\\', out);
			fputc(*p, out);
			break;
		default: fputc(*p, out); break;
		}
	}
	free(safe);
}

/* --- Rows -------------------------------------------------------------- */

struct row {
	const struct note *n;
	char *part; /* plain text, escaped when written */
};

struct rows {
	struct row *v;
	size_t n, cap;
};

static void
rows_add(struct rows *r, const struct note *n, const char *part)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xreallocarray(r->v, r->cap, sizeof(*r->v));
	}
	size_t l = strlen(part) + 1;
	r->v[r->n].n = n;
	r->v[r->n].part = memcpy(xmalloc(l), part, l);
	r->n++;
}

static void
rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].part);
	free(r->v);
}

/* A reply shown in the answers of the note it answers (a reply whose
 * note is gone has a row of its own). */
static bool
is_answer(const struct notes_store *s, const struct note *n)
{
	return n->reply_to && notes_find(s, n->reply_to);
}

/* Adds the notes on element ID, each concerning PART. */
static void
rows_for(struct rows *r, const struct notes_store *s, const char *id,
	 const char *part)
{
	const struct note *const *v;
	if (!id || !*id)
		return;
	size_t n = notes_for_target(s, id, &v);
	for (size_t i = 0; i < n; i++)
		if (!is_answer(s, v[i]))
			rows_add(r, v[i], part);
}

/* "FILE:LINE" (":LINE" left out when unknown), FILE the base name. */
static char *
place(const char *path, uint32_t line)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash && slash[1] ? slash + 1 : path;
	if (!line)
		return xasprintf("%s", base);
	return xasprintf("%s:%lu", base, (unsigned long)line);
}

/* A heading as the part column names it: without the colon that
 * introduces its items ("... một số hạn chế như:"), malloc'd. */
static char *
heading_part(const char *h)
{
	size_t n = strlen(h);
	while (n && (h[n - 1] == ':' || h[n - 1] == ' '))
		n--; /* ASCII only: never inside a character */
	char *r = xmalloc(n + 1);
	memcpy(r, h, n);
	r[n] = '\0';
	return r;
}

/* Every note of the store, in document order, then the orphans. */
static void
collect(struct rows *r, const struct minutes *m, const struct notes_store *s,
	enum docw_lang lang)
{
	const char *path = m->path ? m->path : "";
	char *part, *at;

	if (notes_for_target(s, m->id ? m->id : "", NULL)) {
		at = place(path, m->meeting.line);
		part = xasprintf("%s (%s)", docw_label(lang, DOCW_MEETING), at);
		free(at);
		rows_for(r, s, m->id, part);
		free(part);
	}
	for (uint32_t i = 0; i < m->npersons; i++) {
		const struct mn_person *p = &m->persons[i];
		if (!notes_for_target(s, p->id, NULL))
			continue;
		at = place(path, p->line);
		part = xasprintf("%s: %s (%s)", docw_label(lang, DOCW_ATTENDEE),
				 p->name, at);
		free(at);
		rows_for(r, s, p->id, part);
		free(part);
	}
	for (uint32_t i = 0; i < m->nsections; i++) {
		const struct mn_section *sc = &m->sections[i];
		char num[16], *heading = heading_part(sc->heading);
		docw_roman(i + 1, num, sizeof(num));
		if (notes_for_target(s, sc->id, NULL)) {
			at = place(path, sc->line);
			part = xasprintf("%s. %s (%s)", num, heading, at);
			free(at);
			rows_for(r, s, sc->id, part);
			free(part);
		}
		for (uint32_t j = 0; j < sc->nitems; j++) {
			const struct mn_item *it = &sc->items[j];
			if (!notes_for_target(s, it->id, NULL))
				continue;
			at = place(path, it->line);
			part = xasprintf("%s. %s, %s %lu (%s)", num, heading,
					 docw_label(lang, DOCW_ITEM),
					 (unsigned long)(j + 1), at);
			free(at);
			rows_for(r, s, it->id, part);
			free(part);
		}
		free(heading);
	}
	const struct note *const *orph;
	size_t no = notes_orphans(s, &orph);
	for (size_t i = 0; i < no; i++) {
		if (is_answer(s, orph[i]))
			continue;
		part = xasprintf("%s: %s", docw_label(lang, DOCW_ORPHAN),
				 orph[i]->target);
		rows_add(r, orph[i], part);
		free(part);
	}
}

static enum docw_label
kind_label(enum notes_kind k)
{
	switch (k) {
	case NOTES_QUESTION: return DOCW_KIND_QUESTION;
	case NOTES_CORRECTION: return DOCW_KIND_CORRECTION;
	case NOTES_AGREED: return DOCW_KIND_AGREED;
	default: return DOCW_KIND_COMMENT;
	}
}

static enum docw_label
status_label(enum mn_status st)
{
	switch (st) {
	case MN_STATUS_FINAL: return DOCW_STATUS_FINAL;
	case MN_STATUS_APPROVED: return DOCW_STATUS_APPROVED;
	default: return DOCW_STATUS_DRAFT;
	}
}

static int
cmp_coll(const void *a, const void *b)
{
	return text_collate(*(const char *const *)a, *(const char *const *)b);
}

/* The reviewers who wrote notes, collated: malloc'd, *n set. */
static const char **
reviewers(const struct notes_store *s, size_t *nrev)
{
	size_t n = notes_count(s), k = 0;
	const char **rev = xmalloc((n + 1) * sizeof(*rev));
	for (size_t i = 0; i < n; i++) {
		const struct note *nt = notes_get(s, i);
		if (!nt->reply_to && nt->verified)
			rev[k++] = nt->author;
	}
	sort(rev, k, sizeof(*rev), cmp_coll);
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (u == 0 || strcmp(rev[u - 1], rev[i]))
			rev[u++] = rev[i];
	*nrev = u;
	return rev;
}

/* Notes that are not replies, and those of them open. */
static size_t
count_notes(const struct notes_store *s, size_t *open)
{
	struct notes_review_state st;
	notes_review(s, &st);
	if (open)
		*open = st.open;
	return st.notes;
}

/* --- Cells, written for each format ------------------------------------ */

struct out {
	FILE *f;
	enum review_format fmt;
	enum docw_lang lang;
	const struct notes_store *notes; /* of the meeting being written */
};

/* File text in the current format ('\n' as a hard break when BR). */
static void
put(const struct out *o, const char *s, bool br)
{
	if (o->fmt == REVIEW_MD)
		md_text(o->f, s, br ? "<br>" : NULL);
	else
		html_text_n(o->f, s, strlen(s), br ? "<br>\n" : NULL);
}

/* Our own words: plain text that needs no escaping in either format. */
static void
word(const struct out *o, enum docw_label l)
{
	fputs(docw_label(o->lang, l), o->f);
}

static void
cell_start(const struct out *o, const char *cls)
{
	if (o->fmt == REVIEW_MD)
		fputs(" ", o->f);
	else
		fprintf(o->f, "<td class=\"%s\">", cls);
}

static void
cell_end(const struct out *o)
{
	fputs(o->fmt == REVIEW_MD ? " |" : "</td>\n", o->f);
}

static void
emphasis(const struct out *o, bool on)
{
	if (o->fmt == REVIEW_MD)
		fputs("*", o->f);
	else
		fputs(on ? "<em>" : "</em>", o->f);
}

static void
hard_break(const struct out *o)
{
	fputs(o->fmt == REVIEW_MD ? "<br>" : "<br>\n", o->f);
}

/* Who wrote N and when: the reviewer, or "chưa xác thực (FILE)" when
 * its file does not belong to the name it claims; a time ahead flagged. */
/* ", " and the stamp of T; in HTML its parts do not break inside
 * ("15 giờ 00", "ngày 28/11/2025", "(UTC+07:00)"), so a narrow column
 * breaks only between them */
static void
stamp(const struct out *o, time_t t)
{
	char when[64];
	docw_stamp(o->lang, t, when, sizeof(when));
	fputs(", ", o->f);
	for (const char *p = when; *p; p++) {
		bool keep = *p == ' ' && o->fmt != REVIEW_MD &&
			    (strncmp(p + 1, "gi\xE1\xBB\x9D ", 5) == 0 ||
			     (p - when >= 5 && strncmp(p - 5, "gi\xE1\xBB\x9D", 5) == 0) ||
			     (p - when >= 5 && strncmp(p - 5, "ng\xC3\xA0y", 5) == 0));
		if (keep)
			fputs("&nbsp;", o->f);
		else
			fputc(*p, o->f);
	}
}

static void
who(const struct out *o, const struct note *n)
{
	if (n->verified) {
		put(o, n->author, false);
	} else {
		word(o, DOCW_UNVERIFIED);
		fputs(" (", o->f);
		put(o, n->file ? n->file : "", false);
		fputs(")", o->f);
	}
	stamp(o, n->created);
	if (n->future) {
		fputs(" (", o->f);
		word(o, DOCW_FUTURE);
		fputs(")", o->f);
	}
}

static enum docw_label
disposition_label(enum notes_disposition d)
{
	switch (d) {
	case NOTES_ACCEPTED: return DOCW_DISP_ACCEPTED;
	case NOTES_EXPLAINED: return DOCW_DISP_EXPLAINED;
	case NOTES_DECLINED: return DOCW_DISP_DECLINED;
	default: return DOCW_NLABELS;
	}
}

/* The replies to N in time order, each on a line of its own: its
 * disposition (tiếp thu, giải trình, không tiếp thu), its text, who and
 * when; replies to a reply after it, marked "↳" (a thread deeper than
 * 8 is flattened there). */
static void
answers(const struct out *o, const struct notes_store *s,
	const struct note *n, int depth, bool *any)
{
	const struct note *const *v;
	size_t nr = notes_replies(s, n->id, &v);
	for (size_t i = 0; i < nr; i++) {
		const struct note *r = v[i];
		enum docw_label d = disposition_label(r->disposition);
		if (*any)
			hard_break(o);
		*any = true;
		for (int k = 0; k < depth; k++)
			fputs("↳ ", o->f);
		if (r->kind == NOTES_RESPONSE && d != DOCW_NLABELS) {
			emphasis(o, true);
			word(o, d);
			emphasis(o, false);
			fputs(": ", o->f);
		}
		put(o, r->text, true);
		fputs(" — ", o->f);
		who(o, r);
		if (depth < 8)
			answers(o, s, r, depth + 1, any);
	}
}

static void
row(const struct out *o, size_t no, const struct row *r)
{
	const struct note *n = r->n;

	fputs(o->fmt == REVIEW_MD ? "|" : "<tr>\n", o->f);
	cell_start(o, "no");
	fprintf(o->f, "%zu", no);
	cell_end(o);
	cell_start(o, "part");
	put(o, r->part, false);
	cell_end(o);
	cell_start(o, "quote");
	if (n->anchor == NOTES_CHANGED) {
		emphasis(o, true);
		word(o, DOCW_CHANGED);
		emphasis(o, false);
		hard_break(o);
	}
	put(o, n->quote, true);
	cell_end(o);
	cell_start(o, "note");
	put(o, n->text, true);
	cell_end(o);
	cell_start(o, "kind");
	word(o, kind_label(n->kind));
	cell_end(o);
	cell_start(o, "who");
	who(o, n);
	cell_end(o);
	cell_start(o, "answer");
	bool any = false;
	answers(o, o->notes, n, 0, &any);
	if (any)
		hard_break(o);
	if (n->status == NOTES_OPEN) {
		word(o, DOCW_OPEN);
	} else {
		word(o, DOCW_RESOLVED);
		fputs(": ", o->f);
		put(o, n->status_by, false);
		stamp(o, n->status_at);
	}
	cell_end(o);
	fputs(o->fmt == REVIEW_MD ? "\n" : "</tr>\n", o->f);
}

static void
table_head(const struct out *o)
{
	static const enum docw_label cols[] = {
		DOCW_COL_NO, DOCW_COL_PART, DOCW_COL_QUOTE, DOCW_COL_NOTE,
		DOCW_COL_KIND, DOCW_COL_WHO, DOCW_COL_ANSWER,
	};
	size_t n = sizeof(cols) / sizeof(cols[0]);
	if (o->fmt == REVIEW_MD) {
		fputs("|", o->f);
		for (size_t i = 0; i < n; i++)
			fprintf(o->f, " %s |", docw_label(o->lang, cols[i]));
		fputs("\n|---:|", o->f);
		for (size_t i = 1; i < n; i++)
			fputs("---|", o->f);
		fputs("\n", o->f);
		return;
	}
	static const char *const cls[] = {
		"no", "part", "quote", "note", "kind", "who", "answer",
	};
	fputs("<table class=\"notes\">\n<thead><tr>", o->f);
	for (size_t i = 0; i < n; i++)
		fprintf(o->f, "<th class=\"%s\">%s</th>", cls[i],
			docw_label(o->lang, cols[i]));
	fputs("</tr></thead>\n<tbody>\n", o->f);
}

/* --- One meeting ------------------------------------------------------- */

static enum docw_label
state_label(const struct notes_store *s)
{
	struct notes_review_state st;
	notes_review(s, &st);
	switch (st.state) {
	case NOTES_REVIEW_OPEN: return DOCW_STATE_OPEN;
	case NOTES_REVIEW_ANSWERED: return DOCW_STATE_ANSWERED;
	case NOTES_REVIEW_SIGNED: return DOCW_STATE_SIGNED;
	case NOTES_REVIEW_READY: return DOCW_STATE_READY;
	default: return DOCW_STATE_NONE;
	}
}

/* "Ký duyệt: lan, 28/11/2026 17:15 (UTC+07:00); minh, ... (đã rút)" */
static void
signoffs(const struct out *o, const struct notes_store *s)
{
	const struct notes_signoff *const *v;
	size_t n = notes_signoffs(s, &v);
	if (!n)
		return;
	fputs(o->fmt == REVIEW_MD ? "\n- " : "</li>\n<li>", o->f);
	word(o, DOCW_SIGNOFFS);
	fputs(": ", o->f);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs("; ", o->f);
		if (v[i]->verified)
			put(o, v[i]->by, false);
		else
			word(o, DOCW_UNVERIFIED);
		stamp(o, v[i]->at);
		if (*v[i]->remark) {
			fputs(": ", o->f);
			put(o, v[i]->remark, false);
		}
		if (v[i]->withdrawn) {
			fputs(" (", o->f);
			word(o, DOCW_WITHDRAWN);
			fputs(")", o->f);
		}
	}
}

static void
meeting(const struct out *o, const struct minutes *m,
	const struct notes_store *s, int level)
{
	FILE *f = o->f;
	size_t open, n = count_notes(s, &open), nrev;
	const char **rev = reviewers(s, &nrev);
	char date[64];
	bool md = o->fmt == REVIEW_MD;

	if (md) {
		fprintf(f, "%s %s\n\n**%s:** ", level == 1 ? "#" : "##",
			docw_label(o->lang, DOCW_REVIEW_TITLE),
			docw_label(o->lang, DOCW_REVIEW_ON));
		put(o, m->meeting.title, false);
		fputs("\n\n- ", f);
	} else {
		fprintf(f, "<section lang=\"%s\">\n<h%d>%s</h%d>\n<p><b>%s:</b> ",
			docw_lang_tag(m->lang), level,
			docw_label(o->lang, DOCW_REVIEW_TITLE), level,
			docw_label(o->lang, DOCW_REVIEW_ON));
		put(o, m->meeting.title, false);
		fputs("</p>\n<ul>\n<li>", f);
	}
	word(o, DOCW_MINUTES);
	fputs(": ", f);
	put(o, m->id ? m->id : "", false);
	char *file = place(m->path ? m->path : "", 0);
	fputs(" (", f);
	put(o, file, false);
	fputs(")", f);
	free(file);
	if (docw_date(o->lang, m->meeting.date, date, sizeof(date)))
		fprintf(f, ", %s", date);
	fputs(", ", f);
	word(o, status_label(m->meeting.status));
	fputs(md ? "\n- " : "</li>\n<li>", f);
	word(o, DOCW_COL_NOTES);
	fprintf(f, ": %zu (%s: %zu, %s: %zu)", n,
		docw_label(o->lang, DOCW_OPEN), open,
		docw_label(o->lang, DOCW_RESOLVED), n - open);
	if (nrev) {
		fputs(md ? "\n- " : "</li>\n<li>", f);
		word(o, DOCW_REVIEWERS);
		fputs(": ", f);
		for (size_t i = 0; i < nrev; i++) {
			if (i)
				fputs(", ", f);
			put(o, rev[i], false);
		}
	}
	signoffs(o, s);
	fputs(md ? "\n- " : "</li>\n<li>", f);
	word(o, DOCW_STATE);
	fputs(": ", f);
	word(o, state_label(s));
	fputs(md ? "\n\n" : "</li>\n</ul>\n", f);
	free(rev);

	struct rows r = { 0 };
	collect(&r, m, s, o->lang);
	if (r.n == 0) {
		fputs(md ? "" : "<p>", f);
		word(o, DOCW_NO_NOTES);
		fputs(md ? "\n" : "</p>\n", f);
	} else {
		table_head(o);
		for (size_t i = 0; i < r.n; i++)
			row(o, i + 1, &r.v[i]);
		if (!md)
			fputs("</tbody>\n</table>\n", f);
	}
	if (!md)
		fputs("</section>\n", f);
	rows_free(&r);
}

/* --- Archive summary --------------------------------------------------- */

static void
summary(const struct out *o, const struct review_doc *docs, size_t n)
{
	FILE *f = o->f;
	bool md = o->fmt == REVIEW_MD;
	size_t total = 0, open = 0;
	for (size_t i = 0; i < n; i++) {
		size_t op;
		total += count_notes(docs[i].notes, &op);
		open += op;
	}
	if (md)
		fprintf(f, "# %s\n\n- ", docw_label(o->lang, DOCW_REVIEW_TITLE));
	else
		fprintf(f, "<section>\n<h1>%s</h1>\n<ul>\n<li>",
			docw_label(o->lang, DOCW_REVIEW_TITLE));
	fprintf(f, "%s: %zu", docw_label(o->lang, DOCW_MEETINGS), n);
	fputs(md ? "\n- " : "</li>\n<li>", f);
	fprintf(f, "%s: %zu (%s: %zu)", docw_label(o->lang, DOCW_COL_NOTES),
		total, docw_label(o->lang, DOCW_OPEN), open);
	fputs(md ? "\n\n" : "</li>\n</ul>\n", f);
	if (md)
		fprintf(f, "%s %s\n\n| %s | %s | %s | %s | %s |\n"
			   "|---:|---|---|---:|---:|\n",
			"##", docw_label(o->lang, DOCW_REVIEW_SUMMARY),
			docw_label(o->lang, DOCW_COL_NO),
			docw_label(o->lang, DOCW_COL_MEETING),
			docw_label(o->lang, DOCW_COL_FILE),
			docw_label(o->lang, DOCW_COL_NOTES),
			docw_label(o->lang, DOCW_COL_OPEN));
	else
		fprintf(f, "<h2>%s</h2>\n<table class=\"summary\">\n<thead><tr>"
			   "<th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
			   "<th>%s</th></tr></thead>\n<tbody>\n",
			docw_label(o->lang, DOCW_REVIEW_SUMMARY),
			docw_label(o->lang, DOCW_COL_NO),
			docw_label(o->lang, DOCW_COL_MEETING),
			docw_label(o->lang, DOCW_COL_FILE),
			docw_label(o->lang, DOCW_COL_NOTES),
			docw_label(o->lang, DOCW_COL_OPEN));
	for (size_t i = 0; i < n; i++) {
		const struct minutes *m = docs[i].m;
		char date[64];
		fputs(md ? "|" : "<tr>\n", f);
		cell_start(o, "no");
		fprintf(f, "%zu", i + 1);
		cell_end(o);
		cell_start(o, "part");
		put(o, m->meeting.title, false);
		if (docw_date(o->lang, m->meeting.date, date, sizeof(date)))
			fprintf(f, ", %s", date);
		cell_end(o);
		cell_start(o, "file");
		put(o, m->path ? m->path : "", false);
		cell_end(o);
		cell_start(o, "count");
		size_t op, nn = count_notes(docs[i].notes, &op);
		fprintf(f, "%zu", nn);
		cell_end(o);
		cell_start(o, "count");
		fprintf(f, "%zu", op);
		cell_end(o);
		fputs(md ? "\n" : "</tr>\n", f);
	}
	if (md)
		fprintf(f, "| | **%s** | | %zu | %zu |\n",
			docw_label(o->lang, DOCW_TOTAL), total, open);
	else
		fprintf(f, "<tr class=\"total\"><td></td><th>%s</th><td></td>"
			   "<td class=\"count\">%zu</td><td class=\"count\">%zu"
			   "</td></tr>\n</tbody>\n</table>\n</section>\n",
			docw_label(o->lang, DOCW_TOTAL), total, open);
}

/* --- The page ---------------------------------------------------------- */

static const char html_style[] =
	"@page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }\n"
	"html { font-family: \"Times New Roman\", \"Liberation Serif\", Tinos, serif;"
	" font-size: 12pt; color: #000; background: #fff; }\n"
	"body { margin: 0; line-height: 1.25; }\n"
	"h1, h2 { font-size: 14pt; text-align: center; margin: 6pt 0; }\n"
	"section + section { break-before: page; page-break-before: always; }\n"
	"ul { margin: 4pt 0 8pt; }\n"
	"table { width: 100%; border-collapse: collapse; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top;"
	" text-align: left; overflow-wrap: anywhere; }\n"
	"th { font-weight: bold; text-align: center; }\n"
	"td.no, td.count { text-align: right; white-space: nowrap; }\n"
	"th.no { white-space: nowrap; }\n"
	".no { width: 4%; }\n"
	".part { width: 14%; }\n"
	".quote { width: 16%; }\n"
	".note { width: 17%; }\n"
	".kind { width: 7%; }\n"
	".who { width: 19%; }\n"
	".answer { width: 23%; }\n";

static int
cmp_doc(const void *a, const void *b)
{
	const struct minutes *x = ((const struct review_doc *)a)->m;
	const struct minutes *y = ((const struct review_doc *)b)->m;
	int c = strcmp(y->meeting.date, x->meeting.date);
	if (c)
		return c;
	return strcmp(x->path ? x->path : "", y->path ? y->path : "");
}

void
review_report_sort(struct review_doc *docs, size_t n)
{
	sort(docs, n, sizeof(*docs), cmp_doc);
}

void
review_report_write(FILE *out, enum review_format fmt,
		    const struct review_doc *docs, size_t n, bool archive)
{
	const char *lang = n ? docs[0].m->lang : NULL;
	struct out o = { out, fmt, docw_lang_of(lang), NULL };
	bool many = archive || n != 1;

	if (fmt == REVIEW_HTML) {
		const char *tag = docw_lang_tag(lang);
		fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\" xml:lang=\"%s\">\n"
			     "<head>\n<meta charset=\"utf-8\">\n<title>%s",
			tag, tag, docw_label(o.lang, DOCW_REVIEW_TITLE));
		if (!many) {
			fputs(": ", out);
			put(&o, docs[0].m->meeting.title, false);
		}
		fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
			html_style);
	}
	if (many)
		summary(&o, docs, n);
	for (size_t i = 0; i < n; i++) {
		struct out mo = { out, fmt, docw_lang_of(docs[i].m->lang),
				  docs[i].notes };
		if (many && fmt == REVIEW_MD)
			fputs("\n", out);
		meeting(&mo, docs[i].m, docs[i].notes, many ? 2 : 1);
	}
	if (fmt == REVIEW_HTML)
		fputs("</body>\n</html>\n", out);
}

void
review_report_markdown(FILE *out, const struct minutes *m,
		       const struct notes_store *s)
{
	struct review_doc d = { m, s };
	review_report_write(out, REVIEW_MD, &d, 1, false);
}
