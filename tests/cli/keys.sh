# keys.sh - the manual lists every bound key: each key of each row of
# tui/actions.def appears in doc/minutes.1's KEYS section (the browser's
# keys as .B/.BR items, the line editor's in its paragraph too).
# Without python3 the check is skipped.
. "$top_srcdir/tests/tap.sh"

if ! command -v python3 >/dev/null 2>&1; then
	skip "the manual lists every bound key" "python3 is not installed (Debian: python3)"
	done_testing
	exit 0
fi
keys_py="$top_srcdir/tests/cli/keys.py"
is "$(python3 "$keys_py" "$top_srcdir/tui/actions.def" "$top_srcdir/doc/minutes.1")" "" \
	"the manual's KEYS section lists every key of actions.def"

# the check itself: a key the manual does not have is found
def="${TMPDIR:-/tmp}/keys-$$.def"
sed 's/"quit-now",     "Q"/"quit-now",     "Q <F7> <C-t>"/' \
	"$top_srcdir/tui/actions.def" >"$def"
is "$(python3 "$keys_py" "$def" "$top_srcdir/doc/minutes.1")" "quit-now: F7
quit-now: Ctrl-T" "a key missing from the manual is found"
rm -f "$def"
done_testing
