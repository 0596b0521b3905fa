# man.sh - the Vietnamese man page keeps in step with the English one:
# both list the options --help lists (in OPTIONS / TÙY CHỌN), the same
# keys in the same order (KEYS / PHÍM), the same version, and both render
# without a groff warning.  A new option or key goes into both pages.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
en="$top_srcdir/doc/minutes.1"
vi="$top_srcdir/doc/minutes.vi.1"

# section PAGE NAME: the lines of one .SH section
section() {
	awk -v name="$2" '
		/^\.SH / { on = (substr($0, 5) == name || substr($0, 5) == "\"" name "\"") ; next }
		on' "$1"
}

# options PAGE NAME: the long options of the tagged paragraphs, sorted
options() {
	section "$1" "$2" | awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' |
		sed 's/\\-/-/g' | grep -o -- '--[a-z][a-z-]*' | sort -u
}

# keys PAGE NAME: the key lines of the tagged paragraphs, in order, up to
# the first subsection
keys() {
	section "$1" "$2" | sed '/^\.SS /,$d' |
		awk 'tag { print; tag = 0 } /^\.T[PQ]/ { tag = 1 }'
}

help_opts=$("$MINUTES" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
en_opts=$(options "$en" OPTIONS)
vi_opts=$(options "$vi" "TÙY CHỌN")
[ -n "$help_opts" ]
ok $? "--help lists options"
is "$en_opts" "$help_opts" "minutes.1 OPTIONS documents the options of --help"
is "$vi_opts" "$en_opts" "minutes.vi.1 TÙY CHỌN documents the same options as minutes.1"

en_keys=$(keys "$en" KEYS)
vi_keys=$(keys "$vi" "PHÍM")
[ "$(printf '%s\n' "$en_keys" | wc -l)" -gt 20 ]
ok $? "minutes.1 KEYS lists the keys ($(printf '%s\n' "$en_keys" | wc -l))"
is "$vi_keys" "$en_keys" "minutes.vi.1 PHÍM lists the same keys in the same order"

# the same outline: as many sections and subsections, in the same order
# of levels
outline() { sed -n 's/^\.\(S[HS]\) .*/\1/p' "$1" | tr '\n' ' '; }
is "$(outline "$vi")" "$(outline "$en")" \
	"minutes.vi.1 has the sections and subsections of minutes.1"

th() { sed -n 's/^\.TH [^"]*"[^"]*" "\([^"]*\)".*/\1/p' "$1"; }
is "$(th "$vi")" "$(th "$en")" "both pages are for the same version"
is "$(head -n 1 "$vi")" '.\" -*- coding: UTF-8 -*-' \
	"minutes.vi.1 says it is UTF-8 (for preconv and man-db)"

# the English page keeps to its header's rule: ASCII, every other
# character as a \[uXXXX] escape (groff reads it in any locale)
LC_ALL=C grep -n '[^ -~]' "$en" | head -3 >"$tmp/en.nonascii"
is "$(cat "$tmp/en.nonascii")" "" "minutes.1 is ASCII (\\[uXXXX] for the rest)"

if command -v groff >/dev/null 2>&1; then
	LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z "$vi" >"$tmp/vi.warn" 2>&1
	is "$?:$(cat "$tmp/vi.warn")" "0:" "minutes.vi.1 renders without a warning"
	LC_ALL=C.UTF-8 groff -k -man -Tutf8 -P-cbou "$vi" 2>/dev/null >"$tmp/vi.txt"
	grep -q '^TÙY CHỌN$' "$tmp/vi.txt" && grep -q 'Xuống một dòng\.' "$tmp/vi.txt"
	ok $? "minutes.vi.1 renders its Vietnamese text"
else
	skip "minutes.vi.1 renders without a warning" "groff not found (Debian: groff-base)"
fi
done_testing
