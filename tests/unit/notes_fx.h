/* notes_fx.h - what the notes store's unit tests share: the scratch
 * folder, a fake clock, the minutes model built by hand, file helpers,
 * and the setup every test program of the store does first.  Included
 * by test_notes.c, test_notes_disk.c and test_notes_merge.c only. */
#ifndef MINUTES_NOTES_FX_H
#define MINUTES_NOTES_FX_H

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "model.h"
#include "notes.h"
#include "tap.h"

#define FX_UNUSED __attribute__((unused))

FX_UNUSED static const char *srcdir;
FX_UNUSED static char scratch[] = "/tmp/test-notes.XXXXXX";
#define BASE_TIME 1795860900 /* 2026-11-28T10:15:00Z */
FX_UNUSED static time_t fake_now = BASE_TIME;

FX_UNUSED static time_t
fake_clock(void)
{
	return fake_now;
}

FX_UNUSED static void
skip(const char *what, const char *why)
{
	printf("ok %d - %s # SKIP %s\n", ++tap_n, what, why);
}

/* --- Fixtures ------------------------------------------------------------ */

struct fx_item {
	const char *id, *text;
};

FX_UNUSED static void
fx_section(struct minutes *m, struct mn_section *sc, const char *id,
	   const char *heading, const struct fx_item *items, uint32_t n)
{
	sc->id = id;
	sc->kind_name = "other";
	sc->kind = MN_KIND_OTHER;
	sc->heading = heading;
	sc->nitems = n;
	sc->items = mn_arena_alloc(m->arena, n * sizeof(*sc->items));
	for (uint32_t i = 0; i < n; i++) {
		sc->items[i].id = items[i].id;
		sc->items[i].text = items[i].text;
		sc->items[i].len = (uint32_t)strlen(items[i].text);
	}
}

/* The model of tests/fixtures/notes/minutes-vVERSION.xml, built by hand
 * (version 3: v1 with a long item kq4). */
FX_UNUSED static struct minutes *
fx_minutes(const char *path, int version)
{
	static const struct fx_item opening[] = {
		{ "md1", "Khai mạc hội nghị." },
	};
	static const struct fx_item v1[] = {
		{ "kq1", "Tổ chức thành công Đại hội nhiệm kỳ 2019 - 2024;" },
		{ "kq2", "Vận động ủng hộ Quỹ “Vì người nghèo” được 120 triệu đồng." },
		{ "kq3", "Chỉ đạo các thôn tổ chức Ngày hội Đại đoàn kết." },
		{ "kq4", NULL },
	};
	struct minutes *m = minutes_new(path);
	m->id = "hop-thu-2020";
	m->lang = "vi";
	m->version = 1;
	m->meeting.title = "Họp thử nghiệm ghi chú";
	m->meeting.date = "2020-01-16";
	m->npersons = 2;
	m->persons = mn_arena_alloc(m->arena, 2 * sizeof(*m->persons));
	m->persons[0] = (struct mn_person){ "hoang", "Phạm Huy Hoàng",
					    "Phó Chủ tịch", 0, MN_PRESENT,
					    "" };
	m->persons[1] = (struct mn_person){ "lan", "Hoàng Thị Ngọc Lan", "",
					    0, MN_PRESENT, "" };
	m->nsections = 2;
	m->sections = mn_arena_alloc(m->arena, 2 * sizeof(*m->sections));
	fx_section(m, &m->sections[0], "mo-dau", "Mở đầu", opening, 1);
	struct fx_item items[4];
	memcpy(items, v1, sizeof(items));
	uint32_t n = 3;
	if (version == 2) {
		items[1].text = "Vận động ủng hộ Quỹ “Vì người nghèo” được 125 triệu đồng.";
		n = 2;
	} else if (version == 3) {
		char *t = mn_arena_alloc(m->arena, 80 * 10 + 1);
		t[0] = '\0';
		for (int i = 0; i < 80; i++) /* 8 characters each: 640 */
			strcat(t, "Đoàn kết");
		items[3].text = t;
		n = 4;
	}
	fx_section(m, &m->sections[1], "ket-qua", "Kết quả công tác", items, n);
	return m;
}

FX_UNUSED static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t n = 0, cap = 0, k;
	char chunk[4096];
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (n + k + 1 > cap) {
			cap = (n + k + 1) * 2;
			buf = realloc(buf, cap);
		}
		memcpy(buf + n, chunk, k);
		n += k;
	}
	fclose(f);
	if (!buf)
		buf = calloc(1, 1);
	else
		buf[n] = '\0';
	return buf;
}

FX_UNUSED static void
spew(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

FX_UNUSED static char *
fixture(const char *name)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/tests/fixtures/notes/%s", srcdir, name);
	return slurp(path);
}

/* A fresh folder DIR holding hop.xml (minutes v1); returns its path. */
FX_UNUSED static char *
new_minutes_dir(const char *name, char *dir, size_t size)
{
	static char path[4096];
	snprintf(dir, size, "%s/%s", scratch, name);
	mkdir(dir, 0777);
	snprintf(path, sizeof(path), "%s/hop.xml", dir);
	char *v1 = fixture("minutes-v1.xml");
	spew(path, v1 ? v1 : "");
	free(v1);
	return path;
}

FX_UNUSED static int
count_by(const struct notes_store *s, const char *author)
{
	int n = 0;
	for (size_t i = 0; i < notes_count(s); i++)
		n += strcmp(notes_get(s, i)->author, author) == 0;
	return n;
}

FX_UNUSED static void
rm_rf(const char *path)
{
	pid_t pid = fork();
	if (pid == 0) {
		execlp("rm", "rm", "-rf", path, (char *)NULL);
		_exit(127);
	}
	int st;
	if (pid > 0)
		waitpid(pid, &st, 0);
}

/* The setup of every notes test program: the scratch folder as $HOME,
 * UTC, no $XDG_DATA_HOME, the fake clock, ids without the per-process
 * part.  0, or -1 when the scratch folder cannot be made. */
FX_UNUSED static int
fx_setup(void)
{
	srcdir = getenv("top_srcdir");
	if (!srcdir)
		srcdir = ".";
	if (!mkdtemp(scratch)) {
		perror("mkdtemp");
		return -1;
	}
	setenv("HOME", scratch, 1);
	setenv("TZ", "UTC0", 1);
	tzset();
	unsetenv("XDG_DATA_HOME");
	notes_set_clock(fake_clock);
	notes_set_id_tag(""); /* ids as before; test_ids tries the tag */
	return 0;
}

/* The scratch folder removed (kept with NOTES_KEEP); the TAP result. */
FX_UNUSED static int
fx_done(void)
{
	if (!getenv("NOTES_KEEP"))
		rm_rf(scratch);
	else
		printf("# kept %s\n", scratch);
	return tap_done();
}

#endif
