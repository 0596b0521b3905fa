/* spellnames.h - what the spelling check knows of names without being
 * told (no curses): the names every clerk writes, and the words that go
 * before a name without being part of it.  Both are folded (lower case,
 * NFC). */
#ifndef MINUTES_SPELLNAMES_H
#define MINUTES_SPELLNAMES_H

#include <stdbool.h>

/* "hồ chí minh", "võ nguyên giáp" ...; NULL-terminated.  So that "Hồ
 * Chí minh" is seen in a file that has no "Hồ Chí Minh" of its own. */
extern const char *const spell_national_names[];

/* Whether FOLDED goes before a name, not in it: the "bà" of "Bà Lê Thị
 * Hồng Gấm". */
bool spell_is_honorific(const char *folded);

#endif
