/* nls.c - the locale and the message catalogs (see nls.h). */
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nls.h"

const char *
nls_catalog_dir(const char *exe, char *buf, size_t size)
{
	const char *slash = strrchr(exe, '/');
	if (!slash)
		return LOCALEDIR;
	/* the folder holding the program must be called tui */
	size_t dir = (size_t)(slash - exe);
	if (dir < 3 || memcmp(slash - 3, "tui", 3) != 0 ||
	    (dir > 3 && slash[-4] != '/'))
		return LOCALEDIR;
	size_t top = dir - 3;
	int n = snprintf(buf, size, "%.*spo/locale", (int)top, exe);
	if (n < 0 || (size_t)n >= size)
		return LOCALEDIR;
	struct stat st;
	if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))
		return LOCALEDIR;
	return buf;
}

static bool
digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

const char *
nls_date(const char *iso, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	snprintf(buf, size, "%s", iso);
	if (strlen(iso) != 10 || !digits(iso, 4) || iso[4] != '-' ||
	    !digits(iso + 5, 2) || iso[7] != '-' || !digits(iso + 8, 2))
		return buf;
	/* TRANSLATORS: how a date is written on screen: YYYY, MM and DD
	 * stand for the year, the month and the day (Vietnamese: DD/MM/YYYY) */
	const char *pattern = _("YYYY-MM-DD");
	char out[64];
	size_t n = 0;
	for (const char *p = pattern; *p && n + 4 < sizeof(out);) {
		if (strncmp(p, "YYYY", 4) == 0) {
			memcpy(out + n, iso, 4);
			n += 4, p += 4;
		} else if (strncmp(p, "MM", 2) == 0) {
			memcpy(out + n, iso + 5, 2);
			n += 2, p += 2;
		} else if (strncmp(p, "DD", 2) == 0) {
			memcpy(out + n, iso + 8, 2);
			n += 2, p += 2;
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	snprintf(buf, size, "%s", out);
	return buf;
}

const char *
nls_stamp(const char *stamp, char *buf, size_t size)
{
	char day[11], date[64];
	if (size == 0)
		return buf;
	if (strlen(stamp) < 11 || stamp[10] != ' ') {
		snprintf(buf, size, "%s", stamp);
		return buf;
	}
	memcpy(day, stamp, 10);
	day[10] = '\0';
	snprintf(buf, size, "%s%s", nls_date(day, date, sizeof(date)), stamp + 10);
	return buf;
}

const char *
nls_mark_of(const char *half, char *buf, size_t size)
{
	size_t n = strlen(half);
	if (size == 0)
		return buf;
	snprintf(buf, size, ".");
	/* "0", then a mark of 1 to 4 bytes, then "5" */
	if (n < 3 || n > 6 || half[0] != '0' || half[n - 1] != '5' ||
	    n - 2 >= size)
		return buf;
	for (size_t i = 1; i + 1 < n; i++)
		if ((unsigned char)half[i] < 0x20 ||
		    (half[i] >= '0' && half[i] <= '9'))
			return buf;
	memcpy(buf, half + 1, n - 2);
	buf[n - 2] = '\0';
	return buf;
}

/* numeric_own: LC_NUMERIC names a locale of its own (set, and not
 * overridden by LC_ALL) that is installed and not C */
static bool
numeric_own(void)
{
	const char *all = getenv("LC_ALL"), *num = getenv("LC_NUMERIC");
	if ((all && *all) || !num || !*num)
		return false;
	const char *now = setlocale(LC_NUMERIC, NULL);
	return now && strcmp(now, "C") != 0 && strcmp(now, "POSIX") != 0 &&
	       strncmp(now, "C.", 2) != 0;
}

const char *
nls_decimal_point(char *buf, size_t size)
{
	if (size == 0)
		return buf;
	if (numeric_own()) {
		const struct lconv *lc = localeconv();
		if (lc && lc->decimal_point && *lc->decimal_point &&
		    strlen(lc->decimal_point) < size) {
			snprintf(buf, size, "%s", lc->decimal_point);
			return buf;
		}
	}
	/* TRANSLATORS: one half written as a decimal number, with the
	 * decimal mark of your language between 0 and 5 (Vietnamese: 0,5) */
	return nls_mark_of(_("0.5"), buf, size);
}

/* messages_locale: the locale name that decides the messages' language */
static const char *
messages_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

/* utf8_codeset: NAME is LANGUAGE_TERRITORY.UTF-8 (or .utf8), any case,
 * with or without @modifier */
static bool
utf8_codeset(const char *name)
{
	const char *dot = strchr(name, '.');
	if (!dot)
		return false;
	dot++;
	size_t n = strcspn(dot, "@");
	return (n == 5 && strncasecmp(dot, "UTF-8", 5) == 0) ||
	       (n == 4 && strncasecmp(dot, "utf8", 4) == 0);
}

/* fallback: the locale asked for is not installed; if it is a UTF-8 one,
 * take C.UTF-8 and keep its language for the messages (LANGUAGE, which
 * glibc reads under any locale but C) */
static void
fallback(void)
{
	const char *want = messages_locale();
	if (!want || !utf8_codeset(want) || !setlocale(LC_ALL, "C.UTF-8"))
		return;
	const char *language = getenv("LANGUAGE");
	if (language && *language)
		return;
	char lang[64];
	size_t n = strcspn(want, ".@");
	if (n == 0 || n >= sizeof(lang) || (n == 1 && want[0] == 'C'))
		return;
	memcpy(lang, want, n);
	lang[n] = '\0';
	setenv("LANGUAGE", lang, 1);
}

void
nls_init(void)
{
	if (!setlocale(LC_ALL, ""))
		fallback();
	/* under C or POSIX the messages are English whatever LANGUAGE says
	 * (glibc's rule), and stay so once the browser takes C.UTF-8 */
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	if (msgs && (strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0))
		unsetenv("LANGUAGE");

	char exe[PATH_MAX], dir[PATH_MAX + 16];
	const char *catalogs = LOCALEDIR;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		catalogs = nls_catalog_dir(exe, dir, sizeof(dir));
	}
	bindtextdomain(PACKAGE, catalogs);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}
