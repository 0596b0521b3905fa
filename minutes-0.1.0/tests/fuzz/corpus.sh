# corpus.sh - replays each fuzz target's seed corpus through its replay
# program (tests/fuzz/replay_NAME: the fuzz target without libFuzzer).
# A target aborts on a broken property, the sanitizers on a memory bug.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$top_srcdir
fz=$top_builddir/tests/fuzz
# under make check-valgrind, the replay programs run under valgrind too
if [ -n "${VALGRIND_PROGRAM:-}" ]; then
	wrap() { "$top_srcdir/tests/valgrind-wrap.sh" --exec "$@"; }
else
	wrap() { "$@"; }
fi

# replay NAME INPUT...: one test for the whole corpus
replay() {
	name=$1
	shift
	wrap "$fz/replay_$name" -v "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	n=$(sed -n 's/^replayed \([0-9]*\) inputs*$/\1/p' "$tmp/out")
	if [ "$rc" -eq 0 ] && [ "${n:-0}" -gt 0 ]; then
		ok 0 "replay_$name: $n seeds"
	else
		ok 1 "replay_$name: exit $rc after ${n:-?} seeds"
		# the last input named is the one that failed
		tail -n 20 "$tmp/err" | sed 's/^/# /'
	fi
}

replay loader "$src/tests/fuzz/corpus/loader" "$src/data"/*.xml \
	"$src/tests/fixtures"/*.xml
replay text "$src/tests/fuzz/corpus/text"
replay notes "$src/tests/fuzz/corpus/notes" "$src/tests/fixtures/notes"/*.xml
replay keys "$src/tests/fuzz/corpus/keys" "$src/tests/screens"/*.keys

# the replay driver itself
"$fz/replay_keys" >/dev/null 2>&1
is "$?" 2 "replay driver: no argument is a usage error"
"$fz/replay_keys" "$tmp/absent" >/dev/null 2>"$tmp/err"
is "$?" 1 "replay driver: a missing file fails"
is "$(cat "$tmp/err")" "replay: $tmp/absent: No such file or directory" \
	"replay driver: names the missing file"
done_testing
