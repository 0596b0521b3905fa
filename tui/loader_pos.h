/* loader_pos.h - where tags, attributes and texts are written (loader_pos.c),
 * private to the loader. */
#ifndef MINUTES_LOADER_POS_H
#define MINUTES_LOADER_POS_H

#include "loader_state.h"

void
ld_find_tag(struct ld *ld);
void
ld_attr_pos(struct ld *ld, const struct frame *f, const char *qname,
	 uint32_t *line, uint32_t *col);
void
ld_text_pos(const struct ld *ld, const char *s, size_t len, uint32_t *line,
	 uint32_t *col);

#endif
