/* spell_words.h - the words of a document for the spelling check (no
 * curses): the element texts of the bytes of an XML file read word by
 * word (markup, comments and attribute values skipped, entity
 * references taken as separators), each word with its NFC form, case,
 * place and, through a memo of the run, its syllable's verdict; and the
 * quick way learning looks for Capitalised words.  Private to spell.c. */
#ifndef MINUTES_SPELL_WORDS_H
#define MINUTES_SPELL_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "syllable.h"

struct memo;

/* The parse and the verdict of a syllable, kept by its bytes (a memo
 * of the run): a document, and an archive, repeat the same few
 * thousand syllables, so each is parsed and judged once; with the
 * document's slot for its tone placement, once that is known. */
struct verdict {
	struct syl s;
	int parsed;   /* syl_parse's result */
	int judged;   /* syl_judge's, when parsed is 0 */
	uint32_t doc; /* the document of PLACE (0: none) */
	uint32_t place;
};

/* Longer words are no syllables and no names: they are skipped. */
#define WORD_BYTES 64

struct word {
	size_t off;          /* in the document */
	size_t line_start;   /* where its line starts */
	uint32_t line;
	const char *nfc;     /* the word, NFC: the document's bytes or rep */
	size_t nlen;
	bool marks;          /* past ASCII */
	bool in_name;        /* inside a <name> element */
	bool joined;         /* only white space since the word before */
	bool cap;            /* Capitalised: first letter upper, no other */
	bool person;         /* part of a known person's name */
	signed char first;   /* whether a name starts with it (-1: not
				known yet; the check's to find out) */
	bool has_folded;
	bool has_v;          /* V is its verdict (from the chunk memo) */
	struct verdict v;
	char rep[WORD_BYTES];         /* the NFC of a word that is not */
	char folded[WORD_BYTES * 2];  /* lower case, once asked for */
};

/* The word in lower case (made once, then kept in W). */
const char *word_folded(struct word *w);
/* The word as a C string into BUF (WORD_BYTES). */
const char *word_str(const struct word *w, char *buf);

struct reader {
	const char *s;
	size_t len, pos;
	size_t line_start;
	uint32_t line;
	bool joined, in_name, any;
	struct memo *chunks; /* what is known of a chunk (struct chunk) */
	size_t lbase;        /* learning: sixteen bytes looked at, */
	unsigned lmask;      /* and the bits of those it wants */
};

/* What a chunk (the bytes between two ASCII characters that are no
 * letters) is, kept by its bytes for the run: a document repeats its
 * words, so each is read and judged once. */
struct chunk {
	bool single; /* one word: every character a letter or a mark */
	bool same;   /* its bytes are its NFC */
	bool cap;
	struct verdict v; /* of a single word that is its own NFC */
};

enum { RD_END, RD_WORD, RD_NAME_END, RD_MARKUP, RD_REF };

/* Reads S (LEN bytes) from its start. */
void reader_init(struct reader *rd, const char *s, size_t len);
/* The next word into W (RD_WORD), the end of a <name> element
 * (RD_NAME_END), or the end (RD_END). */
int reader_next(struct reader *rd, struct word *w);
/* The quick way over the words that need no more than their chunk:
 * from RD's place on, each word that is a chunk known to the memo, one
 * word in its own NFC, goes to FN, words of lower-case ASCII letters
 * are passed over; it stops (RD at that place) at markup, a reference,
 * a capital ASCII letter, a chunk not known or not so, a long word, a
 * character past ASCII that is no letter, or when FN says false (it
 * wants the word read the whole way).  Nothing in a <name>. */
void reader_skim(struct reader *rd, bool (*fn)(void *arg, struct chunk *ch),
		 void *arg);
/* The next thing learning wants: a word that starts with a capital
 * (RD_WORD), markup passed over (RD_MARKUP, *NAME_TAG 1 for <name>, -1
 * for </name>, else 0), a reference passed over (RD_REF), or RD_END. */
int reader_next_capital(struct reader *rd, struct word *w, int *name_tag);
/* Only white space in S[FROM, TO). */
bool words_blank(const char *s, size_t from, size_t to);

/* Columns, counted in characters when asked for: a cursor that moves
 * forward only, so that a document of one long line is read once. */
struct colcur {
	size_t line_start, off;
	uint32_t col;
};

/* The column of W in S, in characters. */
uint32_t word_col(struct colcur *cc, const char *s, const struct word *w);

#endif
