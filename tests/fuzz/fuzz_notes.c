/* fuzz_notes.c - the reviewer-notes file parser on any bytes.
 *
 * The notes store reads its files from disk only (its parser is not
 * exported), so each input is written to a scratch folder as both the
 * reviewer's own file (DIR/m.notes/fuzz.xml) and another reviewer's
 * (DIR/m.notes/other.xml), then the store is opened on a fixed minutes
 * model, read through every accessor and exported; when the own file was
 * accepted, one note's status is toggled, which merges the file on disk
 * with the store and writes it back.  The scratch folder is under
 * /dev/shm when it can be (fsync is free there), else $TMPDIR or /tmp;
 * $XDG_DATA_HOME points inside it so nothing is written elsewhere. */
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "loader.h"
#include "notes.h"
#include "review_report.h"

/* Every line of the Markdown report that starts a table row has its 8
 * cell borders once escaped characters are set aside, and every other
 * line is one the report writes itself (nothing from a note starts a
 * line: no heading, list, fence or HTML block of its own). */
static void
check_md_table(const char *md)
{
	for (const char *line = md; *line;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		if (n && line[0] == '|') {
			int pipes = 0;
			for (size_t i = 0; i < n; i++) {
				if (line[i] == '\\')
					i++;
				else if (line[i] == '|')
					pipes++;
			}
			FUZZ_CHECK(pipes == 8, "a table row with %d borders", pipes);
		} else if (n) {
			FUZZ_CHECK(!strncmp(line, "# ", 2) || !strncmp(line, "- ", 2) ||
					   !strncmp(line, "**", 2) ||
					   !strncmp(line, "Chưa có", strlen("Chưa có")) ||
					   !strncmp(line, "No notes", 8),
				   "a line the report does not write, at byte %zu",
				   (size_t)(line - md));
		}
		line += n + (nl != NULL);
	}
}

static const char minutes_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<minutes version=\"1\" id=\"hop-thu-2020\" xml:lang=\"vi\">\n"
	"  <meeting><title>Họp thử nghiệm ghi chú</title>"
	"<date>2020-01-16</date></meeting>\n"
	"  <attendees>\n"
	"    <person id=\"hoang\"><name>Phạm Huy Hoàng</name>"
	"<role>Phó Chủ tịch</role></person>\n"
	"    <person id=\"lan\"><name>Hoàng Thị Ngọc Lan</name></person>\n"
	"  </attendees>\n"
	"  <section id=\"mo-dau\" kind=\"opening\"><heading>Mở đầu</heading>\n"
	"    <item id=\"md1\">Khai mạc hội nghị.</item>\n"
	"  </section>\n"
	"  <section id=\"ket-qua\" kind=\"achievements\">"
	"<heading>Kết quả công tác</heading>\n"
	"    <item id=\"kq1\">Tổ chức thành công Đại hội nhiệm kỳ 2019 - 2024;</item>\n"
	"    <item id=\"kq2\">Vận động ủng hộ Quỹ “Vì người nghèo” được 120 triệu đồng.</item>\n"
	"  </section>\n"
	"</minutes>\n";

static struct minutes *model;
static char root[256], minutes_path[300], ndir[300];
static char own_file[320], other_file[320];

static time_t
fixed_clock(void)
{
	return 1795860900; /* 2026-11-28T10:15:00Z */
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static void
cleanup(void)
{
	if (root[0])
		nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	minutes_free(model);
}

static void
setup(void)
{
	const char *bases[] = { "/dev/shm", getenv("TMPDIR"), "/tmp" };
	struct load_error err;

	for (size_t i = 0; i < 3 && !root[0]; i++) {
		if (!bases[i] || !*bases[i] || strlen(bases[i]) > 200)
			continue;
		snprintf(root, sizeof(root), "%s/fuzz-notes-XXXXXX", bases[i]);
		if (!mkdtemp(root))
			root[0] = '\0';
	}
	FUZZ_CHECK(root[0], "cannot make a scratch folder");
	snprintf(minutes_path, sizeof(minutes_path), "%s/m.xml", root);
	snprintf(ndir, sizeof(ndir), "%s/m.notes", root);
	snprintf(own_file, sizeof(own_file), "%s/fuzz.xml", ndir);
	snprintf(other_file, sizeof(other_file), "%s/other.xml", ndir);
	FUZZ_CHECK(mkdir(ndir, 0700) == 0, "mkdir %s", ndir);
	char xdg[300];
	snprintf(xdg, sizeof(xdg), "%s/xdg", root);
	setenv("XDG_DATA_HOME", xdg, 1);
	FUZZ_CHECK(loader_load_memory(minutes_path, minutes_xml,
				      sizeof(minutes_xml) - 1, &model,
				      &err) == LOAD_OK,
		   "the fixed minutes do not load: %s", err.msg);
	notes_set_clock(fixed_clock);
	atexit(cleanup);
}

/* Removes what the last run left (temporary files included). */
static void
clean_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	if (!d)
		return;
	while ((de = readdir(d))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		char p[600];
		snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
		unlink(p);
	}
	closedir(d);
}

static void
write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	FUZZ_CHECK(fd >= 0, "cannot write %s", path);
	while (size) {
		ssize_t k = write(fd, data, size);
		FUZZ_CHECK(k > 0, "write %s", path);
		data += k;
		size -= (size_t)k;
	}
	close(fd);
}

static void
check_safe_text(const char *what, char *buf, size_t len)
{
	size_t bad = 0;
	FUZZ_CHECK(fuzz_utf8_valid(buf, len, &bad), "%s: invalid UTF-8 at %zu",
		   what, bad);
	size_t at = fuzz_find_unsafe(buf, len, "\n");
	FUZZ_CHECK(at == (size_t)-1, "%s: unsafe character at %zu", what, at);
}

static void
check_str(const char *what, const char *s)
{
	FUZZ_CHECK(s, "%s is NULL", what);
	FUZZ_CHECK(fuzz_utf8_valid(s, strlen(s), NULL), "%s: invalid UTF-8",
		   what);
}

static void
read_store(struct notes_store *s)
{
	size_t n = notes_count(s);
	for (size_t i = 0; i < n; i++) {
		const struct note *nt = notes_get(s, i);
		FUZZ_CHECK(nt, "note %zu missing", i);
		check_str("id", nt->id);
		check_str("author", nt->author);
		check_str("target", nt->target);
		check_str("quote", nt->quote);
		check_str("hash", nt->hash);
		check_str("text", nt->text);
		FUZZ_CHECK(notes_find(s, nt->id) != NULL, "note %s not found",
			   nt->id);
		const struct note *const *v;
		size_t k = notes_for_target(s, nt->target, &v);
		FUZZ_CHECK(k >= 1 || nt->anchor == NOTES_ORPHAN,
			   "note %s not on its target", nt->id);
		(void)notes_open_count(s, nt->target);
	}
	const struct note *const *orph;
	size_t no = notes_orphans(s, &orph);
	FUZZ_CHECK(no <= n, "%zu orphans of %zu notes", no, n);
	for (uint32_t i = 0; i < model->nsections; i++)
		(void)notes_section_open_count(s, i);
	for (size_t i = 0; i < notes_problem_count(s); i++)
		check_str("problem", notes_problem(s, i));

	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	FUZZ_CHECK(out, "open_memstream");
	review_report_markdown(out, model, s);
	fclose(out);
	check_safe_text("markdown export", buf, len);
	check_md_table(buf);
	free(buf);

	buf = NULL;
	out = open_memstream(&buf, &len);
	FUZZ_CHECK(out, "open_memstream");
	struct review_doc doc = { model, s };
	review_report_write(out, REVIEW_HTML, &doc, 1, false);
	fclose(out);
	check_safe_text("html export", buf, len);
	for (const char *p = buf; (p = strchr(p, '<')); p++)
		FUZZ_CHECK(p[1] == '/' || p[1] == '!' ||
				   (p[1] >= 'a' && p[1] <= 'z'),
			   "html export: a '<' that opens no tag at %zu",
			   (size_t)(p - buf));
	free(buf);

	buf = NULL;
	out = open_memstream(&buf, &len);
	FUZZ_CHECK(out, "open_memstream");
	for (size_t i = 0; i < n; i++)
		notes_dump_for(out, s, notes_get(s, i)->target, 2, 40);
	notes_dump_for(out, s, "kq1", 0, 0);
	fclose(out);
	check_safe_text("dump", buf, len);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct notes_error err;

	if (!model)
		setup();
	clean_dir(ndir);
	write_file(own_file, data, size);
	write_file(other_file, data, size);

	struct notes_store *s = notes_open(minutes_path, model, "fuzz", &err);
	FUZZ_CHECK(s, "notes_open: %s", err.msg);
	read_store(s);
	if (!notes_readonly(s) && notes_count(s) > 0) {
		const struct note *first = NULL;
		for (size_t i = 0; i < notes_count(s) && !first; i++)
			if (notes_get(s, i)->own)
				first = notes_get(s, i);
		if (first) {
			char id[256];
			snprintf(id, sizeof(id), "%s", first->id);
			(void)notes_toggle_status(s, id, &err);
			read_store(s);
			(void)notes_reply(s, id, NOTES_RESPONSE, NOTES_ACCEPTED,
					  "ok", NULL, &err);
			(void)notes_signoff(s, "ký", &err);
			read_store(s);
			(void)notes_reload(s, &err);
			read_store(s);
		}
	}
	char *label = notes_review_label(s);
	check_str("review state", label);
	free(label);
	notes_close(s);
	/* the merge driver on the same bytes as both sides: merged or
	 * refused, the result readable again */
	char merged[340];
	snprintf(merged, sizeof(merged), "%s/merged.xml", root);
	write_file(merged, data, size);
	if (notes_merge_files(other_file, merged, other_file, &err) == 0) {
		struct stat st;
		FUZZ_CHECK(stat(merged, &st) == 0 && st.st_size > 0,
			   "the merge emptied the file");
	}
	return 0;
}
