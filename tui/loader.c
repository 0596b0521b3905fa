/* loader.c - stream a minutes XML file into the model.
 *
 * The file's bytes are read by the loader itself, in chunks; the first
 * is checked (empty, compressed, DOCTYPE), then all are pushed through
 * libxml2's SAX2 push parser: one pass, no tree, no copy of the file,
 * every event handled as it comes.  SAX rather than
 * xmlTextReader: the reader builds and frees a node for every element
 * and text, which alone costs more than the parse.  Positions come from
 * the parser's own input (it stands on the event being reported).
 *
 * This file drives a load (the bytes pushed, the model finished, the
 * API of loader.h); the rooms it calls: loader_bytes (reading, the
 * first chunk's checks, UTF-8 repair), loader_sax (the handlers
 * building the model) with loader_attrs and loader_v2, loader_text (the
 * model's strings and texts), loader_check (the rules of format.def and
 * the validity checks), loader_pos (lines and columns), loader_ids (the
 * id table, the problems list), loader_errors (what stops a load); their
 * shared state is loader_state.h. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/encoding.h>
#include <libxml/xmlerror.h>

#include "nls.h"
#include "loader.h"
#include "loader_bytes.h"
#include "loader_check.h"
#include "loader_errors.h"
#include "loader_ids.h"
#include "loader_sax.h"
#include "loader_state.h"
#include "loader_text.h"
#include "loader_v2.h"

/* a by slot that names nobody: BY_NOBODY | its index in by_unknown */
#define BY_NOBODY 0x80000000u

static void
resolve_later(struct ld *ld)
{
	struct minutes *m = ld->m;

	for (uint32_t i = 0; i < ld->nlater; i++) {
		struct by_later *b = &ld->later[i];
		const char *name = ld->names.s + b->name;
		uint32_t ref = ld_id_find(ld, name);
		struct mn_item *it = &ld->items[b->item];
		if (ref != REF_NONE && REF_KIND(ref) == REF_PERSON) {
			it->by[b->slot] = REF_INDEX(ref);
			continue;
		}
		/* kept apart, so that the screen can mark the item */
		if (!m->by_unknown)
			m->by_unknown = mn_arena_alloc(m->arena, ld->nlater *
						       sizeof(*m->by_unknown));
		it->by[b->slot] = BY_NOBODY | m->nby_unknown;
		m->by_unknown[m->nby_unknown++] =
			mn_arena_strndup(m->arena, name, strlen(name));
		if (ref == REF_NONE)
			ld_problem(ld, b->line, b->col,
				"by refers to unknown person \"%s\"", name);
		else
			ld_problem(ld, b->line, b->col,
				"by refers to \"%s\", which is not a person", name);
	}
	/* the attendees first, then the names of nobody (an item's are
	 * placed one after the other: its by is read at once) */
	for (uint32_t i = 0; i < ld->nlater; i++) {
		struct mn_item *it = &ld->items[ld->later[i].item];
		uint32_t n = 0, u = 0, first = UINT32_MAX;
		for (uint32_t k = 0; k < it->nby; k++) {
			if (!(it->by[k] & BY_NOBODY))
				it->by[n++] = it->by[k];
			else if (u++, (it->by[k] & ~BY_NOBODY) < first)
				first = it->by[k] & ~BY_NOBODY;
		}
		if (!u)
			continue; /* this item's done (or all its names resolved) */
		for (uint32_t k = 0; k < u; k++)
			it->by[n + k] = first + k;
		it->nby = n;
		it->nunknown = u;
	}
}

static int
problem_cmp(const struct mn_problem *a, const struct mn_problem *b)
{
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

/* In document order (insertion sort: they nearly are, and stable). */
static void
sort_problems(struct minutes *m)
{
	for (uint32_t i = 1; i < m->nproblems; i++) {
		struct mn_problem p = m->problems[i];
		uint32_t j = i;
		while (j > 0 && problem_cmp(&m->problems[j - 1], &p) > 0) {
			m->problems[j] = m->problems[j - 1];
			j--;
		}
		m->problems[j] = p;
	}
}

static void
finish(struct ld *ld)
{
	struct minutes *m = ld->m;
	ld_id_flush(ld);
	resolve_later(ld);
	ld_finish_v2(ld);
	free(ld->ids.slots);
	ld->ids.slots = NULL;
	sort_problems(m);
	if (ld->dropped)
		minutes_add_problem(m, 0, 0, _("%u more problems not listed"),
				    ld->dropped);
	if (ld->nitems) {
		m->item_store = mn_xrealloc(ld->items,
					 ld->nitems * sizeof(*ld->items));
		ld->items = NULL;
	}
	for (uint32_t i = 0, first = 0; i < ld->nsections; i++) {
		struct mn_section *s = &ld->sections[i];
		s->items = s->nitems ? m->item_store + first : NULL;
		first += s->nitems;
	}
	m->persons = ld_to_arena(ld, ld->persons,
			      ld->npersons * sizeof(*ld->persons));
	m->npersons = ld->npersons;
	m->sections = ld_to_arena(ld, ld->sections,
			       ld->nsections * sizeof(*ld->sections));
	m->nsections = ld->nsections;
}

static void
ld_free(struct ld *ld)
{
	free(ld->persons);
	free(ld->sections);
	free(ld->items);
	free(ld->figs);
	free(ld->later);
	free(ld->tasks);
	free(ld->sigs);
	free(ld->recips);
	free(ld->prefs);
	free(ld->votes);
	free(ld->chair_pos);
	free(ld->sec_pos);
	free(ld->names.s);
	free(ld->raw.s);
	free(ld->out.s);
	free(ld->tmp.s);
	memo_free(&ld->moji_words);
	free(ld->abuf.s);
	free(ld->ids.slots);
}

static void
err_init(struct load_error *err, const char *name)
{
	snprintf(err->path, sizeof(err->path), "%s", name);
	err->line = err->col = 0;
	err->msg[0] = '\0';
}

/* "TCVN3" is what Vietnamese clerks call TCVN 5712 VN3; glibc's
 * TCVN5712-1 (VN1) holds VN3 at the same places. */
static pthread_once_t aliases_once = PTHREAD_ONCE_INIT;

static void
encoding_aliases(void)
{
	xmlAddEncodingAlias("TCVN5712-1", "TCVN3");
	xmlAddEncodingAlias("TCVN5712-1", "TCVN-3");
}

static void
push_rest(struct ld *ld, struct feed *f)
{
	const char *p;
	ssize_t n = 0;
	while (!ld->fatal && (n = ld_feed_next(f, &p)) > 0) {
		if (f->off > LOADER_MAX_BYTES) {
			ld_fatal(ld, 0, 0, "file too large: more than %zu MiB",
				  LOADER_MAX_BYTES >> 20);
			return;
		}
		ld_feed_parser(ld, f, p, (size_t)n, false);
	}
	if (!ld->fatal && n < 0)
		ld_fatal(ld, 0, 0, "%s", strerror(errno));
}

static void
push(struct ld *ld, const char *name, struct feed *f)
{
	xmlSAXHandler sax;
	const char *p;
	ssize_t n = ld_feed_next(f, &p);
	size_t first;

	if (n < 0) {
		ld_fatal(ld, 0, 0, "%s", strerror(errno));
		return;
	}
	if (!ld_check_head(ld, (const unsigned char *)p, (size_t)n))
		return;
	ld_sax_init(&sax);
	pthread_once(&aliases_once, encoding_aliases);
	/* a UTF-8 document (no other encoding declared) is repaired on the
	 * way in; the first chunk too, before the parser sees a byte of it */
	f->fix.on = ld->utf8 && !ld->utf16;
	f->fix.line = f->fix.col = 1;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		f->fix.col = 0; /* the parser does not count a BOM */
	size_t len = (size_t)n;
	if (f->fix.on)
		ld_fix_chunk(ld, &f->fix, p, len, false, &p, &len);
	first = len < 4 ? len : 4;
	ld->ctxt = xmlCreatePushParserCtxt(&sax, ld, p, (int)first, name);
	if (!ld->ctxt) {
		ld_fatal(ld, 0, 0, "cannot start the XML parser");
		ld_fix_free(&f->fix);
		return;
	}
	xmlCtxtUseOptions(ld->ctxt, PARSE_OPTIONS);
	if (len > first)
		xmlParseChunk(ld->ctxt, p + first, (int)(len - first), 0);
	push_rest(ld, f);
	if (!ld->fatal) {
		ld->cut = !f->fix.on && !ld->utf16 && ld->utf8 &&
			  ld_cut_short(f->tail, f->ntail);
		ld->finishing = true;
		ld_feed_parser(ld, f, "", 0, true);
	}
	ld_fix_free(&f->fix);
	if (!ld->fatal && !ld->ctxt->wellFormed)
		ld_fatal(ld, (uint32_t)xmlSAX2GetLineNumber(ld->ctxt), 0,
			  "not well-formed XML");
	xmlFreeParserCtxt(ld->ctxt);
	ld->ctxt = NULL;
}

/* libxml2 reports some errors (encoding conversion) through its global
 * handlers: catch them for this load and print nothing. */
static void
parse(struct ld *ld, const char *name, struct feed *f)
{
	xmlGenericErrorFunc gen = xmlGenericError;
	void *gen_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc serr = xmlStructuredError;
	void *serr_ctx = xmlStructuredErrorContext;

	xmlSetGenericErrorFunc(NULL, ld_silent);
	xmlSetStructuredErrorFunc(ld, ld_on_xml_error);
	push(ld, name, f);
	xmlSetGenericErrorFunc(gen_ctx, gen);
	xmlSetStructuredErrorFunc(serr_ctx, serr);
}

static enum load_status
load(const char *name, struct feed *f, struct minutes **out,
     struct load_error *err)
{
	struct ld ld;
	memset(&ld, 0, sizeof(ld));
	memo_init(&ld.moji_words, 1, 65536);
	ld.err = err;
	ld.no_text = f->flags & LOAD_NO_TEXT;
	ld_attr_rules_init(&ld.attrs);
	ld.version = 1;
	ld_after_init(&ld);
	ld.frames[0].el = EL_DOC;
	ld.nframes = 1;
	*out = NULL;
	ld.m = minutes_new(name);
	if (!ld.m)
		mn_oom();
	parse(&ld, name, f);
	if (!ld.fatal)
		finish(&ld);
	ld_free(&ld);
	if (ld.fatal) {
		minutes_free(ld.m);
		return LOAD_FATAL;
	}
	*out = ld.m;
	/* warnings alone leave the file valid */
	return minutes_error_count(ld.m) ? LOAD_INVALID : LOAD_OK;
}

enum load_status
loader_load_memory(const char *name, const char *buf, size_t len,
		   struct minutes **out, struct load_error *err)
{
	struct feed f = { .fd = -1, .mem = buf, .len = len };
	err_init(err, name);
	*out = NULL;
	if (len > LOADER_MAX_BYTES)
		return ld_too_large(err, len);
	return load(name, &f, out, err);
}

enum load_status
loader_load_file(const char *path, struct minutes **out,
		 struct load_error *err)
{
	return loader_load_file_flags(path, out, err, 0);
}

enum load_status
loader_load_file_flags(const char *path, struct minutes **out,
		       struct load_error *err, unsigned flags)
{
	struct feed f = { .flags = flags, .fd = -1 };
	enum load_status st;
	err_init(err, path);
	*out = NULL;
	f.fd = ld_open_regular(path, err);
	if (f.fd < 0)
		return LOAD_FATAL;
	f.buf = malloc(PUSH_CHUNK);
	if (!f.buf)
		mn_oom();
	st = load(path, &f, out, err);
	free(f.buf);
	close(f.fd);
	return st;
}

void
load_error_format(const struct load_error *err, char *buf, size_t size)
{
	const char *error = _("error");
	if (err->line && err->col)
		snprintf(buf, size, "%s:%u:%u: %s: %s", err->path, err->line,
			 err->col, error, err->msg);
	else if (err->line)
		snprintf(buf, size, "%s:%u: %s: %s", err->path, err->line,
			 error, err->msg);
	else
		snprintf(buf, size, "%s: %s: %s", err->path, error, err->msg);
}
