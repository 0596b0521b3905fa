/* test_mojibake.c - unit tests for the detection of mangled legacy
 * encodings (tui/mojibake.c). */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "mojibake.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define ZWJ_FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
#define LONG_TOKEN "S\xE1\xBB\x91: 1234/2024/Q\xC4\x90-UBND-VPUB-TCCB-KHTC-QLDA-2024"

/* --- mojibake ------------------------------------------------------------------ */

struct moji_case {
	const char *s;
	enum text_mojibake kind;
	size_t at;
};

static const struct moji_case moji_cases[] = {
	/* TCVN3 read as Latin-1 */
	{ "Vi\xC3\x96t Nam", TEXT_MOJI_TCVN3, 2 },
	{ "H\xC3\xA9i ngh\xC3\x9E", TEXT_MOJI_TCVN3, 1 },
	{ "C\xC3\xA9ng ho\xC2\xB5 x\xC2\xB7 h\xC3\xA9i ch\xC3\xB1 ngh\xC3\x9C\x61 Vi\xC3\x96t Nam", TEXT_MOJI_TCVN3, 1 },
	{ "Bi\xC2\xAAn b\xC2\xB8n h\xC3\xA9i ngh\xC3\x9E", TEXT_MOJI_TCVN3, 2 },
	{ "Bi\xC2\xAAn", TEXT_MOJI_TCVN3, 2 },
	{ "t\xC2\xB8\x63", TEXT_MOJI_TCVN3, 1 },
	{ "Ph\xC2\xB9m Huy", TEXT_MOJI_TCVN3, 2 },
	{ "word\xC2\xB9 and m\xC2\xB2, km\xC2\xB3", TEXT_MOJI_NONE, 0 },
	{ "\xC2\xAE\xC3\xA5ng ch\xC3\x9D", TEXT_MOJI_TCVN3, 0 },
	/* VNI read as Latin-1 */
	{ "Co\xC3\xA4ng ho\xC3\xB8\x61 xa\xC3\xB5 ho\xC3\xA4i chu\xC3\xBB ngh\xC3\xB3\x61 Vie\xC3\xA4t Nam", TEXT_MOJI_VNI, 2 },
	{ "Vie\xC3\xA4t Nam, Ho\xC3\xA4i ngh\xC3\xB2", TEXT_MOJI_VNI, 3 },
	{ "VIE\xC3\x84T NAM", TEXT_MOJI_VNI, 3 },
	{ "VIE\xC3\x84T NAM HO\xC3\x84I", TEXT_MOJI_VNI, 3 },
	{ "n\xC3\xB6\xC3\xB4\xC3\xB9\x63", TEXT_MOJI_VNI, 3 },
	{ "Tr\xC3\xB6\xC3\xB4\xC3\xB8ng", TEXT_MOJI_VNI, 4 },
	/* UTF-8 read as Latin-1 or Windows-1252 and encoded again */
	{ "Vi\xC3\xA1\xC2\xBB\xE2\x80\xA1t Nam", TEXT_MOJI_DOUBLE_UTF8, 2 },
	{ "Vi\xC3\xA1\xC2\xBB\xC2\x87t Nam", TEXT_MOJI_DOUBLE_UTF8, 2 },
	{ "caf\xC3\x83\xC2\xA9", TEXT_MOJI_DOUBLE_UTF8, 3 },
	{ "H\xC3\x83\xC2\xA0 N\xC3\xA1\xC2\xBB\xE2\x84\xA2i", TEXT_MOJI_DOUBLE_UTF8, 1 },
	{ "it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s", TEXT_MOJI_DOUBLE_UTF8, 2 },
	/* one telling hit is enough, a less telling one is not */
	{ "Vie\xC3\xA4t Nam", TEXT_MOJI_VNI, 3 },
	{ "Nga\xC3\xA2n S\xC3\xB4n", TEXT_MOJI_VNI, 3 },
	{ "Ch\xC3\xB6\xC3\xB4ng tr\xC3\xACnh", TEXT_MOJI_VNI, 4 },
	{ "S\xC2\xACn", TEXT_MOJI_TCVN3, 1 },
	{ "Ch\xC2\xAD\xC2\xACng tr\xC3\x97nh", TEXT_MOJI_TCVN3, 4 },
	{ "Ho\xC3\xB9", TEXT_MOJI_VNI, 2 },
	{ "Pha\xC3\xAFm", TEXT_MOJI_VNI, 3 },
	{ "ph\xC3\xA8i h\xC3\xAEp", TEXT_MOJI_TCVN3, 2 },
	/* made only of letters Vietnamese uses too (audit finding 7) */
	{ "Nguy\xC3\x94n V\xC4\x83n An", TEXT_MOJI_TCVN3, 4 },
	{ "01 cu\xC3\xA9\x63", TEXT_MOJI_TCVN3, 5 },
	{ "H\xC3\xA4p", TEXT_MOJI_TCVN3, 1 },
	{ "kho\xC3\xA2ng", TEXT_MOJI_VNI, 3 },
	{ "Mo\xC3\xA4t", TEXT_MOJI_VNI, 2 },
	{ "V\xC3\x84\xC6\x92n", TEXT_MOJI_DOUBLE_UTF8, 1 },
	/* Danish and Swedish words that read as Vietnamese in TCVN3 */
	{ "s\xC3\xA5 vil den, p\xC3\xA5 Amiga, g\xC3\xA5 til", TEXT_MOJI_NONE, 0 },
	{ "10\xC3\x82\xC2\xB0\x43", TEXT_MOJI_NONE, 0 },
	/* real words of other languages that look alike */
	{ "La\xC3\xA2youne, Na\xC3\xA2ma, C\xC3\xB4\xC3\xB4ng", TEXT_MOJI_NONE, 0 },
	{ "o\xC3\xA4ndligt m\xC3\xA5nga, kommando\xC3\xA5tg\xC3\xA4rd", TEXT_MOJI_NONE, 0 },
	{ "pime\xC3\xA4n, uudelleennime\xC3\xA4minen ep\xC3\xA4onnistui", TEXT_MOJI_NONE, 0 },
	{ "Agalega\xC3\xB8\x65rne, F\xC3\xA6r\xC3\xB8\x65rne", TEXT_MOJI_NONE, 0 },
	{ "taispe\xC3\xA1in n\xC3\xA1 taispe\xC3\xA1in earr\xC3\xA1ide, be\xC3\xA1ll\xC3\xADt\xC3\xA1sa", TEXT_MOJI_NONE, 0 },
	{ "\xC2\xABread\xC2\xBB, \xC2\xBB%s\xC2\xAB erlaubt f\xC3\xBCr, \xC2\xABskip\xC2\xBB fall\xC3\xB3", TEXT_MOJI_NONE, 0 },
	{ "hist\xC3\xB3rico com n\xC2\xBAs de, NUMERO\xC2\xAA ocorr\xC3\xAAncia", TEXT_MOJI_NONE, 0 },
	{ "k\xC2\xB4odovan\xC3\xA9 hodnot\xC4\x9B, Azken\xC2\xB7\x62urugoiko\xC2\xB7modifikazitua", TEXT_MOJI_NONE, 0 },
	{ "\xE2\x80\x9CX\xC3\x83\xE2\x80\x9D, NG\xC3\x83\xE2\x80\xA6 DESTINACI\xC3\x93\xE2\x80\xA6 OPCI\xC3\x93\xE2\x80\xA6", TEXT_MOJI_NONE, 0 },
	{ "sign\xC3\x89\x63riture, na h\xC3\x89igipte, na h\xC3\x8Dsilt\xC3\xADre, %s\xC3\x84r du", TEXT_MOJI_NONE, 0 },
	{ "masa\xC3\xBCst\xC3\xBC, masa\xC3\xBCst\xC3\xBC, masa\xC3\xBCst\xC3\xBC; prove\xC3\xAF\x64or prove\xC3\xAF\x64or prove\xC3\xAF\x64or", TEXT_MOJI_NONE, 0 },
	{ "nime\xC3\xA4, nime\xC3\xA4, nime\xC3\xA4 \xC2\xBFQuiere? \xC2\xA1Hola!", TEXT_MOJI_NONE, 0 },
	{ "m\xC2\xB2, m\xC2\xB3, 2\xC3\x97\x33 m, x\xC2\xB2y", TEXT_MOJI_NONE, 0 },
	/* genuine text */
	{ "Vi\xE1\xBB\x87t Nam", TEXT_MOJI_NONE, 0 },
	{ "C\xE1\xBB\x98NG H\xC3\x92\x41 X\xC3\x83 H\xE1\xBB\x98I CH\xE1\xBB\xA6 NGH\xC4\xA8\x41 VI\xE1\xBB\x86T NAM", TEXT_MOJI_NONE, 0 },
	{ "Th\xC3\xA0nh ph\xE1\xBB\x91 H\xE1\xBB\x93 Ch\xC3\xAD Minh, m\xC3\xB9\x61 xu\xC3\xA2n, thu\xC3\xAA nh\xC3\xA0, qu\xC3\xAA h\xC6\xB0\xC6\xA1ng, ho\xC3\xA3n h\xE1\xBB\x8Dp, bu\xC3\xB4ng, khu\xC3\xA2n v\xC3\xA1\x63, ho\xC3\xA0, ho\xC3\xA1, qu\xC3\xA1, X\xC3\x83", TEXT_MOJI_NONE, 0 },
	{ "H\xC3\x80 N\xE1\xBB\x98I, \xC4\x90\xC3\x80 N\xE1\xBA\xB4NG, TH\xC3\x80NH PH\xE1\xBB\x90", TEXT_MOJI_NONE, 0 },
	{ "No\xC3\xABl, cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65, ma\xC3\xAFs au go\xC3\xBBt de caf\xC3\xA9, na\xC3\xAFve, Isra\xC3\xABl, Rapha\xC3\xABl, ao\xC3\xBBt", TEXT_MOJI_NONE, 0 },
	{ "Gr\xC3\xBC\xC3\x9F\x65 aus K\xC3\xB6ln, \xC3\x9C\x62\x65rgr\xC3\xB6\xC3\x9F\x65, M\xC3\xA4\x64\x63hen", TEXT_MOJI_NONE, 0 },
	{ "\xC2\xBFQu\xC3\xA9 tal? ma\xC3\xB1\x61na, S\xC3\xA3o Paulo, a\xC3\xA7\xC3\xB5\x65s e le\xC3\xB5\x65s, ba\xC3\xBAl, pa\xC3\xADs", TEXT_MOJI_NONE, 0 },
	{ "col\xC2\xB7lecci\xC3\xB3 i col\xC2\xB7labor\xC3\xA0", TEXT_MOJI_NONE, 0 },
	{ "Unikey\xC2\xAE 25\xC2\xB0\x43 10\xC2\xB5m \xC2\xA9\x32\x30\x32\x34 \xC2\xBD \xC3\x97 2", TEXT_MOJI_NONE, 0 },
	{ "\xC3\x86r\xC3\xB8 K\xC3\xB8\x62\x65nhavn \xC3\x9E\xC3\xB3r", TEXT_MOJI_NONE, 0 },
	{ "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 " ZWJ_FAMILY, TEXT_MOJI_NONE, 0 },
	{ "Vi\xE1\xBB\x87t\xE2\x80\x8BNam, H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng, \xE2\x80\x9Cquy\xE1\xBA\xBFt \xC4\x91\xE1\xBB\x8Bnh\xE2\x80\x9D \xE2\x80\x94 \xE2\x80\xA6", TEXT_MOJI_NONE, 0 },
	{ LONG_TOKEN, TEXT_MOJI_NONE, 0 },
	{ "", TEXT_MOJI_NONE, 0 },
	{ "\xFF\xFE\xC3", TEXT_MOJI_NONE, 0 },
};

static void
test_mojibake(void)
{
	size_t i;

	for (i = 0; i < LEN(moji_cases); i++) {
		const struct moji_case *t = &moji_cases[i];
		size_t at = 12345;
		enum text_mojibake k = text_detect_mojibake(t->s, strlen(t->s), &at);
		char what[64];

		snprintf(what, sizeof(what), "mojibake case %zu", i);
		IS_INT(k, t->kind, what);
		if (t->kind != TEXT_MOJI_NONE)
			IS_INT(at, t->at, "mojibake position");
	}
	OK(strstr(text_mojibake_hint(TEXT_MOJI_TCVN3), "TCVN3") != NULL, "TCVN3 hint");
	OK(strstr(text_mojibake_hint(TEXT_MOJI_VNI), "VNI") != NULL, "VNI hint");
	OK(strstr(text_mojibake_hint(TEXT_MOJI_DOUBLE_UTF8), "UTF-8") != NULL, "double UTF-8 hint");
	IS_STR(text_mojibake_hint(TEXT_MOJI_NONE), "", "no hint without mojibake");
}


/* --- generated variants of the samples' texts ------------------------------ */

#include <iconv.h>
#include <utf8proc.h>

#include "text.h"

struct sbuf {
	char *s;
	size_t len, cap;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			abort();
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
sb_cp(struct sbuf *b, int32_t c)
{
	utf8proc_uint8_t u[4];
	utf8proc_ssize_t n = utf8proc_encode_char(c, u);
	sb_add(b, (const char *)u, (size_t)n);
}

/* The texts of the elements of an XML file (between tags, entities
 * decoded, white space collapsed, NFC), one per call; NULL at the end. */
struct texts {
	char *file;
	size_t len, pos;
};

static bool
texts_open(struct texts *t, const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;

	memset(t, 0, sizeof(*t));
	if (!f)
		return false;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	t->file = malloc((size_t)n + 1);
	t->len = fread(t->file, 1, (size_t)n, f);
	fclose(f);
	return true;
}

static char *
texts_next(struct texts *t)
{
	while (t->pos < t->len) {
		struct sbuf b = { 0 };
		size_t i = t->pos, e;
		char *nfc;
		size_t n;

		if (t->file[i] == '<') {
			while (i < t->len && t->file[i] != '>')
				i++;
			t->pos = i + 1;
			continue;
		}
		e = i;
		while (e < t->len && t->file[e] != '<')
			e++;
		t->pos = e;
		for (; i < e; i++) {
			static const struct { const char *ent, *c; } ents[] = {
				{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
				{ "&quot;", "\"" }, { "&apos;", "'" },
			};
			size_t k;
			for (k = 0; k < LEN(ents); k++)
				if (strncmp(t->file + i, ents[k].ent, strlen(ents[k].ent)) == 0)
					break;
			if (k < LEN(ents)) {
				sb_add(&b, ents[k].c, 1);
				i += strlen(ents[k].ent) - 1;
			} else {
				sb_add(&b, t->file + i, 1);
			}
		}
		if (!b.s)
			continue;
		nfc = text_repair(b.s, b.len, &n);
		free(b.s);
		n = text_collapse_space(nfc, n);
		if (n == 0) {
			free(nfc);
			continue;
		}
		return nfc;
	}
	return NULL;
}

static void
texts_close(struct texts *t)
{
	free(t->file);
}

static int32_t
base_of(int32_t c, int32_t *marks, int *nmarks)
{
	utf8proc_int32_t d[8];
	int bc = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE, &bc);

	*nmarks = 0;
	if (n < 1)
		return c;
	for (utf8proc_ssize_t i = 1; i < n && *nmarks < 4; i++)
		marks[(*nmarks)++] = d[i];
	return d[0];
}

/* TCVN3 (VN3) as a converter writes it: glibc's TCVN5712-1 for the small
 * letters and the seven plain capitals, toned capitals as small letters
 * (VN3 has none: an upper-case font draws them), then every byte read as
 * Latin-1.  Characters TCVN3 lacks stay as they are. */
static char *
to_tcvn3(const char *s)
{
	iconv_t cd = iconv_open("TCVN5712-1", "UTF-8");
	struct sbuf b = { 0 };
	size_t pos = 0, len = strlen(s);

	sb_add(&b, "", 0);
	while (pos < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
						      (utf8proc_ssize_t)(len - pos), &c);
		int32_t marks[4];
		int nm;
		if (n < 1)
			break;
		pos += (size_t)n;
		if (c < 0x80) {
			sb_cp(&b, c);
			continue;
		}
		base_of(c, marks, &nm);
		if (utf8proc_isupper(c) && nm > 0 &&
		    !(nm == 1 && (marks[0] == 0x302 || marks[0] == 0x306 ||
				  marks[0] == 0x31B)))
			c = utf8proc_tolower(c);
		utf8proc_uint8_t u[4];
		char out[8], *ip = (char *)u, *op = out;
		size_t il = (size_t)utf8proc_encode_char(c, u), ol = sizeof(out);
		iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || op - out != 1 ||
		    (unsigned char)out[0] < 0x80) {
			sb_cp(&b, c);
			continue;
		}
		sb_cp(&b, (unsigned char)out[0]);
	}
	iconv_close(cd);
	return b.s;
}

/* VNI Windows: a base letter and Latin-1 characters for its marks. */
static char *
to_vni(const char *s)
{
	struct sbuf b = { 0 };
	size_t pos = 0, len = strlen(s);

	sb_add(&b, "", 0);
	while (pos < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
						      (utf8proc_ssize_t)(len - pos), &c);
		int32_t marks[4], base, lo, tone = 0, mod = 0;
		int nm, up, m[2] = { 0, 0 }, k = 0;
		if (n < 1)
			break;
		pos += (size_t)n;
		if (c == 0x111 || c == 0x110) {
			sb_cp(&b, c == 0x111 ? 0xF1 : 0xD1);
			continue;
		}
		base = base_of(c, marks, &nm);
		lo = utf8proc_tolower(base);
		if (c < 0x80 || nm == 0 || base >= 0x80 || !strchr("aeiouy", (int)lo)) {
			sb_cp(&b, c);
			continue;
		}
		up = utf8proc_isupper(base) ? 0x20 : 0;
		for (int i = 0; i < nm; i++) {
			if (marks[i] == 0x302 || marks[i] == 0x306 || marks[i] == 0x31B)
				mod = marks[i];
			else
				tone = marks[i];
		}
		if (lo == 'i' && tone) {
			m[k++] = tone == 0x301 ? 0xED : tone == 0x300 ? 0xEC :
				 tone == 0x309 ? 0xE6 : tone == 0x303 ? 0xF3 : 0xF2;
		} else if (lo == 'y' && tone == 0x323) {
			m[k++] = 0xEE;
		} else {
			if (mod == 0x31B)
				m[k++] = lo == 'o' ? 0xF4 : 0xF6;
			else
				sb_cp(&b, base);
			if (mod == 0x302)
				m[k++] = tone == 0x301 ? 0xE1 : tone == 0x300 ? 0xE0 :
					 tone == 0x309 ? 0xE5 : tone == 0x303 ? 0xE3 :
					 tone == 0x323 ? 0xE4 : 0xE2;
			else if (mod == 0x306)
				m[k++] = tone == 0x301 ? 0xE9 : tone == 0x300 ? 0xE8 :
					 tone == 0x309 ? 0xFA : tone == 0x303 ? 0xFC :
					 tone == 0x323 ? 0xEB : 0xEA;
			if (tone && mod != 0x302 && mod != 0x306)
				m[k++] = tone == 0x301 ? 0xF9 : tone == 0x300 ? 0xF8 :
					 tone == 0x309 ? 0xFB : tone == 0x303 ? 0xF5 : 0xEF;
		}
		for (int i = 0; i < k; i++)
			sb_cp(&b, m[i] - up);
	}
	return b.s;
}

/* UTF-8 whose bytes were read as Windows-1252 (Latin-1 where it has
 * nothing) and encoded again. */
static char *
to_double(const char *s)
{
	static const uint16_t high[32] = {
		0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
		0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
	};
	struct sbuf b = { 0 };

	sb_add(&b, "", 0);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		sb_cp(&b, *p >= 0x80 && *p < 0xA0 ? high[*p - 0x80] : *p);
	return b.s;
}

static const char *const sample_files[] = {
	"data/ngan-son-2020.xml", "data/ban-ke-hoach-2021.xml",
	"data/tan-lap-nong-thon-moi-2019.xml",
	"tests/fixtures/ban-ke-hoach-2021-v1.xml",
	"tests/fixtures/valid-full.xml", "tests/fixtures/valid-minimal.xml",
	"tests/fixtures/ngan-son-2020-nfd.xml", "tests/fixtures/notes/minutes-v1.xml",
	"tests/fixtures/notes/minutes-v2.xml",
};

static void
test_variants(void)
{
	static const struct {
		const char *name;
		char *(*make)(const char *);
		enum text_mojibake kind;
	} variants[] = {
		{ "TCVN3", to_tcvn3, TEXT_MOJI_TCVN3 },
		{ "VNI", to_vni, TEXT_MOJI_VNI },
		{ "double UTF-8", to_double, TEXT_MOJI_DOUBLE_UTF8 },
	};
	const char *top = getenv("top_srcdir");
	size_t total[3] = { 0 }, hit[3] = { 0 }, genuine = 0, false_pos = 0;
	char path[4096], what[160];

	if (!top)
		top = ".";
	for (size_t f = 0; f < LEN(sample_files); f++) {
		struct texts t;
		char *text;

		snprintf(path, sizeof(path), "%s/%s", top, sample_files[f]);
		if (!texts_open(&t, path)) {
			snprintf(what, sizeof(what), "open %s", sample_files[f]);
			OK(0, what);
			continue;
		}
		while ((text = texts_next(&t)) != NULL) {
			size_t at;
			genuine++;
			if (text_detect_mojibake(text, strlen(text), &at) != TEXT_MOJI_NONE) {
				false_pos++;
				printf("# false positive: %s\n", text);
			}
			for (size_t v = 0; v < LEN(variants); v++) {
				char *m = variants[v].make(text);
				if (strcmp(m, text) != 0) {
					total[v]++;
					if (text_detect_mojibake(m, strlen(m), &at) == variants[v].kind)
						hit[v]++;
					else if (getenv("MOJI_VERBOSE"))
						printf("# %s missed: %s\n", variants[v].name, m);
				}
				free(m);
			}
			free(text);
		}
		texts_close(&t);
	}
	/* the list of real names and titles, line by line, is genuine too */
	snprintf(path, sizeof(path), "%s/tests/fixtures/spell/names.txt", top);
	FILE *f = fopen(path, "r");
	char line[1024];
	OK(f != NULL, "open tests/fixtures/spell/names.txt");
	while (f && fgets(line, sizeof(line), f)) {
		size_t at, n = strcspn(line, "\n");
		if (line[0] == '#' || n == 0)
			continue;
		genuine++;
		if (text_detect_mojibake(line, n, &at) != TEXT_MOJI_NONE) {
			false_pos++;
			printf("# false positive: %s", line);
		}
	}
	if (f)
		fclose(f);
	snprintf(what, sizeof(what), "genuine texts: %zu", genuine);
	OK(genuine > 500, what);
	IS_INT(false_pos, 0, "no genuine text of the samples is taken for mojibake");
	for (size_t v = 0; v < LEN(variants); v++) {
		snprintf(what, sizeof(what), "%s variants: %zu of %zu detected (%.1f%%), want 99%%",
			 variants[v].name, hit[v], total[v],
			 total[v] ? 100.0 * (double)hit[v] / (double)total[v] : 0.0);
		OK(total[v] > 100 && hit[v] * 100 >= total[v] * 99, what);
	}
}

static void
test_legacy_bytes(void)
{
	/* raw TCVN3 "Biên bản hội nghị" on line 2, VNI "Việt Nam" */
	static const char tcvn3[] = "<a>\n<b>Bi\xAAn b\xB6n h\xE9i ngh\xDE</b>\n</a>";
	static const char vni[] = "x\nVie\xE4t Nam, ho\xE4i ngh\xF2\n";
	static const char latin1[] = "caf\xE9 cr\xE8me br\xFBl\xE9\x65";
	static const char utf8[] = "Vi\xE1\xBB\x87t Nam";
	size_t off = 99, n = 99;

	IS_INT(text_detect_legacy_bytes(tcvn3, sizeof(tcvn3) - 1, &off, &n),
	       TEXT_MOJI_TCVN3, "raw TCVN3 bytes");
	IS_INT(off, 4, "raw TCVN3: the line starts after the first newline");
	IS_INT(n, 24, "raw TCVN3: the line's length");
	IS_INT(text_detect_legacy_bytes(vni, sizeof(vni) - 1, &off, &n),
	       TEXT_MOJI_VNI, "raw VNI bytes");
	IS_INT(off, 2, "raw VNI: the line");
	IS_INT(text_detect_legacy_bytes(latin1, sizeof(latin1) - 1, NULL, NULL),
	       TEXT_MOJI_NONE, "raw Latin-1 French is neither");
	IS_INT(text_detect_legacy_bytes(utf8, sizeof(utf8) - 1, NULL, NULL),
	       TEXT_MOJI_NONE, "valid UTF-8 has no raw bytes");
	OK(strstr(text_legacy_hint(TEXT_MOJI_TCVN3), "encoding=\"TCVN3\"") != NULL,
	   "the TCVN3 hint names the encoding");
	IS_STR(text_legacy_hint(TEXT_MOJI_NONE), "", "no hint without raw bytes");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_mojibake();
	test_legacy_bytes();
	test_variants();
	return tap_done();
}
