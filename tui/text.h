/* text.h - the Vietnamese-correct text engine (no curses).
 *
 * Every part of minutes that measures, cuts, compares, sorts or draws
 * text goes through here.  Strings are (pointer, byte length) pairs and
 * need not be NUL-terminated unless stated.  Functions returning
 * allocated memory return NULL only when out of memory. */
#ifndef MINUTES_TEXT_H
#define MINUTES_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_TAB_WIDTH 8

/* --- Repair and normalize -------------------------------------------- */

/* True when S is valid UTF-8, already NFC, and has no CR, U+2028 or
 * U+2029: the fast path a loader takes before anything is rebuilt.
 * About as fast as a plain UTF-8 scan on NFC text; the tables it needs
 * are built once, on first use, thread-safely. */
bool text_is_clean(const char *s, size_t len);

/* Any bytes in, valid NFC UTF-8 out (malloc'd, NUL-terminated, length in
 * *outlen).  Each invalid byte becomes U+FFFD and the bytes after it are
 * kept; CR, CRLF, U+2028 and U+2029 become '\n'.  TAB is kept (it is
 * expanded when drawn). */
char *text_repair(const char *s, size_t len, size_t *outlen);

/* In place: collapse runs of white space (space, TAB, '\n', CR) into one
 * space and trim both ends.  NBSP is not white space here.  Returns the
 * new length and NUL-terminates. */
size_t text_collapse_space(char *s, size_t len);

/* --- Clusters, width, display ---------------------------------------- */

enum text_cluster_kind {
	TEXT_CL_NORMAL,   /* draw the bytes as they are */
	TEXT_CL_ORPHAN,   /* combining mark(s) without a base: drawn on NBSP */
	TEXT_CL_CONTROL,  /* C0/C1/DEL or U+FFFD: drawn as a dimmed placeholder */
	TEXT_CL_HIDDEN,   /* bidi controls, ZWSP, soft hyphen, other format
			     characters: drawn as nothing, width 0 */
	TEXT_CL_TAB,      /* TAB: width depends on the column */
	TEXT_CL_NEWLINE,  /* '\n' */
};

struct text_cluster {
	size_t off, len; /* the bytes of the cluster in the source */
	int width;       /* columns (TAB: 1 here; use text_tab_width) */
	enum text_cluster_kind kind;
	int32_t cp;      /* the code point, when the cluster is one NORMAL
			  * code point drawn as itself (most text); else -1 */
};

/* Reads the grapheme cluster starting at byte POS of a valid UTF-8
 * string; returns the position after it (POS itself at the end).  An
 * invalid byte, should one slip through, is a one-byte CONTROL cluster.
 * Width is the sum of utf8proc_charwidth over the code points drawn
 * (what ncurses draws code point by code point): an emoji ZWJ sequence is
 * one cluster as wide as its parts.  A cluster keeps all its marks, but
 * only four zero-width code points after each spacing one, and at most 60
 * bytes, are drawn (ncurses keeps a few marks per cell). */
size_t text_cluster_next(const char *s, size_t len, size_t pos,
			 struct text_cluster *out);
/* The start of the cluster that ends at POS (0 at the start). */
size_t text_cluster_prev(const char *s, size_t len, size_t pos);

static inline int
text_tab_width(int col)
{
	return TEXT_TAB_WIDTH - col % TEXT_TAB_WIDTH;
}

/* Writes what to draw for a cluster, as safe UTF-8 (NUL-terminated),
 * into BUF (at least 64 bytes): the bytes themselves, NBSP + marks for an
 * orphan, the placeholder for a control, "" for hidden, spaces for a TAB
 * at column COL.  Returns the number of columns it takes. */
int text_cluster_render(const char *s, const struct text_cluster *c, int col,
			char *buf, size_t size);

#define TEXT_PLACEHOLDER "\xEF\xBF\xBD" /* U+FFFD, drawn dimmed */

/* Columns that S takes when drawn from column 0 (TABs expanded,
 * '\n' counts 0 and does not reset the column). */
int text_width(const char *s, size_t len);

/* Whole clusters of S that fit in COLS columns starting at column 0:
 * returns their byte length and stores their width in *used. */
size_t text_fit(const char *s, size_t len, int cols, int *used);

/* text_fit for a string that is cut with a one-column mark: when S fits
 * in COLS columns, returns LEN and sets *cut to false; otherwise returns
 * the whole clusters that fit in COLS - 1 columns (the mark takes the
 * last) and sets *cut.  One pass over S. */
size_t text_fit_cut(const char *s, size_t len, int cols, int *used, bool *cut);

/* The code point of a cluster that is one NORMAL code point drawn as
 * itself (what most text is), or -1. */
int32_t text_cluster_single(const char *s, const struct text_cluster *c);

/* Safe, display-ready copy of S truncated to COLS columns: when S is
 * wider, the last column holds "…" (one column; a wide character that
 * does not fit before it leaves the row one column shorter).  Never splits
 * a cluster; COLS <= 0 gives "".  Controls become the placeholder, hidden
 * characters go, TABs and '\n' become spaces.  Writes into BUF
 * (NUL-terminated, cut short rather than overflow, still ending in "…"
 * when there is room for it), returns columns. */
int text_truncate(const char *s, size_t len, int cols, char *buf,
		  size_t size);

/* "Ủy ban …" -> "Ủy ban…": a string cut (by text_truncate) right after
 * a space shows its mark against the word.  In place. */
void text_trim_before_mark(char *s);

/* text_truncate keeping the end of S: "…-2020.xml" (a path's file
 * name is what tells two files apart). */
int text_truncate_left(const char *s, size_t len, int cols, char *buf,
		       size_t size);

/* A whole string made safe for a terminal or a pipe (like
 * text_cluster_render over every cluster; '\n' kept when KEEP_NL).
 * malloc'd, NUL-terminated. */
char *text_sanitize(const char *s, size_t len, bool keep_nl);

/* The value of the N decimal digits (ASCII) at S, or -1 when one of
 * them is not a digit (dates and times in fixed formats). */
int text_digits(const char *s, int n);

/* --- Wrapping --------------------------------------------------------- */

struct text_line {
	uint32_t off, len; /* bytes of the source on this line, without the
			      space or '\n' the line was broken at */
	int width;
};

/* Wraps S into lines of at most WIDTH columns (WIDTH >= 1; less is taken
 * as 1): breaks at spaces (not NBSP or U+202F), also after '-' and '/'
 * inside a word, forces a break at '\n', and hard-breaks longer words at
 * cluster boundaries.  The one exception to "at most WIDTH": a single
 * cluster wider than WIDTH (a wide character at width 1, a 6-column emoji
 * family at width 5) goes on a line of its own (zero-width clusters such
 * as a ZWSP aside), wider than WIDTH, so that wrapping always makes
 * progress.  The space or '\n' a line breaks at is
 * in no line; other spaces stay (a line may end in one).  A TAB is white
 * space too: a break point, counted up to the next tab stop but never past
 * WIDTH.  Empty text, or text ending in '\n', gives an empty last line.
 * Returns the number of lines (at least 1; 0 only when out of memory) and
 * a malloc'd array in *lines. */
size_t text_wrap(const char *s, size_t len, int width,
		 struct text_line **lines);

/* The text engine's other rooms, each with its own header: fold.h (search
 * keys), collate.h (Vietnamese sorting), mojibake.h (mangled legacy
 * encodings).  They are included here too, so that a file that includes
 * text.h sees the whole engine. */
#include "fold.h"
#include "collate.h"
#include "mojibake.h"

#endif
