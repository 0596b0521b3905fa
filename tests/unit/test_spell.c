/* test_spell.c - unit tests for the spelling check (tui/spell.c). */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "spell.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

struct verdict_case {
	const char *w;
	enum spell_verdict v;
};

static const struct verdict_case verdicts[] = {
	/* possible syllables, both tone placements */
	{ "ph\xC6\xB0\xC6\xA1ng", SPELL_OK },            /* phương */
	{ "\xE1\xBB\xA6y", SPELL_OK },                    /* Ủy */
	{ "U\xE1\xBB\xB7", SPELL_OK },                    /* Uỷ */
	{ "ho\xC3\xA0", SPELL_OK }, { "h\xC3\xB2\x61", SPELL_OK },
	{ "thu\xE1\xBB\xB7", SPELL_OK }, { "th\xE1\xBB\xA7y", SPELL_OK },
	{ "ngh\xC4\xA9\x61", SPELL_OK },                  /* nghĩa */
	{ "ngh\xC3\xAA\x6Eh", SPELL_OK },                 /* nghênh */
	{ "ng\xC6\xB0\xE1\xBB\x9Di", SPELL_OK },          /* người */
	{ "\xC4\x91\xC6\xB0\xE1\xBB\xA3\x63", SPELL_OK }, /* được */
	{ "khuya", SPELL_OK }, { "khu\xE1\xBB\xB7u", SPELL_OK }, /* khuỷu */
	{ "gi\xE1\xBA\xBFng", SPELL_OK },                 /* giếng */
	{ "g\xC3\xACn", SPELL_OK },                       /* gìn */
	{ "gi\xE1\xBB\xAF\x61", SPELL_OK },               /* giữa */
	{ "qu\xE1\xBB\x91\x63", SPELL_OK },               /* quốc */
	{ "quy\xE1\xBB\x81n", SPELL_OK },                 /* quyền */
	{ "Qu\xE1\xBB\xB3nh", SPELL_OK },                 /* Quỳnh */
	{ "qu\xC3\xBDt", SPELL_OK },                       /* quýt */
	{ "qu\xC3\xBD\x63h", SPELL_OK },                  /* quých */
	{ "thu\xE1\xBB\x9F", SPELL_OK },                  /* thuở */
	{ "y\xC3\xAAu", SPELL_OK }, { "\xC3\xADt", SPELL_OK },
	{ "xoong", SPELL_OK }, { "ngo\xE1\xBA\xB9o", SPELL_OK },
	{ "r\xC6\xB0\xE1\xBB\xA3u", SPELL_OK },           /* rượu */
	{ "KHU\xE1\xBB\xB6U", SPELL_OK },                 /* KHUỶU */
	{ "k\xE1\xBB\xB9", SPELL_OK }, { "l\xC3\xBD", SPELL_OK },
	/* impossible */
	{ "phu\xC6\xA1ng", SPELL_INVALID },               /* phuơng */
	{ "th\xC6\xB0o", SPELL_INVALID },                 /* thưo */
	{ "k\xC3\xA1i", SPELL_INVALID },                  /* kái */
	{ "ngi\xC3\xAAm", SPELL_INVALID },                /* ngiêm */
	{ "gh\xC3\xA0", SPELL_INVALID },                  /* ghà */
	{ "c\xC3\xA9m", SPELL_INVALID },                  /* cém */
	{ "h\xC3\xA0t", SPELL_INVALID },                  /* hàt: p t c ch want sắc or nặng */
	{ "h\xE1\xBA\xA3p", SPELL_INVALID },              /* hảp */
	{ "ho\xC4\x83", SPELL_INVALID },                  /* hoă */
	{ "b\xC3\xA2", SPELL_INVALID },                   /* bâ */
	{ "i\xC3\xAAn", SPELL_INVALID },                  /* iên */
	{ "ti\xC3\xA8\xCC\x81", SPELL_INVALID },          /* two tones */
	{ "quo\xC3\xA1", SPELL_INVALID },
	/* not Vietnamese: never reported */
	{ "H\xC4\x90ND", SPELL_FOREIGN }, { "NS\xC6\xAFT", SPELL_FOREIGN },
	{ "Kr\xC3\xB4ng", SPELL_FOREIGN }, { "\xC4\x90\xE1\xBA\xAFk", SPELL_FOREIGN },
	{ "caf\xC3\xA9", SPELL_FOREIGN }, { "K\xC3\xB6ln", SPELL_FOREIGN },
	{ "Stra\xC3\x9F\x65", SPELL_FOREIGN }, { "\xC3\x8Anu\xC3\xB4l", SPELL_FOREIGN },
	{ "online", SPELL_FOREIGN }, { "XII", SPELL_FOREIGN },
};

static void
test_verdicts(void)
{
	char what[96];

	for (size_t i = 0; i < LEN(verdicts); i++) {
		snprintf(what, sizeof(what), "verdict of \"%s\"", verdicts[i].w);
		IS_INT(spell_syllable(verdicts[i].w, strlen(verdicts[i].w)),
		       verdicts[i].v, what);
	}
}

static void
test_suggest(void)
{
	static const struct { const char *w, *fix; } cases[] = {
		{ "phu\xC6\xA1ng", "ph\xC6\xB0\xC6\xA1ng" },
		{ "Phu\xC6\xA1ng", "Ph\xC6\xB0\xC6\xA1ng" },
		{ "th\xC6\xB0ong", "th\xC6\xB0\xC6\xA1ng" },
		{ "k\xC3\xA1i", "c\xC3\xA1i" },
		{ "ngi\xC3\xAAm", "nghi\xC3\xAAm" },
		{ "gh\xC3\xA0", "g\xC3\xA0" },
		{ "c\xC3\xA9m", "k\xC3\xA9m" },
		{ "ho\xC4\x83", "hoa" },
		/* ọ -> ộ: the dot below keeps its place before the circumflex */
		{ "thu\xE1\xBB\x8D\x63", "thu\xE1\xBB\x99\x63" },
		{ "ph\xC6\xB0\xC6\xA1ng", NULL },
		{ "cem", NULL }, /* plain Latin letters: not Vietnamese */
	};
	char buf[64], what[96];

	for (size_t i = 0; i < LEN(cases); i++) {
		bool ok = spell_suggest(cases[i].w, strlen(cases[i].w), buf, sizeof(buf));
		snprintf(what, sizeof(what), "correction of \"%s\"", cases[i].w);
		IS_STR(ok ? buf : NULL, cases[i].fix, what);
	}
}

struct collect {
	char out[8192];
};

static void
collect(void *arg, uint32_t line, uint32_t col, const char *msg)
{
	struct collect *c = arg;
	size_t n = strlen(c->out);

	snprintf(c->out + n, sizeof(c->out) - n, "%u:%u: %s\n", line, col, msg);
}

static const char *
check_doc(struct spell *sp, const char *doc, struct collect *c)
{
	c->out[0] = '\0';
	spell_check(sp, doc, strlen(doc), collect, c);
	return c->out;
}

static void
test_documents(void)
{
	struct collect c;
	struct spell *sp = spell_new();

	IS_STR(check_doc(sp, "<m><!-- phu\xC6\xA1ng --><p a=\"phu\xC6\xA1ng\">"
			 "\xC4\x91\xE1\xBB\x8B\x61 phu\xC6\xA1ng</p>&amp;phu\xC6\xA1ng</m>", &c),
	       "1:37: \"phu\xC6\xA1ng\" is not a Vietnamese syllable (ph\xC6\xB0\xC6\xA1ng?)\n"
	       "1:52: \"phu\xC6\xA1ng\" is not a Vietnamese syllable (ph\xC6\xB0\xC6\xA1ng?)\n",
	       "comments and attribute values are not checked, texts are");
	IS_STR(check_doc(sp, "<p>\xE1\xBB\xA6y ban, \xE1\xBB\xA6y vi\xC3\xAAn,\n"
			 "U\xE1\xBB\xB7 ban, Huy\xE1\xBB\x87n \xE1\xBB\xA7y, huy\xE1\xBB\x87n u\xE1\xBB\xB7</p>", &c),
	       "2:1: tone placement: \"U\xE1\xBB\xB7\" (2) where this document mostly writes \"\xE1\xBB\xA6y\" (3)\n",
	       "two tone placements: one warning, with both counts");
	IS_STR(check_doc(sp, "<p>ho\xC3\xA0 gi\xE1\xBA\xA3i, h\xC3\xB2\x61 gi\xE1\xBA\xA3i</p>", &c),
	       "1:14: tone placement: \"h\xC3\xB2\x61\" (1) where this document mostly writes \"ho\xC3\xA0\" (1)\n",
	       "a tie: the first spelling is the majority");
	IS_STR(check_doc(sp, "<a><person><name>\xC4\x90\xC3\xA0o Th\xE1\xBB\x8B Ho\xC3\xA0</name></person>"
			 "<person><name>L\xC6\xB0\xC6\xA1ng Th\xE1\xBB\x8B H\xC3\xB2\x61</name></person>"
			 "<p>b\xC3\xA0 \xC4\x90\xC3\xA0o Th\xE1\xBB\x8B Ho\xC3\xA0 v\xC3\xA0 b\xC3\xA0 L\xC6\xB0\xC6\xA1ng Th\xE1\xBB\x8B H\xC3\xB2\x61</p></a>", &c),
	       "", "each person spells their own name");
	/* Thuỷ and Hoà are persons; thủy lợi and hòa giải are words */
	IS_STR(check_doc(sp, "<a><person><name>Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B Thu\xE1\xBB\xB7</name></person>"
			 "<person><name>\xC4\x90\xC3\xA0o Th\xE1\xBB\x8B Ho\xC3\xA0</name></person>\n"
			 "<p>\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD Thu\xE1\xBB\xB7 b\xC3\xA1o c\xC3\xA1o th\xE1\xBB\xA7y l\xE1\xBB\xA3i; "
			 "ch\xE1\xBB\x8B Ho\xC3\xA0 n\xC3\xAAu h\xC3\xB2\x61 gi\xE1\xBA\xA3i;\n"
			 "th\xE1\xBB\xA7y l\xE1\xBB\xA3i, h\xC3\xB2\x61 gi\xE1\xBA\xA3i, b\xC3\xA0 Thu\xE1\xBB\xB7, Ho\xC3\xA0.</p></a>", &c),
	       "", "a person named by her given name alone: not counted against the words");
	IS_STR(check_doc(sp, "<a><person><name>L\xC6\xB0\xC6\xA1ng Th\xE1\xBB\x8B Ho\xC3\xA0</name></person>\n"
			 "<p>x\xC3\xA3 H\xC3\xB2\x61 Thu\xE1\xBA\xADn, x\xC3\xA3 Ho\xC3\xA0 Thu\xE1\xBA\xADn, x\xC3\xA3 H\xC3\xB2\x61 Thu\xE1\xBA\xADn</p></a>", &c),
	       "2:21: tone placement: \"Ho\xC3\xA0\" (1) where this document mostly writes \"H\xC3\xB2\x61\" (2)\n",
	       "a given name that starts a longer name (a place) is counted");
	IS_STR(check_doc(sp, "<a><name>Nguy\xE1\xBB\x85n V\xC4\x83n An</name>\n"
			 "<p>\xC3\xB4ng Nguy\xE1\xBB\x85n v\xC4\x83n An, Nguy\xE1\xBB\x85n V\xC4\x83n an</p></a>", &c),
	       "2:15: \"Nguy\xE1\xBB\x85n v\xC4\x83n An\": the name is written \"Nguy\xE1\xBB\x85n V\xC4\x83n An\" elsewhere\n"
	       "2:34: \"Nguy\xE1\xBB\x85n V\xC4\x83n an\": the name is written \"Nguy\xE1\xBB\x85n V\xC4\x83n An\" elsewhere\n",
	       "an attendee's name with a lower-case syllable");
	IS_STR(check_doc(sp, "<p>theo t\xC6\xB0 t\xC6\xB0\xE1\xBB\x9Fng H\xE1\xBB\x93 Ch\xC3\xAD minh</p>", &c),
	       "1:25: \"H\xE1\xBB\x93 Ch\xC3\xAD minh\": the name is written \"H\xE1\xBB\x93 Ch\xC3\xAD Minh\" elsewhere\n",
	       "a national name with a lower-case syllable");
	IS_STR(check_doc(sp, "<p>nguy\xE1\xBB\x85n v\xC4\x83n an, V\xC4\x83n an</p>", &c), "",
	       "lower-case words that only look like a name");
	spell_free(sp);

	/* a name seen in one file of an archive, misspelt in another */
	sp = spell_new();
	spell_learn(sp, "<p>L\xC3\xAA Th\xE1\xBB\x8B H\xE1\xBB\x93ng G\xE1\xBA\xA5m ph\xC3\xA1t bi\xE1\xBB\x83u</p>", 33);
	IS_STR(check_doc(sp, "<p>\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD L\xC3\xAA Th\xE1\xBB\x8B h\xE1\xBB\x93ng G\xE1\xBA\xA5m</p>", &c),
	       "1:20: \"L\xC3\xAA Th\xE1\xBB\x8B h\xE1\xBB\x93ng G\xE1\xBA\xA5m\": the name is written \"L\xC3\xAA Th\xE1\xBB\x8B H\xE1\xBB\x93ng G\xE1\xBA\xA5m\" elsewhere\n",
	       "a name from another file of the archive");
	spell_free(sp);
}

static char *
slurp(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s", top ? top : ".", name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void
test_samples(void)
{
	struct collect c;
	struct spell *sp = spell_new();
	size_t len;
	char *s = slurp("data/ngan-son-2020.xml", &len);

	OK(s != NULL, "read data/ngan-son-2020.xml");
	c.out[0] = '\0';
	if (s)
		spell_check(sp, s, len, collect, &c);
	IS_STR(c.out,
	       "49:28: \"phu\xC6\xA1ng\" is not a Vietnamese syllable (ph\xC6\xB0\xC6\xA1ng?)\n"
	       "50:77: tone placement: \"U\xE1\xBB\xB7\" (3) where this document mostly writes \"\xE1\xBB\xA6y\" (19)\n"
	       "102:19: \"H\xE1\xBB\x93 Ch\xC3\xAD minh\": the name is written \"H\xE1\xBB\x93 Ch\xC3\xAD Minh\" elsewhere\n",
	       "the seed's three slips, and nothing else");
	free(s);
	s = slurp("data/ban-ke-hoach-2021.xml", &len);
	OK(s != NULL, "read data/ban-ke-hoach-2021.xml");
	c.out[0] = '\0';
	if (s)
		spell_check(sp, s, len, collect, &c);
	/* its persons keep both tone placements (Hoà, Hòa, Thuỷ, Thủy: as
	 * their papers write them), its words and places keep one */
	IS_STR(c.out, "", "the second sample: no warning");
	free(s);
	spell_free(sp);
}

/* Every line of the list of real names and titles, as a document of its
 * own: no warning. */
static void
test_names(void)
{
	size_t len, lines = 0, warned = 0;
	char *s = slurp("tests/fixtures/spell/names.txt", &len), *line, *save = NULL;
	struct collect c;

	OK(s != NULL, "read tests/fixtures/spell/names.txt");
	if (!s)
		return;
	for (line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char doc[1024];
		struct spell *sp;
		if (line[0] == '#' || !line[0])
			continue;
		lines++;
		snprintf(doc, sizeof(doc), "<p>%s</p>", line);
		sp = spell_new();
		c.out[0] = '\0';
		if (spell_check(sp, doc, strlen(doc), collect, &c) > 0) {
			warned++;
			printf("# %s: %s", line, c.out);
		}
		spell_free(sp);
	}
	OK(lines > 300, "the list has more than 300 names and titles");
	IS_INT(warned, 0, "no warning on real names and official titles");
	free(s);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_verdicts();
	test_suggest();
	test_documents();
	test_samples();
	test_names();
	return tap_done();
}
