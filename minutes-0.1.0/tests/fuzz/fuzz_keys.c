/* fuzz_keys.c - the replay-script parser (key_script_parse) on any bytes.
 *
 * A script parses or fails with "LINE: message"; a parsed one has
 * resize sizes only on resize steps, within 1..1000, and every key whose
 * name parses back names that same key. */
#include <curses.h>
#include <string.h>

#include "fuzz.h"
#include "keys.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct key_script ks;
	char err[128];

	memset(err, 'X', sizeof(err));
	if (!key_script_parse((const char *)data, size, &ks, err, sizeof(err))) {
		FUZZ_CHECK(memchr(err, '\0', sizeof(err)), "error not terminated");
		FUZZ_CHECK(err[0] >= '1' && err[0] <= '9', "error without a line: %s",
			   err);
		FUZZ_CHECK(ks.n == 0 && !ks.keys && !ks.cols && !ks.rows,
			   "a failed parse left keys");
		return 0;
	}
	FUZZ_CHECK(ks.n == 0 || (ks.keys && ks.cols && ks.rows), "arrays");
	FUZZ_CHECK(ks.n <= size, "%zu keys from %zu bytes", ks.n, size);
	for (size_t i = 0; i < ks.n; i++) {
		int k = ks.keys[i];
		if (k == KEY_FN_BASE + KEY_RESIZE) {
			FUZZ_CHECK(ks.cols[i] >= 1 && ks.cols[i] <= 1000 &&
					   ks.rows[i] >= 1 && ks.rows[i] <= 1000,
				   "resize to %dx%d", ks.cols[i], ks.rows[i]);
			continue;
		}
		if (KEY_IS_MOUSE(k)) {
			FUZZ_CHECK(ks.cols[i] >= 0 && ks.cols[i] < 1000 &&
					   ks.rows[i] >= 0 && ks.rows[i] < 1000,
				   "mouse at %d,%d", ks.cols[i], ks.rows[i]);
			continue;
		}
		FUZZ_CHECK(ks.cols[i] == 0 && ks.rows[i] == 0,
			   "size on a non-resize, non-mouse key");
		FUZZ_CHECK(k >= 0, "negative key %d", k);
		char name[64];
		const char *nm = keys_name(k, name, sizeof(name));
		FUZZ_CHECK(nm && memchr(nm, '\0', sizeof(name)), "key name");
		int back = key_parse(nm, strlen(nm));
		FUZZ_CHECK(back < 0 || back == k, "key %d named %s parses as %d", k,
			   nm, back);
	}
	/* key_parse alone on the first line too */
	const char *nl = memchr(data, '\n', size);
	(void)key_parse((const char *)data, nl ? (size_t)(nl - (const char *)data)
					       : size);
	key_script_free(&ks);
	FUZZ_CHECK(ks.n == 0 && !ks.keys, "key_script_free");
	return 0;
}
