/* notes_disk.c - the notes folders on disk, store-free: crash-safe
 * replacing of a file inside a folder's descriptor (temporary file,
 * fsync, rename, folder fsync), mkdir -p, leftover temporaries swept,
 * the lock file (a regular file, never a link), symbolic links judged
 * (inside the minutes' folder or not), and the $XDG_DATA_HOME fallback
 * folder of a minutes file. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nls.h"
#include "notes.h"
#include "notes_disk.h"
#include "notes_file.h"
#include "notes_names.h"
#include "notes_words.h"
#include "xalloc.h"

#define TMP_PREFIX ".tmp-"

bool
notes_not_writable(int e)
{
	return e == EACCES || e == EROFS || e == EPERM || e == ENOTDIR ||
	       e == EEXIST || e == ENAMETOOLONG;
}

char *
notes_dir_of(const char *path)
{
	const char *sl = strrchr(path, '/');
	if (!sl)
		return xstrdup(".");
	if (sl == path)
		return xstrdup("/");
	char *d = xmalloc((size_t)(sl - path) + 1);
	memcpy(d, path, (size_t)(sl - path));
	d[sl - path] = '\0';
	return d;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Crash-safe replace of NAME in the folder DFD by DATA: a temporary file
 * made there (O_EXCL, never through a link), fsync'd, renamed over NAME
 * (a rename replaces a link itself, never its target), the folder
 * fsync'd.  OLD (when not NULL) is the replaced file: its mode is kept.
 * Returns 0, or -1 with errno set. */
int
notes_write_durable_at(int dfd, const char *name, const struct stat *old,
		 const char *data, size_t len)
{
	static unsigned seq;
	char *tmp = NULL;
	int fd = -1, e = 0;

	for (int tries = 0; tries < 100; tries++) {
		free(tmp);
		tmp = xasprintf(TMP_PREFIX "%s.%ld.%u", name, (long)getpid(),
				seq++);
		fd = openat(dfd, tmp,
			    O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW |
				    O_NOCTTY,
			    0666);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0)
		goto fail;
	if ((old && fchmod(fd, old->st_mode & 0777) < 0) ||
	    write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		e = errno;
		close(fd);
		unlinkat(dfd, tmp, 0);
		errno = e;
		goto fail;
	}
	if (close(fd) < 0 || renameat(dfd, tmp, dfd, name) < 0) {
		e = errno;
		unlinkat(dfd, tmp, 0);
		errno = e;
		goto fail;
	}
	/* the rename is done: a folder that cannot be fsync'd does not
	 * make the save a failure (the new id must not be given again) */
	fsync(dfd);
	free(tmp);
	return 0;
fail:
	e = errno;
	free(tmp);
	errno = e;
	return -1;
}

/* mkdir -p, the last components with MODE. */
int
notes_make_dirs(const char *path, mode_t mode)
{
	char *p = xstrdup(path);
	for (char *q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, mode) < 0 && errno != EEXIST) {
			int e = errno;
			free(p);
			errno = e;
			return -1;
		}
		*q = '/';
	}
	int rc = mkdir(p, mode);
	int e = errno;
	free(p);
	if (rc < 0 && e != EEXIST) {
		errno = e;
		return -1;
	}
	struct stat st;
	if (stat(path, &st) < 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

void
notes_sweep_temps(int dfd)
{
	int fd = dup(dfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((de = readdir(d)))
		if (strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0)
			unlinkat(dfd, de->d_name, 0);
	closedir(d);
}

/* True when PATH, followed, lies inside the folder DIR (both resolved). */
bool
notes_resolves_inside(const char *path, const char *dir)
{
	char *rp = realpath(path, NULL), *rd = realpath(dir, NULL);
	size_t n = rd ? strlen(rd) : 0;
	bool in = rp && rd &&
		  (strcmp(rd, "/") == 0 ||
		   (strncmp(rp, rd, n) == 0 && rp[n] == '/'));
	free(rp);
	free(rd);
	return in;
}

/* Where the symbolic link PATH points (malloc'd, made safe), or NULL. */
char *
notes_link_target(const char *path)
{
	char target[4096];
	ssize_t k = readlink(path, target, sizeof(target) - 1);
	if (k < 0)
		return NULL;
	target[k] = '\0';
	return notes_safe_str(target);
}

/* The persistent lock file of the folder DFD (DIR), opened: never a
 * link, never a terminal, only a regular file.  -1 with *err set. */
int
notes_open_lock(int dfd, const char *dir, bool *nw, struct notes_error *err)
{
	int fd = openat(dfd, ".lock",
			O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY |
				O_NONBLOCK,
			0666);
	int e = errno;
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		return fd;
	char *lp = xasprintf("%s/.lock", dir), *slp = notes_safe_str(lp);
	if (fd >= 0) {
		close(fd);
		notes_seterr(err,
		       _("%s is not a regular file: nothing is saved until it is removed"),
		       slp);
	} else if (e == ELOOP) {
		notes_seterr(err,
		       _("%s is a symbolic link: it is not followed, and nothing is saved until it is removed"),
		       slp);
	} else {
		char *sdir = notes_safe_str(dir);
		*nw = notes_not_writable(e);
		notes_seterr(err, _("cannot write in the notes folder %s: %s"), sdir,
		       strerror(e));
		free(sdir);
	}
	free(lp);
	free(slp);
	return -1;
}

/* $XDG_DATA_HOME/minutes/notes/KEY, or NULL without a home. */
char *
notes_fallback_dir_for(const char *minutes_path, const struct minutes *m)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	char *base;
	if (xdg && xdg[0] == '/') {
		base = xstrdup(xdg);
	} else {
		const char *home = getenv("HOME");
		if (!home || home[0] != '/') {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (!home || home[0] != '/')
			return NULL;
		base = xasprintf("%s/.local/share", home);
	}
	char *abs = realpath(minutes_path, NULL);
	if (!abs) {
		char cwd[4096];
		abs = minutes_path[0] == '/' || !getcwd(cwd, sizeof(cwd))
			      ? xstrdup(minutes_path)
			      : xasprintf("%s/%s", cwd, minutes_path);
	}
	struct buf key = { 0 };
	buf_str(&key, abs);
	buf_add(&key, "", 1);
	buf_str(&key, m && m->id ? m->id : "");
	char hash[17], name[SAFE_MAX + 16];
	notes_hash(key.p, key.n, hash);
	const char *slash = strrchr(abs, '/');
	char *stem = xstrdup(slash ? slash + 1 : abs);
	size_t sl = strlen(stem);
	if (sl > 4 && strcmp(stem + sl - 4, ".xml") == 0)
		stem[sl - 4] = '\0';
	notes_legacy_name(stem, name, sizeof(name)); /* the hash tells apart */
	char *dir = xasprintf("%s/minutes/notes/%s-%s", base, hash, name);
	free(stem);
	free(key.p);
	free(abs);
	free(base);
	return dir;
}
