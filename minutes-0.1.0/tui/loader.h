/* loader.h - stream a minutes XML file into the model (no curses).
 *
 * The loader reads the bytes itself (no silent .gz decompression),
 * refuses any DOCTYPE, never loads a DTD or an external entity, never
 * touches the network, and caps the input size.  Text is repaired and
 * normalized to NFC by the text engine; whitespace runs collapse. */
#ifndef MINUTES_LOADER_H
#define MINUTES_LOADER_H

#include <stddef.h>
#include "model.h"

#define LOADER_MAX_BYTES ((size_t)256 << 20) /* 256 MiB */
#define LOADER_MAX_DEPTH 64                   /* element nesting */

enum load_status {
	LOAD_OK = 0,      /* valid */
	LOAD_INVALID = 1, /* well-formed, with validity problems in m->problems */
	LOAD_FATAL = 2,   /* not loadable: see the error */
};

struct load_error {
	char path[1024]; /* the file as given */
	unsigned line, col; /* 0 when unknown */
	char msg[512];
};

/* Loads PATH.  On LOAD_OK and LOAD_INVALID *out is the model (free with
 * minutes_free); on LOAD_FATAL *out is NULL and *err says why. */
enum load_status loader_load_file(const char *path, struct minutes **out,
				  struct load_error *err);

/* What a load may leave out. */
enum load_flags {
	/* the items' texts are read and checked (the same problems are
	 * found) but not kept: every item's text is "" and its figures'
	 * places are 0 (for --check, which then needs memory for the
	 * structure only) */
	LOAD_NO_TEXT = 1,
};

/* loader_load_file with FLAGS (enum load_flags). */
enum load_status loader_load_file_flags(const char *path,
					struct minutes **out,
					struct load_error *err,
					unsigned flags);

/* The same from memory; NAME is used in messages and as m->path. */
enum load_status loader_load_memory(const char *name, const char *buf,
				    size_t len, struct minutes **out,
				    struct load_error *err);

/* Formats "FILE:LINE:COL: error: msg" (":COL" left out when 0, ":LINE"
 * too) into BUF. */
void load_error_format(const struct load_error *err, char *buf, size_t size);

#endif
