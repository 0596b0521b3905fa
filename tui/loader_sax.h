/* loader_sax.h - the SAX2 handlers (loader_sax.c),
 * private to the loader. */
#ifndef MINUTES_LOADER_SAX_H
#define MINUTES_LOADER_SAX_H

#include "loader_state.h"

void
ld_sax_init(xmlSAXHandler *h);

#endif
