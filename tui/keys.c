/* keys.c - key names and replay scripts. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "keys.h"
#include "nls.h"
#include "xalloc.h"
#include "text.h"

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "Down", KEY_FN_BASE + KEY_DOWN },
	{ "Up", KEY_FN_BASE + KEY_UP },
	{ "Left", KEY_FN_BASE + KEY_LEFT },
	{ "Right", KEY_FN_BASE + KEY_RIGHT },
	{ "PageDown", KEY_FN_BASE + KEY_NPAGE },
	{ "PageUp", KEY_FN_BASE + KEY_PPAGE },
	{ "Home", KEY_FN_BASE + KEY_HOME },
	{ "End", KEY_FN_BASE + KEY_END },
	{ "Del", KEY_FN_BASE + KEY_DC },
	{ "S-Tab", KEY_FN_BASE + KEY_BTAB },
	{ "Tab", KEYC_TAB },
	{ "Enter", KEYC_ENTER },
	{ "Esc", KEYC_ESC },
	{ "BS", KEYC_BS },
	{ "Space", ' ' },
	{ "lt", '<' },
	{ "PasteStart", KEYC_PASTE_START },
	{ "PasteEnd", KEYC_PASTE_END },
};

int
key_from_input(int ret_is_fn, unsigned wch)
{
	if (ret_is_fn) {
		switch (wch) {
		case KEY_ENTER: return KEYC_ENTER;
		case KEY_BACKSPACE: return KEYC_BS;
		case KEYS_NC_PASTE_START: return KEYC_PASTE_START;
		case KEYS_NC_PASTE_END: return KEYC_PASTE_END;
		default: return KEY_FN_BASE + (int)wch;
		}
	}
	switch (wch) {
	case '\n': return KEYC_ENTER;
	case 8: return KEYC_BS;
	default: return wch < KEY_FN_BASE ? (int)wch : -1;
	}
}

int
key_parse(const char *name, size_t len)
{
	if (len == 0)
		return -1;
	if (name[0] != '<' || len == 1) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)name,
						      (utf8proc_ssize_t)len, &c);
		return n > 0 && (size_t)n == len && c >= 32 && c != 127 ? c : -1;
	}
	if (name[len - 1] != '>')
		return -1;
	name++;
	len -= 2;
	for (size_t i = 0; i < sizeof(key_names) / sizeof(*key_names); i++)
		if (strlen(key_names[i].name) == len &&
		    memcmp(key_names[i].name, name, len) == 0)
			return key_names[i].key;
	if (len == 3 && name[0] == 'C' && name[1] == '-' &&
	    name[2] >= 'a' && name[2] <= 'z')
		return name[2] & 0x1f;
	if ((len == 2 || len == 3) && name[0] == 'F' && name[1] >= '1' &&
	    name[1] <= '9') {
		int n = name[1] - '0';
		if (len == 3) {
			if (name[2] < '0' || name[2] > '9')
				return -1;
			n = n * 10 + name[2] - '0';
		}
		return n <= 12 ? KEY_FN_BASE + KEY_F(n) : -1;
	}
	return -1;
}

const char *
keys_name(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof(key_names) / sizeof(*key_names); i++)
		if (key_names[i].key == key) {
			snprintf(buf, size, "<%s>", key_names[i].name);
			return buf;
		}
	if (KEY_IS_MOUSE(key)) {
		snprintf(buf, size, "%s", key == KEYC_CLICK ? "<Click>"
				   : key == KEYC_WHEEL_UP ? "<WheelUp>" : "<WheelDown>");
	} else if (key >= 1 && key < 32) {
		snprintf(buf, size, "<C-%c>", key + 'a' - 1);
	} else if (KEY_IS_FN(key) && key - KEY_FN_BASE >= KEY_F(1) &&
		   key - KEY_FN_BASE <= KEY_F(12)) {
		snprintf(buf, size, "<F%d>", key - KEY_FN_BASE - KEY_F0);
	} else if (!KEY_IS_FN(key) && key >= 32) {
		utf8proc_uint8_t u[8];
		utf8proc_ssize_t n = utf8proc_encode_char(key, u);
		snprintf(buf, size, "%.*s", (int)n, (char *)u);
	} else {
		snprintf(buf, size, "<?>");
	}
	return buf;
}

static bool
script_push(struct key_script *s, size_t *cap, int key, int cols, int rows)
{
	if (s->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		s->keys = xreallocarray(s->keys, nc, sizeof(int));
		s->cols = xreallocarray(s->cols, nc, sizeof(int));
		s->rows = xreallocarray(s->rows, nc, sizeof(int));
		*cap = nc;
	}
	s->keys[s->n] = key;
	s->cols[s->n] = cols;
	s->rows[s->n] = rows;
	s->n++;
	return true;
}

/* "text": each character typed in turn */
static bool
script_text(struct key_script *s, size_t *cap, const char *p, size_t len)
{
	while (len > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p,
						      (utf8proc_ssize_t)len, &c);
		if (n <= 0)
			return false;
		if (!script_push(s, cap, c, 0, 0))
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* A decimal number of plain digits at *P (before END), MIN to MAX: moves
 * *P past it.  No sign, no space, no overflow (at most 4 digits). */
static bool
read_number(const char **p, const char *end, int min, int max, int *out)
{
	int v = 0, digits = 0;

	while (*p < end && **p >= '0' && **p <= '9') {
		if (++digits > 4)
			return false;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	if (digits == 0 || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static bool
script_line(struct key_script *s, size_t *cap, const char *p, size_t len)
{
	int cols, rows, key;

	if (len >= 2 && p[0] == '"' && p[len - 1] == '"')
		return script_text(s, cap, p + 1, len - 2);
	if (len > 8 && memcmp(p, "<Resize ", 8) == 0 && p[len - 1] == '>') {
		const char *q = p + 8, *end = p + len - 1;
		if (!read_number(&q, end, 1, 1000, &cols) || q >= end || *q++ != 'x' ||
		    !read_number(&q, end, 1, 1000, &rows) || q != end)
			return false;
		return script_push(s, cap, KEY_FN_BASE + KEY_RESIZE, cols, rows);
	}
	static const struct {
		const char *name;
		int key;
	} mouse[] = {
		{ "<Click ", KEYC_CLICK },
		{ "<WheelUp ", KEYC_WHEEL_UP },
		{ "<WheelDown ", KEYC_WHEEL_DOWN },
	};
	for (size_t i = 0; i < sizeof(mouse) / sizeof(*mouse); i++) {
		size_t n = strlen(mouse[i].name);
		int x, y;
		if (len <= n || memcmp(p, mouse[i].name, n) != 0)
			continue;
		const char *q = p + n, *end = p + len - 1;
		if (p[len - 1] != '>' || !read_number(&q, end, 0, 999, &x) ||
		    q >= end || *q++ != ',' || !read_number(&q, end, 0, 999, &y) ||
		    q != end)
			return false;
		return script_push(s, cap, mouse[i].key, x, y);
	}
	key = key_parse(p, len);
	return key >= 0 && script_push(s, cap, key, 0, 0);
}

bool
key_script_parse(const char *buf, size_t len, struct key_script *out,
		 char *err, size_t errsize)
{
	size_t cap = 0, lineno = 0;
	const char *end = buf + len;

	memset(out, 0, sizeof(*out));
	while (buf < end) {
		const char *nl = memchr(buf, '\n', (size_t)(end - buf));
		const char *le = nl ? nl : end;
		lineno++;
		while (le > buf && (le[-1] == '\r' || le[-1] == ' '))
			le--;
		if (le > buf && buf[0] != '#' &&
		    !script_line(out, &cap, buf, (size_t)(le - buf))) {
			/* quoted safe and cut by characters, not bytes */
			char quoted[256];
			text_truncate(buf, (size_t)(le - buf), 40, quoted,
				      sizeof(quoted));
			snprintf(err, errsize, "%zu: %s '%s'", lineno,
				 _("not a key name"), quoted);
			key_script_free(out);
			return false;
		}
		buf = nl ? nl + 1 : end;
	}
	return true;
}

void
key_script_free(struct key_script *s)
{
	free(s->keys);
	free(s->cols);
	free(s->rows);
	memset(s, 0, sizeof(*s));
}
