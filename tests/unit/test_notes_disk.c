/* test_notes_disk.c - the notes store on disk: a linked lock, a linked
 * or too long notes folder, the $XDG_DATA_HOME fallback, and crash and
 * concurrency safety (fork + SIGKILL, two and more writers). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "model.h"
#include "notes.h"
#include "notes_fx.h"
#include "tap.h"

/* A .lock that is a link: no mode creates its target; saving refuses. */
static void
test_lock_link(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096], target[4096], want[8192];
	const char *mp = new_minutes_dir("lock-link", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	struct stat st;
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	mkdir(path, 0777);
	snprintf(target, sizeof(target), "%s/created-by-lock", dir);
	snprintf(path, sizeof(path), "%s/hop.notes/.lock", dir);
	OK(symlink(target, path) == 0, ".lock is a link to a missing file");
	struct notes_store *s = notes_open(mp, m, "lan", &err);
	OK(stat(target, &st) < 0, "opening creates nothing through it");
	notes_reload(s, &err);
	OK(stat(target, &st) < 0, "nor does reloading");
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "x", NULL, &err),
	       NOTES_UNSAVED, "saving refuses the linked lock");
	snprintf(want, sizeof(want),
		 "%s is a symbolic link: it is not followed, and nothing is saved until it is removed",
		 path);
	IS_STR(err.msg, want, "and says why");
	OK(stat(target, &st) < 0, "the link's target was not created");
	snprintf(path, sizeof(path), "%s/hop.notes/lan.xml", dir);
	OK(stat(path, &st) < 0, "nothing written");
	notes_close(s);

	/* opening with no notes folder creates nothing at all */
	mp = new_minutes_dir("lock-none", dir, sizeof(dir));
	s = notes_open(mp, m, "lan", &err);
	notes_reload(s, &err);
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	OK(lstat(path, &st) < 0, "no notes folder made by reading");
	notes_close(s);
	minutes_free(m);
}

/* NAME.notes that is a link: followed inside the minutes' folder,
 * never out of it (the fallback is used, and the problem says where). */
static void
test_dir_link(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096], xdg[1024], want[16384], out[1024];
	struct notes_error err = { "" };
	struct stat st;
	snprintf(xdg, sizeof(xdg), "%s/xdg-link", scratch);
	setenv("XDG_DATA_HOME", xdg, 1);
	const char *mp = new_minutes_dir("dir-link", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	snprintf(out, sizeof(out), "%s/outside", scratch);
	mkdir(out, 0777);
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	OK(symlink(out, path) == 0, "hop.notes links out of the folder");
	struct notes_store *s = notes_open(mp, m, "lan", &err);
	OK(notes_fallback(s), "the fallback is used");
	snprintf(want, sizeof(want),
		 "%s is a symbolic link to %s, outside the minutes' folder: your notes are written to %s instead",
		 path, out, notes_dir(s));
	IS_STR(notes_problem(s, 0), want, "the problem says where it points and where notes go");
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "x", NULL, &err), NOTES_OK,
	       "saved");
	snprintf(path, sizeof(path), "%s/lan.xml", out);
	OK(stat(path, &st) < 0, "nothing written out of the folder");
	snprintf(path, sizeof(path), "%s/.lock", out);
	OK(stat(path, &st) < 0, "not even a lock");
	snprintf(path, sizeof(path), "%s/lan.xml", notes_dir(s));
	OK(stat(path, &st) == 0, "the note is in the fallback");
	notes_close(s);
	minutes_free(m);

	mp = new_minutes_dir("dir-link-in", dir, sizeof(dir));
	m = fx_minutes(mp, 1);
	snprintf(path, sizeof(path), "%s/shared", dir);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	OK(symlink("shared", path) == 0, "hop.notes links inside the folder");
	s = notes_open(mp, m, "lan", &err);
	OK(!notes_fallback(s), "no fallback");
	IS_INT(notes_problem_count(s), 0, "no problem");
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "x", NULL, &err), NOTES_OK,
	       "saved");
	snprintf(path, sizeof(path), "%s/shared/lan.xml", dir);
	OK(stat(path, &st) == 0, "through the link");
	notes_close(s);
	minutes_free(m);

	/* minutes names of 252 and 255 bytes (not ending in .xml, so
	 * NAME.notes is longer than a file name can be) */
	char name[300];
	memset(name, 'x', 252);
	name[252] = '\0';
	snprintf(dir, sizeof(dir), "%s/long", scratch);
	mkdir(dir, 0777);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	char *v1 = fixture("minutes-v1.xml");
	spew(path, v1 ? v1 : "");
	free(v1);
	m = fx_minutes(path, 1);
	s = notes_open(path, m, "lan", &err);
	OK(notes_fallback(s), "252-byte minutes name: the fallback");
	IS_INT(notes_problem_count(s), 0, "without a problem");
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "long", NULL, &err),
	       NOTES_OK, "saved");
	notes_close(s);
	s = notes_open(path, m, "lan", &err);
	IS_INT(notes_count(s), 1, "and read back");
	notes_close(s);
	memset(name, 'y', 255);
	name[255] = '\0';
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	spew(path, "");
	s = notes_open(path, m, "lan", &err);
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "255", NULL, &err),
	       NOTES_OK, "255-byte minutes name: saved in the fallback");
	OK(notes_fallback(s), "there");
	notes_close(s);
	minutes_free(m);
	unsetenv("XDG_DATA_HOME");
}

static void
test_fallback(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096], xdg[4096], want[8192];
	struct notes_error err = { "" };
	const struct note *n;
	snprintf(xdg, sizeof(xdg), "%s/xdg", scratch);
	setenv("XDG_DATA_HOME", xdg, 1);

	/* works for root too: NAME.notes is a regular file */
	const char *mp = new_minutes_dir("fb-file", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	spew(path, "not a folder");
	struct notes_store *s = notes_open(mp, m, "lan", &err);
	OK(notes_fallback(s), "the notes folder cannot be made: fallback");
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "elsewhere", &n, &err),
	       NOTES_OK, "saved");
	snprintf(want, sizeof(want), "%s/minutes/notes/", xdg);
	OK(strncmp(notes_dir(s), want, strlen(want)) == 0,
	   "under $XDG_DATA_HOME/minutes/notes");
	const char *d = notes_dir(s);
	OK(strlen(d) == strlen(want) + 16 + 4 &&
		   strcmp(d + strlen(d) - 4, "-hop") == 0,
	   "KEY: hash hex and the file's base name");
	snprintf(path, sizeof(path), "%s/lan.xml", d);
	struct stat st;
	OK(stat(path, &st) == 0, "the reviewer's file is there");
	char *t = slurp(mp);
	char *v1 = fixture("minutes-v1.xml");
	IS_STR(t, v1, "the minutes file is never modified");
	free(t);
	free(v1);
	notes_close(s);
	s = notes_open(mp, m, "lan", &err);
	OK(notes_fallback(s), "reopened: the fallback again");
	IS_INT(notes_count(s), 1, "the note is loaded from there");
	notes_close(s);
	minutes_free(m);

	/* a read-only folder (not for root, who writes anyway) */
	mp = new_minutes_dir("fb-ro", dir, sizeof(dir));
	m = fx_minutes(mp, 1);
	if (geteuid() == 0) {
		skip("read-only minutes folder: fallback", "running as root");
		skip("saved in the fallback", "running as root");
	} else {
		chmod(dir, 0555);
		s = notes_open(mp, m, "lan", &err);
		OK(notes_fallback(s), "read-only minutes folder: fallback");
		IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "ro", NULL, &err),
		       NOTES_OK, "saved in the fallback");
		notes_close(s);
		chmod(dir, 0755);
	}
	minutes_free(m);
	unsetenv("XDG_DATA_HOME");
}

/* --- Crashes and concurrency ----------------------------------------------- */

/* Adds notes forever, writing each confirmed id to FD. */
static void
child_adder(const char *mp, const char *reviewer, int fd, int count)
{
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err;
	struct notes_store *s = notes_open(mp, m, reviewer, &err);
	for (int i = 0; count < 0 || i < count; i++) {
		const struct note *n;
		char line[256];
		snprintf(line, sizeof(line), "%s note %d", reviewer, i);
		if (notes_add(s, "kq1", NOTES_COMMENT, line, &n, &err) !=
		    NOTES_OK) {
			dprintf(fd, "ERROR %s\n", err.msg);
			_exit(3);
		}
		snprintf(line, sizeof(line), "%s\n", n->id);
		if (write(fd, line, strlen(line)) < 0)
			_exit(4);
	}
	notes_close(s);
	minutes_free(m);
	_exit(0);
}

struct idset {
	char **v;
	size_t n, cap;
};

/* Reads the ids a child wrote (until EOF). */
static int
read_ids(int fd, struct idset *ids)
{
	char buf[65536];
	size_t have = 0;
	int errors = 0;
	for (;;) {
		ssize_t k = read(fd, buf + have, sizeof(buf) - 1 - have);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		have += (size_t)k;
		buf[have] = '\0';
		char *line = buf, *nl;
		while ((nl = strchr(line, '\n'))) {
			*nl = '\0';
			if (strncmp(line, "ERROR", 5) == 0) {
				printf("# child: %s\n", line);
				errors++;
			} else {
				if (ids->n == ids->cap) {
					ids->cap = ids->cap ? ids->cap * 2 : 64;
					ids->v = realloc(ids->v, ids->cap * sizeof(char *));
				}
				ids->v[ids->n++] = strdup(line);
			}
			line = nl + 1;
		}
		have = strlen(line);
		memmove(buf, line, have);
	}
	return errors;
}

static void
idset_free(struct idset *ids)
{
	for (size_t i = 0; i < ids->n; i++)
		free(ids->v[i]);
	free(ids->v);
}

static size_t
missing_ids(const char *mp, const struct idset *ids, int *problems,
	    size_t *total)
{
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err;
	struct notes_store *s = notes_open(mp, m, "checker", &err);
	size_t missing = 0;
	*problems = (int)notes_problem_count(s);
	for (int i = 0; i < *problems; i++)
		printf("# %s\n", notes_problem(s, (size_t)i));
	for (size_t i = 0; i < ids->n; i++)
		if (!notes_find(s, ids->v[i])) {
			if (missing++ < 3)
				printf("# missing %s\n", ids->v[i]);
		}
	*total = notes_count(s);
	notes_close(s);
	minutes_free(m);
	return missing;
}

static void
test_crash(void)
{
	char dir[1024];
	const char *mp = new_minutes_dir("crash", dir, sizeof(dir));
	char mpath[4096];
	snprintf(mpath, sizeof(mpath), "%s", mp);
	struct idset ids = { 0 };
	/* NOTES_CRASH_ROUNDS: more kills for a closing figure */
	int rounds = getenv("NOTES_CRASH_ROUNDS") ? atoi(getenv("NOTES_CRASH_ROUNDS")) : 50;
	int bad_parse = 0, errors = 0;
	size_t missing = 0, total = 0;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	srand((unsigned)getpid());
	notes_set_clock(NULL);
	for (int r = 0; r < rounds; r++) {
		int fds[2];
		if (pipe(fds) < 0)
			break;
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			child_adder(mpath, "crash", fds[1], -1);
		}
		close(fds[1]);
		struct timespec d = { 0, (long)(rand() % 40000) * 1000 };
		nanosleep(&d, NULL);
		kill(pid, SIGKILL);
		int st;
		waitpid(pid, &st, 0);
		errors += read_ids(fds[0], &ids);
		close(fds[0]);
		int problems;
		missing += missing_ids(mpath, &ids, &problems, &total);
		bad_parse += problems > 0;
	}
	notes_set_clock(fake_clock);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("# %d kills, %zu confirmed notes, %zu in the file, %.1f s\n",
	       rounds, ids.n, total,
	       (double)(t1.tv_sec - t0.tv_sec) +
		       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	IS_INT(errors, 0, "the child's saves succeeded until killed");
	IS_INT(bad_parse, 0, "after each SIGKILL the notes file parses");
	IS_INT(missing, 0, "after each SIGKILL every confirmed note is there");
	OK(ids.n > 0 && total >= ids.n, "notes were confirmed and kept");
	idset_free(&ids);
}

static void
run_pair(const char *name, const char *r1, const char *r2, int count)
{
	char dir[1024], mpath[4096], what[256];
	const char *mp = new_minutes_dir(name, dir, sizeof(dir));
	snprintf(mpath, sizeof(mpath), "%s", mp);
	struct idset ids = { 0 };
	int fds[2][2], errors = 0;
	pid_t pid[2];
	const char *who[2] = { r1, r2 };
	notes_set_clock(NULL);
	for (int i = 0; i < 2; i++) {
		if (pipe(fds[i]) < 0)
			return;
		fflush(stdout);
		pid[i] = fork();
		if (pid[i] == 0) {
			close(fds[i][0]);
			child_adder(mpath, who[i], fds[i][1], count);
		}
		close(fds[i][1]);
	}
	int clean = 1;
	for (int i = 0; i < 2; i++) {
		int st;
		errors += read_ids(fds[i][0], &ids);
		close(fds[i][0]);
		waitpid(pid[i], &st, 0);
		clean &= WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	snprintf(what, sizeof(what), "%s: both processes finished cleanly", name);
	OK(clean && errors == 0, what);
	int problems;
	size_t total;
	/* the children's notes are dated now: check with the real clock */
	size_t missing = missing_ids(mpath, &ids, &problems, &total);
	notes_set_clock(fake_clock);
	snprintf(what, sizeof(what), "%s: %d notes confirmed", name, 2 * count);
	IS_INT(ids.n, 2 * count, what);
	snprintf(what, sizeof(what), "%s: all %d are in the files", name, 2 * count);
	IS_INT(total, 2 * count, what);
	snprintf(what, sizeof(what), "%s: none missing, no problems", name);
	OK(missing == 0 && problems == 0, what);
	idset_free(&ids);
}

/* Adds a question, answers it (accepted), and every third time signs
 * off, forever, writing each confirmed id (and SIGNED) to FD. */
static void
child_answerer(const char *mp, int fd)
{
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err;
	struct notes_store *s = notes_open(mp, m, "crash2", &err);
	for (int i = 0;; i++) {
		const struct note *n;
		char line[256], id[128];
		snprintf(line, sizeof(line), "question %d", i);
		if (notes_add(s, "kq1", NOTES_QUESTION, line, &n, &err) != NOTES_OK)
			goto fail;
		snprintf(id, sizeof(id), "%s", n->id);
		dprintf(fd, "%s\n", id);
		if (notes_reply(s, id, NOTES_RESPONSE, NOTES_ACCEPTED, "ok", &n,
				&err) != NOTES_OK)
			goto fail;
		dprintf(fd, "%s\n", n->id);
		if (i % 3 == 2) {
			if (notes_signoff(s, "ký", &err) != NOTES_OK)
				goto fail;
			dprintf(fd, "SIGNED\n");
		}
	}
fail:
	dprintf(fd, "ERROR %s\n", err.msg);
	_exit(3);
}

/* kill -9 at a random moment while answering and signing off: every
 * confirmed note, answer and sign-off is in the file. */
static void
test_crash_answers(void)
{
	char dir[1024], mpath[4096];
	const char *mp = new_minutes_dir("crash-answers", dir, sizeof(dir));
	snprintf(mpath, sizeof(mpath), "%s", mp);
	struct idset ids = { 0 };
	int rounds = getenv("NOTES_CRASH_ROUNDS") ? atoi(getenv("NOTES_CRASH_ROUNDS")) : 30;
	int bad_parse = 0, errors = 0, signed_ok = 1;
	size_t missing = 0, total = 0, answers = 0;
	notes_set_clock(NULL);
	for (int r = 0; r < rounds; r++) {
		int fds[2];
		if (pipe(fds) < 0)
			break;
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			child_answerer(mpath, fds[1]);
		}
		close(fds[1]);
		/* killed once it has confirmed something (slow under valgrind) */
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		poll(&pfd, 1, 20000);
		struct timespec d = { 0, (long)(rand() % 40000) * 1000 };
		nanosleep(&d, NULL);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		size_t before = ids.n;
		errors += read_ids(fds[0], &ids);
		close(fds[0]);
		bool signed_now = false;
		size_t w = before;
		for (size_t i = before; i < ids.n; i++) {
			if (strcmp(ids.v[i], "SIGNED") == 0) {
				signed_now = true;
				free(ids.v[i]);
			} else {
				ids.v[w++] = ids.v[i];
			}
		}
		ids.n = w;
		int problems;
		missing += missing_ids(mpath, &ids, &problems, &total);
		bad_parse += problems > 0;
		if (signed_now) {
			struct minutes *m = fx_minutes(mpath, 1);
			struct notes_error err;
			struct notes_store *c = notes_open(mpath, m, "checker", &err);
			const struct notes_signoff *const *g;
			size_t ng = notes_signoffs(c, &g);
			signed_ok &= ng == 1 && strcmp(g[0]->by, "crash2") == 0;
			for (size_t i = 0; i < notes_count(c); i++)
				answers += notes_get(c, i)->reply_to != NULL;
			notes_close(c);
			minutes_free(m);
		}
	}
	notes_set_clock(fake_clock);
	printf("# %d kills while answering: %zu confirmed notes and answers, %zu in the file\n",
	       rounds, ids.n, total);
	IS_INT(errors, 0, "answering: the child's saves succeeded until killed");
	IS_INT(bad_parse, 0, "answering: after each SIGKILL the notes file parses");
	IS_INT(missing, 0, "answering: every confirmed note and answer is there");
	OK(signed_ok, "answering: every confirmed sign-off is there");
	OK(ids.n > 0 && total >= ids.n, "answering: notes were confirmed and kept");
	idset_free(&ids);
}

/* N reviewers adding COUNT notes each at once: none lost. */
static void
run_group(const char *name, const char *const *who, int nwho, int count)
{
	char dir[1024], mpath[4096], what[256];
	const char *mp = new_minutes_dir(name, dir, sizeof(dir));
	snprintf(mpath, sizeof(mpath), "%s", mp);
	struct idset ids = { 0 };
	int fds[8][2], errors = 0, clean = 1;
	pid_t pid[8];
	notes_set_clock(NULL);
	for (int i = 0; i < nwho; i++) {
		if (pipe(fds[i]) < 0)
			return;
		fflush(stdout);
		pid[i] = fork();
		if (pid[i] == 0) {
			close(fds[i][0]);
			child_adder(mpath, who[i], fds[i][1], count);
		}
		close(fds[i][1]);
	}
	for (int i = 0; i < nwho; i++) {
		int st;
		errors += read_ids(fds[i][0], &ids);
		close(fds[i][0]);
		waitpid(pid[i], &st, 0);
		clean &= WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	snprintf(what, sizeof(what), "%s: all processes finished cleanly", name);
	OK(clean && errors == 0, what);
	int problems;
	size_t total;
	size_t missing = missing_ids(mpath, &ids, &problems, &total);
	notes_set_clock(fake_clock);
	snprintf(what, sizeof(what), "%s: %d notes confirmed, %zu in the files",
		 name, nwho * count, total);
	IS_INT(ids.n, nwho * count, what);
	IS_INT(total, nwho * count, what);
	snprintf(what, sizeof(what), "%s: none missing, no problems", name);
	OK(missing == 0 && problems == 0, what);
	idset_free(&ids);
}

static void
test_concurrency(void)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	run_pair("same-reviewer", "lan", "lan", 100);
	run_pair("two-reviewers", "lan", "minh", 100);
	static const char *const four[] = { "lan", "minh", "Nguyễn Văn Ân",
					    "Nguyễn Văn An" };
	run_group("four-reviewers", four, 4, 100);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("# concurrency: %.1f s\n",
	       (double)(t1.tv_sec - t0.tv_sec) +
		       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
}

int
main(void)
{
	if (fx_setup() < 0)
		return 1;

	test_lock_link();
	test_dir_link();
	test_fallback();
	test_crash();
	test_crash_answers();
	test_concurrency();

	return fx_done();
}
