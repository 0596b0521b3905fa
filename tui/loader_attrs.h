/* loader_attrs.h - a start tag's attributes read and checked (loader_attrs.c),
 * private to the loader. */
#ifndef MINUTES_LOADER_ATTRS_H
#define MINUTES_LOADER_ATTRS_H

#include "loader_state.h"

const char *
ld_qname(const xmlChar *prefix, const xmlChar *name, char *buf, size_t size);
void
ld_attrs_read(struct ld *ld, struct frame *f, int nattrs, const xmlChar **a,
	   struct attrs *at);
const char *
ld_read_id(struct ld *ld, const struct frame *f, const struct attrs *at,
	uint32_t ref);
const char *
ld_read_time(struct ld *ld, const struct frame *f, const char *v,
	  const char *what);

#endif
