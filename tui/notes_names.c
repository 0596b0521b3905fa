/* notes_names.c - who a reviewer is and what their file is called:
 * the reviewer's name (--reviewer, $MINUTES_REVIEWER, the login), the
 * file-safe name with its hash (and the older naming still read), the
 * FNV-1a hash of element texts, and whether a file's name is the one its
 * reviewer= makes (notes.h, Storage). */
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "notes.h"
#include "notes_names.h"
#include "xalloc.h"

void
notes_hash(const char *s, size_t len, char out[17])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* The file-safe name of versions before the review loop (marks
 * dropped, so An and Ân shared one file): still read, and still one's
 * own file when its reviewer= is exactly one's name. */
void
notes_legacy_name(const char *reviewer, char *buf, size_t size)
{
	size_t cap = size - 1 < SAFE_MAX ? size - 1 : SAFE_MAX, n = 0;
	utf8proc_uint8_t *folded = NULL;
	const char *src = reviewer;

	if (utf8proc_map((const utf8proc_uint8_t *)reviewer, 0, &folded,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
				 UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK) >= 0)
		src = (const char *)folded;
	for (const unsigned char *p = (const unsigned char *)src;
	     *p && n < cap;) {
		unsigned char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-' ||
		    c == '_') {
			buf[n++] = (char)c;
			p++;
			continue;
		}
		if (c == 0xC4 && (p[1] == 0x91 || p[1] == 0x90)) /* đ Đ */
			buf[n++] = p[1] == 0x91 ? 'd' : 'D';
		else if (c == 0xC3 && p[1] == 0x90) /* Ð */
			buf[n++] = 'D';
		else
			buf[n++] = '_';
		/* skip the whole UTF-8 sequence */
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
	}
	buf[n] = '\0';
	free(folded);
	if (n == 0)
		snprintf(buf, size, "reviewer");
	else if (buf[0] == '.')
		buf[0] = '_';
}

/* A name that is its own file name: lower-case ASCII letters, digits,
 * '.', '-', '_', not starting with '.', at most SAFE_MAX bytes. */
bool
notes_name_is_exact(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > SAFE_MAX || name[0] == '.')
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '-' || *p == '_'))
			return false;
	return true;
}

void
notes_safe_name(const char *reviewer, char *buf, size_t size)
{
	char h[17];
	if (notes_name_is_exact(reviewer)) {
		snprintf(buf, size, "%s", reviewer);
		return;
	}
	notes_legacy_name(reviewer, buf, size > 10 ? size - 9 : 1);
	notes_hash(reviewer, strlen(reviewer), h);
	size_t n = strlen(buf);
	snprintf(buf + n, size - n, "~%.8s", h);
}

const char *
notes_reviewer_name(const char *opt)
{
	static char login[256];
	const char *env = getenv("MINUTES_REVIEWER");
	if (opt && *opt)
		return opt;
	if (env && *env)
		return env;
	const char *l = getlogin();
	if (!l || !*l) {
		struct passwd *pw = getpwuid(geteuid());
		l = pw ? pw->pw_name : NULL;
	}
	if (l && *l) {
		snprintf(login, sizeof(login), "%s", l);
		return login;
	}
	return "reviewer";
}

/* Whether the file FNAME is the one REVIEWER's name makes (or made,
 * in the older naming); with no reviewer=, whether FNAME is an exact
 * name's file. */
bool
notes_file_is_theirs(const char *fname, const char *reviewer)
{
	char b[SAFE_MAX + 16];
	size_t n = strlen(fname) - 4; /* ".xml" */
	if (!reviewer || !*reviewer) {
		char *stem = xstrdup(fname);
		stem[n] = '\0';
		bool ok = notes_name_is_exact(stem);
		free(stem);
		return ok;
	}
	notes_safe_name(reviewer, b, sizeof(b));
	if (strlen(b) == n && strncmp(b, fname, n) == 0)
		return true;
	notes_legacy_name(reviewer, b, sizeof(b));
	return strlen(b) == n && strncmp(b, fname, n) == 0;
}
