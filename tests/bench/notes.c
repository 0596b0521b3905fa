/* notes.c - how notes loading and saving grow (make bench-notes):
 * a reviewer file of n, 2n and 4n notes opened by another reviewer, and
 * 10 saves by a reviewer who already has 2n notes of their own.  Prints
 * CPU seconds; never part of make check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "loader.h"
#include "notes.h"

/* CPU seconds of this process (steadier than the wall clock on a
 * shared machine; the store's work is all CPU and page cache). */
static double
now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void
write_notes(const char *path, const char *reviewer, int n)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<notes version=\"1\" minutes=\"mttq-ngan-son-2020\" reviewer=\"%s\">\n",
		reviewer);
	for (int i = 0; i < n; i++)
		fprintf(f, "  <note id=\"%s-%d\" target=\"kq1\" kind=\"comment\""
			   " status=\"open\" created=\"2026-11-28T10:15:00Z\""
			   " modified=\"2026-11-28T10:15:00Z\" hash=\"0\">\n"
			   "    <quote>q</quote>\n    <text>note %d</text>\n"
			   "  </note>\n",
			reviewer, i, i);
	fputs("</notes>\n", f);
	fclose(f);
}

int
main(int argc, char **argv)
{
	const char *src = argc > 1 ? argv[1] : "data/ngan-son-2020.xml";
	int base = argc > 2 ? atoi(argv[2]) : 10000;
	char dir[] = "/tmp/minutes-bench-notes.XXXXXX", path[4096], cmd[4200];
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/m.xml", dir);
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", src, path);
	if (system(cmd) != 0)
		return 1;
	struct minutes *m;
	struct load_error le;
	if (loader_load_file(path, &m, &le) != LOAD_OK) {
		fprintf(stderr, "%s: cannot load\n", src);
		return 1;
	}
	char mp[4096], np[4200];
	snprintf(mp, sizeof(mp), "%s", path);
	snprintf(path, sizeof(path), "%s/m.notes", dir);
	mkdir(path, 0777);
	printf("notes in one file\tload (CPU s)\n");
	for (int k = 1; k <= 4; k *= 2) {
		snprintf(np, sizeof(np), "%s/other.xml", path);
		write_notes(np, "other", base * k);
		double t0 = now();
		struct notes_error err;
		struct notes_store *s = notes_open(mp, m, "reader", &err);
		double t1 = now();
		printf("%d\t%.3f\t(%zu notes)\n", base * k, t1 - t0, notes_count(s));
		notes_close(s);
	}
	snprintf(np, sizeof(np), "%s/other.xml", path);
	unlink(np);
	snprintf(np, sizeof(np), "%s/own.xml", path);
	write_notes(np, "own", base * 2);
	struct notes_error err;
	struct notes_store *s = notes_open(mp, m, "own", &err);
	double t0 = now();
	for (int i = 0; i < 10; i++)
		if (notes_add(s, "kq1", NOTES_COMMENT, "more", NULL, &err) != NOTES_OK)
			fprintf(stderr, "save: %s\n", err.msg);
	double t1 = now();
	printf("10 saves with %d own notes\t%.3f\t(%zu notes)\n", base * 2,
	       t1 - t0, notes_count(s));
	notes_close(s);
	minutes_free(m);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) != 0;
}
