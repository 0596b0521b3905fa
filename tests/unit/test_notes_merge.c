/* test_notes_merge.c - the git merge driver for notes files
 * (notes_merge_files): the union by note id, the later change winning,
 * deletions kept, malformed or empty sides refused. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model.h"
#include "notes.h"
#include "notes_fx.h"
#include "tap.h"

static const char merge_head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<notes version=\"1\" minutes=\"hop-thu-2020\" reviewer=\"lan\">\n";

/* A note as the store writes it. */
static void
mnote(char *buf, size_t size, const char *id, const char *modified,
      const char *status, const char *status_at, const char *text)
{
	size_t n = strlen(buf);
	snprintf(buf + n, size - n,
		 "  <note id=\"%s\" target=\"kq1\" kind=\"comment\" status=\"%s\""
		 " created=\"2026-11-28T10:00:00Z\" modified=\"%s\""
		 " status-at=\"%s\" hash=\"h\">\n"
		 "    <quote>q</quote>\n    <text>%s</text>\n  </note>\n",
		 id, status, modified, status_at, text);
}

static void
test_merge_driver(void)
{
	char dir[1024], b[4096], o[4096], t[4096];
	char fb[65536], fo[65536], ft[65536], want[65536];
	struct notes_error err = { "" };
	const char *T0 = "2026-11-28T10:00:00Z", *T1 = "2026-11-28T11:00:00Z",
		   *T2 = "2026-11-28T12:00:00Z";
	snprintf(dir, sizeof(dir), "%s/merge-driver", scratch);
	mkdir(dir, 0777);
	snprintf(b, sizeof(b), "%s/base.xml", dir);
	snprintf(o, sizeof(o), "%s/ours.xml", dir);
	snprintf(t, sizeof(t), "%s/theirs.xml", dir);

	/* base: a b c d; ours: a edited, b deleted, c kept, d status at T2,
	 * e added; theirs: a kept, b kept, c deleted, d edited at T1, f
	 * added; a status record on x in both, a sign-off in theirs */
	snprintf(fb, sizeof(fb), "%s", merge_head);
	mnote(fb, sizeof(fb), "a", T0, "open", T0, "a0");
	mnote(fb, sizeof(fb), "b", T0, "open", T0, "b0");
	mnote(fb, sizeof(fb), "c", T0, "open", T0, "c0");
	mnote(fb, sizeof(fb), "d", T0, "open", T0, "d0");
	strcat(fb, "</notes>\n");
	snprintf(fo, sizeof(fo), "%s", merge_head);
	mnote(fo, sizeof(fo), "a", T1, "open", T0, "a ours");
	mnote(fo, sizeof(fo), "c", T0, "open", T0, "c0");
	mnote(fo, sizeof(fo), "d", T2, "resolved", T2, "d0");
	mnote(fo, sizeof(fo), "e", T1, "open", T1, "e ours");
	strcat(fo, "  <status note=\"x\" status=\"resolved\" by=\"lan\" at=\"2026-11-28T11:00:00Z\"/>\n</notes>\n");
	snprintf(ft, sizeof(ft), "%s", merge_head);
	mnote(ft, sizeof(ft), "a", T0, "open", T0, "a0");
	mnote(ft, sizeof(ft), "b", T0, "open", T0, "b0");
	mnote(ft, sizeof(ft), "d", T1, "open", T0, "d theirs");
	mnote(ft, sizeof(ft), "f", T1, "open", T1, "f theirs");
	strcat(ft, "  <status note=\"x\" status=\"open\" by=\"lan\" at=\"2026-11-28T12:00:00Z\"/>\n"
		   "  <signoff by=\"lan\" at=\"2026-11-28T12:00:00Z\"/>\n</notes>\n");
	spew(b, fb);
	spew(o, fo);
	spew(t, ft);
	IS_INT(notes_merge_files(b, o, t, &err), 0, "merge driver: merged");
	char *got = slurp(o);
	snprintf(want, sizeof(want), "%s",
		 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<notes version=\"2\" minutes=\"hop-thu-2020\" reviewer=\"lan\">\n");
	mnote(want, sizeof(want), "a", T1, "open", T0, "a ours");
	mnote(want, sizeof(want), "d", T2, "resolved", T2, "d0");
	mnote(want, sizeof(want), "e", T1, "open", T1, "e ours");
	mnote(want, sizeof(want), "f", T1, "open", T1, "f theirs");
	strcat(want, "  <status note=\"x\" status=\"open\" by=\"lan\" at=\"2026-11-28T12:00:00Z\"/>\n"
		     "  <signoff by=\"lan\" at=\"2026-11-28T12:00:00Z\"/>\n</notes>\n");
	IS_STR(got, want,
	       "merge driver: the union by id, later modified wins, deletions against unchanged notes kept, status and sign-off the later");
	free(got);

	/* the same note changed on both sides: the later modified wins
	 * its text, the later status-at its status; a note deleted on one
	 * side but changed on the other is kept */
	snprintf(fo, sizeof(fo), "%s", merge_head);
	mnote(fo, sizeof(fo), "a", T2, "open", T0, "a ours, later");
	mnote(fo, sizeof(fo), "c", T1, "open", T0, "c changed");
	strcat(fo, "</notes>\n");
	snprintf(ft, sizeof(ft), "%s", merge_head);
	mnote(ft, sizeof(ft), "a", T1, "resolved", T1, "a theirs");
	strcat(ft, "</notes>\n");
	spew(o, fo);
	spew(t, ft);
	IS_INT(notes_merge_files(b, o, t, &err), 0, "merge driver: merged again");
	got = slurp(o);
	snprintf(want, sizeof(want), "%s", merge_head);
	mnote(want, sizeof(want), "a", T2, "resolved", T1, "a ours, later");
	mnote(want, sizeof(want), "c", T1, "open", T0, "c changed");
	strcat(want, "</notes>\n");
	IS_STR(got, want, "merge driver: text and status merged apart; a changed note survives a deletion");
	free(got);

	/* no common ancestor (an empty BASE), and a malformed side */
	spew(b, "");
	IS_INT(notes_merge_files(b, o, t, &err), 0, "merge driver: an empty base");
	got = slurp(o);
	OK(got && strstr(got, "a ours, later") && strstr(got, "c changed"),
	   "merge driver: every note of both sides");
	free(got);
	spew(t, "<notes version=\"1\"><note id=\"z\"></notes>");
	char *before = slurp(o);
	IS_INT(notes_merge_files(b, o, t, &err), 1, "merge driver: a malformed side is refused");
	snprintf(want, sizeof(want), "%s:1: ", t);
	OK(strncmp(err.msg, want, strlen(want)) == 0 && strstr(err.msg, "; not merged"),
	   "merge driver: FILE:LINE: message");
	got = slurp(o);
	IS_STR(got, before, "merge driver: OURS is left as it was");
	free(got);
	free(before);
	spew(t, "");
	IS_INT(notes_merge_files(b, o, t, &err), 1, "merge driver: an empty side is refused, never taken as no notes");
}

int
main(void)
{
	if (fx_setup() < 0)
		return 1;

	test_merge_driver();

	return fx_done();
}
