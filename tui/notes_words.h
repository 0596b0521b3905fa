/* notes_words.h - the words and values of notes files (notes_words.c),
 * private to the notes store: the public ones are in notes.h. */
#ifndef MINUTES_NOTES_WORDS_H
#define MINUTES_NOTES_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "notes.h"

void
notes_seterr(struct notes_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *
notes_safe_str(const char *s);
void
notes_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void
notes_time_write(time_t t, char buf[32]);
int
notes_time_parse(const char *s, time_t *out);
char *
notes_clean_text(const char *s, size_t len);
char *
notes_clean_name(const char *s);
bool
notes_is_blank(const char *s);
int
notes_status_parse(const char *name, enum notes_status *st);

/* a growing string (always NUL-terminated once written to) */
struct buf {
	char *p;
	size_t n, cap;
};

void
buf_add(struct buf *b, const char *s, size_t n);
void
buf_str(struct buf *b, const char *s);
void
buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
