/* test_meetings.c - the meetings list of a folder through its index and
 * with every file read (--no-index): the same rows in every order and
 * filter, a meeting loaded when opened and the others let go, notes
 * changing a row, the search, r rescanning the folder, the fallback when
 * the index cannot be used, and the words of the build's progress. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "browser.h"
#include "doc.h"
#include "meetings.h"
#include "navigate.h"
#include "notes.h"
#include "tap.h"

static char dir[] = "/tmp/minutes-test-meetings-XXXXXX";
static char arch[4200], cache[4200];

static char cmd[20000];
/* a shell command made like printf's */
#define SH(...) (snprintf(cmd, sizeof(cmd), __VA_ARGS__), system(cmd))

/* every row of the list, one a line */
static char *
rows(struct browser *b)
{
	static char buf[16384];
	size_t n = 0;
	int k = meetings_rows(b);
	buf[0] = '\0';
	for (int r = 0; r < k; r++) {
		struct meetings_row w;
		if (!meetings_row(b, r, &w))
			break;
		n += (size_t)snprintf(buf + n, sizeof(buf) - n,
				      "%s|%s|%s|%s|%d|%d|%zu|%s|%d|%s\n",
				      w.shown, w.date, w.title, w.number,
				      (int)w.status, w.problems, w.open, w.review,
				      w.broken, w.broken ? w.reason : "");
		if (n >= sizeof(buf))
			break;
	}
	snprintf(buf + (n < sizeof(buf) ? n : sizeof(buf) - 1),
		 sizeof(buf) - (n < sizeof(buf) ? n : sizeof(buf) - 1),
		 "total %d, open %zu, count %d", meetings_total(b), b->list_open,
		 meetings_count(b));
	return buf;
}

static void
open_both(struct browser *ix, struct browser *scan)
{
	char *args[] = { arch };
	memset(ix, 0, sizeof(*ix));
	memset(scan, 0, sizeof(*scan));
	ix->cache_dir = cache;
	scan->no_index = true;
	browser_open(ix, args, 1, "lan");
	browser_open(scan, args, 1, "lan");
}

/* the same rows from both, after STEP */
static void
same(struct browser *ix, struct browser *scan, const char *step)
{
	char *a = strdup(rows(ix));
	IS_STR(a, rows(scan), step);
	free(a);
}

static void
test_same_rows(void)
{
	struct browser ix, scan;
	open_both(&ix, &scan);
	OK(ix.ix != NULL, "the folder opens through its index");
	OK(scan.ix == NULL, "--no-index reads every file");
	IS_INT(meetings_total(&ix), 5, "five meetings");
	same(&ix, &scan, "newest first, the broken file last");
	const char *r = rows(&ix);
	OK(strstr(r, "broken.xml||||0|0|0||1|") != NULL, "the ERROR row says why");
	for (int s = 0; s < 4; s++) {
		meetings_next_sort(&ix);
		meetings_next_sort(&scan);
		char what[64];
		snprintf(what, sizeof(what), "sorted the same (order %d)", (s + 1) % 4);
		same(&ix, &scan, what);
	}
	for (int s = 0; s < 4; s++) {
		meetings_next_status(&ix);
		meetings_next_status(&scan);
		same(&ix, &scan, "filtered by status the same");
	}
	meetings_toggle_open(&ix);
	meetings_toggle_open(&scan);
	same(&ix, &scan, "only with open notes");
	IS_INT(meetings_rows(&ix), 1, "one meeting has open notes");
	meetings_toggle_open(&ix);
	meetings_toggle_open(&scan);
	const char *texts[] = { "TAN LAP", "15/BB", "broken", "archive", "ngân sơn",
				"Nguyễn", "zzz" };
	for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		meetings_set_text(&ix, texts[i]);
		meetings_set_text(&scan, texts[i]);
		same(&ix, &scan, texts[i]);
	}
	meetings_set_text(&ix, "");
	meetings_set_text(&scan, "");

	/* the Open notes row: the same notes, the meeting loaded on Enter */
	ix.list.cur = scan.list.cur = meetings_rows(&ix);
	OK(meetings_enter(&ix) && meetings_enter(&scan), "the Open notes listing");
	IS_INT(ix.nonote, scan.nonote, "as many open notes");
	IS_INT(ix.nonote, 4, "four");
	for (int i = 0; i < ix.nonote && i < scan.nonote; i++) {
		struct meetings_note_view a, c;
		OK(meetings_note_view(&ix, i, &a) && meetings_note_view(&scan, i, &c),
		   "a note shown");
		IS_STR(a.target, c.target, "the same element");
		IS_STR(a.meeting, c.meeting, "the same meeting");
		IS_STR(a.text, c.text, "the same text");
	}
	IS_INT(ix.ndocs, 0, "listing the notes loads no meeting");
	ix.onote_cur.cur = 1;
	OK(meetings_enter(&ix) && ix.doc && ix.doc->m, "Enter opens the note's meeting");
	IS_STR(navigate_target(&ix), "hc2", "at its element");
	IS_INT(ix.ndocs, 1, "that one meeting loaded");
	ix.doc = NULL;
	meetings_back(&ix);
	meetings_back(&scan);
	browser_close(&ix);
	browser_close(&scan);
}

static void
test_cache_and_notes(void)
{
	struct browser ix, scan;
	open_both(&ix, &scan);
	IS_INT(ix.ndocs, 0, "the list loads no meeting");
	int n = meetings_rows(&ix);
	for (int round = 0; round < 2; round++)
		for (int r = 0; r < n; r++) {
			ix.doc = meetings_doc(&ix, r);
			OK(ix.doc != NULL, "a row opens");
			OK(ix.ndocs <= 4, "a few meetings kept loaded at most");
			ix.doc = NULL;
		}
	/* a note in a meeting: its row's open notes and review state */
	int row = -1;
	for (int r = 0; r < n; r++) {
		struct meetings_row w;
		if (meetings_row(&ix, r, &w) && strstr(w.path, "tan-lap"))
			row = r;
	}
	OK(row >= 0, "the tan-lap row");
	struct doc *d = meetings_doc(&ix, row);
	ix.doc = d;
	struct notes_error err;
	const struct note *added = NULL;
	const char *item = NULL;
	for (uint32_t s = 0; d && d->m && s < d->m->nsections && !item; s++)
		if (d->m->sections[s].nitems)
			item = d->m->sections[s].items[0].id;
	OK(item && d->notes && notes_add(d->notes, item, NOTES_COMMENT,
					 "Kiểm tra lại số liệu.", &added, &err) == NOTES_OK,
	   "a note added");
	doc_notes_changed(&ix);
	ix.doc = NULL;
	/* pushed out of the few loaded: the index says it */
	for (int r = 0; r < n; r++)
		meetings_doc(&ix, r);
	struct meetings_row w;
	OK(meetings_row(&ix, row, &w) && w.open == 1, "the row counts the new note");
	IS_STR(w.review, "open (1 open)", "and says it is open");
	browser_close(&ix);
	browser_close(&scan);
	open_both(&ix, &scan);
	same(&ix, &scan, "the index and the files agree about the note");
	browser_close(&ix);
	browser_close(&scan);
}

static void
test_search(void)
{
	struct browser ix, scan;
	open_both(&ix, &scan);
	const char *q[] = { "đại đoàn kết", "ngân", "zzzz", "kq", "Ủy ban" };
	for (size_t i = 0; i < sizeof(q) / sizeof(*q); i++) {
		navigate_search_set(&ix, q[i], false);
		navigate_search_set(&scan, q[i], false);
		ix.list.cur = scan.list.cur = 0;
		for (int k = 0; k < 4; k++) {
			int a = meetings_search(&ix, k & 1);
			int c = meetings_search(&scan, k & 1);
			IS_INT(a, c, q[i]);
			if (a >= 0)
				ix.list.cur = scan.list.cur = a;
		}
	}
	IS_INT(ix.ndocs, 0, "the search loads no meeting");
	browser_close(&ix);
	browser_close(&scan);
}

static void
test_rescan(void)
{
	struct browser ix, scan;
	open_both(&ix, &scan);
	meetings_rescan(&ix);
	IS_STR(ix.msg, "Nothing changed in the folder", "r, nothing changed");
	meetings_rescan(&scan);
	IS_STR(scan.msg, "Nothing changed in the folder", "r, nothing changed (no index)");
	/* one new, one removed, one changed */
	if (SH("cp '%s/ban-ke-hoach-2021.xml' '%s/new.xml'", arch, arch) != 0 ||
	    SH("rm '%s/problems.xml'", arch) != 0 ||
	    SH("sed -i 's/Ngân Sơn/Ngân Sơn mới/' '%s/ngan-son-2020.xml'", arch) != 0)
		return;
	meetings_rescan(&ix);
	IS_STR(ix.msg, "1 new, 1 removed, 1 changed", "r says what changed");
	meetings_rescan(&scan);
	IS_STR(scan.msg, "1 new, 1 removed, 1 changed", "r says what changed (no index)");
	same(&ix, &scan, "the rows after r");
	IS_INT(meetings_total(&ix), 5, "five meetings again");
	const char *r = rows(&ix);
	OK(strstr(r, "/new.xml|") && !strstr(r, "problems.xml"), "the new file in, the removed one out");
	browser_close(&ix);
	browser_close(&scan);
}

static void
test_fallback(void)
{
	struct browser b, scan;
	char *args[] = { arch };
	char blocker[4300];

	snprintf(blocker, sizeof(blocker), "%s/blocker", dir);
	FILE *f = fopen(blocker, "w");
	if (f)
		fclose(f);
	memset(&b, 0, sizeof(b));
	b.cache_dir = blocker; /* a file where the folder should be */
	IS_INT(browser_open(&b, args, 1, "lan"), 5, "it still opens");
	OK(b.ix == NULL, "without the index");
	OK(strncmp(b.msg, "The index cannot be used (", 26) == 0 && b.msg_error,
	   "and says so once");
	memset(&scan, 0, sizeof(scan));
	scan.no_index = true;
	browser_open(&scan, args, 1, "lan");
	same(&b, &scan, "the same rows read from the files");
	browser_close(&b);

	/* a damaged database: the same */
	memset(&b, 0, sizeof(b));
	char bad[4400];
	snprintf(bad, sizeof(bad), "%s/bad", dir);
	mkdir(bad, 0700);
	b.cache_dir = bad;
	browser_open(&b, args, 1, "lan");
	meetings_rows(&b);
	browser_close(&b);
	if (SH("for f in '%s'/*.sqlite; do printf 'garbage%%4096s' x > \"$f\"; done; rm -f '%s'/*-wal '%s'/*-shm",
	       bad, bad, bad) != 0)
		return;
	memset(&b, 0, sizeof(b));
	b.cache_dir = bad;
	browser_open(&b, args, 1, "lan");
	same(&b, &scan, "a damaged index: the files read instead");
	OK(b.ix == NULL && b.msg_error, "said in the status line");
	browser_close(&b);
	browser_close(&scan);
}

int
main(void)
{
	char buf[256];

	IS_STR(meetings_progress_text(buf, sizeof(buf), 1200, 20000, 850.4),
	       "Indexing the folder: 1200 of 20000 files (850 files/s)",
	       "the progress in words");
	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp\n");
		return 1;
	}
	snprintf(arch, sizeof(arch), "%s/archive", dir);
	snprintf(cache, sizeof(cache), "%s/cache", dir);
	if (SH("mkdir '%s' && cp '" SRCDIR "'/data/*.xml '" SRCDIR
	       "'/tests/screens/archive/*.xml '%s'/", arch, arch) != 0 ||
	    SH("mkdir '%s/ngan-son-2020.notes' && cp '" SRCDIR
	       "'/tests/screens/notes/Nguyen_Minh.xml '%s/ngan-son-2020.notes/'",
	       arch, arch) != 0)
	{
		printf("Bail out! the archive\n");
		return 1;
	}
	test_same_rows();
	test_cache_and_notes();
	test_search();
	test_rescan();
	test_fallback();
	SH("rm -rf '%s'", dir);
	return tap_done();
}
