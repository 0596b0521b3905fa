/* spell.h - the spelling check of documents (no curses, no dictionary):
 * Vietnamese syllables judged by the phonotactics of the language
 * (syllable.h), one document written with two tone placements, and
 * personal names with a lower-case syllable.
 *
 * A syllable is onset + (medial) nucleus + coda + one tone.  Only words
 * with a Vietnamese letter or tone mark are ever reported: words in plain
 * Latin letters (foreign words, abbreviations, Roman numerals), words
 * with letters Vietnamese does not use, and words whose only oddity is a
 * consonant Vietnamese lacks (minority-language names such as Đắk Lắk,
 * Krông, H'Mông; abbreviations such as HĐND, NSƯT) are taken as not
 * Vietnamese and left alone. */
#ifndef MINUTES_SPELL_H
#define MINUTES_SPELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "syllable.h"

/* One check over a set of files (an archive): names learnt from every
 * file (its attendees, and names written in full with capitals) are the
 * names the other files are checked against. */
struct spell;

struct spell *spell_new(void);
void spell_free(struct spell *sp);

/* Learns the names of the file at PATH; false when it cannot be read. */
bool spell_learn_file(struct spell *sp, const char *path);
/* The same for a document in memory (the file's bytes). */
void spell_learn(struct spell *sp, const char *s, size_t len);

/* A warning: where it is (line and column from 1, columns in
 * characters), and what (one line, UTF-8, no newline). */
typedef void (*spell_warn_fn)(void *arg, uint32_t line, uint32_t col,
			      const char *msg);

/* Checks the document S (the bytes of an XML file: element texts are
 * checked, markup, comments and attribute values are not) and calls WARN
 * for each finding, in line order.  Returns how many there were. */
size_t spell_check(struct spell *sp, const char *s, size_t len,
		   spell_warn_fn warn, void *arg);

/* spell_check on the file at PATH, each warning printed on OUT as
 * "PATH:LINE:COL: warning: MESSAGE".  Returns the number of warnings, or
 * 0 when the file cannot be read. */
size_t spell_check_file(struct spell *sp, const char *path, FILE *out);

#endif
