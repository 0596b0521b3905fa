/* loader_check.h - the validity checks (loader_check.c),
 * private to the loader. */
#ifndef MINUTES_LOADER_CHECK_H
#define MINUTES_LOADER_CHECK_H

#include "loader_state.h"

bool
ld_valid_date(const char *s);
bool
ld_valid_time(const char *s);
bool
ld_parse_decimal(const char *s, double *out);
void
ld_check_required(struct ld *ld, const struct frame *f);
void
ld_after_init(struct ld *ld);
bool
ld_el_allowed(struct ld *ld, struct frame *parent, struct frame *f,
	   const char *name, const xmlChar *uri);
void
ld_check_votes(struct ld *ld);
void
ld_check_form(struct ld *ld);

#endif
