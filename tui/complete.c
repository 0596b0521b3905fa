/* complete.c - Tab at the command line (see complete.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "complete.h"
#include "xalloc.h"

/* the longest common prefix of the names seen that start with PREFIX */
struct completion {
	const char *prefix;
	size_t plen;
	char *best;  /* malloc'd */
	size_t blen;
	int n;
};

static void
consider(struct completion *c, const char *name)
{
	if (!name || strncmp(name, c->prefix, c->plen) != 0)
		return;
	if (c->n++ == 0) {
		c->best = xstrdup(name);
		c->blen = strlen(name);
		return;
	}
	size_t k = 0;
	while (k < c->blen && name[k] == c->best[k])
		k++;
	c->blen = k;
}

static const char *const builtins[] = { "goto", "attach", "help", "reload",
					"quit", "q" };

/* the actions' names, read from the table itself (the line's own rows,
 * line-*, are no commands) */
static const char *const action_names[] = {
#define ACTION(id, name, keys, handler, needs, help) name,
#include "actions.def"
#undef ACTION
};

void
complete_command(const struct browser *b, struct lineedit *e)
{
	const char *line = e->buf;

	if (e->cursor != e->len)
		return;
	const char *word = line + strspn(line, " ");
	const char *sp = strchr(word, ' ');
	struct completion c = { 0 };
	bool arg = sp != NULL;

	if (arg) {
		size_t cl = (size_t)(sp - word);
		bool id_cmd = (cl == 4 && !strncmp(word, "goto", 4)) ||
			      (cl == 6 && !strncmp(word, "attach", 6));
		const struct minutes *m = browser_in_doc(b) ? b->doc->m : NULL;
		if (!id_cmd || !m)
			return;
		word = sp + strspn(sp, " ");
		if (strchr(word, ' '))
			return;
		c.prefix = word;
		c.plen = strlen(word);
		if (*m->id)
			consider(&c, m->id);
		for (uint32_t p = 0; p < m->npersons; p++)
			consider(&c, m->persons[p].id);
		for (uint32_t s = 0; s < m->nsections; s++) {
			consider(&c, m->sections[s].id);
			for (uint32_t i = 0; i < m->sections[s].nitems; i++)
				consider(&c, m->sections[s].items[i].id);
		}
	} else {
		c.prefix = word;
		c.plen = strlen(word);
		for (size_t i = 0; i < sizeof(builtins) / sizeof(*builtins); i++)
			consider(&c, builtins[i]);
		for (size_t i = 0; i < sizeof(action_names) / sizeof(*action_names); i++)
			if (strncmp(action_names[i], "line-", 5) != 0)
				consider(&c, action_names[i]);
	}
	if (c.n > 0 && (c.blen > c.plen || c.n == 1)) {
		size_t head = (size_t)(word - line);
		char *out = xmalloc(head + c.blen + 2);
		memcpy(out, line, head);
		memcpy(out + head, c.best, c.blen);
		out[head + c.blen] = '\0';
		if (c.n == 1 && !arg) /* a whole command: its argument next */
			strcat(out, " ");
		lineedit_set(e, out);
		free(out);
	}
	free(c.best);
}
