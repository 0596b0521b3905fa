/* loader_bytes.c - the bytes of a file before and on their way to the
 * parser: opened without blocking (regular files only), size capped,
 * read a chunk at a time; the first chunk checked (empty, compressed,
 * UTF-16, the declared encoding, DOCTYPE); invalid UTF-8 repaired to
 * U+FFFD with one problem per run of bad bytes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "nls.h"
#include "loader_state.h"
#include "loader_bytes.h"
#include "loader_errors.h"
#include "loader_ids.h"
#include "mojibake.h"
#include "text.h"

/* Code units of the input: bytes, or UTF-16 units. */
struct units {
	const unsigned char *s;
	size_t n;
	int width;
	bool big;
};

static unsigned
unit_at(const struct units *u, size_t i)
{
	if (u->width == 1)
		return u->s[i];
	const unsigned char *p = u->s + 2 * i;
	return u->big ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static bool
units_match(const struct units *u, size_t i, const char *lit)
{
	for (; *lit; lit++, i++)
		if (i >= u->n || unit_at(u, i) != (unsigned char)*lit)
			return false;
	return true;
}

static size_t
units_find(const struct units *u, size_t i, const char *lit)
{
	for (; i < u->n; i++)
		if (units_match(u, i, lit))
			return i;
	return u->n;
}

static void
units_pos(const struct units *u, size_t start, size_t i, bool utf8,
	  uint32_t *line, uint32_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t k = start; k < i; k++) {
		unsigned c = unit_at(u, k);
		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else if (u->width == 2 ? (c & 0xfc00) != 0xdc00 :
			   !utf8 || (c & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

static bool
name_is_utf8(const char *s, size_t len)
{
	static const char *const ok[] = { "utf-8", "utf8", "us-ascii", "ascii" };
	for (size_t i = 0; i < sizeof(ok) / sizeof(*ok); i++)
		if (strlen(ok[i]) == len && strncasecmp(s, ok[i], len) == 0)
			return true;
	return false;
}

/* Reads the encoding name out of the XML declaration [i, end). */
static void
xml_decl_encoding(struct ld *ld, const struct units *u, size_t i, size_t end)
{
	char enc[64];
	size_t n = 0;
	i = units_find(u, i, "encoding");
	if (i >= end)
		return;
	i += 8;
	while (i < end && (is_space((int)unit_at(u, i)) || unit_at(u, i) == '='))
		i++;
	if (i >= end || (unit_at(u, i) != '"' && unit_at(u, i) != '\''))
		return;
	unsigned q = unit_at(u, i++);
	while (i < end && unit_at(u, i) != q && n + 1 < sizeof(enc))
		enc[n++] = (char)unit_at(u, i++);
	ld->utf8 = name_is_utf8(enc, n);
}

static bool
compressed(const unsigned char *s, size_t len)
{
	static const struct { const char *magic; size_t len; } magic[] = {
		{ "\x1f\x8b", 2 },           /* gzip */
		{ "\xfd" "7zXZ\0", 6 },      /* xz */
		{ "BZh", 3 },                /* bzip2 */
		{ "\x28\xb5\x2f\xfd", 4 },   /* zstd */
		{ "PK\x03\x04", 4 },         /* zip */
	};
	for (size_t i = 0; i < sizeof(magic) / sizeof(*magic); i++)
		if (len >= magic[i].len &&
		    memcmp(s, magic[i].magic, magic[i].len) == 0)
			return true;
	return false;
}

/* Does UTF-8 text S end inside a multibyte character?  (libxml2 only
 * says "internal error" then.) */
bool
ld_cut_short(const unsigned char *s, size_t len)
{
	size_t i = len, back = 0;
	while (i > 0 && back < 4 && (s[i - 1] & 0xc0) == 0x80) {
		i--;
		back++;
	}
	if (i == 0 || s[i - 1] < 0xc0)
		return false;
	size_t need = s[i - 1] >= 0xf0 ? 3 : s[i - 1] >= 0xe0 ? 2 : 1;
	return back < need;
}

/* The checks made on the first chunk S before libxml2 sees it: empty,
 * compressed, DOCTYPE (refused before the parser could read a single
 * entity declaration; one past the first chunk is caught on the way). */
bool
ld_check_head(struct ld *ld, const unsigned char *s, size_t len)
{
	struct units u = { s, len, 1, false };
	size_t start = 0, i;
	uint32_t line, col;

	if (len == 0) {
		ld_fatal(ld, 0, 0, "empty file");
		return false;
	}
	if (compressed(s, len)) {
		ld_fatal(ld, 0, 0, "compressed file: decompress it first");
		return false;
	}
	ld->utf8 = true;
	if (len >= 2 && (s[0] == 0xff || s[0] == 0xfe) && (s[1] ^ s[0]) == 0x01) {
		u.width = 2;
		u.big = s[0] == 0xfe;
		start = 1;
	} else if (len >= 4 && (memcmp(s, "<\0?\0", 4) == 0 ||
				memcmp(s, "\0<\0?", 4) == 0)) {
		u.width = 2;
		u.big = s[0] == 0;
	} else if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		start = 3;
	}
	if (u.width == 2) {
		u.n = len / 2;
		ld->utf16 = true;
	}
	for (i = start;;) {
		while (i < u.n && is_space((int)unit_at(&u, i)))
			i++;
		if (units_match(&u, i, "<?")) {
			size_t end = units_find(&u, i, "?>");
			if (i == start && units_match(&u, i, "<?xml"))
				xml_decl_encoding(ld, &u, i, end);
			i = end + 2;
		} else if (units_match(&u, i, "<!--")) {
			i = units_find(&u, i + 4, "-->") + 3;
		} else {
			break;
		}
	}
	if (units_match(&u, i, "<!DOCTYPE")) {
		units_pos(&u, start, i, ld->utf8, &line, &col);
		ld_fatal(ld, line, col, "DOCTYPE not allowed");
		return false;
	}
	return true;
}

/* The length of the well-formed UTF-8 character at S (N bytes there): 0
 * when it is not one, -1 when the N bytes are the start of one. */
static int
utf8_char(const unsigned char *s, size_t n)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	int len;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90; /* overlong */
		else if (c == 0xF4)
			hi = 0x8F; /* past U+10FFFF */
	} else {
		return 0;
	}
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xBF))
			return 0;
	}
	return len;
}

/* Do the N bytes at S have the shape of a UTF-8 character (a lead byte
 * and as many continuation bytes as it announces), well-formed or not? */
static bool
utf8_shaped(const unsigned char *s, size_t n)
{
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	if (s[0] > 0xF7 || len == 0 || n < len)
		return false;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return false;
	return true;
}

/* Moves the line and column on over the well-formed bytes [P, E): the
 * fast way (memchr, eight bytes at a time) unless a CR is among them. */
static void
fix_advance(struct utf8_fix *u, const char *p, const char *e)
{
	if (p >= e)
		return;
	if (u->cr && *p == '\n')
		p++; /* the LF of a CRLF: the CR ended the line */
	u->cr = false;
	if (p >= e)
		return;
	if (memchr(p, '\r', (size_t)(e - p))) {
		for (; p < e; p++) {
			unsigned c = (unsigned char)*p;
			if (c == '\n' && !u->cr) {
				u->line++;
				u->col = 1;
			} else if (c == '\r') {
				u->line++;
				u->col = 1;
			} else if (c != '\n') {
				u->col += (c & 0xC0) != 0x80;
			}
			u->cr = c == '\r';
		}
		return;
	}
	uint32_t nl = newlines(p, e);
	if (nl) {
		const char *last = memrchr(p, '\n', (size_t)(e - p));
		u->line += nl;
		u->col = 1 + chars(last + 1, e);
	} else {
		u->col += chars(p, e);
	}
}

/* The problem for the run of bad bytes in U (AT_END: a character the
 * file ends inside); the run is done. */
static void
fix_problem(struct ld *ld, struct utf8_fix *u, bool at_end)
{
	char bytes[64];
	size_t o = 0, n = u->run_n;
	u->run_n = 0;
	if (ld_problems_full(ld))
		return;
	for (size_t i = 0; i < n && i < 4; i++)
		o += (size_t)snprintf(bytes + o, sizeof(bytes) - o, "%s0x%02X",
				      i ? " " : "", u->run[i]);
	if (at_end)
		ld_problem(ld, u->run_line, u->run_col, "invalid UTF-8: the file "
			"ends inside a character (bytes %s), shown as U+FFFD",
			bytes);
	else {
		char what[96];
		/* TRANSLATORS: %s is one byte or more, as 0xC3 0x28 */
		snprintf(what, sizeof(what), ngettext("byte %s", "bytes %s", n),
			 bytes);
		ld_problem(ld, u->run_line, u->run_col, "invalid UTF-8 (%s%s), "
			"shown as U+FFFD%s%s", what, n > 4 ? " ..." : "",
			u->hint ? "; " : "", u->hint ? u->hint : "");
	}
	u->hint = NULL;
}

/* The chunk P, N bytes (LAST: the end of the file), as the parser is to
 * see it: *OUT, *OUTN (P itself when nothing is wrong). */
void
ld_fix_chunk(struct ld *ld, struct utf8_fix *u, const char *p, size_t n,
	  bool last, const char **out, size_t *outn)
{
	const unsigned char *b = (const unsigned char *)p;
	size_t m = n, i = 0, clean = 0;
	bool fixed = false;

	if (u->ncarry) {
		u->join.len = 0;
		sbuf_add(&u->join, (const char *)u->carry, u->ncarry);
		sbuf_add(&u->join, p, n);
		b = (const unsigned char *)u->join.s;
		m = u->join.len;
		u->ncarry = 0;
	}
	u->out.len = 0;
	/* a run left open by the last chunk ends unless this one goes on
	 * with bad bytes */
	if (u->run_n && (m == 0 || utf8_char(b, m) != 0))
		fix_problem(ld, u, false);
	while (i < m) {
		/* ASCII eight bytes at a time */
		while (m - i >= 8) {
			uint64_t w;
			memcpy(&w, b + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= m)
			break;
		unsigned c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* the common characters inline: two bytes, and three bytes
		 * with a lead whose second byte is unrestricted (E1-EC:
		 * Vietnamese letters are E1 BA xx / E1 BB xx) */
		if (c >= 0xC2 && c <= 0xDF && m - i >= 2 &&
		    (b[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (c >= 0xE1 && c <= 0xEC && m - i >= 3 &&
		    (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		int len = utf8_char(b + i, m - i);
		if (len > 0) {
			i += (size_t)len;
			continue;
		}
		if (len < 0 && !last)
			break; /* cut by the chunk: goes with the next one */
		/* a run of bad bytes, each shown as U+FFFD */
		size_t j = i + 1;
		while (j < m && (len = utf8_char(b + j, m - j)) <= 0 &&
		       (len == 0 || last))
			j++;
		fix_advance(u, (const char *)b + clean, (const char *)b + i);
		if (!u->looked && !utf8_shaped(b + i, m - i)) {
			/* raw TCVN3 or VNI bytes in a file read as UTF-8 (not
			 * a surrogate or an overlong form: those have the shape
			 * of UTF-8, a broken encoder's, not a legacy one) */
			enum text_mojibake k = text_detect_legacy_bytes(
				(const char *)b, m, NULL, NULL);
			u->looked = true;
			if (k != TEXT_MOJI_NONE && *text_legacy_hint(k))
				u->hint = _(text_legacy_hint(k));
		}
		if (!u->run_n) {
			u->run_line = u->line;
			u->run_col = u->col;
		}
		for (size_t k = i; k < j && u->run_n + (k - i) < 4; k++)
			u->run[u->run_n + (k - i)] = b[k];
		u->run_n += j - i;
		if (j < m || last)
			fix_problem(ld, u, last && j == m && len < 0);
		sbuf_add(&u->out, (const char *)b + clean, i - clean);
		for (size_t k = i; k < j; k++)
			sbuf_add(&u->out, "\xEF\xBF\xBD", 3);
		u->col += (uint32_t)(j - i);
		u->cr = false;
		clean = i = j;
		fixed = true;
	}
	if (i < m) {
		u->ncarry = m - i;
		memcpy(u->carry, b + i, u->ncarry);
		m = i;
	}
	fix_advance(u, (const char *)b + clean, (const char *)b + m);
	if (fixed) {
		sbuf_add(&u->out, (const char *)b + clean, m - clean);
		*out = u->out.s;
		*outn = u->out.len;
	} else {
		*out = (const char *)b;
		*outn = m;
	}
}

void
ld_fix_free(struct utf8_fix *u)
{
	free(u->join.s);
	free(u->out.s);
	u->join.s = u->out.s = NULL;
}

/* Gives the chunk P, N bytes to the parser, repaired (LAST: the end). */
void
ld_feed_parser(struct ld *ld, struct feed *f, const char *p, size_t n, bool last)
{
	if (f->fix.on)
		ld_fix_chunk(ld, &f->fix, p, n, last, &p, &n);
	/* the last bytes first, then the end on its own (given together,
	 * a file cut inside an element was "extra content") */
	if (n)
		xmlParseChunk(ld->ctxt, p, (int)n, 0);
	if (last)
		xmlParseChunk(ld->ctxt, NULL, 0, 1);
}

/* The next chunk in *P: its length, 0 at the end, -1 on a read error. */
ssize_t
ld_feed_next(struct feed *f, const char **p)
{
	size_t n = 0;
	if (f->fd < 0) {
		n = f->len - f->off < PUSH_CHUNK ? f->len - f->off : PUSH_CHUNK;
		*p = f->mem + f->off;
		f->off += n;
	} else {
		while (n < PUSH_CHUNK) {
			ssize_t r = read(f->fd, f->buf + n, PUSH_CHUNK - n);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0)
				return -1;
			if (r == 0)
				break;
			n += (size_t)r;
		}
		*p = f->buf;
		f->off += n;
	}
	for (size_t i = n > 4 ? n - 4 : 0; i < n; i++) {
		if (f->ntail == 4)
			memmove(f->tail, f->tail + 1, --f->ntail);
		f->tail[f->ntail++] = (unsigned char)(*p)[i];
	}
	return (ssize_t)n;
}

enum load_status
ld_too_large(struct load_error *err, uintmax_t size)
{
	snprintf(err->msg, sizeof(err->msg),
		 _("file too large: %ju MiB (the limit is %zu MiB)"), size >> 20,
		 LOADER_MAX_BYTES >> 20);
	return LOAD_FATAL;
}

/* Opens PATH without ever blocking (a FIFO, a device): only regular files
 * are read. */
int
ld_open_regular(const char *path, struct load_error *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		char to[400];
		ssize_t n;
		/* a link to nothing: say so, and where it points */
		if (e == ENOENT && lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
		    (n = readlink(path, to, sizeof(to) - 1)) > 0) {
			to[n] = '\0';
			snprintf(err->msg, sizeof(err->msg),
				 _("broken symbolic link (to %s, which does not exist)"),
				 to);
		} else {
			snprintf(err->msg, sizeof(err->msg), "%s", strerror(e));
		}
		return -1;
	}
	if (fstat(fd, &st) < 0)
		snprintf(err->msg, sizeof(err->msg), "%s", strerror(errno));
	else if (S_ISDIR(st.st_mode))
		snprintf(err->msg, sizeof(err->msg), "%s", _("is a directory"));
	else if (!S_ISREG(st.st_mode))
		snprintf(err->msg, sizeof(err->msg),
			 "%s", _("not a regular file (a FIFO, device or socket)"));
	else if ((uintmax_t)st.st_size > LOADER_MAX_BYTES)
		ld_too_large(err, (uintmax_t)st.st_size);
	if (err->msg[0]) {
		close(fd);
		return -1;
	}
	/* a regular file never blocks; reads need not see EAGAIN either */
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return fd;
}
