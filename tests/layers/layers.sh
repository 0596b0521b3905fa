# layers.sh - the shape of tui/: no two files call each other in a
# circle, the core and the middle never use curses nor the curses layer,
# and no file of the browser is over 1,500 lines.  The calls are read by
# tests/layers/calls.py (python3; without it the checks are skipped).
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the thin curses layer, the only files that may include curses: the
# program's own sources in Makefile.am (tui_minutes_SOURCES); the core
# (libcore.a) and the middle (libbrowser.a) are everything else
CURSES_LAYER=$(sed -n '/^tui_minutes_SOURCES *=/,/^[^	]/p' "$top_srcdir/Makefile.am" |
	tr ' \t\\' '\n\n\n' | sed -n 's|^tui/\(.*\.c\)$|\1|p' | tr '\n' ' ')

if ! command -v python3 >/dev/null 2>&1; then
	skip "no circles in tui/" "python3 is not installed (Debian: python3)"
	skip "no curses below the curses layer" "python3 is not installed"
	skip "the checker finds a circle" "python3 is not installed"
	skip "the curses layer is read from Makefile.am" "python3 is not installed"
	done_testing
	exit 0
fi
calls="$top_srcdir/tests/layers/calls.py"
is "$(printf '%s\n' $CURSES_LAYER | grep -c -e '^ui\.c$' -e '^screen\.c$' -e '^draw\.c$')" 3 \
	"the curses layer is read from Makefile.am"
out=$(python3 "$calls" "$top_srcdir/tui" --curses "$CURSES_LAYER")
is "$(printf '%s\n' "$out" | grep '^circle:')" "" "no circles in tui/"
is "$(printf '%s\n' "$out" | grep '^layer:')" "" "no curses below the curses layer"

# the checker itself: a circle of two and a layer break are found
mkdir -p "$tmp/t"
printf 'void\nf(void)\n{\n\tg();\n}\n' >"$tmp/t/a.c"
printf '#include <curses.h>\nvoid\ng(void)\n{\n\tf(); /* h() */\n}\n' >"$tmp/t/b.c"
printf 'static void\nh(void)\n{\n\tf();\n}\n' >"$tmp/t/c.c"
is "$(python3 "$calls" "$tmp/t" --curses "x.c")" "circle: a.c b.c
layer: b.c includes curses
files: 3" "the checker finds a circle and curses below the curses layer"

# sizes: every file of tui/ stays under 1,500 lines
for f in "$top_srcdir"/tui/*.c "$top_srcdir"/tui/*.h; do
	n=$(wc -l <"$f")
	[ "$n" -le 1500 ] || echo "$(basename "$f"): $n lines"
done >"$tmp/big"
is "$(cat "$tmp/big")" "" "no file of the browser is over 1,500 lines"
done_testing
