/* notes_disk.h - notes folders and crash-safe writes (notes_disk.c),
 * private to the notes store. */
#ifndef MINUTES_NOTES_DISK_H
#define MINUTES_NOTES_DISK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "model.h"
#include "notes.h"

bool
notes_not_writable(int e);
char *
notes_dir_of(const char *path);
int
notes_write_durable_at(int dfd, const char *name, const struct stat *old,
		 const char *data, size_t len);
int
notes_make_dirs(const char *path, mode_t mode);
void
notes_sweep_temps(int dfd);
bool
notes_resolves_inside(const char *path, const char *dir);
char *
notes_link_target(const char *path);
int
notes_open_lock(int dfd, const char *dir, bool *nw, struct notes_error *err);
char *
notes_fallback_dir_for(const char *minutes_path, const struct minutes *m);

#endif
