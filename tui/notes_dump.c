/* notes_dump.c - what the store writes outside itself: the notes of an
 * element as --dump lines, the changes lost when saving fails at quit
 * (so they can be typed again), and a note's text read back from the
 * file $EDITOR wrote. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nls.h"
#include "notes.h"
#include "notes_query.h"
#include "notes_store.h"
#include "notes_words.h"
#include "text.h"
#include "xalloc.h"

/* Each line of TEXT (made safe) after PREFIX; empty lines get
 * EMPTY_PREFIX. */
static void
put_lines(FILE *out, const char *prefix, const char *empty_prefix,
	  const char *text)
{
	char *safe = text_sanitize(text, strlen(text), true);
	if (!safe)
		return;
	char *line = safe;
	for (;;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		fprintf(out, "%s%s\n", *line ? prefix : empty_prefix, line);
		if (!nl)
			break;
		line = nl + 1;
	}
	free(safe);
}

/* TEXT made safe, each of its lines wrapped to WIDTH columns (0: not
 * wrapped), the first line indented FIRST columns and the rest REST. */
static void
put_wrapped(FILE *out, int first, int rest, const char *text, int width)
{
	size_t len = strlen(text);
	struct text_line *tl = NULL;
	int avail = width > 0 ? width - rest : 0;
	size_t n;

	if (width <= 0 || avail < 1)
		avail = 1 << 30;
	n = text_wrap(text, len, avail, &tl);
	for (size_t i = 0; i < n; i++) {
		char *safe = text_sanitize(text + tl[i].off, tl[i].len, false);
		fprintf(out, "%*s%s\n", i == 0 ? first : rest, "",
			safe ? safe : "");
		free(safe);
	}
	free(tl);
}

void
notes_dump_for(FILE *out, const struct notes_store *s, const char *id,
	       int indent, int width)
{
	const struct note *const *v;
	size_t n = notes_for_target(s, id, &v);
	if (indent < 0)
		indent = 0;
	if (indent > 60)
		indent = 60;
	for (size_t i = 0; i < n; i++) {
		const struct note *nt = v[i];
		char iso[48], when[64], *author = notes_safe_str(nt->author), *head;
		/* the date as the screen shows it (16/01/2020 in Vietnamese) */
		notes_format_time(nt->created, iso, sizeof(iso));
		nls_stamp(iso, when, sizeof(when));
		if (nt->reply_to) { /* under its note: "↳ [accepted] thu, …" */
			head = xasprintf("\u21b3 [%s] %s, %s", nt->kind == NOTES_RESPONSE
					 ? notes_disposition_label(nt->disposition)
					 : notes_kind_label(nt->kind), author, when);
			put_wrapped(out, indent + 2, indent + 4, head, width);
			put_wrapped(out, indent + 4, indent + 4, nt->text, width);
			free(head);
			free(author);
			continue;
		}
		head = xasprintf("[%s, %s] %s, %s%s%s%s%s%s%s", notes_kind_label(nt->kind),
				 notes_status_label(nt->status), author, when,
				 nt->anchor == NOTES_CHANGED ? " (" : "",
				 nt->anchor == NOTES_CHANGED
					 ? _("text changed since this note") : "",
				 nt->anchor == NOTES_CHANGED ? ")" : "",
				 nt->future ? " (" : "",
				 nt->future ? _("dated more than a day ahead") : "",
				 nt->future ? ")" : "");
		put_wrapped(out, indent, indent + 2, head, width);
		put_wrapped(out, indent + 2, indent + 2, nt->text, width);
		free(head);
		free(author);
	}
}

char *
notes_text_from_file(const char *path, struct notes_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		char *sp = notes_safe_str(path);
		notes_seterr(err, "%s: %s", sp,
		       fd < 0 ? strerror(errno) : _("not a regular file"));
		free(sp);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	size_t cap = 4096, n = 0;
	char *out = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > NOTES_TEXT_MAX)
				break;
			cap *= 2;
			out = mn_xrealloc(out, cap + 1);
		}
		ssize_t k = read(fd, out + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			char *sp = notes_safe_str(path);
			notes_seterr(err, "%s: %s", sp, strerror(errno));
			free(sp);
			free(out);
			close(fd);
			return NULL;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		n--;
	if (n > NOTES_TEXT_MAX) {
		notes_seterr(err,
		       _("the note has more than %d bytes (1 MiB), the most a note holds: it was not saved"),
		       NOTES_TEXT_MAX);
		free(out);
		return NULL;
	}
	out[n] = '\0';
	return out;
}

size_t
notes_save_on_quit(struct notes_store *s, FILE *out)
{
	struct notes_error err = { "" };
	if (!notes_unsaved(s) || notes_save(s, &err) == 0)
		return 0;
	notes_rebuild(s);
	size_t n = notes_unsaved_count(s);
	char *msg = notes_safe_str(err.msg);
	fprintf(out, ngettext("minutes: %zu change to your notes was not saved: %s\n",
			      "minutes: %zu changes to your notes were not saved: %s\n",
			      n),
		n, msg);
	free(msg);
	for (size_t i = 0; i < s->own.n; i++) {
		const struct note *nt = &s->own.v[i]->pub;
		if (!s->own.v[i]->dirty)
			continue;
		char *t = notes_safe_str(nt->target);
		fprintf(out, "  %s [%s]:\n", t, notes_kind_name(nt->kind));
		free(t);
		put_lines(out, "    ", "", nt->text);
	}
	return n;
}
