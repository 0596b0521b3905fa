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
	"table.head, table.sign { width: 100%; border-collapse: collapse; }\n"
	"table.head td, table.sign td { vertical-align: top; text-align: center;"
	" padding: 0; }\n"
	"table.head td.left { width: 40%; }\n"
	".parent { text-transform: none; font-size: 13pt; }\n"
	".agency { font-weight: bold; font-size: 13pt; }\n"
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
	/* v1 names the organizing body only: it is the agency */
	const char *agency = mt->organizer;

	fputs("<table class=\"head\"><tr>\n<td class=\"left\">\n", out);
	fputs("<div class=\"parent\">", out);
	fill(b, "fill line");
	fputs("</div>\n<div class=\"agency\">", out);
	if (*agency)
		html_text_upper(out, agency);
	else
		fill(b, "fill line");
	fputs("</div>\n<div class=\"rule\"></div>\n<div class=\"number\">", out);
	fprintf(out, "%s ", L(b, DOCW_NUMBER));
	fill(b, "fill short");
	fputs("/BB-", out);
	fill(b, "fill short");
	fputs("</div>\n</td>\n<td class=\"right\">\n", out);
	fprintf(out, "<div class=\"qh\">%s</div>\n<div class=\"tn\">%s</div>\n",
		L(b, DOCW_QUOC_HIEU), L(b, DOCW_TIEU_NGU));
	fputs("</td>\n</tr></table>\n", out);
	fprintf(out, "<h1>%s</h1>\n<p class=\"name\">", L(b, DOCW_BIEN_BAN));
	html_text(out, mt->title);
	fputs("</p>\n", out);
}

/* "08 giờ 00 phút, ngày 20 tháng 12 năm 2021", blanks for what is
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
		fputs(" phút", b->out);
	} else {
		fill(b, "fill short");
	}
	fputs(", ", b->out);
	if (docw_date(b->lang, date, d, sizeof(d)))
		fputs(d, b->out);
	else
		fill(b, "fill");
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
	fputs(".</p>\n", out);

	fprintf(out, "<p><span class=\"label\">%s:</span></p>\n",
		L(b, DOCW_ATTENDANCE));
	if (b->m->npersons) {
		fputs("<ul class=\"dash\">\n", out);
		for (uint32_t i = 0; i < b->m->npersons; i++) {
			fputs("<li>", out);
			person(b, &b->m->persons[i]);
			fputs(";</li>\n", out);
		}
		fputs("</ul>\n", out);
	} else {
		fputs("<p>", out);
		fill(b, "fill line");
		fputs("</p>\n", out);
	}
	field_start(b, DOCW_CHAIR);
	fill(b, "fill");
	fputs("</p>\n", out);
	field_start(b, DOCW_SECRETARY);
	fill(b, "fill");
	fputs("</p>\n", out);
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
		fprintf(b->out, "<p class=\"figure\">%s: %s %s",
			L(b, DOCW_TARGET), mn_op_text(f->op), v);
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

static void
item(const struct bb *b, const struct mn_item *it, uint32_t no)
{
	FILE *out = b->out;
	const char *p = it->text, *end = it->text + strlen(it->text);

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

static void
signature(const struct bb *b, enum docw_label role)
{
	FILE *out = b->out;
	fprintf(out, "<td>\n<div class=\"role\">%s</div>\n", L(b, role));
	fprintf(out, "<div class=\"hint\">%s</div>\n", L(b, DOCW_SIGNATURE_HINT));
	fputs("<div class=\"space\"></div>\n<div class=\"signer\">", out);
	fill(b, "fill");
	fputs("</div>\n</td>\n", out);
}

static void
signatures(const struct bb *b)
{
	fputs("<table class=\"sign signatures\"><tr>\n", b->out);
	signature(b, DOCW_SIGN_SECRETARY);
	signature(b, DOCW_SIGN_CHAIR);
	fputs("</tr></table>\n", b->out);
}

static void
recipients(const struct bb *b)
{
	FILE *out = b->out;
	fprintf(out, "<div class=\"recipients\">\n<p class=\"label\">%s</p>\n<ul>\n",
		L(b, DOCW_RECIPIENTS));
	fputs("<li>- ", out);
	fill(b, "fill");
	fputs(";</li>\n", out);
	fprintf(out, "<li>%s</li>\n</ul>\n</div>\n", L(b, DOCW_FILED));
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
