/* xmlwords.h - libxml2's common errors in our own words (no curses).
 *
 * libxml2 writes its messages in English only.  The errors a clerk
 * meets (a mismatched or unclosed tag, content after the end, an
 * undefined entity, a bare '&', an attribute without a value or without
 * quotes, a bad character reference) are worded here from the fields of
 * the xmlError (its code, str1, str2, int1), through gettext: in English
 * libxml2's own words or close to them, translated in a translated
 * interface.  The place (line, column) stays the caller's. */
#ifndef MINUTES_XMLWORDS_H
#define MINUTES_XMLWORDS_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/xmlerror.h>

/* The message for E, written to BUF (SIZE bytes); false, and BUF left
 * alone, for an error this module does not word (the caller keeps
 * libxml2's message). */
bool xmlwords_say(const xmlError *e, char *buf, size_t size);

#endif
