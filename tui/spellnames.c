/* spellnames.c - the names the spelling check knows (see spellnames.h). */
#include <stddef.h>
#include <string.h>

#include "spellnames.h"

const char *const spell_national_names[] = {
	"h\xE1\xBB\x93 ch\xC3\xAD minh",                          /* Hồ Chí Minh */
	"v\xC3\xB5 nguy\xC3\xAAn gi\xC3\xA1p",                    /* Võ Nguyên Giáp */
	"t\xC3\xB4n \xC4\x91\xE1\xBB\xA9\x63 th\xE1\xBA\xAFng",    /* Tôn Đức Thắng */
	"ph\xE1\xBA\xA1m v\xC4\x83n \xC4\x91\xE1\xBB\x93ng",      /* Phạm Văn Đồng */
	"nguy\xE1\xBB\x85n \xC3\xA1i qu\xE1\xBB\x91\x63",          /* Nguyễn Ái Quốc */
	"tr\xE1\xBA\xA7n h\xC6\xB0ng \xC4\x91\xE1\xBA\xA1o",      /* Trần Hưng Đạo */
	NULL
};

bool
spell_is_honorific(const char *folded)
{
	static const char *const words[] = {
		"\xC3\xB4ng", "b\xC3\xA0", "anh", "ch\xE1\xBB\x8B", "c\xC3\xB4",
		"ch\xC3\xBA", "b\xC3\xA1\x63", "em", "\xC4\x91/c", NULL
	};

	for (const char *const *w = words; *w; w++)
		if (strcmp(*w, folded) == 0)
			return true;
	return false;
}
