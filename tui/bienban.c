/* bienban.c - the minutes as the printed biên bản (NĐ 30/2020, Mẫu 1.9). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bienban.h"
#include "docwords.h"
#include "html.h"

struct bb {
	FILE *out;
	const struct minutes *m;
	enum docw_lang lang;
};

static const char *
L(const struct bb *b, enum docw_label l)
{
	return docw_label(b->lang, l);
}

/* A blank line to be filled in by hand (a part the file does not give). */
static void
fill(const struct bb *b, const char *cls)
{
	fprintf(b->out, "<span class=\"%s\"></span>", cls);
}

static const char style[] =
	"@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }\n"
	"html { font-family: \"Times New Roman\", \"Liberation Serif\", Tinos, serif;"
	" font-size: 14pt; color: #000; background: #fff; }\n"
	"body { margin: 0; line-height: 1.3; }\n"
	"@media screen { body { max-width: 165mm; margin: 10mm auto; } }\n"
	"p { margin: 0 0 4pt; text-align: justify; }\n"
	".draft { text-align: right; margin: 0 0 4pt; }\n"
	".draft span { display: inline-block; border: 1px solid #000;"
	" padding: 1pt 6pt; font-size: 12pt; font-weight: bold; }\n"
	"table.head, table.sign { width: 100%; border-collapse: collapse; }\n"
	"table.head td, table.sign td { vertical-align: top; text-align: center;"
	" padding: 0; }\n"
	"table.head td.left { width: 42%; }\n"
	".parent { font-size: 12pt; }\n"
	".agency { font-weight: bold; font-size: 12pt; }\n"
	".rule { width: 30%; margin: 2pt auto 6pt; border-top: 1px solid #000; }\n"
	".number { font-size: 13pt; }\n"
	".qh { font-weight: bold; font-size: 12pt; white-space: nowrap; }\n"
	".tn { font-weight: bold; font-size: 13pt; display: inline-block;"
	" padding-bottom: 2pt; border-bottom: 1px solid #000; }\n"
	"h1 { font-size: 14pt; font-weight: bold; text-align: center;"
	" margin: 18pt 0 0; }\n"
	".name { font-weight: bold; text-align: center; margin: 0 0 12pt; }\n"
	"h2 { font-size: 14pt; font-weight: bold; margin: 8pt 0 4pt;"
	" break-after: avoid; page-break-after: avoid; }\n"
	".keep, .end, .signatures, .item { break-inside: avoid;"
	" page-break-inside: avoid; }\n"
	".label { font-weight: bold; }\n"
	"ul { list-style: none; margin: 0 0 4pt; padding: 0 0 0 8mm; }\n"
	"ul.dash li::before { content: \"- \"; }\n"
	".speaker { font-style: italic; }\n"
	".figure, .vote, .task { padding-left: 8mm; }\n"
	".fill { display: inline-block; min-width: 40mm; height: 1em;"
	" border-bottom: 1px dotted #000; vertical-align: baseline; }\n"
	".fill.short { min-width: 15mm; }\n"
	".fill.line { display: block; width: 70%; margin: 4pt auto; }\n"
	".closing { margin-top: 8pt; }\n"
	".signatures { margin-top: 12pt; }\n"
	/* the last item goes with the end: signatures never stand alone */
	".end { break-before: avoid; page-break-before: avoid; }\n"
	"section:last-of-type .item:last-child { break-after: avoid;"
	" page-break-after: avoid; }\n"
	".role { font-weight: bold; }\n"
	".hint { font-style: italic; font-size: 13pt; }\n"
	".space { height: 28mm; }\n"
	".refused { height: 28mm; font-style: italic; padding-top: 8mm;"
	" box-sizing: border-box; }\n"
	".signer { font-weight: bold; }\n"
	".recipients { margin-top: 16pt; font-size: 12pt; break-inside: avoid;"
	" page-break-inside: avoid; }\n"
	".recipients p { margin: 0; text-align: left; }\n"
	".recipients .label { font-style: italic; }\n"
	".recipients ul { padding: 0; font-size: 11pt; }\n";

/* --- Header ------------------------------------------------------------ */

static void
header(const struct bb *b)
{
	const struct mn_meeting *mt = &b->m->meeting;
	FILE *out = b->out;
	/* a v1 file names the organizing body only: it is the agency */
	const char *agency = *mt->agency ? mt->agency : mt->organizer;

	/* a draft says so, as the file's status does (never for final or
	 * approved minutes) */
	if (mt->status == MN_STATUS_DRAFT)
		fprintf(out, "<div class=\"draft\"><span>%s</span></div>\n",
			L(b, DOCW_DRAFT_MARK));
	fputs("<table class=\"head\"><tr>\n<td class=\"left\">\n", out);
	fputs("<div class=\"parent\">", out);
	if (*mt->agency_parent)
		html_text_upper(out, mt->agency_parent);
	else
		fill(b, "fill line");
	fputs("</div>\n<div class=\"agency\">", out);
	if (*agency)
		html_text_upper(out, agency);
	else
		fill(b, "fill line");
	fputs("</div>\n<div class=\"rule\"></div>\n<div class=\"number\">", out);
	fprintf(out, "%s ", L(b, DOCW_NUMBER));
	if (*mt->number) {
		html_text(out, mt->number);
	} else {
		fill(b, "fill short");
		fputs("/BB-", out);
		fill(b, "fill short");
	}
	fputs("</div>\n</td>\n<td class=\"right\">\n", out);
	fprintf(out, "<div class=\"qh\">%s</div>\n<div class=\"tn\">%s</div>\n",
		L(b, DOCW_QUOC_HIEU), L(b, DOCW_TIEU_NGU));
	fputs("</td>\n</tr></table>\n", out);
	fprintf(out, "<h1>%s</h1>\n<p class=\"name\">", L(b, DOCW_BIEN_BAN));
	html_text(out, mt->title);
	fputs("</p>\n", out);
}

/* "08 giờ 00, ngày 20 tháng 12 năm 2021", blanks for what is
 * missing. */
static void
moment(const struct bb *b, const char *time, const char *date)
{
	char t[64], d[64];
	if (docw_time(b->lang, time, t, sizeof(t))) {
		fputs(t, b->out);
	} else if (b->lang == DOCW_VI) {
		fill(b, "fill short");
		fputs(" giờ ", b->out);
		fill(b, "fill short");
	} else {
		fill(b, "fill short");
	}
	fputs(", ", b->out);
	if (docw_date(b->lang, date, d, sizeof(d)))
		fputs(d, b->out);
	else
		fill(b, "fill");
}

/* The period that ends a field, unless TEXT (what the field ended
 * with, NULL for a blank) has one already. */
static void
period(const struct bb *b, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	fputs(n && strchr(".!?", text[n - 1]) ? "</p>\n" : ".</p>\n", b->out);
}

static void
field_start(const struct bb *b, enum docw_label l)
{
	fprintf(b->out, "<p><span class=\"label\">%s:</span> ", L(b, l));
}

static void
person(const struct bb *b, const struct mn_person *p)
{
	html_text(b->out, p->name);
	if (*p->role) {
		fputs(", ", b->out);
		html_text(b->out, p->role);
	}
}

/* The persons whose presence is P, under LABEL (none for the present):
 * how many were listed. */
static uint32_t
attendees(const struct bb *b, enum mn_presence p, enum docw_label label)
{
	FILE *out = b->out;
	uint32_t n = 0;
	for (uint32_t i = 0; i < b->m->npersons; i++) {
		const struct mn_person *ps = &b->m->persons[i];
		if (ps->presence != p)
			continue;
		if (n++ == 0) {
			if (label != DOCW_NLABELS)
				fprintf(out, "<p>%s:</p>\n", L(b, label));
			fputs("<ul class=\"dash\">\n", out);
		}
		fputs("<li>", out);
		person(b, ps);
		if (*ps->reason) {
			fputs(" (", out);
			html_text(out, ps->reason);
			fputs(")", out);
		}
		fputs(";</li>\n", out);
	}
	if (n)
		fputs("</ul>\n", out);
	return n;
}

static uint32_t
presence_count(const struct minutes *m, enum mn_presence p)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < m->npersons; i++)
		n += m->persons[i].presence == p;
	return n;
}

/* "Số lượng: triệu tập 9 người; có mặt 8 người; vắng có lý do 1 người." */
static void
counts(const struct bb *b)
{
	FILE *out = b->out;
	const char *sep = "";
	uint32_t exc = presence_count(b->m, MN_EXCUSED);
	uint32_t abs = presence_count(b->m, MN_ABSENT);

	fprintf(out, "<p class=\"counts\">%s: ", L(b, DOCW_COUNTS));
	if (b->m->expected != MN_NONE) {
		fprintf(out, "%s %lu %s", L(b, DOCW_N_EXPECTED),
			(unsigned long)b->m->expected, L(b, DOCW_PERSONS));
		sep = "; ";
	}
	fprintf(out, "%s%s %lu %s", sep, L(b, DOCW_N_PRESENT),
		(unsigned long)minutes_present_count(b->m), L(b, DOCW_PERSONS));
	if (exc)
		fprintf(out, "; %s %lu %s", L(b, DOCW_N_EXCUSED),
			(unsigned long)exc, L(b, DOCW_PERSONS));
	if (abs)
		fprintf(out, "; %s %lu %s", L(b, DOCW_N_ABSENT),
			(unsigned long)abs, L(b, DOCW_PERSONS));
	fputs(".</p>\n", out);
}

/* Chủ trì / Thư ký: the persons named, or a blank. */
static void
officers(const struct bb *b, enum docw_label label, const uint32_t *who,
	 uint32_t n)
{
	const struct mn_person *last = NULL;
	field_start(b, label);
	if (!n)
		fill(b, "fill");
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			fputs("; ", b->out);
		last = &b->m->persons[who[i]];
		person(b, last);
	}
	period(b, !last ? NULL : *last->role ? last->role : last->name);
}

static void
opening(const struct bb *b)
{
	const struct mn_meeting *mt = &b->m->meeting;
	FILE *out = b->out;

	field_start(b, DOCW_START);
	moment(b, mt->start, mt->date);
	fputs(".</p>\n", out);
	field_start(b, DOCW_PLACE);
	if (*mt->place)
		html_text(out, mt->place);
	else
		fill(b, "fill");
	period(b, mt->place);

	fprintf(out, "<p><span class=\"label\">%s:</span></p>\n",
		L(b, DOCW_ATTENDANCE));
	if (!attendees(b, MN_PRESENT, DOCW_NLABELS)) {
		fputs("<p>", out);
		fill(b, "fill line");
		fputs("</p>\n", out);
	}
	attendees(b, MN_EXCUSED, DOCW_EXCUSED);
	attendees(b, MN_ABSENT, DOCW_ABSENT);
	if (b->m->version >= 2)
		counts(b);
	officers(b, DOCW_CHAIR, b->m->meeting.chairs, b->m->meeting.nchairs);
	officers(b, DOCW_SECRETARY, b->m->meeting.secretaries,
		 b->m->meeting.nsecretaries);
}

/* --- Content ----------------------------------------------------------- */

static void
speakers(const struct bb *b, const struct mn_item *it)
{
	if (!it->nby)
		return;
	fputs("<span class=\"speaker\">", b->out);
	for (uint32_t i = 0; i < it->nby; i++) {
		const struct mn_person *p = &b->m->persons[it->by[i]];
		if (i)
			fputs("; ", b->out);
		html_text(b->out, p->name);
		if (*p->role) {
			fputs(" (", b->out);
			html_text(b->out, p->role);
			fputs(")", b->out);
		}
	}
	fputs(":</span> ", b->out);
}

static void
figures(const struct bb *b, const struct mn_item *it)
{
	for (uint32_t i = 0; i < it->nfigures; i++) {
		const struct mn_figure *f = &it->figures[i];
		char *v = docw_decimal(b->lang, f->value_str ? f->value_str : "");
		/* "<" and ">" are ops too: escaped like any text */
		fprintf(b->out, "<p class=\"figure\">%s: ", L(b, DOCW_TARGET));
		html_text(b->out, mn_op_text(f->op));
		fputs(" ", b->out);
		html_text(b->out, v);
		free(v);
		if (*f->unit) {
			fputs(*f->unit == '%' ? "" : " ", b->out);
			html_text(b->out, f->unit);
		}
		if (f->actual) {
			fprintf(b->out, "; %s: ", L(b, DOCW_ACTUAL));
			char *a = docw_decimal(b->lang, f->actual);
			html_text(b->out, a);
			free(a);
			if (*f->unit) {
				fputs(*f->unit == '%' ? "" : " ", b->out);
				html_text(b->out, f->unit);
			}
		}
		enum mn_verdict vd = mn_figure_verdict(f);
		fprintf(b->out, " (%s).</p>\n",
			L(b, vd == MN_MET      ? DOCW_MET
			     : vd == MN_MISSED ? DOCW_MISSED
					       : DOCW_UNKNOWN));
	}
}

static const char *
method_words(const struct bb *b, const char *method)
{
	if (!strcmp(method, "show-of-hands"))
		return L(b, DOCW_METHOD_HANDS);
	if (!strcmp(method, "ballot") || !strcmp(method, "secret-ballot"))
		return L(b, DOCW_METHOD_BALLOT);
	return NULL;
}

/* "Tán thành: 7 (87,50% số người có mặt)" */
static void
tally_part(const struct bb *b, const char *sep, enum docw_label label,
	   uint32_t n, uint32_t present)
{
	char pct[32];
	if (n == MN_NONE)
		return;
	fprintf(b->out, "%s%s: %lu", sep, L(b, label), (unsigned long)n);
	if (present != MN_NONE && present) {
		docw_percent(b->lang, n, present, pct, sizeof(pct));
		fprintf(b->out, " (%s %s)", pct, L(b, DOCW_RATIO_OF_PRESENT));
	}
}

static void
vote(const struct bb *b, const struct mn_item *it, uint32_t no)
{
	const struct mn_vote *v = it->vote;
	FILE *out = b->out;

	fprintf(out, "<div class=\"item\">\n<p>%lu. <span class=\"label\">%s",
		(unsigned long)no, L(b, DOCW_VOTE));
	if (*v->method) {
		const char *w = method_words(b, v->method);
		fprintf(out, " (%s: ", L(b, DOCW_METHOD));
		if (w)
			fputs(w, out);
		else
			html_text(out, v->method);
		fputs(")", out);
	}
	fputs(":</span> ", out);
	html_text_n(out, it->text, strlen(it->text), "<br>\n");
	fputs("</p>\n", out);
	if (v->has_tally) {
		uint32_t present = minutes_present_count(b->m);
		fputs("<p class=\"vote\">", out);
		tally_part(b, "", DOCW_FOR, v->nfor, present);
		tally_part(b, "; ", DOCW_AGAINST, v->against, present);
		tally_part(b, "; ", DOCW_ABSTAIN, v->abstain, present);
		if (v->invalid != MN_NONE)
			fprintf(out, "; %s: %lu", L(b, DOCW_INVALID),
				(unsigned long)v->invalid);
		fputs(".</p>\n", out);
	}
	if (v->result != MN_RESULT_NONE)
		fprintf(out, "<p class=\"vote\">%s: %s.</p>\n", L(b, DOCW_RESULT),
			L(b, v->result == MN_RESULT_ADOPTED ? DOCW_ADOPTED
							    : DOCW_REJECTED));
	fputs("</div>\n", out);
}

/* "Giao nhiệm vụ: TEXT; người thực hiện: A, B; thời hạn: ngày ..." */
static void
tasks(const struct bb *b, const struct mn_item *it)
{
	FILE *out = b->out;
	for (uint32_t i = 0; i < it->ntasks; i++) {
		const struct mn_task *t = &it->tasks[i];
		char due[64];
		fprintf(out, "<p class=\"task\">%s: ", L(b, DOCW_TASK));
		if (t->end > t->start && t->end <= it->len)
			html_text_n(out, it->text + t->start, t->end - t->start,
				    NULL);
		if (t->nassignees) {
			fprintf(out, "; %s: ", L(b, DOCW_ASSIGNEE));
			for (uint32_t j = 0; j < t->nassignees; j++) {
				if (j)
					fputs(", ", out);
				html_text(out, b->m->persons[t->assignees[j]].name);
			}
		}
		if (docw_date(b->lang, t->due, due, sizeof(due)))
			fprintf(out, "; %s: %s", L(b, DOCW_DUE), due);
		fputs(".</p>\n", out);
	}
}

static void
item(const struct bb *b, const struct mn_item *it, uint32_t no)
{
	FILE *out = b->out;
	const char *p = it->text, *end = it->text + strlen(it->text);

	if (it->vote) {
		vote(b, it, no);
		return;
	}
	fputs("<div class=\"item\">\n", out);
	/* one paragraph per <p>: the number and speakers before the first */
	for (bool first = true;; first = false) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		fputs("<p>", out);
		if (first) {
			fprintf(out, "%lu. ", (unsigned long)no);
			speakers(b, it);
		}
		html_text_n(out, p, len, NULL);
		fputs("</p>\n", out);
		if (!nl)
			break;
		p = nl + 1;
	}
	figures(b, it);
	tasks(b, it);
	fputs("</div>\n", out);
}

static void
content(const struct bb *b)
{
	FILE *out = b->out;
	fprintf(out, "<p><span class=\"label\">%s:</span></p>\n",
		L(b, DOCW_CONTENT));
	for (uint32_t s = 0; s < b->m->nsections; s++) {
		const struct mn_section *sc = &b->m->sections[s];
		char num[16];
		/* the heading and the first item never part */
		fputs("<section>\n<div class=\"keep\">\n<h2>", out);
		fprintf(out, "%s. ", docw_roman(s + 1, num, sizeof(num)));
		html_text(out, sc->heading);
		fputs("</h2>\n", out);
		for (uint32_t i = 0; i < sc->nitems; i++) {
			item(b, &sc->items[i], i + 1);
			if (i == 0)
				fputs("</div>\n", out);
		}
		if (sc->nitems == 0)
			fputs("</div>\n", out);
		fputs("</section>\n", out);
	}
}

/* --- Closing, signatures, recipients ------------------------------------ */

static void
closing(const struct bb *b)
{
	const struct mn_meeting *mt = &b->m->meeting;
	fprintf(b->out, "<p class=\"closing\">%s ", L(b, DOCW_CLOSING));
	moment(b, mt->end, mt->date);
	fputs(".</p>\n", b->out);
}

/* Room to sign (or the recorded refusal) and the signer's bare name. */
static void
signer(const struct bb *b, uint32_t person, const char *refused)
{
	FILE *out = b->out;
	if (refused) {
		fprintf(out, "<div class=\"refused\">(%s", L(b, DOCW_REFUSED));
		if (*refused) {
			fputs(": ", out);
			html_text(out, refused);
		}
		fputs(")</div>\n", out);
	} else {
		fputs("<div class=\"space\"></div>\n", out);
	}
	fputs("<div class=\"signer\">", out);
	if (person == MN_NONE || person >= b->m->npersons)
		fill(b, "fill");
	else
		html_text(out, docw_bare_name(b->m->persons[person].name));
	fputs("</div>\n", out);
}

/* One column: the signatures recorded for ROLE, else the officers the
 * meeting names (who are to sign), else a blank. */
static void
signature(const struct bb *b, enum mn_sign_role role, enum docw_label label,
	  const uint32_t *officers_v, uint32_t nofficers)
{
	FILE *out = b->out;
	uint32_t n = 0;
	fprintf(out, "<td>\n<div class=\"role\">%s</div>\n", L(b, label));
	fprintf(out, "<div class=\"hint\">%s</div>\n", L(b, DOCW_SIGNATURE_HINT));
	for (uint32_t i = 0; i < b->m->nsignatures; i++) {
		const struct mn_signature *sg = &b->m->signatures[i];
		if (sg->role != role)
			continue;
		signer(b, sg->person, sg->refused);
		n++;
	}
	for (uint32_t i = 0; n == 0 && i < nofficers; i++)
		signer(b, officers_v[i], NULL);
	if (n == 0 && nofficers == 0)
		signer(b, MN_NONE, NULL);
	fputs("</td>\n", out);
}

static void
signatures(const struct bb *b)
{
	const struct mn_meeting *mt = &b->m->meeting;
	fputs("<table class=\"sign signatures\"><tr>\n", b->out);
	signature(b, MN_SIGN_SECRETARY, DOCW_SIGN_SECRETARY, mt->secretaries,
		  mt->nsecretaries);
	signature(b, MN_SIGN_CHAIR, DOCW_SIGN_CHAIR, mt->chairs, mt->nchairs);
	fputs("</tr></table>\n", b->out);
}

static void
recipients(const struct bb *b)
{
	FILE *out = b->out;
	fprintf(out, "<div class=\"recipients\">\n<p class=\"label\">%s</p>\n<ul>\n",
		L(b, DOCW_RECIPIENTS));
	bool filed = false;
	for (uint32_t i = 0; i < b->m->nrecipients; i++) {
		const char *t = b->m->recipients[i].text;
		size_t l = strlen(t);
		bool last = i + 1 == b->m->nrecipients;
		/* the archive line of the form, as the file writes it */
		bool is_filed = !strncmp(t, "Lưu", strlen("Lưu"));
		filed |= is_filed;
		fputs("<li>- ", out);
		html_text(out, t);
		if (l && !strchr(".;", t[l - 1]))
			fputs(last && is_filed ? "." : ";", out);
		fputs("</li>\n", out);
	}
	if (!b->m->nrecipients) {
		fputs("<li>- ", out);
		fill(b, "fill");
		fputs(";</li>\n", out);
	}
	if (!filed)
		fprintf(out, "<li>%s</li>\n", L(b, DOCW_FILED));
	fputs("</ul>\n</div>\n", out);
}

void
bienban_html(FILE *out, const struct minutes *m)
{
	struct bb b = { out, m, docw_lang_of(m->lang) };
	const char *tag = docw_lang_tag(m->lang);

	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\" xml:lang=\"%s\">\n"
		     "<head>\n<meta charset=\"utf-8\">\n<title>%s: ",
		tag, tag, L(&b, DOCW_TITLE_PREFIX));
	html_text(out, m->meeting.title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	header(&b);
	opening(&b);
	content(&b);
	/* the closing sentence, the signatures and Nơi nhận are never
	 * parted (signatures alone on a page could follow any text) */
	fputs("<div class=\"end\">\n", out);
	closing(&b);
	signatures(&b);
	recipients(&b);
	fputs("</div>\n", out);
	fputs("</body>\n</html>\n", out);
}
