/* syllable.h - one Vietnamese syllable judged by the phonotactics of the
 * language (no curses, no dictionary): onset + (medial) nucleus + coda +
 * one tone.  Only words with a Vietnamese letter or tone mark are ever
 * called invalid: words in plain Latin letters (foreign words,
 * abbreviations, Roman numerals), words with letters Vietnamese does not
 * use, and words whose only oddity is a consonant Vietnamese lacks
 * (minority-language names such as Đắk Lắk, Krông, H'Mông; abbreviations
 * such as HĐND, NSƯT) are taken as not Vietnamese. */
#ifndef MINUTES_SYLLABLE_H
#define MINUTES_SYLLABLE_H

#include <stdbool.h>
#include <stddef.h>

enum spell_verdict {
	SPELL_OK,      /* a possible Vietnamese syllable */
	SPELL_FOREIGN, /* not Vietnamese: never reported */
	SPELL_INVALID, /* Vietnamese letters no syllable can have */
};

/* Judges one word (NFC UTF-8, any case, letters and marks only). */
enum spell_verdict spell_syllable(const char *w, size_t len);

/* The likely correction of an INVALID word into BUF (NUL-terminated, its
 * case kept): "phuơng" -> "phương", "kái" -> "cái".  False when none is
 * found or BUF is too small. */
bool spell_suggest(const char *w, size_t len, char *buf, size_t size);

/* A word read for judging: its letters coded one byte each (the ASCII
 * letters, and A ă, B â, D đ, E ê, O ô, P ơ, U ư), their case and the
 * tone. */
#define SYL_MAX 16

struct syl {
	char l[SYL_MAX + 1]; /* coded letters, NUL-terminated */
	unsigned char up[SYL_MAX];
	int n;
	int tone;    /* 0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng */
	int tone_at; /* the letter that carries it */
	bool marked; /* a Vietnamese letter or a tone: not plain Latin */
};

/* Reads the word W (LEN bytes) into S: 0 done, -1 not Vietnamese
 * letters, 1 two tones. */
int syl_parse(const char *w, size_t len, struct syl *s);

/* What syl_judge finds beyond enum spell_verdict: a syllable that breaks
 * only the spelling rule of c/k, g/gh, ng/ngh.  Place names from
 * minority languages do (Bắc Kạn, Kon Tum): said of a Capitalised word,
 * it is no slip. */
#define SPELL_ONSET_RULE 3

/* The verdict on a parsed syllable: an enum spell_verdict, or
 * SPELL_ONSET_RULE. */
int syl_judge(const struct syl *s);

#endif
