/* html.h - writing text from files into HTML (no curses).
 *
 * Whatever a minutes or notes file holds stays text on the page: it is
 * first made safe as for a terminal (text_sanitize: controls shown as
 * the placeholder --dump shows, bidi overrides and other hidden
 * characters dropped), then &, <, >, " and ' are written as character
 * references.  Nothing from a file can open an element, an attribute or
 * a comment. */
#ifndef MINUTES_HTML_H
#define MINUTES_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* S (LEN bytes) as HTML text; each '\n' becomes NL (e.g. "<br>\n"), or
 * a space when NL is NULL. */
void html_text_n(FILE *out, const char *s, size_t len, const char *nl);
/* The same for a NUL-terminated string, '\n' as a space. */
void html_text(FILE *out, const char *s);
/* Upper case, for the header's agency names (the text engine's case
 * mapping; the result escaped like html_text). */
void html_text_upper(FILE *out, const char *s);

#endif
