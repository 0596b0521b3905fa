/* cli.c - --check, --dump, --search, --export-notes and --export. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bienban.h"
#include "cli.h"
#include "index.h"
#include "loader.h"
#include "nls.h"
#include "notes.h"
#include "paths.h"
#include "report.h"
#include "review_report.h"
#include "spell.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"

/* A fatal load error on stderr, made terminal-safe: the file name comes
 * from the command line or a directory listing and may hold ESC or C1
 * controls. */
static void
print_load_error(const struct load_error *err)
{
	char buf[2048];
	load_error_format(err, buf, sizeof(buf));
	char *safe = text_sanitize(buf, strlen(buf), false);
	fprintf(stderr, "%s\n", safe ? safe : "minutes: out of memory");
	free(safe);
}

void
cli_verror(const char *fmt, va_list ap)
{
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	char *safe = msg ? text_sanitize(msg, strlen(msg), false) : NULL;
	fprintf(stderr, "minutes: %s\n", safe ? safe : _("out of memory"));
	free(safe);
	free(msg);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_verror(fmt, ap);
	va_end(ap);
}

/* Loads PATH, reporting a fatal error or the problems on stderr (the
 * form warnings of a valid file too when WARNINGS). */
static enum load_status
cli_load_warn(const char *path, struct minutes **m, unsigned flags,
	      bool warnings)
{
	struct load_error err;
	enum load_status st = loader_load_file_flags(path, m, &err, flags);
	if (st == LOAD_FATAL) {
		print_load_error(&err);
	} else if (st == LOAD_INVALID || (warnings && (*m)->nwarnings)) {
		report_problems(stderr, *m);
	}
	return st;
}

static enum load_status
cli_load(const char *path, struct minutes **m, unsigned flags)
{
	return cli_load_warn(path, m, flags, false);
}

int
cli_check(char *const *args, int nargs, bool verbose)
{
	return cli_check_strict(args, nargs, verbose, false);
}

int
cli_check_strict(char *const *args, int nargs, bool verbose, bool strict)
{
	int errors = 0;
	char **paths = paths_expand(args, nargs, &errors);
	int status = errors ? 1 : 0;
	/* the spelling check warns, never changing the status (not even
	 * under --strict, which is about the form); names are learnt from
	 * every file first */
	struct spell *sp = spell_new();

	for (char **p = paths; p && *p; p++)
		spell_learn_file(sp, *p);
	for (char **p = paths; p && *p; p++) {
		struct minutes *m = NULL;
		/* validating: the texts are checked, not kept */
		enum load_status st = cli_load_warn(*p, &m, LOAD_NO_TEXT, true);
		if (st != LOAD_FATAL)
			spell_check_file(sp, *p, stderr);
		if (st != LOAD_OK || (strict && m->nwarnings))
			status = 1;
		else if (verbose) { /* warnings (not --strict) leave it ok */
			char *safe = text_sanitize(*p, strlen(*p), false);
			printf("%s: %s\n", safe, _("ok"));
			free(safe);
		}
		minutes_free(m);
	}
	paths_free(paths);
	spell_free(sp);
	return status;
}

/* The reviewers' notes of M, problems with them reported on stderr. */
static struct notes_store *
cli_notes(const char *path, const struct minutes *m, const char *reviewer)
{
	struct notes_error err;
	struct notes_store *s = notes_open(path, m, notes_reviewer_name(reviewer),
					   &err);
	if (!s) {
		cli_error("%s", err.msg);
		return NULL;
	}
	for (size_t i = 0; i < notes_problem_count(s); i++) {
		const char *p = notes_problem(s, i);
		char *safe = text_sanitize(p, strlen(p), false);
		fprintf(stderr, "%s\n", safe ? safe : "");
		free(safe);
	}
	return s;
}

/* Loads each file and its reviewers' notes and hands them to FN (I is
 * the file's place, for separators).  The status is the worst of a file
 * that cannot be loaded (1) and what FN returns. */
static int
cli_each(char *const *args, int nargs, const char *reviewer,
	 int (*fn)(int i, const struct minutes *m, enum load_status st,
		   const struct notes_store *notes, void *arg),
	 void *arg)
{
	int status = 0;
	for (int i = 0; i < nargs; i++) {
		struct minutes *m = NULL;
		enum load_status st = cli_load(args[i], &m, 0);
		if (st == LOAD_FATAL) {
			if (status < 1)
				status = 1;
			continue;
		}
		struct notes_store *notes = cli_notes(args[i], m, reviewer);
		int r = fn(i, m, st, notes, arg);
		if (r > status)
			status = r;
		notes_close(notes);
		minutes_free(m);
	}
	return status;
}

static int
dump_one(int i, const struct minutes *m, enum load_status st,
	 const struct notes_store *notes, void *arg)
{
	if (i > 0)
		fputs("\f\n", stdout);
	report_dump(stdout, m, *(const int *)arg, notes);
	return st == LOAD_INVALID ? 1 : 0;
}

int
cli_dump(char *const *args, int nargs, int width, const char *reviewer)
{
	return cli_each(args, nargs, reviewer, dump_one, &width);
}

struct search_print {
	const struct minutes *m;
	const char *path;
};

/* One field of a result line (a path or an id) made safe to print: what
 * text_sanitize does, and LF, CR and TAB shown as the placeholder, since
 * a line break or a wide gap in a field would forge or shift a line.
 * malloc'd; NULL when out of memory. */
static char *
search_field(const char *s)
{
	size_t len = strlen(s), n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n' || s[i] == '\r' || s[i] == '\t';
	if (n == 0)
		return text_sanitize(s, len, false);
	size_t ph = sizeof(TEXT_PLACEHOLDER) - 1;
	char *tmp = malloc(len + n * (ph - 1) + 1), *o = tmp;
	if (!tmp)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
			memcpy(o, TEXT_PLACEHOLDER, ph);
			o += ph;
		} else {
			*o++ = s[i];
		}
	}
	char *safe = text_sanitize(tmp, (size_t)(o - tmp), false);
	free(tmp);
	return safe;
}

/* One result line: PATH (already made safe) :LINE:ID: TEXT. */
static void
print_hit_line(const char *path, unsigned line, const char *id,
	       const char *text)
{
	char *safe_id = search_field(id ? id : "");
	char *t = text_sanitize(text, strlen(text), false);
	printf("%s:%u:%s: %s\n", path, line, safe_id ? safe_id : "",
	       t ? t : "");
	free(safe_id);
	free(t);
}

static bool
search_print_hit(const struct search_hit *h, void *arg)
{
	const struct search_print *sp = arg;
	print_hit_line(sp->path, h->line, search_hit_id(sp->m, h), h->text);
	return true;
}

struct search_run {
	const struct search_query *q;
	size_t hits;
	int errors;
	/* the index's hits come file by file: the last path made safe */
	const char *last_path;
	char *last_safe;
};

/* Loads PATH and prints its hits (a scan). */
static bool
search_scan_file(const char *path, void *arg)
{
	struct search_run *r = arg;
	struct minutes *m = NULL;
	struct load_error err;
	enum load_status st = loader_load_file(path, &m, &err);
	if (st == LOAD_FATAL) {
		print_load_error(&err);
		r->errors++;
		return true;
	}
	char *safe = search_field(path);
	struct search_print sp = { m, safe ? safe : "" };
	r->hits += search_minutes(r->q, m, search_print_hit, &sp);
	free(safe);
	minutes_free(m);
	return true;
}

/* A hit the index found: printed as search_print_hit does. */
static bool
search_index_hit(const char *path, unsigned line, const char *id,
		 const char *text, void *arg)
{
	struct search_run *r = arg;
	if (path != r->last_path) {
		free(r->last_safe);
		r->last_safe = search_field(path);
		r->last_path = path;
	}
	print_hit_line(r->last_safe ? r->last_safe : "", line, id, text);
	r->hits++;
	return true;
}

static volatile sig_atomic_t cli_interrupted;

static void
cli_on_sigint(int sig)
{
	(void)sig;
	cli_interrupted = 1;
}

static bool
cli_stop(void *arg)
{
	(void)arg;
	return cli_interrupted != 0;
}

static void
index_unusable(const char *dir, const char *why)
{
	char *d = text_sanitize(dir, strlen(dir), false);
	char *w = text_sanitize(why, strlen(why), false);
	fprintf(stderr, _("minutes: the index of %s cannot be used (%s): reading the files instead\n"),
		d ? d : "", w ? w : "");
	free(d);
	free(w);
}

/* Opens DIR's index and syncs it with PATHS, Ctrl-C stopping the sync
 * (what is done is kept).  NULL when it cannot be used (said once on
 * stderr); *interrupted after Ctrl-C. */
static struct minutes_index *
cli_index(const char *dir, char *const *paths, bool rebuild,
	  struct index_sync_stats *stats, bool *interrupted)
{
	char err[1024];
	struct index_options o = { 0 };
	o.rebuild = rebuild;
	o.progress = isatty(STDERR_FILENO) ? stderr : NULL;
	o.stop = cli_stop;
	*interrupted = false;
	struct minutes_index *ix = index_open(dir, &o, err, sizeof(err));
	if (!ix) {
		index_unusable(dir, err);
		return NULL;
	}
	struct sigaction sa, old;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = cli_on_sigint;
	sigemptyset(&sa.sa_mask);
	cli_interrupted = 0;
	sigaction(SIGINT, &sa, &old);
	enum index_result r = index_sync(ix, paths, stats);
	sigaction(SIGINT, &old, NULL);
	if (r == INDEX_INTERRUPTED) {
		fprintf(stderr, "minutes: %s\n",
			_("interrupted: the index keeps the files done so far, the next run goes on"));
		*interrupted = true;
		index_close(ix);
		return NULL;
	}
	if (r != INDEX_OK) {
		index_unusable(dir, index_error(ix));
		index_close(ix);
		return NULL;
	}
	return ix;
}

static bool
is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
cli_search(const char *query, char *const *args, int nargs, bool use_index)
{
	int errors = 0;
	struct search_query *q = search_compile(query);

	if (!q) {
		fprintf(stderr, "minutes: %s\n",
			_("the search query is empty"));
		return 2;
	}
	/* every argument expanded first, as a scan always did */
	char ***lists = mn_xrealloc(NULL, (size_t)(nargs + 1) * sizeof(*lists));
	for (int i = 0; i < nargs; i++)
		lists[i] = paths_expand(&args[i], 1, &errors);
	struct search_run run = { q, 0, errors, NULL, NULL };
	struct index_search_fns fns = { search_index_hit, search_scan_file, &run };
	bool interrupted = false;
	for (int i = 0; i < nargs && !interrupted; i++) {
		/* single files never use the index */
		struct minutes_index *ix = NULL;
		if (use_index && lists[i] && lists[i][0] && is_dir(args[i]))
			ix = cli_index(args[i], lists[i], false, NULL, &interrupted);
		if (ix) {
			if (index_search(ix, lists[i], query, q, &fns) != INDEX_OK)
				index_unusable(args[i], index_error(ix));
			index_close(ix);
		} else if (!interrupted) {
			for (char **p = lists[i]; p && *p; p++)
				search_scan_file(*p, &run);
		}
	}
	for (int i = 0; i < nargs; i++)
		paths_free(lists[i]);
	free(lists);
	free(run.last_safe);
	search_query_free(q);
	if (interrupted)
		return 130;
	if (run.errors)
		return 2;
	return run.hits ? 0 : 1;
}

int
cli_reindex(char *const *args, int nargs)
{
	int status = 0;
	for (int i = 0; i < nargs; i++) {
		char *safe = text_sanitize(args[i], strlen(args[i]), false);
		if (!is_dir(args[i])) {
			fprintf(stderr, "%s: %s: %s\n", safe ? safe : "", _("error"),
				_("--reindex wants a folder"));
			free(safe);
			status = 2;
			continue;
		}
		int errors = 0;
		char **paths = paths_expand(&args[i], 1, &errors);
		struct index_sync_stats stats;
		bool interrupted;
		struct minutes_index *ix = cli_index(args[i], paths, true, &stats,
						     &interrupted);
		if (ix) {
			printf(ngettext("%s: %zu file indexed\n",
					"%s: %zu files indexed\n", stats.loaded),
			       safe ? safe : "", stats.loaded);
			index_close(ix);
		}
		paths_free(paths);
		free(safe);
		if (interrupted)
			return 130;
		if (!ix || errors)
			status = 2;
	}
	return status;
}

int
cli_export_notes(char *const *args, int nargs, const char *reviewer,
		 bool html)
{
	int errors = 0, status = 0;
	bool archive = nargs > 1;
	char **paths = paths_expand(args, nargs, &errors);
	size_t n = 0, cap = 0;
	struct review_doc *docs = NULL;
	struct notes_store **stores = NULL;
	struct minutes **models = NULL;

	for (int i = 0; i < nargs && !archive; i++) {
		struct stat st;
		archive = stat(args[i], &st) == 0 && S_ISDIR(st.st_mode);
	}
	if (errors)
		status = 1;
	for (char **p = paths; p && *p; p++) {
		struct minutes *m = NULL;
		enum load_status st = cli_load(*p, &m, 0);
		if (st == LOAD_FATAL) {
			status = status < 1 ? 1 : status;
			continue;
		}
		struct notes_store *notes = cli_notes(*p, m, reviewer);
		if (!notes) {
			status = 2;
			minutes_free(m);
			continue;
		}
		if (notes_problem_count(notes) && status < 1)
			status = 1;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			docs = xreallocarray(docs, cap, sizeof(*docs));
			stores = xreallocarray(stores, cap, sizeof(*stores));
			models = xreallocarray(models, cap, sizeof(*models));
		}
		docs[n].m = models[n] = m;
		docs[n].notes = stores[n] = notes;
		n++;
	}
	if (archive)
		review_report_sort(docs, n);
	review_report_write(stdout, html ? REVIEW_HTML : REVIEW_MD, docs, n,
			    archive);
	for (size_t i = 0; i < n; i++) {
		notes_close(stores[i]);
		minutes_free(models[i]);
	}
	free(docs);
	free(stores);
	free(models);
	paths_free(paths);
	return status;
}

int
cli_export_html(const char *path)
{
	struct minutes *m = NULL;
	enum load_status st = cli_load(path, &m, 0);
	if (st == LOAD_FATAL)
		return 1;
	bienban_html(stdout, m);
	minutes_free(m);
	return st == LOAD_INVALID ? 1 : 0;
}

int
cli_merge_notes(char *const *args, int nargs)
{
	struct notes_error err;
	if (nargs != 3) {
		fprintf(stderr, "minutes: %s\n",
			_("--merge-notes takes three files: BASE OURS THEIRS"));
		return 2;
	}
	if (notes_merge_files(args[0], args[1], args[2], &err)) {
		fprintf(stderr, "minutes: %s\n", err.msg);
		return 1;
	}
	return 0;
}
