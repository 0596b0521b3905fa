/* model.h - the in-memory minutes model (no curses, no libxml2).
 *
 * Everything a loaded minutes file holds lives in one arena, so a
 * 150,000-item file costs a handful of large allocations and is freed
 * in one call.  All strings are valid NFC UTF-8 (the loader repairs and
 * normalizes them); they may still contain characters that must not
 * reach a terminal raw: draw them through the text engine. */
#ifndef MINUTES_MODEL_H
#define MINUTES_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A count or a person index that is not there (an attribute left out, a
 * reference to no one). */
#define MN_NONE UINT32_MAX

enum mn_kind {
	MN_KIND_ACHIEVEMENTS,
	MN_KIND_LIMITATIONS,
	MN_KIND_TARGETS,
	MN_KIND_CONCLUSIONS, /* v2: kết luận, the chair's conclusions */
	MN_KIND_OTHER, /* any other kind name: report, directives, awards ... */
};

enum mn_status {
	MN_STATUS_DRAFT, /* also when <status> is absent */
	MN_STATUS_FINAL,
	MN_STATUS_APPROVED,
};

enum mn_op { MN_OP_GE, MN_OP_GT, MN_OP_EQ, MN_OP_LE, MN_OP_LT };

enum mn_verdict { MN_UNKNOWN, MN_MET, MN_MISSED };

/* A number a target commits to, marked inline with <figure>.  start/end
 * are byte offsets of the figure's own text inside the item's text. */
struct mn_figure {
	enum mn_op op;
	double value;       /* near value_str: never compare or show it */
	/* value and actual as written (decimal.h: compared and shown
	 * exactly); NULL when absent or not a number */
	const char *value_str;
	const char *unit;   /* "" when absent */
	const char *actual; /* NULL when absent */
	uint32_t start, end;
	uint32_t line;
};

/* v2: a decision that assigns work, marked inline in an item with
 * <task assignee="ids" due="YYYY-MM-DD">.  start/end are byte offsets
 * of the task's own text inside the item's text (0 with LOAD_NO_TEXT),
 * as for figures. */
struct mn_task {
	uint32_t *assignees; /* indexes into minutes.persons (none unknown) */
	uint32_t nassignees;
	uint32_t start, end;
	const char *due; /* YYYY-MM-DD as written, "" when absent; a due
			  * that is not a real date is a problem */
	uint32_t line, col;
};

/* v2: how many must vote for a motion to pass (<vote rule="...">). */
enum mn_rule {
	MN_RULE_MAJORITY_PRESENT,    /* default: more than half of present */
	MN_RULE_MAJORITY_EXPECTED,   /* more than half of expected */
	MN_RULE_TWO_THIRDS_PRESENT,  /* at least two thirds of present */
	MN_RULE_TWO_THIRDS_EXPECTED, /* at least two thirds of expected */
};

enum mn_result {
	MN_RESULT_NONE, /* no <result> */
	MN_RESULT_ADOPTED,
	MN_RESULT_REJECTED,
};

/* v2: a vote (biểu quyết).  It is kept as an item of its section, in
 * document order among the other items, so it has an id, can be
 * searched, noted and gone to like any item: the item's text is the
 * motion, its figures/tasks/by are empty, and item.vote points here
 * (item.vote is NULL for every other item). */
struct mn_vote {
	const char *method; /* free text: show-of-hands, ballot ...; "" */
	enum mn_rule rule;
	const char *rule_name; /* the attribute as written, "" when absent */
	bool has_tally;        /* a <tally> was given */
	/* tán thành / không tán thành / không có ý kiến / phiếu không hợp
	 * lệ; MN_NONE for an attribute left out (for, against, abstain:
	 * treated as 0 in sums) */
	uint32_t nfor, against, abstain, invalid;
	enum mn_result result;
	uint32_t line, col;               /* of <vote> */
	uint32_t tally_line, tally_col;   /* of <tally>, 0 when none */
	uint32_t result_line, result_col; /* of <result>, 0 when none */
};

struct mn_item {
	const char *id;
	/* Paragraphs joined by '\n'; whitespace runs inside a paragraph
	 * collapsed to one space and trimmed. */
	const char *text;
	uint32_t len;
	uint32_t line;
	uint32_t nby;
	uint32_t nfigures;
	uint32_t *by;               /* indexes into minutes.persons */
	struct mn_figure *figures;
	uint32_t ntasks;            /* v2, inline <task>s in text order */
	struct mn_task *tasks;
	const struct mn_vote *vote; /* v2: non-NULL when this is a <vote> */
};

struct mn_section {
	const char *id;
	const char *kind_name; /* the attribute as written */
	enum mn_kind kind;
	const char *heading;
	uint32_t line;
	uint32_t nitems;
	struct mn_item *items;
};

/* v2: <person presence="...">. */
enum mn_presence {
	MN_PRESENT, /* the default, and every v1 person */
	MN_EXCUSED, /* vắng có lý do */
	MN_ABSENT,  /* vắng */
};

struct mn_person {
	const char *id;
	const char *name;
	const char *role; /* "" when absent */
	uint32_t line;
	enum mn_presence presence;
	const char *reason; /* v2 <reason>, why excused or absent; "" */
};

struct mn_meeting {
	const char *title;
	const char *organizer; /* "" when absent, likewise below */
	const char *date;      /* ISO 8601 YYYY-MM-DD */
	const char *start;     /* HH:MM or "" */
	const char *end;
	const char *place;
	enum mn_status status;
	const char *source;
	uint32_t line;

	/* v2 (all "" / 0 / NULL in a v1 file) */
	const char *agency;        /* <agency>: tên cơ quan, tổ chức */
	const char *agency_parent; /* its parent attribute: cơ quan chủ quản */
	const char *number;        /* <number>: số / ký hiệu, "27/BB-UBND" */
	uint32_t agency_line, number_line;
	/* <chair ref>, <secretary ref>: person indexes, in document order
	 * (several chairs for a presidium); references to no one left out */
	uint32_t *chairs, nchairs;
	uint32_t *secretaries, nsecretaries;
};

/* v2: <signatures>, the signatures under the minutes. */
enum mn_sign_role { MN_SIGN_SECRETARY, MN_SIGN_CHAIR };

struct mn_signature {
	enum mn_sign_role role;
	uint32_t person;     /* index into minutes.persons, MN_NONE if unknown */
	const char *refused; /* NULL when signed, else the reason (maybe "") */
	uint32_t line;
};

/* v2: <recipients>, nơi nhận. */
struct mn_recipient {
	const char *text;
	uint32_t line;
};

/* A validity problem (the file is well-formed; it can still be shown),
 * or a form warning (v2, NĐ 30/2020: final or approved minutes lacking
 * a part the official form asks for).  Errors make the load
 * LOAD_INVALID; warnings alone do not (--check --strict counts them). */
enum mn_severity { MN_SEV_ERROR, MN_SEV_WARNING };

struct mn_problem {
	uint32_t line, col; /* col 0 when unknown */
	const char *msg;
	enum mn_severity severity;
};

struct mn_arena;

struct minutes {
	const char *path; /* as given on the command line */
	const char *id;
	const char *lang;
	int version;
	struct mn_meeting meeting;
	uint32_t npersons, nsections, nproblems;
	struct mn_person *persons;
	struct mn_section *sections;
	struct mn_problem *problems; /* errors and warnings, in line order */
	uint32_t nwarnings;          /* how many of them are warnings */
	/* v2 <attendees expected present>: MN_NONE when not given */
	uint32_t expected, present;
	uint32_t nsignatures, nrecipients;
	struct mn_signature *signatures;
	struct mn_recipient *recipients;
	struct mn_arena *arena;
	struct mn_item *item_store; /* all items, malloc'd: sections point in */
};

/* Out of memory: says so on stderr and aborts (nothing in minutes runs
 * on half-allocated); mn_xrealloc is realloc that never returns NULL. */
_Noreturn void mn_oom(void);
/* Memory for a big table or block, freed with free(): from 1 MiB on,
 * aligned to 2 MiB and marked for huge pages (one page fault and one TLB
 * entry for 2 MiB, where 4 KiB pages take 512 of each).  Never NULL. */
#define MN_HUGE ((size_t)2 << 20)
void *mn_big_alloc(size_t n);
void *mn_xrealloc(void *p, size_t n);

/* Arena: bump allocation in large blocks; everything is freed at once. */
struct mn_arena *mn_arena_new(void);
void *mn_arena_alloc(struct mn_arena *a, size_t size);
/* The same, not zeroed: for memory written whole before it is read
 * (strings); pages never written are then never touched. */
void *mn_arena_alloc_raw(struct mn_arena *a, size_t size);
const char *mn_arena_strndup(struct mn_arena *a, const char *s, size_t len);
size_t mn_arena_bytes(const struct mn_arena *a);
void mn_arena_free(struct mn_arena *a);

struct minutes *minutes_new(const char *path);
void minutes_free(struct minutes *m);

/* Appends a problem (message copied into the arena). */
void minutes_add_problem(struct minutes *m, uint32_t line, uint32_t col,
			 const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The same as a warning (severity MN_SEV_WARNING, counted in nwarnings). */
void minutes_add_warning(struct minutes *m, uint32_t line, uint32_t col,
			 const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Errors only: nproblems - nwarnings. */
uint32_t minutes_error_count(const struct minutes *m);

/* v2 counts.  Present: attendees/@present when given, else the persons
 * whose presence is MN_PRESENT. */
uint32_t minutes_present_count(const struct minutes *m);
/* Votes cast: for + against + abstain + invalid (left out counts 0). */
uint32_t mn_vote_cast(const struct mn_vote *v);
/* How many votes for the motion needs under its rule, and the base it
 * is counted on (those present or expected) in *base.  MN_NONE when it
 * cannot be told (a rule on expected without attendees/@expected). */
uint32_t mn_vote_needed(const struct minutes *m, const struct mn_vote *v,
			uint32_t *base);
/* Is task T past due on TODAY (YYYY-MM-DD, the caller's clock: the
 * browser honours MINUTES_NOW)?  False without a valid due date. */
bool mn_task_overdue(const struct mn_task *t, const char *today);
const char *mn_rule_name(enum mn_rule r);       /* "majority-present" ... */
const char *mn_result_name(enum mn_result r);   /* "", "adopted", ... */
const char *mn_presence_name(enum mn_presence p); /* "present" ... */
const char *mn_sign_role_name(enum mn_sign_role r); /* "secretary" ... */

const char *mn_kind_symbol(enum mn_kind k); /* "+", "!", ">", "=", "#" */
const char *mn_status_name(enum mn_status s); /* "draft", ... */
/* a section's kind as the interface says it: the three kinds the format
 * knows in the interface's language, any other as the file writes it */
const char *mn_kind_label(enum mn_kind kind, const char *kind_name);
const char *mn_op_text(enum mn_op op);        /* "≥", ">", "=", "≤", "<" */
/* The verdict of a figure, its actual compared with its value exactly
 * (as decimals, never as doubles): MN_UNKNOWN without both numbers. */
enum mn_verdict mn_figure_verdict(const struct mn_figure *f);
uint32_t minutes_item_count(const struct minutes *m);

/* Look an element up by id: returns 1 and fills the out-parameters
 * (section index, item index or -1) for a section/item, 2 for a person
 * (*sec = person index), 3 for the minutes id itself, 0 when absent. */
int minutes_find_id(const struct minutes *m, const char *id, int *sec,
		    int *item);
/* The source line the element with id ID starts on (its start tag, as
 * the loader read it: an item, a section, an attendee; the minutes id:
 * the <meeting> line), 0 when there is none or it is not known. */
uint32_t minutes_id_line(const struct minutes *m, const char *id);

#endif
