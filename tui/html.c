/* html.c - text from files written into HTML, escaped. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "html.h"
#include "model.h"
#include "text.h"
#include "xalloc.h"

static void
escape(FILE *out, const char *s, const char *nl)
{
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\n': fputs(nl ? nl : " ", out); break;
		default: fputc(*p, out); break;
		}
	}
}

void
html_text_n(FILE *out, const char *s, size_t len, const char *nl)
{
	char *safe = text_sanitize(s, len, true);
	if (!safe)
		mn_oom();
	escape(out, safe, nl);
	free(safe);
}

void
html_text(FILE *out, const char *s)
{
	html_text_n(out, s, strlen(s), NULL);
}

void
html_text_upper(FILE *out, const char *s)
{
	char *safe = text_sanitize(s, strlen(s), false);
	if (!safe)
		mn_oom();
	size_t n = strlen(safe);
	char *up = xmalloc(n * 2 + 4 + 1), *o = up;
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t l = utf8proc_iterate(
			(const utf8proc_uint8_t *)safe + i, (utf8proc_ssize_t)(n - i), &c);
		if (l <= 0) {
			*o++ = safe[i++];
			continue;
		}
		utf8proc_int32_t u = utf8proc_toupper(c);
		utf8proc_uint8_t b[4];
		utf8proc_ssize_t ul = utf8proc_encode_char(u, b);
		/* an upper case letter longer than its lower case is kept as
		 * written (the buffer holds at most twice the text) */
		if (ul <= 0 || ul > l * 2) {
			memcpy(o, safe + i, (size_t)l);
			o += l;
		} else {
			memcpy(o, b, (size_t)ul);
			o += ul;
		}
		i += (size_t)l;
	}
	*o = '\0';
	escape(out, up, NULL);
	free(up);
	free(safe);
}
