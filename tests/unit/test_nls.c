/* test_nls.c - where the program looks for its catalogs: the build tree's
 * po/locale for a program in a tree's tui/, LOCALEDIR for any other. */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nls.h"
#include "tap.h"

int
main(void)
{
	char tmpl[] = "/tmp/test_nls.XXXXXX";
	char *top = mkdtemp(tmpl);
	char path[PATH_MAX], exe[PATH_MAX], want[PATH_MAX], buf[PATH_MAX];
	OK(top != NULL, "a scratch folder");
	if (!top)
		return tap_done();

	snprintf(exe, sizeof(exe), "%s/tui/minutes", top);
	IS_STR(nls_catalog_dir(exe, buf, sizeof(buf)), LOCALEDIR,
	       "no po/locale beside tui/: the installed catalogs");

	snprintf(path, sizeof(path), "%s/po", top);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/po/locale", top);
	IS_INT(mkdir(path, 0700), 0, "make TOP/po/locale");
	snprintf(want, sizeof(want), "%s/po/locale", top);
	IS_STR(nls_catalog_dir(exe, buf, sizeof(buf)), want,
	       "TOP/tui/minutes with TOP/po/locale: the build tree's catalogs");

	snprintf(exe, sizeof(exe), "%s/bin/minutes", top);
	IS_STR(nls_catalog_dir(exe, buf, sizeof(buf)), LOCALEDIR,
	       "TOP/bin/minutes: the installed catalogs");
	snprintf(exe, sizeof(exe), "%s/xtui/minutes", top);
	IS_STR(nls_catalog_dir(exe, buf, sizeof(buf)), LOCALEDIR,
	       "a folder that only ends in tui is not the build tree's tui");
	snprintf(exe, sizeof(exe), "%s/tui/minutes", top);
	IS_STR(nls_catalog_dir(exe, buf, 8), LOCALEDIR,
	       "a path longer than the buffer: the installed catalogs");
	IS_STR(nls_catalog_dir("minutes", buf, sizeof(buf)), LOCALEDIR,
	       "a bare name: the installed catalogs");
	IS_STR(nls_catalog_dir("/tui/minutes", buf, sizeof(buf)), LOCALEDIR,
	       "/tui/minutes with no /po/locale: the installed catalogs");

	/* po/locale must be a folder */
	rmdir(path);
	FILE *f = fopen(path, "w");
	OK(f != NULL, "po/locale as a plain file");
	if (f)
		fclose(f);
	IS_STR(nls_catalog_dir(exe, buf, sizeof(buf)), LOCALEDIR,
	       "po/locale that is not a folder is not the build tree's");
	unlink(path);
	snprintf(path, sizeof(path), "%s/po", top);
	rmdir(path);
	rmdir(top);

	/* dates: ISO as it is without a catalog */
	setlocale(LC_ALL, "C.UTF-8");
	IS_STR(nls_date("2020-01-16", buf, sizeof(buf)), "2020-01-16",
	       "no catalog: the date as written");
	IS_STR(nls_date("2020-1-16", buf, sizeof(buf)), "2020-1-16",
	       "not YYYY-MM-DD: copied as it is");
	IS_STR(nls_date("", buf, sizeof(buf)), "", "an empty date stays empty");
	IS_STR(nls_date("2020-01-16x", buf, sizeof(buf)), "2020-01-16x",
	       "a longer text is not a date");
	IS_STR(nls_date("2020-01-16", buf, 5), "2020", "cut to the buffer");
	/* the decimal mark: the catalog's way of writing one half */
	char mark[8];
	IS_STR(nls_mark_of("0.5", mark, sizeof(mark)), ".", "0.5: a point");
	IS_STR(nls_mark_of("0,5", mark, sizeof(mark)), ",", "0,5: a comma");
	IS_STR(nls_mark_of("0\u066B5", mark, sizeof(mark)), "\u066B",
	       "a mark of two bytes");
	IS_STR(nls_mark_of("05", mark, sizeof(mark)), ".", "no mark: a point");
	IS_STR(nls_mark_of("1,5", mark, sizeof(mark)), ".", "not one half: a point");
	IS_STR(nls_mark_of("0,,,,,5", mark, sizeof(mark)), ".", "too long a mark");
	IS_STR(nls_mark_of("0\t5", mark, sizeof(mark)), ".", "a control is no mark");
	IS_STR(nls_mark_of("015", mark, sizeof(mark)), ".", "a digit is no mark");
	IS_STR(nls_mark_of("0,5", mark, 1), "", "cut to the buffer");
	unsetenv("LC_ALL");
	unsetenv("LC_NUMERIC");
	IS_STR(nls_decimal_point(mark, sizeof(mark)), ".",
	       "no catalog: the decimal point");
	IS_STR(nls_stamp("2026-11-28 17:15 +07", buf, sizeof(buf)),
	       "2026-11-28 17:15 +07", "no catalog: a stamp as written");
	/* and the Vietnamese way with the build tree's catalog */
	const char *builddir = getenv("top_builddir");
	char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s/po/locale", builddir ? builddir : ".");
	setenv("LANGUAGE", "vi", 1);
	bindtextdomain(PACKAGE, dir);
	textdomain(PACKAGE);
	IS_STR(nls_date("2020-01-16", buf, sizeof(buf)), "16/01/2020",
	       "in Vietnamese: DD/MM/YYYY");
	IS_STR(nls_date("2020-02-30", buf, sizeof(buf)), "30/02/2020",
	       "an impossible date is shown as written, in the same order");
	IS_STR(nls_date("16/01/2020", buf, sizeof(buf)), "16/01/2020",
	       "not ISO: copied as it is");
	IS_STR(nls_stamp("2026-11-28 17:15 +07", buf, sizeof(buf)),
	       "28/11/2026 17:15 +07", "a stamp's date in Vietnamese");
	IS_STR(nls_stamp("2026-11-28", buf, sizeof(buf)), "2026-11-28",
	       "a date alone is no stamp: copied as it is");
	IS_STR(nls_stamp("?", buf, sizeof(buf)), "?", "no date: copied");
	IS_STR(nls_decimal_point(mark, sizeof(mark)), ",",
	       "in Vietnamese under C.UTF-8: the decimal comma");
	setenv("LC_NUMERIC", "C.UTF-8", 1);
	setlocale(LC_NUMERIC, "C.UTF-8");
	IS_STR(nls_decimal_point(mark, sizeof(mark)), ",",
	       "LC_NUMERIC=C.UTF-8 is no numeric locale of its own: the comma");
	setenv("LANGUAGE", "en", 1);
	textdomain(PACKAGE); /* gettext sees the new LANGUAGE */
	IS_STR(nls_decimal_point(mark, sizeof(mark)), ".",
	       "in English: the point");
	if (setlocale(LC_NUMERIC, "vi_VN.UTF-8")) {
		setenv("LC_NUMERIC", "vi_VN.UTF-8", 1);
		IS_STR(nls_decimal_point(mark, sizeof(mark)), ",",
		       "in English with LC_NUMERIC=vi_VN.UTF-8: that locale's comma");
		setenv("LC_ALL", "C.UTF-8", 1);
		IS_STR(nls_decimal_point(mark, sizeof(mark)), ".",
		       "LC_ALL overrides LC_NUMERIC: the interface's point");
		unsetenv("LC_ALL");
	} else {
		printf("ok %d - LC_NUMERIC=vi_VN.UTF-8 # SKIP no vi_VN.UTF-8 locale\n",
		       ++tap_n);
		printf("ok %d - LC_ALL overrides LC_NUMERIC # SKIP no vi_VN.UTF-8 locale\n",
		       ++tap_n);
	}
	setlocale(LC_NUMERIC, "C");
	return tap_done();
}
