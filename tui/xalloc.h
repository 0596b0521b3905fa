/* xalloc.h - the one out-of-memory policy of the browser and its
 * middle: allocation never returns NULL; when memory runs out, mn_oom()
 * says so on stderr and aborts (model.h), so no caller runs on a
 * half-built state and none needs a NULL branch. */
#ifndef MINUTES_XALLOC_H
#define MINUTES_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* realloc for N elements of SIZE bytes, the product checked */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* a malloc'd formatted string */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
