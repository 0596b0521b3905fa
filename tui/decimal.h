/* decimal.h - numbers kept as written, compared and shown exactly (no
 * curses).
 *
 * A figure's value and actual are decimals as the minutes write them
 * (xsd:decimal: an optional sign, digits, an optional point and more
 * digits; "95", "-0.5", "961.6360837783533", a 400-digit number).  They
 * are never turned into doubles to be compared or shown: two numbers are
 * compared digit by digit, so the same string always equals itself, and
 * a number is shown as it was written (120000000, never 1.2e+08), with
 * the interface's decimal mark. */
#ifndef MINUTES_DECIMAL_H
#define MINUTES_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>

/* True when the LEN bytes at S are an xsd:decimal: [+-]? then digits
 * with at most one '.', at least one digit ("5.", ".5" and "+007" are;
 * "", ".", "1e3", "1,5", " 1" and "0x1" are not). */
bool decimal_valid(const char *s, size_t len);

/* Compares two NUL-terminated decimals that decimal_valid accepts, by
 * value and exactly: < 0, 0 or > 0 as A is less than, equal to or greater
 * than B.  Leading zeros, trailing zeros after the point, a '+' and the
 * sign of zero make no difference (7 = 007 = +7.000, -0 = 0). */
int decimal_compare(const char *a, const char *b);

/* The decimal S as written, with its '.' shown as POINT (NULL: the
 * decimal mark of the current LC_NUMERIC locale; the screen passes
 * nls_decimal_point(), "," in a Vietnamese interface, "." in English).
 * malloc'd, NUL-terminated; NULL only when out of memory. */
char *decimal_format(const char *s, const char *point);

/* The double nearest to the decimal S (read without the locale; too
 * large a number gives +/-HUGE_VAL): only for an approximate use, never
 * to compare or to show. */
double decimal_to_double(const char *s);

#endif
