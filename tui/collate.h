/* collate.h - Vietnamese sorting (no curses): the three-level order of
 * words (letters, tones, case) and the order of personal names (given
 * name first). */
#ifndef MINUTES_COLLATE_H
#define MINUTES_COLLATE_H

/* Vietnamese three-level comparison: letters (a < ă < â, d < đ,
 * o < ô < ơ, u < ư), then tones (none < huyền < hỏi < ngã < sắc < nặng,
 * one tone per syllable wherever it is placed: hòa and hoà tie), then
 * case (lower first); remaining ties by bytes, so the order is total.
 * White space and punctuation come first, then digits (one by one:
 * "10" < "2"), then letters; other characters after them, by code point.
 * NFD and NFC forms sort alike.  NUL-terminated strings. */
int text_collate(const char *a, const char *b);
/* Personal names: the given name (last word) first, then the rest.
 * Words are split at white space and at no-break spaces (U+00A0, U+2007,
 * U+202F); academic and honorific titles in front (GS., PGS., TS., ThS.,
 * BS., KS., NSND, NSƯT, Đ/c, đồng chí, Ông, Bà, giáo sư ... and joined
 * forms such as "PGS.TS.") are left out of the key while a name is left
 * after them. */
int text_name_collate(const char *a, const char *b);

#endif
