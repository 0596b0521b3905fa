/* loader_errors.h - the errors that stop a load (loader_errors.c),
 * private to the loader. */
#ifndef MINUTES_LOADER_ERRORS_H
#define MINUTES_LOADER_ERRORS_H

#include "loader_state.h"

void
ld_stop(struct ld *ld);
void
ld_fatal(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void
ld_on_xml_error(void *arg, XML_ERROR *e);
void
ld_silent(void *ctx, const char *msg, ...);

#endif
