/* loader_ids.h - the id table and the problems list (loader_ids.c),
 * private to the loader. */
#ifndef MINUTES_LOADER_IDS_H
#define MINUTES_LOADER_IDS_H

#include "loader_state.h"

void
ld_problem(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
bool
ld_problems_full(struct ld *ld);
uint32_t
ld_ref_line(const struct ld *ld, uint32_t ref);
uint32_t
ld_id_find(const struct ld *ld, const char *id);
void
ld_id_flush(struct ld *ld);
uint32_t
ld_id_add(struct ld *ld, const char *id, uint32_t ref);
void
ld_id_add_later(struct ld *ld, const char *id, uint32_t ref, uint32_t line,
	     uint32_t col);

#endif
