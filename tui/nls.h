/* nls.h - interface strings go through gettext from the start. */
#ifndef MINUTES_NLS_H
#define MINUTES_NLS_H

#include <libintl.h>
#include <stddef.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* nls_init: the locale from the environment (LC_ALL, LC_MESSAGES, LANG,
 * LANGUAGE) and the message catalogs.  The catalogs are the build tree's
 * (po/locale, built by make) when the program runs from a build tree's
 * tui/, else the installed ones under LOCALEDIR.  A UTF-8 locale that is
 * asked for but not installed (LANG=vi_VN.UTF-8 on a system that only
 * has C.UTF-8) gives C.UTF-8 with that locale's language for the
 * messages.  Translations are always written in UTF-8, like the rest of
 * the program's output. */
void nls_init(void);

/* nls_catalog_dir: where nls_init looks for the catalogs of a program at
 * EXE (the path /proc/self/exe names): TOP/po/locale when EXE is
 * TOP/tui/NAME and that folder exists, else LOCALEDIR.  The result is
 * written to BUF (SIZE bytes) or is LOCALEDIR itself. */
const char *nls_catalog_dir(const char *exe, char *buf, size_t size);

/* nls_date: the date ISO (YYYY-MM-DD) as the interface writes a date on
 * screen, by the catalog's strftime format for "%Y-%m-%d" (16/01/2020 in
 * Vietnamese); written to BUF (SIZE bytes).  Anything but a well-formed
 * date is copied as it is. */
const char *nls_date(const char *iso, char *buf, size_t size);

/* nls_stamp: a time STAMP that starts with a date ("2026-11-28 17:15
 * +07") with its date the interface's way (nls_date: "28/11/2026 17:15
 * +07" in Vietnamese), written to BUF (SIZE bytes); anything else is
 * copied as it is. */
const char *nls_stamp(const char *stamp, char *buf, size_t size);

/* nls_decimal_point: the decimal mark numbers are shown with, written
 * to BUF (SIZE bytes, 8 are enough): the interface language's ("," in
 * Vietnamese, "." in English, whatever the locale behind the messages:
 * C.UTF-8 with LANGUAGE=vi, or a vi_VN.UTF-8 that is not installed, is
 * still a comma), unless LC_NUMERIC itself names an installed locale
 * (and LC_ALL does not override it): then that locale's. */
const char *nls_decimal_point(char *buf, size_t size);

/* nls_mark_of: the decimal mark in HALF, one half as the catalog writes
 * it ("0,5" gives ","); "." for anything not of the form 0<mark>5. */
const char *nls_mark_of(const char *half, char *buf, size_t size);

#endif
