/* base64.h - base64 (RFC 4648, the standard alphabet, padded with '='):
 * what OSC 52 hands the terminal's clipboard.  No curses. */
#ifndef MINUTES_BASE64_H
#define MINUTES_BASE64_H

#include <stddef.h>

/* The encoded length of N bytes (without the NUL). */
size_t base64_len(size_t n);
/* DATA's N bytes encoded, NUL-terminated (malloc'd; never NULL: out of
 * memory aborts); its length in *OUTLEN when not NULL. */
char *base64_encode(const void *data, size_t n, size_t *outlen);

#endif
