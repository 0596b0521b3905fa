/* test_loader_bytes.c - the loader's bytes on their way to the parser
 * (loader_bytes.c and the limits of loader.c): invalid UTF-8 cut by
 * chunk boundaries, hostile files, nesting too deep, FIFOs and other
 * special files, encodings that cannot be read. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader.h"
#include "tap.h"
#include "text.h"
#include "loader_fx.h"

/* The title of fixture NAME, loaded with problems. */
static void
check_title(const char *name, const char *want)
{
	struct minutes *m;
	struct load_error err;
	char what[256];
	loader_load_file(fixture(name), &m, &err);
	snprintf(what, sizeof(what), "%s: the title, U+FFFD for each bad byte",
		 name);
	IS_STR(m ? m->meeting.title : "(fatal)", want, what);
	minutes_free(m);
}

/* Invalid UTF-8 repaired on the way to the parser, which reads the
 * input in 64 KiB chunks: a sequence placed across every split of the
 * first chunk boundary gives the same title and the same problem. */
static void
test_utf8_across_chunks(void)
{
	static const struct {
		const char *bytes, *shown, *problem;
	} cases[] = {
		{ "\xE1\xBB\x87", "\xE1\xBB\x87", "" },
		{ "\xC3\xA9", "\xC3\xA9", "" },
		{ "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", "" },
		{ "\xE1\x41", "\xEF\xBF\xBD" "A", "invalid UTF-8 (byte 0xE1)" },
		{ "\xE1\xBB" "x", "\xEF\xBF\xBD\xEF\xBF\xBDx",
		  "invalid UTF-8 (bytes 0xE1 0xBB)" },
		{ "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
		  "invalid UTF-8 (bytes 0xED 0xA0 0x80)" },
		{ "\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD",
		  "invalid UTF-8 (bytes 0xFF 0xFE)" },
	};
	const char *head = "<minutes version=\"1\" id=\"m\"><meeting><title>";
	const char *tail = "</title><date>2020-01-01</date></meeting>"
			   "<attendees/><section id=\"s\" kind=\"other\">"
			   "<heading>H</heading></section></minutes>";
	size_t hl = strlen(head), chunk = 64 << 10, bad = 0;
	char *doc = malloc(chunk * 2), *want = malloc(chunk * 2);
	for (size_t c = 0; c < sizeof(cases) / sizeof(*cases); c++) {
		size_t n = strlen(cases[c].bytes);
		for (size_t split = 0; split <= n; split++) {
			/* the sequence starts SPLIT bytes before the boundary */
			size_t pad = chunk - split - hl;
			memcpy(doc, head, hl);
			memset(doc + hl, 'a', pad);
			strcpy(doc + hl + pad, cases[c].bytes);
			strcat(doc, tail);
			memset(want, 'a', pad);
			strcpy(want + pad, cases[c].shown);
			char problem[200] = "";
			if (*cases[c].problem)
				snprintf(problem, sizeof(problem),
					 "1:%zu: %s, shown as U+FFFD\n",
					 hl + pad + 1, cases[c].problem);
			struct minutes *m;
			struct load_error err;
			loader_load_memory("mem.xml", doc, strlen(doc), &m, &err);
			char *got = problems(m);
			if (!m || strcmp(m->meeting.title, want) != 0 ||
			    strcmp(got, problem) != 0) {
				if (!bad++)
					printf("# case %zu split %zu: %s\n", c,
					       split, m ? got : err.msg);
			}
			free(got);
			minutes_free(m);
		}
	}
	IS_INT(bad, 0, "UTF-8 across the parser's chunks: repaired alike at every split");
	free(doc);
	free(want);
}

static void
test_hostile_files(void)
{
	check_fatal("hostile-billion-laughs.xml", "2:1: DOCTYPE not allowed");
	check_fatal("hostile-xxe.xml", "2:1: DOCTYPE not allowed");
	check_fatal("hostile-doctype.xml", "3:1: DOCTYPE not allowed");
	check_fatal("hostile-undefined-entity.xml",
		"4:21: Entity 'nbsp' not defined (only &amp; &lt; &gt; &quot; "
		"&apos; and character references are allowed)");
	/* invalid UTF-8 is shown as U+FFFD and listed: the file loads */
	check_problems("hostile-utf8-text.xml",
		"4:14: invalid UTF-8 (bytes 0xE1 0xBB), shown as U+FFFD\n");
	check_problems("hostile-utf8-attr.xml",
		"2:22: bad id \"h\xEF\xBF\xBD(p\": not an XML name\n"
		"2:27: invalid UTF-8 (byte 0xC3), shown as U+FFFD\n");
	check_problems("hostile-overlong.xml",
		"4:13: invalid UTF-8 (bytes 0xC0 0xAF), shown as U+FFFD\n");
	check_problems("hostile-surrogate.xml",
		"4:13: invalid UTF-8 (bytes 0xED 0xA0 0x80), shown as U+FFFD\n");
	check_title("hostile-utf8-text.xml", "Vi\xEF\xBF\xBD\xEF\xBF\xBD t");
	check_title("hostile-overlong.xml", "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
	check_title("hostile-surrogate.xml",
		    "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b");
	/* a file cut short (inside a character too) is not XML */
	check_fatal("hostile-truncated.xml",
		"4:16: the file ends before the document does (is it cut short?)");
	check_fatal("hostile-empty.xml", "0:0: empty file");
	check_fatal("hostile-binary.xml",
		"1:1: not an XML document (it must start with '<')");
	check_fatal("hostile-gzip.xml", "0:0: compressed file: decompress it first");
	check_fatal("hostile-nul.xml", "4:13: NUL byte (not allowed in XML)");
	check_fatal("hostile-mismatched.xml",
		"4:23: Opening and ending tag mismatch: title line 4 and titel");
}

/* Nesting: 64 levels are fine, the 65th is refused where it starts. */
static void
test_deep(void)
{
	struct minutes *m;
	struct load_error err;
	size_t n = 100000, len = 0;
	char *xml = malloc(n * 3 + 64);
	len += (size_t)sprintf(xml, "<minutes version=\"1\">");
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(xml + len, "<a>");
	IS_INT(loader_load_memory("deep.xml", xml, len, &m, &err), LOAD_FATAL,
	       "deep: LOAD_FATAL");
	IS_STR(fatal_of(LOAD_FATAL, &err),
	       "1:211: elements nested deeper than 64 levels",
	       "deep: refused at the 65th level");
	len = (size_t)sprintf(xml, "<minutes version=\"1\">");
	for (int i = 0; i < 63; i++)
		len += (size_t)sprintf(xml + len, "<a>");
	for (int i = 0; i < 63; i++)
		len += (size_t)sprintf(xml + len, "</a>");
	len += (size_t)sprintf(xml + len, "</minutes>");
	IS_INT(loader_load_memory("deep.xml", xml, len, &m, &err), LOAD_INVALID,
	       "deep: 64 levels load");
	minutes_free(m);
	free(xml);
}

static void
on_alarm(int sig)
{
	(void)sig;
	static const char msg[] = "not ok - the loader blocked (FIFO?)\n";
	if (write(1, msg, sizeof(msg) - 1) < 0)
		_exit(3);
	_exit(2);
}

static void
test_special_files(void)
{
	char dir[] = "/tmp/test_loader.XXXXXX", fifo[64];
	check_fatal_file(path_of("tests/fixtures"), "directory",
			 "0:0: is a directory");
	check_fatal_file(fixture("no-such-file.xml"), "nonexistent",
			 "0:0: No such file or directory");
	if (!mkdtemp(dir)) {
		OK(0, "mkdtemp");
		return;
	}
	snprintf(fifo, sizeof(fifo), "%s/fifo.xml", dir);
	if (mkfifo(fifo, 0600) == 0) {
		signal(SIGALRM, on_alarm);
		alarm(10);
		check_fatal_file(fifo, "FIFO",
				 "0:0: not a regular file (a FIFO, device or socket)");
		alarm(0);
		unlink(fifo);
	} else {
		OK(0, "mkfifo");
	}
	rmdir(dir);
	check_fatal_file("/dev/null", "device",
			 "0:0: not a regular file (a FIFO, device or socket)");
}

static void
test_bad_encoding(void)
{
	struct minutes *m;
	struct load_error err;
	const char *xml = "<?xml version=\"1.0\" encoding=\"windows-1258\"?>\n"
		"<minutes version=\"1\"><meeting><title>ab\x81" "c</title>"
		"</meeting></minutes>\n";
	enum load_status st = load_str(xml, &m, &err);
	IS_STR(fatal_of(st, &err), "0:0: not valid in the declared encoding "
	       "(bytes 0x81 0x63 0x3C 0x2F)", "a byte windows-1258 lacks");
	xml = "<?xml version=\"1.0\" encoding=\"no-such\"?>\n<minutes/>\n";
	st = load_str(xml, &m, &err);
	IS_STR(fatal_of(st, &err), "1:39: Unsupported encoding no-such",
	       "an unknown encoding");
}

int
main(void)
{
	srcdir = getenv("top_srcdir");
	if (!srcdir || !*srcdir)
		srcdir = ".";
	test_hostile_files();
	test_utf8_across_chunks();
	test_deep();
	test_special_files();
	test_bad_encoding();
	return tap_done();
}
