/* tap.h - a tiny TAP producer for the unit tests (read by the Automake
 * TAP driver: every assertion is one counted test). */
#ifndef MINUTES_TAP_H
#define MINUTES_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static void
tap_ok(int cond, const char *what, const char *file, int line)
{
	tap_n++;
	if (cond) {
		printf("ok %d - %s\n", tap_n, what);
	} else {
		tap_failed++;
		printf("not ok %d - %s\n# at %s:%d\n", tap_n, what, file, line);
	}
	fflush(stdout);
}

static void
tap_is_str(const char *got, const char *want, const char *what,
	   const char *file, int line)
{
	int ok = (got == NULL && want == NULL) ||
		 (got && want && strcmp(got, want) == 0);
	tap_ok(ok, what, file, line);
	if (!ok)
		printf("#   got: \"%s\"\n# want: \"%s\"\n", got ? got : "(null)",
		       want ? want : "(null)");
}

static void
tap_is_long(long got, long want, const char *what, const char *file,
	    int line)
{
	tap_ok(got == want, what, file, line);
	if (got != want)
		printf("#   got: %ld\n# want: %ld\n", got, want);
}

static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#define OK(cond, what) tap_ok(!!(cond), (what), __FILE__, __LINE__)
#define IS_STR(got, want, what) tap_is_str((got), (want), (what), __FILE__, __LINE__)
#define IS_INT(got, want, what) tap_is_long((long)(got), (long)(want), (what), __FILE__, __LINE__)

#endif
