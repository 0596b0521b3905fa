/* fuzz_text.c - the text engine on any bytes.
 *
 * Input: byte 0 picks the wrap width (1..80), byte 1 the truncation
 * width and buffer size; the rest is the text.  The raw bytes go through
 * the functions that take any bytes (repair, sanitize, clusters, width);
 * the repaired text through everything else, as the loader hands it on.
 * Each documented property is checked; a broken one aborts. */
#include <string.h>
#include <utf8proc.h>

#include "fuzz.h"
#include "spell.h"
#include "text.h"

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

/* repair: valid, NFC, no CR / U+2028 / U+2029, clean, idempotent, and
 * plain NFC when the input needed no repair. */
static char *
check_repair(const char *raw, size_t rawlen, size_t *outlen)
{
	size_t len, bad = 0;
	char *s = text_repair(raw, rawlen, &len);
	FUZZ_CHECK(s, "text_repair returned NULL");
	FUZZ_CHECK(s[len] == '\0', "not NUL-terminated");
	FUZZ_CHECK(fuzz_utf8_valid(s, len, &bad), "invalid UTF-8 at %zu", bad);
	FUZZ_CHECK(!memchr(s, '\r', len), "CR kept");
	FUZZ_CHECK(!memmem(s, len, "\xE2\x80\xA8", 3) &&
			   !memmem(s, len, "\xE2\x80\xA9", 3),
		   "U+2028/U+2029 kept");

	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
					  (utf8proc_ssize_t)len, &nfc,
					  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	FUZZ_CHECK(n >= 0, "utf8proc rejects the repaired text: %s",
		   utf8proc_errmsg(n));
	FUZZ_CHECK((size_t)n == len && memcmp(nfc, s, len) == 0,
		   "repaired text is not NFC (%zu vs %zd bytes)", len, n);
	free(nfc);
	FUZZ_CHECK(text_is_clean(s, len), "repaired text is not clean");

	size_t len2;
	char *again = text_repair(s, len, &len2);
	FUZZ_CHECK(again && len2 == len && memcmp(again, s, len) == 0,
		   "repair is not idempotent");
	free(again);

	/* valid input without line separators only needs NFC */
	if (fuzz_utf8_valid(raw, rawlen, NULL) && !memchr(raw, '\r', rawlen) &&
	    !memmem(raw, rawlen, "\xE2\x80\xA8", 3) &&
	    !memmem(raw, rawlen, "\xE2\x80\xA9", 3)) {
		n = utf8proc_map((const utf8proc_uint8_t *)raw,
				 (utf8proc_ssize_t)rawlen, &nfc,
				 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		FUZZ_CHECK(n >= 0, "utf8proc: %s", utf8proc_errmsg(n));
		FUZZ_CHECK((size_t)n == len && memcmp(nfc, s, len) == 0,
			   "repair of valid text differs from NFC");
		free(nfc);
		FUZZ_CHECK(text_is_clean(raw, rawlen) ==
				   (rawlen == len && memcmp(raw, s, len) == 0),
			   "text_is_clean disagrees with NFC");
	} else {
		FUZZ_CHECK(!text_is_clean(raw, rawlen),
			   "text_is_clean accepts invalid or CR text");
	}
	*outlen = len;
	return s;
}

/* sanitize: valid UTF-8 with nothing a terminal would act on. */
static void
check_sanitize(const char *s, size_t len)
{
	for (int keep = 0; keep <= 1; keep++) {
		char *t = text_sanitize(s, len, keep);
		FUZZ_CHECK(t, "text_sanitize returned NULL");
		size_t tl = strlen(t), bad = 0;
		FUZZ_CHECK(fuzz_utf8_valid(t, tl, &bad), "invalid UTF-8 at %zu",
			   bad);
		size_t at = fuzz_find_unsafe(t, tl, keep ? "\n" : "");
		FUZZ_CHECK(at == (size_t)-1, "unsafe character at %zu (keep_nl %d)",
			   at, keep);
		free(t);
	}
}

/* clusters: contiguous, non-empty, cover the text, prev undoes next;
 * rendering is safe and as wide as measured. */
static void
check_clusters(const char *s, size_t len, bool valid)
{
	size_t pos = 0, ncl = 0;
	while (pos < len) {
		struct text_cluster c;
		size_t next = text_cluster_next(s, len, pos, &c);
		FUZZ_CHECK(next > pos && next <= len, "no progress at %zu", pos);
		FUZZ_CHECK(c.off == pos && c.len == next - pos,
			   "cluster bounds at %zu", pos);
		FUZZ_CHECK(c.width >= 0 && c.width <= 64, "width %d", c.width);
		if (valid && ncl < 512) {
			size_t prev = text_cluster_prev(s, len, next);
			FUZZ_CHECK(prev == pos,
				   "cluster_prev(%zu) = %zu, cluster starts at %zu",
				   next, prev, pos);
		}
		char buf[64];
		int col = (int)(pos % 13);
		int w = text_cluster_render(s, &c, col, buf, sizeof(buf));
		size_t bl = strnlen(buf, sizeof(buf));
		FUZZ_CHECK(bl < sizeof(buf), "render not NUL-terminated");
		FUZZ_CHECK(fuzz_utf8_valid(buf, bl, NULL), "render: invalid UTF-8");
		FUZZ_CHECK(fuzz_find_unsafe(buf, bl, "") == (size_t)-1,
			   "render: unsafe character");
		if (c.kind == TEXT_CL_TAB)
			FUZZ_CHECK(w == text_tab_width(col), "tab width");
		else if (c.kind != TEXT_CL_NEWLINE)
			FUZZ_CHECK(w == c.width, "render width %d, measured %d", w,
				   c.width);
		pos = next;
		ncl++;
	}
	FUZZ_CHECK(text_cluster_prev(s, len, 0) == 0, "prev at 0");
	(void)text_width(s, len);
}

/* The width a line of text_wrap should record: TABs to the next stop,
 * never past WIDTH. */
static int
line_width(const char *s, size_t from, size_t to, int width, int *visible)
{
	size_t pos = from;
	int col = 0;
	*visible = 0;
	while (pos < to) {
		struct text_cluster c;
		pos = text_cluster_next(s, to, pos, &c);
		int cw = c.kind == TEXT_CL_TAB ? text_tab_width(col) : c.width;
		if (c.kind == TEXT_CL_TAB && col + cw > width && col < width)
			cw = width - col;
		if (cw > 0)
			(*visible)++;
		col += cw;
	}
	return col;
}

/* Between two lines (or after the last): nothing (a hard break, or after
 * '-' or '/'), the space or TAB broken at, and/or the '\n' ending the
 * paragraph; at the very end no '\n' (it gives an empty last line). */
static void
check_gap(const char *s, size_t from, size_t to, bool last)
{
	FUZZ_CHECK(to >= from && to - from <= 2,
		   "a line starts at %zu, the previous one ended at %zu", to,
		   from);
	size_t i = from;
	if (i < to && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < to && s[i] == '\n' && !last)
		i++;
	FUZZ_CHECK(i == to, "%zu bytes between lines at %zu: 0x%02x",
		   to - from, from, (unsigned char)s[from]);
}

static void
check_wrap(const char *s, size_t len, int width)
{
	struct text_line *lines = NULL;
	size_t n = text_wrap(s, len, width, &lines);
	FUZZ_CHECK(n >= 1 && lines, "text_wrap gave no line");
	size_t end = 0;
	for (size_t i = 0; i < n; i++) {
		size_t off = lines[i].off, l = lines[i].len;
		FUZZ_CHECK(off <= len && l <= len - off, "line %zu out of bounds", i);
		if (i == 0)
			FUZZ_CHECK(off == 0, "first line starts at %zu", off);
		else
			check_gap(s, end, off, false);
		FUZZ_CHECK(!memchr(s + off, '\n', l), "line %zu holds a newline", i);
		int visible;
		int w = line_width(s, off, off + l, width, &visible);
		FUZZ_CHECK(w == lines[i].width,
			   "line %zu: recorded width %d, measured %d", i,
			   lines[i].width, w);
		FUZZ_CHECK(w <= width || visible == 1,
			   "line %zu: %d columns at width %d (%d visible clusters)",
			   i, w, width, visible);
		end = off + l;
	}
	check_gap(s, end, len, true);
	/* every '\n' breaks a line: n > number of '\n' */
	size_t nl = 0;
	for (size_t i = 0; i < len; i++)
		nl += s[i] == '\n';
	FUZZ_CHECK(n > nl, "%zu lines for %zu newlines", n, nl);
	free(lines);
}

static void
check_fold(const char *s, size_t len)
{
	struct text_key k;
	FUZZ_CHECK(text_fold(s, len, &k), "text_fold failed");
	FUZZ_CHECK(k.map[k.len] == len, "map[len] = %u, source %zu",
		   k.map[k.len], len);
	for (size_t i = 0; i < k.len; i++) {
		FUZZ_CHECK(k.map[i] <= k.map[i + 1], "map not monotonic at %zu", i);
		FUZZ_CHECK(k.map[i] < len, "map[%zu] = %u past the source", i,
			   k.map[i]);
	}
	FUZZ_CHECK(fuzz_utf8_valid(k.key, k.len, NULL), "key not UTF-8");
	if (k.len) {
		FUZZ_CHECK(k.key[0] != ' ' && k.key[k.len - 1] != ' ',
			   "key has a space at an end");
		FUZZ_CHECK(!memmem(k.key, k.len, "  ", 2), "key has two spaces");
	}
	size_t sl;
	char *simple = text_fold_simple(s, len, &sl);
	FUZZ_CHECK(simple, "text_fold_simple failed");
	FUZZ_CHECK(sl == k.len && memcmp(simple, k.key, sl) == 0,
		   "text_fold_simple differs from text_fold");
	free(simple);
	text_key_free(&k);
}

static void
check_truncate(const char *s, size_t len, unsigned char p)
{
	static const size_t sizes[] = { 1, 2, 3, 4, 5, 7, 16, 4096 };
	int cols = (int)(p % 90) - 5; /* -5 .. 84 */
	size_t size = sizes[(p >> 4) % 8];
	char *buf = malloc(size);
	FUZZ_CHECK(buf, "out of memory");
	int w = text_truncate(s, len, cols, buf, size);
	size_t bl = strnlen(buf, size);
	FUZZ_CHECK(bl < size, "not NUL-terminated within %zu bytes", size);
	FUZZ_CHECK(w >= 0 && w <= (cols > 0 ? cols : 0),
		   "%d columns for %d wanted", w, cols);
	FUZZ_CHECK(fuzz_utf8_valid(buf, bl, NULL), "invalid UTF-8");
	FUZZ_CHECK(fuzz_find_unsafe(buf, bl, "") == (size_t)-1,
		   "unsafe character");
	FUZZ_CHECK(!memchr(buf, '\t', bl), "TAB kept");
	FUZZ_CHECK(text_width(buf, bl) == w, "says %d columns, draws %d", w,
		   text_width(buf, bl));
	if (size == 4096 && cols > 0 && len < 256) {
		char *flat = text_sanitize(s, len, false);
		int full = text_width(flat, strlen(flat));
		if (full > cols) {
			FUZZ_CHECK(bl >= 3 && memcmp(buf + bl - 3, "\xE2\x80\xA6", 3) == 0,
				   "cut without an ellipsis");
			/* the last column holds the "…"; a cluster W columns
			 * wide that does not fit before it (a wide character,
			 * a ZWJ emoji sequence, a TAB: never split) leaves up
			 * to W - 1 more */
			int maxw = 1;
			for (size_t pos = 0; pos < len;) {
				struct text_cluster c;
				pos = text_cluster_next(s, len, pos, &c);
				int cw = c.kind == TEXT_CL_TAB ? TEXT_TAB_WIDTH : c.width;
				if (cw > maxw)
					maxw = cw;
			}
			FUZZ_CHECK(w >= cols - maxw + 1,
				   "%d columns of %d (widest cluster %d)", w, cols,
				   maxw);
		} else {
			FUZZ_CHECK(strcmp(flat, buf) == 0, "fits but changed");
		}
		free(flat);
	}
	free(buf);

	int used;
	int fc = (int)(p % 40);
	size_t fit = text_fit(s, len, fc, &used);
	FUZZ_CHECK(fit <= len && used <= fc && used >= 0, "text_fit");
	FUZZ_CHECK(text_width(s, fit) == used, "text_fit: %d columns, width %d",
		   used, text_width(s, fit));
}

static void
check_collapse(const char *s, size_t len)
{
	char *c = malloc(len + 1);
	FUZZ_CHECK(c, "out of memory");
	memcpy(c, s, len + 1);
	size_t n = text_collapse_space(c, len);
	FUZZ_CHECK(n <= len && c[n] == '\0', "length");
	for (size_t i = 0; i < n; i++) {
		bool sp = c[i] == ' ' || c[i] == '\t' || c[i] == '\n' || c[i] == '\r';
		FUZZ_CHECK(!sp || c[i] == ' ', "white space kept at %zu", i);
		FUZZ_CHECK(!sp || (i > 0 && i + 1 < n && c[i + 1] != ' '),
			   "space run or end at %zu", i);
	}
	free(c);
}

/* Collation is a total order: reflexive, antisymmetric, transitive. */
static void
check_collate(const char *s, size_t len)
{
	char *copy = malloc(len + 1);
	FUZZ_CHECK(copy, "out of memory");
	memcpy(copy, s, len + 1);
	const char *part[3] = { "", "", "" };
	char *p = copy;
	for (int i = 0; i < 3 && p; i++) {
		part[i] = p;
		p = strchr(p, '\n');
		if (p)
			*p++ = '\0';
		/* long strings cost time, not coverage: keep 256 bytes (at a
		 * character boundary) */
		size_t pl = strlen(part[i]);
		if (pl > 256) {
			char *q = (char *)part[i] + 256;
			while (q > part[i] && (*q & 0xC0) == 0x80)
				q--;
			*q = '\0';
		}
	}
	for (int i = 0; i < 3; i++) {
		FUZZ_CHECK(text_collate(part[i], part[i]) == 0, "a != a");
		FUZZ_CHECK(text_name_collate(part[i], part[i]) == 0, "name a != a");
		for (int j = 0; j < 3; j++) {
			int ab = sign(text_collate(part[i], part[j]));
			int ba = sign(text_collate(part[j], part[i]));
			FUZZ_CHECK(ab == -ba, "collate not antisymmetric");
			FUZZ_CHECK(ab != 0 || strcmp(part[i], part[j]) == 0,
				   "different strings collate equal");
			ab = sign(text_name_collate(part[i], part[j]));
			ba = sign(text_name_collate(part[j], part[i]));
			FUZZ_CHECK(ab == -ba, "name collate not antisymmetric");
		}
	}
	int ab = sign(text_collate(part[0], part[1]));
	int bc = sign(text_collate(part[1], part[2]));
	int ac = sign(text_collate(part[0], part[2]));
	if (ab == bc && ab != 0)
		FUZZ_CHECK(ac == ab, "collate not transitive");
	free(copy);
}

static void
fuzz_spell_warning(void *arg, uint32_t line, uint32_t col, const char *msg)
{
	(void)arg;
	FUZZ_CHECK(line >= 1 && col >= 1 && msg && *msg && !strchr(msg, '\n'),
		   "a warning without a place or with a newline");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int width = 1 + data[0] % 80;
	unsigned char tparam = data[1];
	const char *raw = (const char *)data + 2;
	size_t rawlen = size - 2;

	/* any bytes */
	check_sanitize(raw, rawlen);
	check_clusters(raw, rawlen, false);

	/* repaired text, as the model holds it */
	size_t len;
	char *s = check_repair(raw, rawlen, &len);
	check_sanitize(s, len);
	check_clusters(s, len, true);
	check_wrap(s, len, width);
	check_fold(s, len);
	check_truncate(s, len, tparam);
	check_collapse(s, len);
	check_collate(s, len);
	size_t at = 0;
	enum text_mojibake mk = text_detect_mojibake(s, len, &at);
	FUZZ_CHECK(mk == TEXT_MOJI_NONE || at < len, "mojibake at %zu", at);
	FUZZ_CHECK(text_mojibake_hint(mk) != NULL, "no hint");
	/* raw bytes, as a file declared UTF-8 may hold them */
	size_t loff = 0, llen = 0;
	enum text_mojibake lk = text_detect_legacy_bytes((const char *)data, size,
							 &loff, &llen);
	FUZZ_CHECK(lk == TEXT_MOJI_NONE || loff + llen <= size,
		   "legacy line past the end");
	/* the spelling check over the text as a document, and each word */
	struct spell *sp = spell_new();
	spell_check(sp, s, len, fuzz_spell_warning, NULL);
	spell_free(sp);
	for (size_t pos = 0; pos < len;) {
		size_t e = pos;
		while (e < len && s[e] != ' ' && s[e] != '\n')
			e++;
		char fix[64];
		enum spell_verdict v = spell_syllable(s + pos, e - pos);
		if (spell_suggest(s + pos, e - pos, fix, sizeof(fix)))
			FUZZ_CHECK(v == SPELL_INVALID &&
				   spell_syllable(fix, strlen(fix)) == SPELL_OK,
				   "a correction that is no syllable");
		pos = e + 1;
	}
	free(s);
	return 0;
}
