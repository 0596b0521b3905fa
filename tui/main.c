/* main.c - parse the options and dispatch to a mode. */
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "nls.h"
#include "notes.h"
#include "ui.h"

enum opt_id {
	OPT_CHECK = 256, OPT_DUMP, OPT_SEARCH, OPT_WIDTH, OPT_VERBOSE,
	OPT_REPLAY, OPT_DUMP_SCREEN, OPT_DUMP_ATTRS, OPT_REPLAY_TIME, OPT_MOUSE, OPT_REVIEWER, OPT_EXPORT_NOTES,
	OPT_EXPORT, OPT_FORMAT,
	OPT_MERGE_NOTES,
	OPT_HELP, OPT_VERSION,
	OPT_STRICT,
	OPT_NO_INDEX, OPT_REINDEX,
};

static const struct option long_options[] = {
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "search", required_argument, NULL, OPT_SEARCH },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	{ "dump-screen", required_argument, NULL, OPT_DUMP_SCREEN },
	{ "dump-attrs", no_argument, NULL, OPT_DUMP_ATTRS },
	{ "replay-time", no_argument, NULL, OPT_REPLAY_TIME },
	{ "mouse", no_argument, NULL, OPT_MOUSE },
	{ "reviewer", required_argument, NULL, OPT_REVIEWER },
	{ "export-notes", no_argument, NULL, OPT_EXPORT_NOTES },
	{ "export", required_argument, NULL, OPT_EXPORT },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "merge-notes", no_argument, NULL, OPT_MERGE_NOTES },
	{ "no-index", no_argument, NULL, OPT_NO_INDEX },
	{ "reindex", no_argument, NULL, OPT_REINDEX },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static time_t fixed_now;

static time_t
clock_fixed(void)
{
	return fixed_now;
}

static void
usage(FILE *out)
{
	fprintf(out, _("Usage: minutes [OPTION]... [FILE|DIR]...\n"
		       "Browse and review meeting minutes kept as XML.\n"
		       "\n"
		       "  (no mode)              open the browser (no argument: the current directory)\n"
		       "  --check FILE|DIR...    validate; a DIR means every *.xml under it\n"
		       "  --dump FILE...         print the minutes as plain text\n"
		       "  --width N              with --dump: wrap at N columns\n"
		       "  --search QUERY FILE|DIR...\n"
		       "                         print FILE:LINE:ID: text for each match\n"
		       "                         (case-, accent- and tone-insensitive)\n"
		       "  --replay KEYS --dump-screen OUT FILE...\n"
		       "                         run the browser headless on scripted keys\n"
		       "  --dump-attrs           with --dump-screen: attribute rows too (for tests)\n"
		       "  --replay-time          with --replay: say how long the keys took\n"
		       "  --mouse                the browser takes clicks and the wheel\n"
		       "  --reviewer NAME        the name notes are written under\n"
		       "  --export-notes FILE|DIR...\n"
		       "                         print the review report: a table of the notes\n"
		       "  --format md|html       with --export-notes: Markdown (default) or HTML\n"
		       "  --export html FILE     print the minutes as the official biên bản (HTML)\n"
		       "  --merge-notes BASE OURS THEIRS\n"
		       "                         merge two versions of a notes file (a git merge driver)\n"
		       "  --verbose              with --check: say FILE: ok for each valid file\n"
		       "  --strict               with --check: form warnings count as errors\n"
		       "  --no-index             search a folder's files, not its index\n"
		       "  --reindex DIR...       make each folder's index again\n"
		       "  --help                 show this help and exit\n"
		       "  --version              show the version and exit\n"
		       "\n"
		       "Exit status: 0 success, 1 invalid input or no match, 2 usage error.\n"
		       "See minutes(1) for the keys and the file format.\n"));
}

static int usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_verror(fmt, ap); /* it may quote an argument: made safe */
	va_end(ap);
	fprintf(stderr, "%s\n", _("Try 'minutes --help' for more information."));
	return 2;
}

int
main(int argc, char **argv)
{
	int mode = 0, width = 0, verbose = 0, strict = 0, c;
	bool use_index = true;
	const char *query = NULL, *export_format = NULL, *notes_format = NULL;
	struct ui_options ui = { 0 };

	nls_init();

	/* tests pin the clock notes are stamped with */
	const char *now = getenv("MINUTES_NOW");
	if (now && *now) {
		fixed_now = (time_t)strtoll(now, NULL, 10);
		notes_set_clock(clock_fixed);
	}

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_CHECK: case OPT_DUMP: case OPT_EXPORT_NOTES: case OPT_MERGE_NOTES:
		case OPT_REINDEX:
			if (mode && mode != c)
				return usage_error(_("choose one of --check, --dump, --search, --export-notes"));
			mode = c;
			break;
		case OPT_SEARCH:
			if (mode && mode != c)
				return usage_error(_("choose one of --check, --dump, --search, --export-notes"));
			mode = c;
			query = optarg;
			break;
		case OPT_EXPORT:
			if (mode && mode != c)
				return usage_error(_("choose one of --check, --dump, --search, --export-notes"));
			mode = c;
			export_format = optarg;
			break;
		case OPT_FORMAT: notes_format = optarg; break;
		case OPT_WIDTH: {
			char *end;
			long w = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end || w < 1 || w > 10000)
				return usage_error(_("--width wants a number of columns from 1 to 10000, not '%s'"), optarg);
			width = (int)w;
			break;
		}
		case OPT_VERBOSE: verbose = 1; break;
		case OPT_STRICT: strict = 1; break;
		case OPT_NO_INDEX: use_index = false; break;
		case OPT_REPLAY: ui.replay = optarg; break;
		case OPT_DUMP_SCREEN: ui.dump_screen = optarg; break;
		case OPT_DUMP_ATTRS: ui.dump_attrs = true; break;
		case OPT_REPLAY_TIME: ui.replay_time = true; break;
		case OPT_MOUSE: ui.mouse = true; break;
		case OPT_REVIEWER: ui.reviewer = optarg; break;
		case OPT_HELP: usage(stdout); return 0;
		case OPT_VERSION: printf("minutes %s\n", PACKAGE_VERSION); return 0;
		case ':':
			return usage_error(_("option '%s' needs an argument"), argv[optind - 1]);
		default:
			return usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	char *const *args = argv + optind;
	int nargs = argc - optind;

	if ((ui.replay != NULL) != (ui.dump_screen != NULL))
		return usage_error(_("--replay and --dump-screen go together"));
	if (ui.replay_time && !ui.replay)
		return usage_error(_("--replay-time goes with --replay"));
	if (mode && ui.mouse)
		return usage_error(_("--mouse is for the browser, not with another mode"));
	if (mode && ui.replay)
		return usage_error(_("--replay is for the browser, not with another mode"));
	if (strict && mode != OPT_CHECK)
		return usage_error(_("--strict goes with --check"));
	if (mode && nargs == 0)
		return usage_error(_("no FILE given"));
	if (notes_format && mode != OPT_EXPORT_NOTES)
		return usage_error(_("--format goes with --export-notes"));
	if (notes_format && strcmp(notes_format, "md") &&
	    strcmp(notes_format, "html"))
		return usage_error(_("--format wants md or html"));
	if (mode == OPT_EXPORT && strcmp(export_format, "html"))
		return usage_error(_("--export wants html"));
	if (mode == OPT_EXPORT && nargs != 1)
		return usage_error(_("--export html wants one FILE"));
	switch (mode) {
	case OPT_CHECK: return cli_check_strict(args, nargs, verbose, strict);
	case OPT_DUMP: return cli_dump(args, nargs, width, ui.reviewer);
	case OPT_SEARCH: return cli_search(query, args, nargs, use_index);
	case OPT_REINDEX: return cli_reindex(args, nargs);
	case OPT_EXPORT_NOTES:
		return cli_export_notes(args, nargs, ui.reviewer,
					notes_format && !strcmp(notes_format, "html"));
	case OPT_EXPORT: return cli_export_html(args[0]);
	case OPT_MERGE_NOTES: return cli_merge_notes(args, nargs);
	default:
		ui.no_index = !use_index;
		return ui_main(args, nargs, &ui);
	}
}
