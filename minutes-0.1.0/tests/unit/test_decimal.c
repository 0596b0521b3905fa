/* test_decimal.c - decimals as written: validity, exact comparison,
 * formatting with a decimal mark. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "tap.h"

static void
valid(const char *s, int want)
{
	char what[600];
	snprintf(what, sizeof(what), "'%s' is %sa decimal", s, want ? "" : "not ");
	OK(decimal_valid(s, strlen(s)) == (want != 0), what);
}

static int
sign(int c)
{
	return c < 0 ? -1 : c > 0;
}

static void
cmp(const char *a, const char *b, int want)
{
	char what[1200];
	snprintf(what, sizeof(what), "%.40s %s %.40s", a,
		 want < 0 ? "<" : want > 0 ? ">" : "=", b);
	IS_INT(sign(decimal_compare(a, b)), want, what);
	snprintf(what, sizeof(what), "%.40s %s %.40s", b,
		 want > 0 ? "<" : want < 0 ? ">" : "=", a);
	IS_INT(sign(decimal_compare(b, a)), -want, what);
}

static void
format(const char *s, const char *point, const char *want)
{
	char *got = decimal_format(s, point);
	char what[600];
	snprintf(what, sizeof(what), "'%.60s' shown with '%s' as written", s,
		 point ? point : "(locale)");
	IS_STR(got, want, what);
	free(got);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");

	valid("95", 1);
	valid("-0.5", 1);
	valid("+007", 1);
	valid("5.", 1);
	valid(".5", 1);
	valid("961.6360837783533", 1);
	valid("", 0);
	valid(".", 0);
	valid("-", 0);
	valid("+.", 0);
	valid("1e3", 0);
	valid("1,5", 0);
	valid(" 1", 0);
	valid("1 ", 0);
	valid("0x1", 0);
	valid("1.2.3", 0);
	valid("--1", 0);
	valid("inf", 0);
	valid("nan", 0);
	OK(!decimal_valid("12", 0), "no bytes are not a decimal");
	OK(decimal_valid("12x", 2), "only LEN bytes are read");

	/* the audit's case: the same string is equal to itself */
	cmp("961.6360837783533", "961.6360837783533", 0);
	cmp("961.6360837783533", "961.6360837783532", 1);
	cmp("961.6360837783533", "961.63608377835331", -1);
	cmp("7", "007", 0);
	cmp("7", "+7.000", 0);
	cmp("-0", "0", 0);
	cmp("-0.000", "+.0", 0);
	cmp("0.", ".0", 0);
	cmp("96.5", "98", -1);
	cmp("100", "99.999", 1);
	cmp("-1", "1", -1);
	cmp("-2", "-1", -1);
	cmp("-1.5", "-1.25", -1);
	cmp("-0.001", "0", -1);
	cmp("0.1", "0.09", 1);
	cmp("10", "9", 1);
	cmp("0.30000000000000004", "0.3", 1);
	/* 400 digits: no inf, no nan, still exact */
	char big[402], big2[402];
	memset(big, '9', 400);
	big[400] = '\0';
	memcpy(big2, big, 401);
	big2[399] = '8';
	cmp(big, big, 0);
	cmp(big, big2, 1);
	cmp(big, "1", 1);
	char neg[403] = "-";
	memcpy(neg + 1, big, 401);
	cmp(neg, "-1", -1);
	cmp(neg, "0", -1);

	format("120000000", ".", "120000000");
	format("96.5", ",", "96,5");
	format("961.6360837783533", ",", "961,6360837783533");
	format("-0.50", ".", "-0.50");
	format("+007", ",", "+007");
	format("5.", ",", "5,");
	format("96.5", "\xE2\x80\xA4", "96\xE2\x80\xA4" "5");
	format(big, ".", big);
	format("96.5", NULL, "96.5");
	if (setlocale(LC_NUMERIC, "vi_VN.UTF-8"))
		format("96.5", NULL, "96,5");
	else
		printf("ok %d - the Vietnamese decimal comma # SKIP no vi_VN.UTF-8 locale\n",
		       ++tap_n);
	setlocale(LC_NUMERIC, "C");

	OK(decimal_to_double("961.6360837783533") == 961.6360837783533,
	   "decimal_to_double rounds once, to the nearest double");
	OK(decimal_to_double("120000000") == 120000000.0,
	   "decimal_to_double of a whole number");
	OK(decimal_to_double("-0.5") == -0.5, "decimal_to_double of -0.5");
	return tap_done();
}
