/* review_report.h - the review report: the reviewers' notes on a
 * minutes file as a document (no curses).  It reads the notes store
 * through its public API only. */
#ifndef MINUTES_REVIEW_REPORT_H
#define MINUTES_REVIEW_REPORT_H

#include <stdio.h>

#include "model.h"
#include "notes.h"

/* A review report in Markdown: header, then per element in document
 * order (meeting, attendees, each section and its items) the element's
 * text quoted and its notes, open ones first; orphans at the end. */
void
review_report_markdown(FILE *out, const struct minutes *m,
		       const struct notes_store *s);

#endif
