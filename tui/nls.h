/* nls.h - interface strings go through gettext from the start. */
#ifndef MINUTES_NLS_H
#define MINUTES_NLS_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
