/* loader_v2.h - version 2's elements (loader_v2.c),
 * private to the loader. */
#ifndef MINUTES_LOADER_V2_H
#define MINUTES_LOADER_V2_H

#include "loader_state.h"

void
ld_begin_officer(struct ld *ld, const struct frame *f, const struct attrs *at,
	      enum pref_use use);
void
ld_begin_agency(struct ld *ld, const struct frame *f, const struct attrs *at);
void
ld_begin_attendees(struct ld *ld, const struct frame *f, const struct attrs *at);
void
ld_end_attendees(struct ld *ld);
void
ld_read_presence(struct ld *ld, const struct frame *f, struct mn_person *p,
	      const char *v);
void
ld_end_reason(struct ld *ld, const struct frame *f);
void
ld_begin_vote(struct ld *ld, struct frame *f, const struct attrs *at);
void
ld_end_motion(struct ld *ld, const struct frame *f);
void
ld_begin_tally(struct ld *ld, const struct frame *f, const struct attrs *at);
void
ld_end_result(struct ld *ld, const struct frame *f);
void
ld_begin_task(struct ld *ld, struct frame *f, const struct frame *parent,
	   const struct attrs *at);
void
ld_end_task(struct ld *ld);
void
ld_begin_signature(struct ld *ld, const struct frame *f, const struct attrs *at);
void
ld_end_recipient(struct ld *ld, const struct frame *f);
void
ld_begin_date(struct ld *ld, const struct frame *f, const struct attrs *at);
void
ld_finish_v2(struct ld *ld);

#endif
