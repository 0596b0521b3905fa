/* runtime.c - run a command several times; print its median wall time
 * and its peak memory.
 *
 *   runtime [-n RUNS] [-w WARMUP] [-x STATUS] [-o FILE] -- COMMAND [ARG]...
 *           [::: BASELINE [ARG]...]
 *
 * Runs COMMAND WARMUP times untimed (default 1: the page cache warm, as
 * for the reference it is compared with), then RUNS times (default 5),
 * each timed on the monotonic clock from fork to wait4.  Standard input is
 * /dev/null; standard output goes to FILE (default /dev/null); standard
 * error is kept.  Each run must exit with STATUS (default 0), or runtime
 * says so and exits 1.  Prints one line:
 *
 *   MEDIAN_S MIN_S MAX_S MAXRSS_KB CPU_MEDIAN_S
 *
 * where the times are seconds, MAXRSS_KB is the largest ru_maxrss of the
 * runs (kilobytes, from wait4: the command's own, not runtime's), and
 * CPU_MEDIAN_S the median of the command's user + system time (what a
 * busy machine inflates less than the wall time).
 *
 * With a BASELINE (after a ::: argument), the two commands run in turn,
 * COMMAND then BASELINE, RUNS times, so that both see the same load on a
 * shared machine, and the line has 14 fields: the five above for COMMAND,
 * the same five for BASELINE, then the medians over the pairs of
 * COMMAND / BASELINE (wall, CPU) and of COMMAND - BASELINE (wall, CPU).
 * Both must exit with STATUS. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Runs ARGV once; returns its wall time, stores its peak RSS and CPU
 * time. */
static double
run_once(char **argv, const char *outpath, int expect, long *rss_kb,
	 double *cpu)
{
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("runtime: fork");
		exit(2);
	}
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int out = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (in < 0 || out < 0) {
			perror("runtime: open");
			_exit(127);
		}
		dup2(in, 0);
		dup2(out, 1);
		close(in);
		close(out);
		execvp(argv[0], argv);
		fprintf(stderr, "runtime: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("runtime: wait4");
			exit(2);
		}
	}
	double t = now() - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != expect) {
		if (WIFSIGNALED(status))
			fprintf(stderr, "runtime: %s: killed by signal %d\n",
				argv[0], WTERMSIG(status));
		else
			fprintf(stderr, "runtime: %s: exit status %d, not %d\n",
				argv[0], WEXITSTATUS(status), expect);
		exit(1);
	}
	*rss_kb = ru.ru_maxrss;
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return t;
}

/* of a sorted array */
static double
median(const double *v, long n)
{
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* sorts V, returns its median */
static double
sorted_median(double *v, long n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return median(v, n);
}

/* MEDIAN_S MIN_S MAX_S MAXRSS_KB CPU_MEDIAN_S, no newline */
static void
report(double *t, double *c, long runs, long maxrss)
{
	double wall = sorted_median(t, runs), cpu = sorted_median(c, runs);
	printf("%.6f %.6f %.6f %ld %.6f", wall, t[0], t[runs - 1], maxrss,
	       cpu);
}

static long
number(const char *s, const char *what)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end || v < 0 || v > 1000) {
		fprintf(stderr, "runtime: %s must be 0 to 1000, not '%s'\n",
			what, s);
		exit(2);
	}
	return v;
}

int
main(int argc, char **argv)
{
	long runs = 5, warmup = 1, expect = 0;
	const char *outpath = "/dev/null";
	int opt;
	while ((opt = getopt(argc, argv, "+n:w:x:o:")) != -1) {
		switch (opt) {
		case 'n': runs = number(optarg, "RUNS"); break;
		case 'w': warmup = number(optarg, "WARMUP"); break;
		case 'x': expect = number(optarg, "STATUS"); break;
		case 'o': outpath = optarg; break;
		default: goto usage;
		}
	}
	if (optind >= argc || runs < 1)
		goto usage;
	char **cmd = argv + optind, **base = NULL;
	for (int i = optind; i < argc; i++)
		if (strcmp(argv[i], ":::") == 0) {
			argv[i] = NULL;
			base = argv + i + 1;
			if (!*base)
				goto usage;
			break;
		}
	if (!*cmd)
		goto usage;
	long rss, maxrss = 0, bmaxrss = 0;
	double cpu;
	for (long i = 0; i < warmup; i++) {
		run_once(cmd, outpath, (int)expect, &rss, &cpu);
		if (base)
			run_once(base, outpath, (int)expect, &rss, &cpu);
	}
	size_t sz = (size_t)runs * sizeof(double);
	double *t = malloc(sz), *c = malloc(sz), *bt = malloc(sz),
	       *bc = malloc(sz), *rw = malloc(sz), *rc = malloc(sz),
	       *dw = malloc(sz), *dc = malloc(sz);
	if (!t || !c || !bt || !bc || !rw || !rc || !dw || !dc) {
		fputs("runtime: out of memory\n", stderr);
		return 2;
	}
	for (long i = 0; i < runs; i++) {
		t[i] = run_once(cmd, outpath, (int)expect, &rss, &c[i]);
		if (rss > maxrss)
			maxrss = rss;
		if (!base)
			continue;
		bt[i] = run_once(base, outpath, (int)expect, &rss, &bc[i]);
		if (rss > bmaxrss)
			bmaxrss = rss;
		rw[i] = bt[i] > 0 ? t[i] / bt[i] : 0;
		rc[i] = bc[i] > 0 ? c[i] / bc[i] : 0;
		dw[i] = t[i] - bt[i];
		dc[i] = c[i] - bc[i];
	}
	report(t, c, runs, maxrss);
	if (base) {
		putchar(' ');
		report(bt, bc, runs, bmaxrss);
		printf(" %.6f", sorted_median(rw, runs));
		printf(" %.6f", sorted_median(rc, runs));
		printf(" %.6f", sorted_median(dw, runs));
		printf(" %.6f", sorted_median(dc, runs));
	}
	putchar('\n');
	free(t);
	free(c);
	free(bt);
	free(bc);
	free(rw);
	free(rc);
	free(dw);
	free(dc);
	return 0;
usage:
	fputs("usage: runtime [-n RUNS] [-w WARMUP] [-x STATUS] [-o FILE] "
	      "-- COMMAND [ARG]... [::: BASELINE [ARG]...]\n", stderr);
	return 2;
}
