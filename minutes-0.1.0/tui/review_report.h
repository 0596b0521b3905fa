/* review_report.h - the review report: the reviewers' notes on minutes
 * as the Vietnamese "Bản tổng hợp ý kiến" (no curses).  It reads the
 * notes store through its public API only.
 *
 * One table per meeting, one row per note in document order (the
 * meeting, the attendees, each section and its items; on one element
 * open notes first), then the notes whose element is gone: STT; the part
 * of the minutes it concerns (section number and heading, item number,
 * FILE:LINE); the quote (the element's text when the note was made); the
 * note; its kind; who wrote it and when (local time); the answers to it
 * (for now its status, and who resolved it).
 *
 * The wording is in the minutes' language (docwords.h), whatever the
 * locale.  Markdown: a GFM table; everything from a file is escaped so it
 * cannot end a cell or a row, start a block, or add a link, emphasis or
 * raw HTML (pipes, backslashes and Markdown punctuation escaped, < > &
 * as character references, line ends as <br> hard breaks).  HTML: one
 * standalone page per call, printable on A4 landscape, every text
 * escaped (html.h).
 *
 * Several meetings (an archive): a summary first (one row per meeting:
 * its notes and its open notes, with the totals), then each meeting's
 * report in the archive's order (review_report_sort). */
#ifndef MINUTES_REVIEW_REPORT_H
#define MINUTES_REVIEW_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"
#include "notes.h"

enum review_format { REVIEW_MD, REVIEW_HTML };

struct review_doc {
	const struct minutes *m;
	const struct notes_store *notes;
};

/* The archive's order, as the browser lists it: newest date first, then
 * by path. */
void
review_report_sort(struct review_doc *docs, size_t n);

/* The report of N meetings: one meeting without a summary when N is 1
 * and ARCHIVE is false; else the summary then each meeting (a folder
 * without minutes: the summary of none, in Vietnamese). */
void
review_report_write(FILE *out, enum review_format fmt,
		    const struct review_doc *docs, size_t n, bool archive);

/* One meeting in Markdown (review_report_write with one document). */
void
review_report_markdown(FILE *out, const struct minutes *m,
		       const struct notes_store *s);

#endif
