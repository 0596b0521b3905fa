/* paths.c - FILE|DIR arguments to the files they mean (see paths.h). */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nls.h"
#include "paths.h"
#include "text.h"
#include "xalloc.h"

struct path_list {
	char **v;
	size_t n, cap;
};

static void
paths_push(struct path_list *l, char *p)
{
	if (l->n + 2 > l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = p;
	l->v[l->n] = NULL;
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
has_xml_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static void
print_path_error(const char *path, const char *what)
{
	char *safe = text_sanitize(path, strlen(path), false);
	fprintf(stderr, "%s: %s: %s\n", safe ? safe : "?", _("error"), what);
	free(safe);
}

/* Directories are walked without following links to directories, so a
 * link loop cannot make the walk endless; depth is capped all the same. */
static void
paths_walk(struct path_list *l, const char *dir, int depth, int *errors)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		print_path_error(dir, strerror(errno));
		(*errors)++;
		return;
	}
	while ((e = readdir(d))) {
		struct stat st;
		char *p;
		if (e->d_name[0] == '.')
			continue;
		size_t dl = strlen(dir), nl0 = strlen(e->d_name);
		while (dl > 1 && dir[dl - 1] == '/')
			dl--;
		/* DIR/NAME (no printf: a big folder has many entries) */
		p = xmalloc(dl + nl0 + 2);
		memcpy(p, dir, dl);
		p[dl] = '/';
		memcpy(p + dl + 1, e->d_name, nl0 + 1);
		/* the entry's type from readdir where the file system gives
		 * it (no lstat per file: a folder of 20,000 minutes is
		 * listed on every indexed search) */
		bool is_dir = e->d_type == DT_UNKNOWN
				      ? lstat(p, &st) == 0 && S_ISDIR(st.st_mode)
				      : e->d_type == DT_DIR;
		if (is_dir) {
			/* NAME.notes/ holds reviewers' notes, not minutes */
			size_t nl = strlen(e->d_name);
			bool notes = nl > 6 && strcmp(e->d_name + nl - 6, ".notes") == 0;
			if (depth < 32 && !notes)
				paths_walk(l, p, depth + 1, errors);
			free(p);
		} else if (has_xml_suffix(e->d_name)) {
			paths_push(l, p);
		} else {
			free(p);
		}
	}
	closedir(d);
}

char **
paths_expand(char *const *args, int nargs, int *errors)
{
	struct path_list l = { 0 };

	l.v = xcalloc(1, sizeof(*l.v));
	l.cap = 1;
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = l.n;
			paths_walk(&l, args[i], 0, errors);
			if (l.n > before)
				qsort(l.v + before, l.n - before, sizeof(*l.v),
				      path_cmp);
		} else {
			/* the loader says what is wrong with it, if anything */
			paths_push(&l, xstrdup(args[i]));
		}
	}
	return l.v;
}

void
paths_free(char **paths)
{
	if (!paths)
		return;
	for (char **p = paths; *p; p++)
		free(*p);
	free(paths);
}
