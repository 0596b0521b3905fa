/* mojibake.h - text mangled by a legacy encoding (no curses): TCVN3, VNI
 * or UTF-8 read as Latin-1 / Windows-1252, recognised by the shapes they
 * leave, and the hint that tells the clerk how to convert the file. */
#ifndef MINUTES_MOJIBAKE_H
#define MINUTES_MOJIBAKE_H

#include <stddef.h>

enum text_mojibake {
	TEXT_MOJI_NONE,
	TEXT_MOJI_TCVN3,       /* "ViÖt": TCVN3 bytes read as Latin-1 */
	TEXT_MOJI_VNI,         /* "Vieät": VNI bytes read as Latin-1 */
	TEXT_MOJI_DOUBLE_UTF8, /* "Viá»‡t": UTF-8 decoded twice */
};

/* Looks for text mangled by a legacy encoding; on a hit stores the byte
 * offset of the first suspicious character in *at.  It wants a clear
 * pattern: several hits, or one very telling sequence ("á»‡", "Ã©",
 * "ViÖt", "S¬n", "Vieät", "nöôùc", "VÄƒn"), or words that are no
 * Vietnamese syllable as they stand but are one read back as TCVN3 or
 * VNI ("NguyÔn", "néi", "Häp", "Ngaân") in a text that then reads as
 * Vietnamese.  Genuine Vietnamese is never flagged (its words are
 * syllables already), nor French, German, Nordic... text; a lone word
 * that is a syllable both ways ("Mét" for Một, also "mét") is not. */
enum text_mojibake text_detect_mojibake(const char *s, size_t len,
					 size_t *at);
/* A one-line hint on how to convert such a file ("" for NONE), in
 * English: the caller translates it (gettext). */
const char *text_mojibake_hint(enum text_mojibake kind);

/* Raw bytes of a file declared UTF-8 but written in a legacy encoding:
 * finds the first byte that is not UTF-8 and tells whether its line (or,
 * when the line is too short to tell, the text around it), read as
 * Latin-1, has the shapes of TCVN3 or VNI; the line's bytes are stored
 * in *line_off, *line_len (when not NULL).  TEXT_MOJI_NONE when S is
 * valid UTF-8 or the bytes look like neither. */
enum text_mojibake text_detect_legacy_bytes(const char *s, size_t len,
					    size_t *line_off,
					    size_t *line_len);
/* What to do about such bytes ("" for NONE and DOUBLE_UTF8), in
 * English: the caller translates it (gettext). */
const char *text_legacy_hint(enum text_mojibake kind);

#endif
