/* loader_bytes.h - a file's bytes read, checked and repaired (loader_bytes.c),
 * private to the loader. */
#ifndef MINUTES_LOADER_BYTES_H
#define MINUTES_LOADER_BYTES_H

#include "loader_state.h"

/* Where the bytes come from: a file, read a chunk at a time, or memory. */
/* Invalid UTF-8 in a UTF-8 document: each bad byte reaches the parser
 * as U+FFFD, and each run of bad bytes is a problem where it starts (the
 * parser would stop at the first one: a byte damaged by a mail gateway
 * made the whole meeting unreadable).  Markup that is not well-formed
 * still stops the load.  Lines and columns are counted as the parser
 * counts them: CR, LF and CRLF end a line; columns are characters. */
struct utf8_fix {
	bool on;               /* a UTF-8 document: check and repair */
	unsigned char carry[4]; /* a character cut by the end of a chunk */
	size_t ncarry;
	struct sbuf join, out;
	uint32_t line, col;
	bool cr;                /* the last byte was a CR */
	/* a run of bad bytes that reached the end of a chunk: reported once
	 * it ends, as one problem wherever the chunks were cut */
	size_t run_n;
	unsigned char run[4];
	uint32_t run_line, run_col;
	/* the first problem says what to do about raw TCVN3 or VNI bytes */
	bool looked;
	const char *hint;
};

struct feed {
	unsigned flags; /* enum load_flags */
	int fd;
	const char *mem;
	size_t len, off;
	char *buf;
	unsigned char tail[4]; /* the last bytes given */
	size_t ntail;
	struct utf8_fix fix;
};

bool
ld_cut_short(const unsigned char *s, size_t len);
bool
ld_check_head(struct ld *ld, const unsigned char *s, size_t len);
void
ld_fix_chunk(struct ld *ld, struct utf8_fix *u, const char *p, size_t n,
	  bool last, const char **out, size_t *outn);
void
ld_fix_free(struct utf8_fix *u);
void
ld_feed_parser(struct ld *ld, struct feed *f, const char *p, size_t n, bool last);
ssize_t
ld_feed_next(struct feed *f, const char **p);
enum load_status
ld_too_large(struct load_error *err, uintmax_t size);
int
ld_open_regular(const char *path, struct load_error *err);

#endif
