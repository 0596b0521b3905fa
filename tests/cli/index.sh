# index.sh - the archive index from the command line: an indexed --search
# prints what a scan (--no-index) prints, line for line, stdout, stderr
# and exit status, on generated archives edited, pruned and renamed
# between runs and on the held archives; --reindex; the fallbacks; which
# modes never touch the index.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME
unset MINUTES_REVIEWER
cache=$XDG_CACHE_HOME/minutes
GEN=${GEN:-$top_builddir/tests/bench/gen}

# run CMD...: sets $out, $err and $rc
run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# same WHAT QUERY ARG...: the indexed search and the scan agree
same() {
	what=$1 q=$2
	shift 2
	"$MINUTES" --search "$q" "$@" >"$tmp/i.out" 2>"$tmp/i.err"
	irc=$?
	"$MINUTES" --no-index --search "$q" "$@" >"$tmp/s.out" 2>"$tmp/s.err"
	src=$?
	is "$(cat "$tmp/i.out")" "$(cat "$tmp/s.out")" "$what: '$q': the same lines ($(wc -l <"$tmp/s.out" | tr -d ' '))"
	is "$(cat "$tmp/i.err")" "$(cat "$tmp/s.err")" "$what: '$q': the same messages"
	is "$irc" "$src" "$what: '$q': the same exit status"
}

queries() { # queries WHAT DIR
	for q in 'dai doan ket' 'huyện' 'HUYỆN' 'ng' 'a' 'Đoàn kết mới' 'hoà thuận' 'nguyen' '100%' 'zzzq' \
		'ủy ban nhân dân huyện' '"đoàn'; do
		same "$1" "$q" "$2"
	done
}

# --- the held archives ----------------------------------------------------
for d in data tests/fixtures tests; do
	queries "held archive $d" "$d"
	same "held archive $d, warm" 'dai doan ket' "$d"
done
same "two folders and a file" 'ủy ban' data tests/fixtures/valid-full.xml tests/fixtures
same "a folder with a trailing slash" 'ủy ban' data/

# --- which modes use it ---------------------------------------------------
rm -rf "$XDG_CACHE_HOME"
run "$MINUTES" --no-index --search 'dai doan ket' data
is "$rc" 0 "--no-index: exit 0"
is "$(ls -A "$XDG_CACHE_HOME" 2>/dev/null)" "" "--no-index: no index is made"
run "$MINUTES" --search 'dai doan ket' data/ngan-son-2020.xml
run "$MINUTES" --check data
run "$MINUTES" --dump data/ngan-son-2020.xml
is "$(ls -A "$XDG_CACHE_HOME" 2>/dev/null)" "" "a single file, --check, --dump: no index is made"
run "$MINUTES" --search 'dai doan ket' data
is "$(ls "$cache" | sed 's/-[0-9a-f]*\.sqlite$/-HASH.sqlite/' | sort -u)" "data-HASH.sqlite" "--search DIR makes DIR's index"
is "$(stat -c %a "$cache")" 700 "the cache folder is 0700"
is "$(stat -c %a "$cache"/data-*.sqlite)" 600 "the index is 0600"

# --- --reindex ------------------------------------------------------------
run "$MINUTES" --reindex data
is "$rc" 0 "--reindex: exit 0"
is "$out" "data: $(ls data/*.xml | wc -l | tr -d ' ') files indexed" "--reindex: says how many files"
is "$err" "" "--reindex: nothing on stderr"
run "$MINUTES" --reindex data/ngan-son-2020.xml
is "$rc" 2 "--reindex FILE: exit 2"
is "$err" "data/ngan-son-2020.xml: error: --reindex wants a folder" "--reindex FILE: says it wants a folder"
run "$MINUTES" --reindex
is "$err" "minutes: no FILE given
Try 'minutes --help' for more information." "--reindex without DIR"

# --- the fallbacks --------------------------------------------------------
want=$("$MINUTES" --no-index --search 'dai doan ket' data)
for db in "$cache"/data-*.sqlite; do
	head -c 8192 /dev/zero | tr '\0' 'x' >"$db"
	rm -f "$db-wal" "$db-shm"
done
run "$MINUTES" --search 'dai doan ket' data
is "$out" "$want" "a damaged index: the scan's lines"
is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "a damaged index: one message"
case $err in
"minutes: the index of data cannot be used ("*"is damaged"*"'minutes --reindex' makes it again): reading the files instead") r=0 ;;
*) r=1 ;;
esac
ok $r "a damaged index: the message says so and how to mend it"
run "$MINUTES" --reindex data
is "$rc" 0 "--reindex mends a damaged index"
run "$MINUTES" --search 'dai doan ket' data
is "$err" "" "... and the next search has nothing to say"
is "$out" "$want" "... nor other lines"

: >"$tmp/blocker"
run env XDG_CACHE_HOME="$tmp/blocker" "$MINUTES" --search 'dai doan ket' data
is "$out" "$want" "an unwritable cache: the scan's lines"
is "$err" "minutes: the index of data cannot be used ($tmp/blocker/minutes: Not a directory): reading the files instead" "an unwritable cache: one message"
run env XDG_CACHE_HOME=relative HOME="$tmp/home" "$MINUTES" --search 'dai doan ket' data
is "$(ls "$tmp/home/.cache/minutes" | sed 's/-[0-9a-f]*\.sqlite$/-HASH.sqlite/' | sort -u)" \
	"data-HASH.sqlite" "a relative XDG_CACHE_HOME is ignored: ~/.cache/minutes"

# --- generated archives, changed between runs ------------------------------
if ! [ -x "$GEN" ]; then
	skip "generated archives" "no $GEN"
	done_testing
	exit
fi
a=$tmp/archive
"$GEN" -s 7 -f 40 2000 800000 data/ngan-son-2020.xml "$a" >/dev/null 2>&1
# two processes building the same index at once (WAL, busy timeout)
want=$("$MINUTES" --no-index --search 'dai doan ket' "$a")
for p in 1 2; do
	(env XDG_CACHE_HOME="$tmp/cache2" "$MINUTES" --search 'dai doan ket' "$a" \
		>"$tmp/p$p.out" 2>"$tmp/p$p.err"; echo $? >"$tmp/p$p.rc") &
done
wait
for p in 1 2; do
	is "$(cat "$tmp/p$p.out")" "$want" "two at once: process $p has the scan's lines"
	is "$(cat "$tmp/p$p.err")" "" "two at once: process $p has nothing to say"
	is "$(cat "$tmp/p$p.rc")" 0 "two at once: process $p exits 0"
done
(env XDG_CACHE_HOME="$tmp/cache2" "$MINUTES" --reindex "$a" >/dev/null 2>&1) &
env XDG_CACHE_HOME="$tmp/cache2" "$MINUTES" --search 'dai doan ket' "$a" >"$tmp/p3.out" 2>/dev/null
wait
is "$(cat "$tmp/p3.out")" "$want" "a search while --reindex runs: the scan's lines"

queries "generated, first run" "$a"
queries "generated, warm" "$a"

# round 1: edits, a same-size edit with its times put back, deletions,
# renames, new, invalid and broken files, a symbolic link
set -- $(find "$a" -name '*.xml' | LC_ALL=C sort)
sed -i 's/đoàn kết/Đoàn kết mới/' "$1"
cp -p "$2" "$tmp/times"
sed -i 's/huyện/HUYỆN/' "$2"
touch -r "$tmp/times" "$2"
is "$(wc -c <"$2")" "$(wc -c <"$tmp/times")" "the same-size edit keeps the size"
rm -f "$3" "$4"
mv "$5" "${5%.xml}-moved.xml"
mkdir -p "$a/2030"
mv "$6" "$a/2030/"
cp data/ban-ke-hoach-2021.xml "$a/2030/new.xml"
cp tests/fixtures/hostile-truncated.xml "$a/2030/broken.xml"
cp tests/fixtures/invalid-bad-date.xml "$a/2030/invalid.xml"
ln -s "$PWD/data/ngan-son-2020.xml" "$a/2030/link.xml"
queries "generated, after edits, deletions and renames" "$a"

# round 2: a file mended, one broken, one emptied, a folder gone, a link
# pointed elsewhere, notes added
cp data/ngan-son-2020.xml "$a/2030/broken.xml"
head -c 300 "$7" >"$tmp/cut" && cat "$tmp/cut" >"$7"
: >"$8"
rm -rf "$a/2019"
ln -sf "$PWD/data/ban-ke-hoach-2021.xml" "$a/2030/link.xml"
mkdir -p "$a/2030/new.notes"
cp tests/fixtures/notes/*.xml "$a/2030/new.notes/" 2>/dev/null
queries "generated, after a second round" "$a"

# round 3: everything gone, then back
mv "$a" "$tmp/away"
mkdir "$a"
same "generated, emptied" 'dai doan ket' "$a"
rmdir "$a"
mv "$tmp/away" "$a"
queries "generated, back" "$a"
run "$MINUTES" --reindex "$a"
is "$err" "" "--reindex of the generated archive: nothing on stderr"
queries "generated, after --reindex" "$a"

# Ctrl-C during a build: what is done is kept, the next run completes it
big=$tmp/big
"$GEN" -s 11 -f 300 48000 9600000 data/ngan-son-2020.xml "$big" >/dev/null 2>&1
export XDG_CACHE_HOME=$tmp/cache3
"$MINUTES" --reindex "$big" >"$tmp/int.out" 2>"$tmp/int.err" &
pid=$!
sleep 0.2
kill -INT "$pid" 2>/dev/null
wait "$pid"
irc=$?
case $irc in
130)
	is "$(cat "$tmp/int.err")" "minutes: interrupted: the index keeps the files done so far, the next run goes on" \
		"Ctrl-C during a build: says what is kept"
	if command -v sqlite3 >/dev/null 2>&1; then
		kept=$(sqlite3 "$tmp"/cache3/minutes/big-*.sqlite 'SELECT count(*) FROM files')
		[ "$kept" -gt 0 ] && [ "$kept" -lt 300 ]
		ok $? "Ctrl-C during a build: a partial index is kept ($kept of 300 files)"
	else
		skip "Ctrl-C during a build: the partial index" "no sqlite3 (Debian: apt-get install sqlite3)"
	fi
	;;
0) skip "Ctrl-C during a build: the message" "the build was done before the signal" ;;
*) ok 1 "Ctrl-C during a build: exit status $irc, not 130 (or 0 when it was done)" ;;
esac
same "after Ctrl-C during a build" 'dai doan ket' "$big"

done_testing
