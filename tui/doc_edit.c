/* doc_edit.c - what v and y/Y need below the screen (see doc_edit.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "doc_edit.h"
#include "entries.h"
#include "meetings.h"
#include "navigate.h"
#include "nls.h"
#include "notes.h"
#include "text.h"
#include "xalloc.h"

struct doc *
doc_edit_doc(struct browser *b)
{
	struct doc *d = b->doc;

	if (!d && !b->onotes)
		d = meetings_doc(b, b->list.cur);
	if (!d)
		browser_message(b, true, "%s", _("Select a meeting first"));
	return d;
}

/* the selected record's own source line and text, for kinds whose
 * records are no element (a problem): 0 for the others */
static uint32_t
selected_source(struct browser *b, char **text)
{
	const struct entry *e = browser_entry(b);

	if (text)
		*text = NULL;
	if (!e || !e->ops->source)
		return 0;
	return e->ops->source(b, e, browser_content_cur(b), text);
}

uint32_t
doc_edit_line(struct browser *b)
{
	uint32_t line = 0;

	if (browser_in_doc(b)) {
		line = selected_source(b, NULL);
		if (!line)
			line = minutes_id_line(b->doc->m, navigate_target(b));
	} else if (b->doc) {
		line = b->doc->error_line;
	}
	return line ? line : 1;
}

char *
doc_edit_copy_text(struct browser *b, bool ref)
{
	const struct minutes *m = b->doc->m;
	char *text = NULL, *src = NULL;
	uint32_t line = selected_source(b, &src);

	if (src) {
		text = ref ? xasprintf("%s:%u", b->doc->path, (unsigned)line)
			   : xasprintf("%s:%s", b->doc->path, src);
		free(src);
	} else {
		const char *id = navigate_target(b);
		if (id && ref) {
			line = minutes_id_line(m, id);
			text = line ? xasprintf("%s %s:%u", id, b->doc->path, (unsigned)line)
				    : xasprintf("%s %s", id, b->doc->path);
		} else if (id) {
			text = notes_element_text(m, id);
		}
	}
	if (!text || !*text) {
		free(text);
		browser_message(b, true, "%s", _("Nothing to copy here: select an item, a section, an attendee or a problem"));
		return NULL;
	}
	char *safe = text_sanitize(text, strlen(text), true);
	free(text);
	return safe;
}

/* the file's size and FNV-1a over its bytes; false when unreadable */
static bool
file_sum(const char *path, uint64_t *size, uint64_t *sum)
{
	FILE *f = fopen(path, "rb");
	unsigned char buf[65536];
	size_t n;
	uint64_t h = 14695981039346656037ULL, len = 0;

	if (!f)
		return false;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		for (size_t i = 0; i < n; i++) {
			h ^= buf[i];
			h *= 1099511628211ULL;
		}
		len += n;
	}
	bool ok = !ferror(f);
	fclose(f);
	*size = len;
	*sum = h;
	return ok;
}

bool
doc_edit_begin(struct browser *b, struct doc *d, struct doc_edit_mark *mk)
{
	struct stat st;
	char *safe = text_sanitize(d->path, strlen(d->path), false);

	memset(mk, 0, sizeof(*mk));
	int r = stat(d->path, &st);
	if (r != 0 || !S_ISREG(st.st_mode)) {
		if (r != 0 && errno == ENOENT)
			browser_message(b, true, _("%s: the file is not there any more"), safe);
		else
			browser_message(b, true, _("%s is not a regular file: it is not opened in the editor"),
					safe);
		free(safe);
		return false;
	}
	free(safe);
	mk->readable = file_sum(d->path, &mk->size, &mk->sum);
	if (b->doc != d || !d->m)
		return true;
	const char *id = navigate_target(b);
	int sec = -1, item = -1;
	if (id) {
		snprintf(mk->id, sizeof(mk->id), "%s", id);
		if (minutes_find_id(d->m, id, &sec, &item) == 1)
			snprintf(mk->section, sizeof(mk->section), "%s",
				 d->m->sections[sec].id);
	}
	mk->nav = d->nav.cur;
	mk->ops = browser_entry(b) ? browser_entry(b)->ops : NULL;
	mk->content = browser_content_cur(b);
	mk->focus = b->focus;
	return true;
}

/* the cursor on MK's element again, else on its section, else at the
 * top; a message part says which ("" when the element was found) */
static void
find_again(struct browser *b, struct doc *d, const struct doc_edit_mark *mk,
	   char *said, size_t size)
{
	int sec, item;

	said[0] = '\0';
	if (!mk->id[0]) {
		/* nothing with an id (a problem): the positions as they were,
		 * in the same kind of entry (the problems may have moved, or
		 * be gone: then the top) */
		if (d->nav.cur < d->nentries && d->entries[d->nav.cur].ops == mk->ops)
			return;
		d->nav.cur = 0;
		b->focus = PANE_NAV;
		for (int e = 0; e < d->nentries; e++)
			if (d->entries[e].ops == mk->ops) {
				d->nav.cur = e;
				b->focus = mk->focus;
			}
		return;
	}
	if (d->nav.cur == mk->nav && browser_content_cur(b) == mk->content &&
	    navigate_target(b) && strcmp(navigate_target(b), mk->id) == 0)
		return; /* still there, where it was */
	char safe_id[256];
	char *s = text_sanitize(mk->id, strlen(mk->id), false);
	snprintf(safe_id, sizeof(safe_id), "%s", s ? s : "");
	free(s);
	if (minutes_find_id(d->m, mk->id, &sec, &item)) {
		navigate_goto_id(b, mk->id);
		if (mk->focus == PANE_DETAIL && b->focus == PANE_CONTENT)
			b->focus = PANE_DETAIL;
		return;
	}
	if (mk->section[0] && minutes_find_id(d->m, mk->section, &sec, &item)) {
		navigate_goto_id(b, mk->section);
		snprintf(said, size, _("%s is gone: its section is shown"), safe_id);
		return;
	}
	d->nav.cur = 0;
	for (int e = 0; e < d->nentries; e++)
		d->content[e].cur = d->content[e].top = 0;
	b->focus = PANE_NAV;
	snprintf(said, size, _("%s is gone: back to the top"), safe_id);
}

enum doc_edit_result
doc_edit_end(struct browser *b, struct doc *d, const struct doc_edit_mark *mk)
{
	uint64_t size, sum;
	struct load_error err;
	char said[600], what[200];

	if (mk->readable && file_sum(d->path, &size, &sum) && size == mk->size &&
	    sum == mk->sum) {
		browser_message(b, false, "%s", _("Not changed"));
		return DOC_EDIT_UNCHANGED;
	}
	bool had = d->m != NULL;
	if (!doc_reload_keep(b, d, &err)) {
		char where[1200];
		load_error_format(&err, where, sizeof(where));
		char *safe = text_sanitize(where, strlen(where), false);
		browser_message(b, true, had
				? _("Not reloaded, the minutes from before are kept: %s")
				: _("Still not loadable: %s"),
				safe ? safe : "");
		free(safe);
		return DOC_EDIT_KEPT;
	}
	said[0] = '\0';
	if (b->doc == d && had)
		find_again(b, d, mk, said, sizeof(said));
	navigate_clamp(b);
	uint32_t n = d->m->nproblems + (d->problem_order ? d->nspelling : 0);
	if (n)
		snprintf(what, sizeof(what),
			 ngettext("Reloaded: %u problem", "Reloaded: %u problems", n),
			 (unsigned)n);
	else
		snprintf(what, sizeof(what), "%s", _("Reloaded: no problems"));
	browser_message(b, false, "%s%s%s%s%s", what, said[0] ? "; " : "", said,
			d->notice[0] ? ". " : "", d->notice);
	return DOC_EDIT_RELOADED;
}
