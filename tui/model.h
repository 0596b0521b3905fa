/* model.h - the in-memory minutes model (no curses, no libxml2).
 *
 * Everything a loaded minutes file holds lives in one arena, so a
 * 150,000-item file costs a handful of large allocations and is freed
 * in one call.  All strings are valid NFC UTF-8 (the loader repairs and
 * normalizes them); they may still contain characters that must not
 * reach a terminal raw: draw them through the text engine. */
#ifndef MINUTES_MODEL_H
#define MINUTES_MODEL_H

#include <stddef.h>
#include <stdint.h>

enum mn_kind {
	MN_KIND_ACHIEVEMENTS,
	MN_KIND_LIMITATIONS,
	MN_KIND_TARGETS,
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

struct mn_person {
	const char *id;
	const char *name;
	const char *role; /* "" when absent */
	uint32_t line;
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
};

/* A validity problem (the file is well-formed; it can still be shown). */
struct mn_problem {
	uint32_t line, col; /* col 0 when unknown */
	const char *msg;
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
	struct mn_problem *problems;
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

const char *mn_kind_symbol(enum mn_kind k);    /* "+", "!", ">" , "#" */
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

#endif
