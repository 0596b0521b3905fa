/* test_wording.c - the one wording of figures, verdicts, speakers and
 * counts that the screen and --dump share. */
#include <stdlib.h>
#include <string.h>

#include "notes.h"
#include "tap.h"
#include "wording.h"

int
main(void)
{
	char buf[160];
	struct { enum mn_op op; const char *value, *unit, *want, *what; } fig[] = {
		{ MN_OP_GE, "95", "%", "≥95%", "a percentage: no space" },
		{ MN_OP_GT, "1.2", "tỷ đồng", ">1.2 tỷ đồng", "a unit: spaced" },
		{ MN_OP_EQ, "0", "", "=0", "no unit" },
		{ MN_OP_LE, "-0.50", "", "≤-0.50", "a negative value, as written" },
		{ MN_OP_LT, NULL, "%", "<?%", "a value that is not a number" },
	};
	for (size_t i = 0; i < sizeof(fig) / sizeof(*fig); i++) {
		struct mn_figure f = { .op = fig[i].op, .value_str = fig[i].value,
				       .unit = fig[i].unit };
		char *t = wording_figure(&f);
		IS_STR(t, fig[i].want, fig[i].what);
		free(t);
	}
	IS_STR(wording_verdict_mark(MN_MET), "✓", "met mark");
	IS_STR(wording_verdict_mark(MN_MISSED), "✗", "missed mark");
	IS_STR(wording_verdict_mark(MN_UNKNOWN), "?", "unknown mark");
	IS_STR(wording_verdict(MN_MISSED), "missed", "verdict word");
	IS_INT(strlen(wording_verdict_mark(MN_MET)), 3, "a mark is one letter of 3 bytes");
	unsigned v[3] = { [MN_UNKNOWN] = 2, [MN_MET] = 3, [MN_MISSED] = 1 };
	IS_STR(wording_verdict_counts(v, buf, sizeof(buf)),
	       "3 met, 1 missed, 2 unknown", "counts: met, missed, unknown");

	struct mn_person persons[2] = { { .name = "Đặng Văn Đức" },
					{ .name = "Đào Thị Hoà" } };
	uint32_t by[2] = { 1, 0 };
	struct minutes m = { .persons = persons, .npersons = 2 };
	struct mn_item it = { .by = by, .nby = 2 };
	char *s = wording_speakers(&m, &it, 0);
	IS_STR(s, "— Đào Thị Hoà, Đặng Văn Đức", "speakers in the item's order");
	free(s);
	s = wording_speakers(&m, &it, 14);
	IS_STR(s, "— Đào Thị Hoà, Đ", "bounded: 14 columns and one letter more, whole");
	free(s);
	OK(wording_nobody(&m, &it, 0) == NULL, "nobody: none when all are attendees");
	/* names of nobody after the speakers in by (model.h) */
	const char *unknown[2] = { "lan", "Hoà" };
	uint32_t by3[4] = { 1, 1, 0, 0 };
	struct minutes m2 = { .persons = persons, .npersons = 2,
			      .by_unknown = unknown, .nby_unknown = 2 };
	struct mn_item it2 = { .by = by3, .nby = 1, .nunknown = 1 };
	s = wording_nobody(&m2, &it2, 0);
	IS_STR(s, "⚠ not an attendee: Hoà", "nobody: one name");
	free(s);
	it2.by = by3 + 1, it2.nby = 0, it2.nunknown = 3;
	s = wording_nobody(&m2, &it2, 0);
	IS_STR(s, "⚠ not attendees: Hoà, lan, lan", "nobody: several, in the item's order");
	free(s);
	s = wording_nobody(&m2, &it2, 22);
	IS_STR(s, "⚠ not attendees: Hoà, lan, …", "nobody: bounded by a width");
	free(s);
	char want[64];
	IS_STR(wording_time(1764320000, buf, sizeof(buf)),
	       notes_format_time(1764320000, want, sizeof(want)),
	       "a note's time as the notes store says it");
	char cut[256], longer[1200];
	memset(longer, 0, sizeof(longer));
	for (int i = 0; i < 150; i++)
		strcat(longer, "ấ ");
	wording_cut(longer, cut, sizeof(cut));
	OK(strlen(cut) < sizeof(cut) && strstr(cut, "…") != NULL,
	   "a long text is cut with …");
	OK(strncmp(cut + strlen(cut) - strlen("…"), "…", strlen("…")) == 0 &&
	   (strlen(cut) - strlen("…")) % 4 == 0,
	   "... between whole letters (ấ is 3 bytes, a space 1)");
	return tap_done();
}
