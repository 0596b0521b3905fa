/* notes_names.h - reviewers' file names (notes_names.c), private to the
 * notes store; notes_safe_name and notes_reviewer_name are in notes.h. */
#ifndef MINUTES_NOTES_NAMES_H
#define MINUTES_NOTES_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* the longest file-safe name, in bytes, before its "~HASH" */
#define SAFE_MAX 64

void
notes_legacy_name(const char *reviewer, char *buf, size_t size);
bool
notes_name_is_exact(const char *name);
bool
notes_file_is_theirs(const char *fname, const char *reviewer);

#endif
