/* keys.h - key names: the grammar shared by the bindings, the help
 * screen and --replay scripts. */
#ifndef MINUTES_KEYS_H
#define MINUTES_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* A key is a Unicode code point (control characters included) or a
 * curses function key, KEY_FN_BASE + KEY_xxx. */
#define KEY_FN_BASE 0x110000
#define KEY_IS_FN(k) ((k) >= KEY_FN_BASE)

enum { KEYC_INTR = 3, KEYC_TAB = 9, KEYC_ENTER = 13, KEYC_ESC = 27, KEYC_BS = 127 };

/* Mouse events (--mouse), as keys beyond curses' own: the cell they
 * happened on (column and row from 0) goes beside them, in a script's
 * cols/rows arrays. */
enum {
	KEYC_CLICK = KEY_FN_BASE + 0x10000,
	KEYC_WHEEL_UP,
	KEYC_WHEEL_DOWN,
	/* bracketed paste: what the terminal sends around pasted text
	 * (ESC [ 200 ~ and ESC [ 201 ~); <PasteStart> and <PasteEnd> in a
	 * script */
	KEYC_PASTE_START,
	KEYC_PASTE_END,
};
#define KEY_IS_MOUSE(k) ((k) >= KEYC_CLICK && (k) <= KEYC_WHEEL_DOWN)

/* The curses key codes the browser gives the paste marks (define_key),
 * which key_from_input turns into KEYC_PASTE_START and KEYC_PASTE_END:
 * above every code curses gives a terminal's own keys (KEY_MAX is 0777,
 * extended keys follow it). */
#define KEYS_NC_PASTE_START (0777 + 0x200)
#define KEYS_NC_PASTE_END (0777 + 0x201)

/* One canonical code for what get_wch returned (Enter, Backspace ...
 * arrive in several forms). */
int key_from_input(int ret_is_fn, unsigned wch);

/* Parses one key name ("j", "<Down>", "<C-l>", "<F1>") of LEN bytes; -1
 * when it is not a key name. */
int key_parse(const char *name, size_t len);

/* The name of a key in the same grammar. */
const char *keys_name(int key, char *buf, size_t size);

/* A replay script, parsed: keys in order.  A resize is recorded as
 * KEY_FN_BASE + KEY_RESIZE with its size in the parallel arrays. */
struct key_script {
	int *keys;
	int *cols, *rows; /* for resize steps, 0 otherwise */
	size_t n;
};

/* Parses a script: one key per line, "#" comments, "text" lines type
 * text, "<Resize WxH>" resizes, "<Click X,Y>", "<WheelUp X,Y>" and
 * "<WheelDown X,Y>" are the mouse on column X, row Y (from 0).  On error writes "LINE: message" into
 * ERR and returns false. */
bool key_script_parse(const char *buf, size_t len, struct key_script *out,
		      char *err, size_t errsize);
void key_script_free(struct key_script *s);

#endif
