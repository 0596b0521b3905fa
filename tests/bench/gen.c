/* gen.c - make big, valid minutes files for the benchmarks.
 *
 *   gen [-s SEED] ITEMS BYTES SAMPLE OUT.xml       one file
 *   gen [-s SEED] -f FILES ITEMS BYTES SAMPLE DIR  an archive of FILES
 *                                                  files under DIR/YEAR/
 *
 * The text is made of the sample's own words: every clause of every
 * heading, item and paragraph of SAMPLE (tags stripped, white space
 * collapsed, cut at ", ", "; ", ". ", ": ") is a building block, and an
 * item is 1 to 3 sentences of 1 to 4 random clauses, sometimes as <p>
 * paragraphs.  Sections come in every kind (opening, achievements,
 * limitations, report, targets with figures, directives, awards and a few
 * other names); items name their speakers with `by`; persons have
 * Vietnamese names.  Ids are unique and every reference resolves, so the
 * output passes `minutes --check`.  Lines are wrapped and indented as a
 * person would write them.  The output is NFC when the sample is.
 *
 * Sizes are steered: each item's length is aimed at what is left of
 * BYTES over what is left of ITEMS, so the total lands within a few bytes
 * per file of BYTES.  The same SEED gives the same bytes. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* --- random numbers (xorshift64*) ------------------------------------ */

static uint64_t rng_state = 2020;

static uint64_t
rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* 0 .. n-1 */
static size_t
rnd_below(size_t n)
{
	return n ? (size_t)(rnd() >> 11) % n : 0;
}

/* true with probability PCT % */
static int
chance(unsigned pct)
{
	return rnd_below(100) < pct;
}

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fputs("gen: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("gen: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static char *
xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* --- a growable list of strings -------------------------------------- */

struct list {
	char **v;
	size_t n, cap;
};

static void
list_add(struct list *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = s;
}

static const char *
list_pick(const struct list *l)
{
	return l->v[rnd_below(l->n)];
}

/* --- reading the sample ---------------------------------------------- */

static struct list clauses, headings, roles, names, titles;
/* the sample's section headings and their kinds, side by side */
static struct list sec_kinds, sec_headings;

/* The text of S[0..n): tags dropped (their content kept), entities
 * decoded for the five predefined ones, white space collapsed. */
static char *
plain_text(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t o = 0;
	int space = 1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '<') {
			while (i < n && s[i] != '>')
				i++;
			continue;
		}
		if (c == '&') {
			static const struct { const char *e; char c; } ents[] = {
				/* < and > would pass for tags later: dropped */
				{ "&amp;", '&' }, { "&lt;", ' ' }, { "&gt;", ' ' },
				{ "&quot;", '"' }, { "&apos;", '\'' },
			};
			for (size_t k = 0; k < sizeof(ents) / sizeof(*ents); k++) {
				size_t el = strlen(ents[k].e);
				if (i + el <= n && !memcmp(s + i, ents[k].e, el)) {
					c = ents[k].c;
					i += el - 1;
					break;
				}
			}
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (!space)
				out[o++] = ' ';
			space = 1;
			continue;
		}
		out[o++] = c;
		space = 0;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

/* Every element ELEM of BUF (no nesting of ELEM in itself), as text. */
static void
collect(const char *buf, const char *elem, struct list *into)
{
	char open[64], close[64];
	snprintf(open, sizeof(open), "<%s", elem);
	snprintf(close, sizeof(close), "</%s>", elem);
	size_t ol = strlen(open);
	const char *p = buf;
	while ((p = strstr(p, open)) != NULL) {
		if (p[ol] != '>' && p[ol] != ' ' && p[ol] != '\n') {
			p += ol;
			continue;
		}
		const char *start = strchr(p, '>');
		const char *end = start ? strstr(start, close) : NULL;
		if (!end)
			break;
		char *t = plain_text(start + 1, (size_t)(end - start - 1));
		if (*t)
			list_add(into, t);
		else
			free(t);
		p = end + strlen(close);
	}
}

/* Each section's kind and heading. */
static void
collect_sections(const char *buf)
{
	for (const char *p = strstr(buf, "<section"); p;
	     p = strstr(p + 1, "<section")) {
		const char *gt = strchr(p, '>');
		const char *k = strstr(p, "kind=\"");
		const char *h = gt ? strstr(gt, "<heading>") : NULL;
		const char *he = h ? strstr(h, "</heading>") : NULL;
		if (!k || k > gt || !he)
			continue;
		k += 6;
		const char *ke = strchr(k, '"');
		if (!ke)
			continue;
		list_add(&sec_kinds, xstrndup(k, (size_t)(ke - k)));
		list_add(&sec_headings, plain_text(h + 9, (size_t)(he - h - 9)));
	}
}

/* A heading the sample gives sections of KIND, or any heading. */
static const char *
pick_heading(const char *kind)
{
	size_t n = 0;
	for (size_t i = 0; i < sec_kinds.n; i++)
		n += !strcmp(sec_kinds.v[i], kind);
	if (n == 0)
		return list_pick(&headings);
	size_t want = rnd_below(n);
	for (size_t i = 0; i < sec_kinds.n; i++)
		if (!strcmp(sec_kinds.v[i], kind) && want-- == 0)
			return sec_headings.v[i];
	return list_pick(&headings);
}

static int
count_words(const char *s, size_t n)
{
	int w = 0, in = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ')
			in = 0;
		else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/* Cuts TEXT into clauses at ", ", "; ", ". ", ": " and "…"; keeps the
 * ones of three words or more, without the punctuation that ended them. */
static void
cut_clauses(const char *text)
{
	const char *s = text;
	for (;;) {
		const char *cut = NULL;
		size_t skip = 0;
		for (const char *p = s; *p; p++) {
			if ((p[0] == ',' || p[0] == ';' || p[0] == '.' ||
			     p[0] == ':') && (p[1] == ' ' || p[1] == '\0')) {
				cut = p;
				skip = 1;
				break;
			}
			if (!memcmp(p, "\xE2\x80\xA6", 3)) { /* … */
				cut = p;
				skip = 3;
				break;
			}
		}
		size_t n = cut ? (size_t)(cut - s) : strlen(s);
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (count_words(s, n) >= 3)
			list_add(&clauses, xstrndup(s, n));
		if (!cut)
			break;
		s = cut + skip;
		while (*s == ' ')
			s++;
		if (!*s)
			break;
	}
}

static void
read_sample(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = xmalloc(cap + 1);
	size_t r;
	while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
	}
	fclose(f);
	buf[n] = '\0';
	/* comments out of the way: they hold words but not minutes text */
	for (char *c = strstr(buf, "<!--"); c; c = strstr(c, "<!--")) {
		char *e = strstr(c, "-->");
		if (!e)
			break;
		memset(c, ' ', (size_t)(e + 3 - c));
	}

	struct list items = { 0 };
	collect(buf, "item", &items);
	collect(buf, "heading", &headings);
	collect(buf, "title", &titles);
	collect(buf, "role", &roles);
	collect(buf, "name", &names);
	collect_sections(buf);
	for (size_t i = 0; i < items.n; i++)
		cut_clauses(items.v[i]);
	for (size_t i = 0; i < headings.n; i++)
		cut_clauses(headings.v[i]);
	free(buf);
	if (clauses.n < 10 || headings.n == 0 || titles.n == 0) {
		fprintf(stderr, "gen: %s: too little text to build on "
			"(%zu clauses)\n", path, clauses.n);
		exit(2);
	}
	if (roles.n == 0)
		list_add(&roles, xstrndup("Đại biểu", strlen("Đại biểu")));
}

/* --- output with a byte count ----------------------------------------- */

static FILE *out;
static uint64_t written;

static void
put(const char *s, size_t n)
{
	if (fwrite(s, 1, n, out) != n) {
		fprintf(stderr, "gen: write: %s\n", strerror(errno));
		exit(2);
	}
	written += n;
}

static void
puts_(const char *s)
{
	put(s, strlen(s));
}

static void printf_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
printf_(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(buf)) {
		fputs("gen: line too long\n", stderr);
		exit(2);
	}
	put(buf, (size_t)n);
}

/* Escaped text. */
static void
put_text(const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *e = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" :
				s[i] == '>' ? "&gt;" : NULL;
		if (!e)
			continue;
		put(s + run, i - run);
		puts_(e);
		run = i + 1;
	}
	put(s + run, n - run);
}

/* --- building text ---------------------------------------------------- */

/* A paragraph is built as a list of tokens: words of text and, in
 * targets, whole figure elements, which are never broken across lines
 * inside their tags (a figure's text may wrap like any other). */
struct para {
	char *buf;
	size_t len, cap;
};

static void
para_add(struct para *p, const char *s, size_t n)
{
	if (p->len + n + 1 > p->cap) {
		p->cap = 2 * (p->len + n + 1) + 256;
		p->buf = xrealloc(p->buf, p->cap);
	}
	memcpy(p->buf + p->len, s, n);
	p->len += n;
	p->buf[p->len] = '\0';
}

static void
para_adds(struct para *p, const char *s)
{
	para_add(p, s, strlen(s));
}

/* The first letter of S upper-cased when it is a plain ASCII letter or
 * one of the common Vietnamese lower-case initials (enough for variety;
 * the rest stay as they are, as in the sample's "tổ chức giám sát"). */
static void
para_add_capital(struct para *p, const char *s)
{
	static const char *const low[] = { "đ", "ă", "â", "ư", "ơ", "ô", "ê" };
	static const char *const up[] = { "Đ", "Ă", "Â", "Ư", "Ơ", "Ô", "Ê" };
	if (*s >= 'a' && *s <= 'z') {
		char c = (char)(*s - 'a' + 'A');
		para_add(p, &c, 1);
		para_adds(p, s + 1);
		return;
	}
	for (size_t i = 0; i < sizeof(low) / sizeof(*low); i++) {
		size_t l = strlen(low[i]);
		if (!strncmp(s, low[i], l)) {
			para_adds(p, up[i]);
			para_adds(p, s + l);
			return;
		}
	}
	para_adds(p, s);
}

static const char *const year_words[] = {
	"năm 2015", "năm 2016", "năm 2017", "năm 2018", "năm 2019",
	"năm 2020", "năm 2021", "năm 2022", "năm 2023", "năm 2024",
};

/* A figure element as text (escaped already), with the words around it. */
static void
para_add_figure(struct para *p)
{
	char buf[512];
	unsigned v = 1 + (unsigned)rnd_below(99);
	unsigned frac = (unsigned)rnd_below(10);
	int with_actual = chance(40);
	char actual[64] = "";
	if (with_actual)
		snprintf(actual, sizeof(actual), " actual=\"%u.%u\"",
			 v > 3 ? v - 3 + (unsigned)rnd_below(7) : v,
			 (unsigned)rnd_below(10));
	switch (rnd_below(8)) {
	case 0:
		snprintf(buf, sizeof(buf), "<figure op=\"ge\" value=\"%u\" "
			 "unit=\"%%\"%s>từ %u%% trở lên</figure>", v, actual, v);
		break;
	case 1:
		snprintf(buf, sizeof(buf), "<figure op=\"eq\" value=\"100\" "
			 "unit=\"%%\"%s>100%%</figure>", actual);
		break;
	case 2:
		snprintf(buf, sizeof(buf), "<figure op=\"ge\" value=\"%u\" "
			 "unit=\"%%\"%s>%u%% trở lên</figure>", v, actual, v);
		break;
	case 3:
		snprintf(buf, sizeof(buf), "<figure op=\"ge\" value=\"%u\" "
			 "unit=\"công trình\"%s>từ %02u công trình trở "
			 "lên</figure>", v % 9 + 1, actual, v % 9 + 1);
		break;
	case 4:
		snprintf(buf, sizeof(buf), "<figure op=\"le\" value=\"%u.%u\" "
			 "unit=\"%%\"%s>không quá %u,%u%%</figure>", v % 20,
			 frac, actual, v % 20, frac);
		break;
	case 5:
		snprintf(buf, sizeof(buf), "<figure op=\"lt\" value=\"%u\" "
			 "unit=\"%%\"%s>dưới %u%%</figure>", v % 30 + 1, actual,
			 v % 30 + 1);
		break;
	case 6:
		snprintf(buf, sizeof(buf), "<figure op=\"gt\" value=\"%u.%u\" "
			 "unit=\"tỷ đồng\"%s>vượt %u,%u tỷ đồng</figure>",
			 v % 12 + 1, frac, actual, v % 12 + 1, frac);
		break;
	default:
		snprintf(buf, sizeof(buf), "<figure op=\"eq\" value=\"%u\" "
			 "unit=\"cuộc\"%s>%02u cuộc</figure>", v % 5 + 1, actual,
			 v % 5 + 1);
		break;
	}
	para_adds(p, buf);
}

/* Appends clauses to P, as sentences, until about TARGET bytes. */
static void
para_fill(struct para *p, size_t target, int figures)
{
	size_t start = p->len;
	int first_sentence = 1;
	do {
		if (!first_sentence)
			para_adds(p, " ");
		int nclauses = 1 + (int)rnd_below(4);
		int fig_at = figures && chance(70) ? (int)rnd_below((size_t)nclauses) : -1;
		for (int c = 0; c < nclauses; c++) {
			if (c > 0)
				para_adds(p, chance(80) ? ", " : "; ");
			if (c == fig_at) {
				para_add_figure(p);
				para_adds(p, " ");
			}
			const char *cl = list_pick(&clauses);
			if (c == 0 && c != fig_at && chance(85))
				para_add_capital(p, cl);
			else
				para_adds(p, cl);
			if (chance(5)) {
				para_adds(p, " ");
				para_adds(p, year_words[rnd_below(10)]);
			}
			if (p->len - start >= target)
				break;
		}
		para_adds(p, chance(85) ? "." : ";");
		first_sentence = 0;
	} while (p->len - start < target);
}

/* Writes the paragraph's text wrapped at about 80 columns, continuation
 * lines indented by INDENT, the first line already at column COL.  Breaks
 * only at spaces outside tags. */
static void
put_wrapped(const char *s, size_t n, int col, int indent)
{
	size_t i = 0;
	while (i < n) {
		/* the next word (with any tag in it) */
		size_t j = i;
		int intag = 0, cols = 0;
		while (j < n && (intag || s[j] != ' ')) {
			if (s[j] == '<')
				intag = 1;
			else if (s[j] == '>')
				intag = 0;
			if (((unsigned char)s[j] & 0xC0) != 0x80)
				cols++;
			j++;
		}
		if (i > 0) { /* the space before this word, or a line break */
			if (col + 1 + cols > 80 && col > indent) {
				put("\n", 1);
				for (int k = 0; k < indent; k++)
					put(" ", 1);
				col = indent;
			} else {
				put(" ", 1);
				col++;
			}
		}
		/* figure tags were escaped when built; words are escaped here */
		size_t k = i;
		while (k < j) {
			const char *lt = memchr(s + k, '<', j - k);
			size_t stop = lt ? (size_t)(lt - s) : j;
			put_text(s + k, stop - k);
			if (!lt)
				break;
			const char *gt = memchr(lt, '>', (size_t)(s + j - lt));
			size_t tend = gt ? (size_t)(gt - s) + 1 : j;
			put(s + stop, tend - stop);
			k = tend;
		}
		col += cols;
		i = j;
		if (i < n)
			i++; /* the space */
	}
}

/* --- names ------------------------------------------------------------ */

struct name_part {
	const char *v, *ascii;
};

static const struct name_part family[] = {
	{ "Nguyễn", "nguyen" }, { "Trần", "tran" }, { "Lê", "le" },
	{ "Phạm", "pham" }, { "Hoàng", "hoang" }, { "Hà", "ha" },
	{ "Đặng", "dang" }, { "Đào", "dao" }, { "Lương", "luong" },
	{ "Lò", "lo" }, { "Dương", "duong" }, { "Vũ", "vu" },
	{ "Bùi", "bui" }, { "Đỗ", "do" }, { "Hồ", "ho" }, { "Ngô", "ngo" },
	{ "Nông", "nong" }, { "Triệu", "trieu" }, { "Ma", "ma" },
	{ "Lục", "luc" },
};
static const struct name_part middle[] = {
	{ "Văn", "van" }, { "Thị", "thi" }, { "Huy", "huy" },
	{ "Sĩ", "si" }, { "Thị Ngọc", "thi-ngoc" }, { "Đức", "duc" },
	{ "Minh", "minh" }, { "Thanh", "thanh" }, { "Quốc", "quoc" },
};
static const struct name_part given[] = {
	{ "Hoàng", "hoang" }, { "Thắng", "thang" }, { "Lan", "lan" },
	{ "Đức", "duc" }, { "Hoà", "hoa" }, { "Hòa", "hoa" },
	{ "Thuỷ", "thuy" }, { "Thủy", "thuy" }, { "Lệ", "le" },
	{ "Anh", "anh" }, { "Ân", "an" }, { "Dũng", "dung" },
	{ "Hương", "huong" }, { "Tuấn", "tuan" }, { "Nga", "nga" },
	{ "Bình", "binh" }, { "Cường", "cuong" }, { "Hạnh", "hanh" },
	{ "Khánh", "khanh" }, { "Phương", "phuong" }, { "Sơn", "son" },
	{ "Yến", "yen" }, { "Việt", "viet" }, { "Quý", "quy" },
};

#define NELEM(a) (sizeof(a) / sizeof(*(a)))

struct person {
	char id[64];
	char name[128];
	const char *role;
};

static void
make_persons(struct person *ps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct name_part *f = &family[rnd_below(NELEM(family))];
		const struct name_part *m = &middle[rnd_below(NELEM(middle))];
		const struct name_part *g = &given[rnd_below(NELEM(given))];
		/* the sample's own attendees first, when it has them */
		if (i < names.n && chance(50))
			snprintf(ps[i].name, sizeof(ps[i].name), "%s", names.v[i]);
		else
			snprintf(ps[i].name, sizeof(ps[i].name), "%s %s %s",
				 f->v, m->v, g->v);
		snprintf(ps[i].id, sizeof(ps[i].id), "%s%zu", g->ascii, i + 1);
		ps[i].role = chance(85) ? list_pick(&roles) : NULL;
	}
}

/* --- one document ----------------------------------------------------- */

struct kind {
	const char *kind, *prefix;
};

static const struct kind kinds[] = {
	{ "achievements", "kq" }, { "limitations", "hc" },
	{ "targets", "mt" }, { "report", "bc" }, { "directives", "cd" },
	{ "awards", "kt" }, { "opening", "md" }, { "discussion", "tl" },
	{ "conclusion", "kl" }, { "other", "k" },
};

static void
put_item(const char *id, const struct person *ps, size_t np, int figures,
	 size_t text_bytes)
{
	static struct para p;
	printf_("    <item id=\"%s\"", id);
	int col = 14 + (int)strlen(id);
	if (np > 0 && chance(30)) {
		size_t nby = 1 + rnd_below(chance(20) ? 3 : 1);
		size_t first = rnd_below(np);
		puts_(" by=\"");
		/* consecutive persons: never one twice (k < np) */
		for (size_t k = 0; k < nby && k < np; k++) {
			if (k)
				puts_(" ");
			puts_(ps[(first + k) % np].id);
			col += 1 + (int)strlen(ps[(first + k) % np].id);
		}
		puts_("\"");
		col += 6;
	}
	puts_(">");
	if (text_bytes > 300 && chance(25)) {
		/* paragraphs */
		size_t npara = 2 + rnd_below(2);
		puts_("\n");
		for (size_t k = 0; k < npara; k++) {
			p.len = 0;
			para_fill(&p, text_bytes / npara, figures);
			puts_("      <p>");
			put_wrapped(p.buf, p.len, 9, 8);
			puts_("</p>\n");
		}
		puts_("    </item>\n");
	} else {
		p.len = 0;
		para_fill(&p, text_bytes, figures);
		put_wrapped(p.buf, p.len, col, 6);
		puts_("</item>\n");
	}
}

/* Writes one minutes document of NITEMS items, aiming at BYTES in all. */
static void
put_document(const char *docid, int year, size_t nitems, uint64_t bytes,
	     size_t npersons)
{
	uint64_t start = written;
	struct person *ps = xmalloc(npersons * sizeof(*ps));
	make_persons(ps, npersons);

	puts_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	printf_("<minutes version=\"1\" id=\"%s\" xml:lang=\"vi\">\n", docid);
	puts_("  <meeting>\n    <title>");
	const char *title = list_pick(&titles);
	put_wrapped(title, strlen(title), 11, 6);
	puts_("</title>\n");
	if (chance(80)) {
		puts_("    <organizer>");
		puts_(chance(50) ? "Ủy ban MTTQ huyện Ngân Sơn"
				 : "Ủy ban nhân dân xã Hòa Thuận");
		puts_("</organizer>\n");
	}
	unsigned month = 1 + (unsigned)rnd_below(12);
	unsigned day = 1 + (unsigned)rnd_below(28);
	if (chance(50))
		printf_("    <date start=\"%02u:%02u\" end=\"%02u:%02u\">"
			"%04d-%02u-%02u</date>\n", 7 + (unsigned)rnd_below(3),
			(unsigned)rnd_below(4) * 15, 13 + (unsigned)rnd_below(4),
			(unsigned)rnd_below(4) * 15, year, month, day);
	else
		printf_("    <date>%04d-%02u-%02u</date>\n", year, month, day);
	if (chance(50))
		puts_("    <place>Hội trường Ủy ban nhân dân huyện</place>\n");
	if (chance(70)) {
		static const char *const st[] = { "draft", "final", "approved" };
		printf_("    <status>%s</status>\n", st[rnd_below(3)]);
	}
	puts_("    <source>MTTQ huyện Ngân Sơn</source>\n  </meeting>\n");
	puts_("  <attendees>\n");
	for (size_t i = 0; i < npersons; i++) {
		printf_("    <person id=\"%s\">\n      <name>", ps[i].id);
		put_text(ps[i].name, strlen(ps[i].name));
		puts_("</name>\n");
		if (ps[i].role) {
			puts_("      <role>");
			put_text(ps[i].role, strlen(ps[i].role));
			puts_("</role>\n");
		}
		puts_("    </person>\n");
	}
	puts_("  </attendees>\n");

	size_t done = 0, sec = 0;
	uint64_t asked = 0, got = 0;
	while (done < nitems) {
		/* sections of 5 to 60 items, the first one always an opening */
		size_t left = nitems - done;
		size_t size = 5 + rnd_below(56);
		if (size > left || left - size < 5)
			size = left;
		const struct kind *k = sec == 0 ? &kinds[6] :
			&kinds[rnd_below(NELEM(kinds))];
		sec++;
		printf_("  <section id=\"%s%zu\" kind=\"%s\">\n    <heading>",
			k->prefix, sec, k->kind);
		const char *h = pick_heading(k->kind);
		put_wrapped(h, strlen(h), 13, 6);
		puts_("</heading>\n");
		int figures = !strcmp(k->kind, "targets");
		for (size_t i = 0; i < size; i++, done++) {
			char id[64];
			snprintf(id, sizeof(id), "%s%zu-%zu", k->prefix, sec, i + 1);
			/* steer: what is left over what remains to write, per
			 * item, scaled by how many bytes an item has taken so
			 * far for each byte of text asked for (markup, wrapping,
			 * the last clause's overshoot) */
			uint64_t used = written - start;
			uint64_t rem = bytes > used ? bytes - used : 0;
			size_t items_left = nitems - done;
			double ratio = asked > 0 ? (double)got / (double)asked : 1.3;
			double mean = (double)rem / (double)items_left / ratio;
			if (mean < 40)
				mean = 40;
			/* 0.4 .. 1.6 times the mean */
			size_t t = (size_t)(mean * (double)(40 + rnd_below(121)) / 100);
			uint64_t before = written;
			put_item(id, ps, npersons, figures, t);
			asked += t;
			got += written - before;
		}
		puts_("  </section>\n");
	}
	puts_("</minutes>\n");
	free(ps);
}

static FILE *
open_out(const char *path)
{
	FILE *f = fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return f;
}

static void
close_out(const char *path)
{
	if (fclose(out) != 0) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	out = NULL;
}

static void
make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		exit(2);
	}
}

static unsigned long long
parse_count(const char *s, const char *what)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || v == 0) {
		fprintf(stderr, "gen: %s must be a positive number, not '%s'\n",
			what, s);
		exit(2);
	}
	return v;
}

static void
usage(void)
{
	fputs("usage: gen [-s SEED] ITEMS BYTES SAMPLE OUT.xml\n"
	      "       gen [-s SEED] -f FILES ITEMS BYTES SAMPLE DIR\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	unsigned long long files = 0;
	int i = 1;
	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "-s") && i + 1 < argc) {
			rng_state = parse_count(argv[i + 1], "SEED");
			i += 2;
		} else if (!strcmp(argv[i], "-f") && i + 1 < argc) {
			files = parse_count(argv[i + 1], "FILES");
			i += 2;
		} else {
			usage();
		}
	}
	if (argc - i != 4)
		usage();
	unsigned long long items = parse_count(argv[i], "ITEMS");
	unsigned long long bytes = parse_count(argv[i + 1], "BYTES");
	read_sample(argv[i + 2]);
	const char *dest = argv[i + 3];

	if (!files) {
		out = open_out(dest);
		put_document("bench-big", 2020, items, bytes, 60);
		close_out(dest);
		printf("%s: %llu items, %llu bytes\n", dest, items,
		       (unsigned long long)written);
		return 0;
	}
	if (items < files * 5) {
		fputs("gen: at least 5 items per file\n", stderr);
		return 2;
	}
	make_dir(dest);
	unsigned long long items_left = items;
	uint64_t total = 0;
	for (unsigned long long f = 0; f < files; f++) {
		unsigned long long files_left = files - f;
		unsigned long long mean = items_left / files_left;
		unsigned long long n = files_left == 1 ? items_left :
			mean / 2 + rnd_below(mean + 1);
		if (n < 5)
			n = 5;
		if (items_left - n < 5 * (files_left - 1))
			n = items_left - 5 * (files_left - 1);
		uint64_t bytes_left = bytes > total ? bytes - total : 0;
		uint64_t b = bytes_left * n / items_left;
		int year = 2015 + (int)(f * 10 / files);
		char path[4096], docid[64];
		snprintf(path, sizeof(path), "%s/%d", dest, year);
		make_dir(path);
		snprintf(path, sizeof(path), "%s/%d/bien-ban-%04llu.xml", dest,
			 year, f + 1);
		snprintf(docid, sizeof(docid), "bb-%d-%04llu", year, f + 1);
		out = open_out(path);
		written = 0;
		put_document(docid, year, (size_t)n, b, 3 + rnd_below(10));
		close_out(path);
		total += written;
		items_left -= n;
	}
	printf("%s: %llu files, %llu items, %llu bytes\n", dest, files, items,
	       (unsigned long long)total);
	return 0;
}
