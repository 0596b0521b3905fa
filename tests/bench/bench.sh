# bench.sh - `make bench`: how fast minutes is on big input, as ratios
# against references run in the same invocation.  POSIX sh and awk.
#
# From the Makefile's environment:
#   MINUTES   the program              XMLLINT   xmllint (libxml2-utils)
#   GEN       tests/bench/gen          RUNTIME   tests/bench/runtime
#   top_srcdir                         VALGRIND  valgrind, if any (optional)
# and, all optional:
#   BENCH_DIR      scratch folder for the data (default: bench-data)
#   BENCH_RESULTS  results file (default: bench-results.tsv); the one a
#                  previous run left is shown beside the new values
#   BENCH_RUNS     timed runs per figure, the median is kept (default 7)
#   BENCH_ITEMS, BENCH_BYTES, BENCH_FILES  the data's size (default
#                  150000 items, 30000000 bytes, an archive of 2000 files)
#   BENCH_KEYS     keys in the keystroke script (default 3000)
#   BENCH_INDEX_SIZES  archive sizes (files) the index is also measured on,
#                  to show how its costs grow (default: none besides
#                  BENCH_FILES; e.g. "20000": 75 items, 15 KB a file)
#   BENCH_LARGE=1  the same as BENCH_INDEX_SIZES=20000 (the issue's
#                  archive: 300 MB, some 15 minutes more on 2 cores)
#   BENCH_INDEX_RUNS   timed runs per figure on those (default 3)
#   BENCH_CLOCK    wall (default) or cpu: compare wall times, or the
#                  commands' user + system CPU times (steadier when other
#                  work shares the machine)
#   BENCH_STRICT=1 exit 1 when a target does not hold
#
# Every figure is the median of BENCH_RUNS runs after one warm-up run, on
# the monotonic clock, by tests/bench/runtime (fork, exec, wait4), which
# also reports the peak RSS; the keystrokes are timed by the program
# itself (--replay-time), so that loading the big file is not part of
# their figure.  Nothing here asserts a time in `make check`.

: "${MINUTES:?}" "${GEN:?}" "${RUNTIME:?}" "${top_srcdir:?}"
XMLLINT=${XMLLINT:-xmllint}
BENCH_DIR=${BENCH_DIR:-bench-data}
BENCH_RESULTS=${BENCH_RESULTS:-bench-results.tsv}
BENCH_RUNS=${BENCH_RUNS:-7}
BENCH_ITEMS=${BENCH_ITEMS:-150000}
BENCH_BYTES=${BENCH_BYTES:-30000000}
BENCH_FILES=${BENCH_FILES:-2000}
BENCH_KEYS=${BENCH_KEYS:-3000}
BENCH_CLOCK=${BENCH_CLOCK:-wall}
case $BENCH_CLOCK in
wall) field=1 ;;
cpu) field=5 ;;
*) echo "bench: BENCH_CLOCK is wall or cpu, not '$BENCH_CLOCK'" >&2; exit 2 ;;
esac
BENCH_INDEX_SIZES=${BENCH_INDEX_SIZES:-}
if [ "${BENCH_LARGE:-0}" = 1 ] && [ -z "$BENCH_INDEX_SIZES" ]; then
	BENCH_INDEX_SIZES=20000
fi
BENCH_INDEX_RUNS=${BENCH_INDEX_RUNS:-3}
LC_ALL=C.UTF-8
COLUMNS=120
LINES=40
export LC_ALL COLUMNS LINES
unset MINUTES_REVIEWER

sample=$top_srcdir/data/ngan-son-2020.xml
bench=$top_srcdir/tests/bench

if ! command -v "$XMLLINT" >/dev/null 2>&1; then
	echo "bench: xmllint is needed as the reference (Debian: apt-get install libxml2-utils)" >&2
	exit 1
fi

say() { printf '%s\n' "$*" >&2; }

load0=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)

# --- the data -----------------------------------------------------------
big=$BENCH_DIR/big.xml
small=$BENCH_DIR/small.xml
archive=$BENCH_DIR/archive
mkdir -p "$BENCH_DIR" || exit 1
# the archive indexes go to the bench's folder, never to ~/.cache
XDG_CACHE_HOME=$(cd "$BENCH_DIR" && pwd)/cache || exit 1
export XDG_CACHE_HOME
say "bench: generating $BENCH_ITEMS items in one file and in $BENCH_FILES files under $BENCH_DIR/ ..."
rm -rf "$archive"
"$GEN" "$BENCH_ITEMS" "$BENCH_BYTES" "$sample" "$big" >&2 || exit 1
"$GEN" -f "$BENCH_FILES" "$BENCH_ITEMS" "$BENCH_BYTES" "$sample" "$archive" >&2 || exit 1
# a tenth of the big file, for callgrind
"$GEN" $((BENCH_ITEMS / 10)) $((BENCH_BYTES / 10)) "$sample" "$small" >&2 || exit 1
find "$archive" -name '*.xml' | LC_ALL=C sort > "$BENCH_DIR/archive.list"
big_bytes=$(wc -c < "$big" | tr -d ' ')

# the data must be valid, or the figures mean nothing
if ! "$MINUTES" --check "$big" "$archive" "$small"; then
	say "bench: the generated data does not pass minutes --check"
	exit 1
fi

# the keys: the cycle repeated up to BENCH_KEYS key events
awk -v want="$BENCH_KEYS" '
	/^#/ || /^[ \t]*$/ { next }
	{ key[++n] = $0 }
	END {
		c = 0
		while (c < want)
			for (i = 1; i <= n && c < want; i++) {
				print key[i]
				if (key[i] ~ /^".*"$/) c += length(key[i]) - 2
				else c++
			}
	}' "$bench/keys.cycle" > "$BENCH_DIR/keys.keys"
keys=$BENCH_DIR/keys.keys
empty=$bench/empty.keys
screen=$BENCH_DIR/screen.txt

# --- measuring ------------------------------------------------------------
# measure NAME -- COMMAND... ::: BASELINE...: runs the two in turn (so that
# both see the same load), BENCH_RUNS times; sets NAME_t and NAME_base_t
# (median seconds on BENCH_CLOCK), NAME_rss (peak KB), NAME_ratio (median
# over the runs of COMMAND / BASELINE) and NAME_diff (median of COMMAND -
# BASELINE); all "" when a command failed.
measure() {
	name=$1
	shift
	say "bench: $name"
	if out=$("$RUNTIME" -n "$BENCH_RUNS" "$@"); then
		# shellcheck disable=SC2086
		set -- $out
		if [ "$field" = 1 ]; then
			eval "${name}_t=\$1 ${name}_base_t=\$6 ${name}_ratio=\${11} ${name}_diff=\${13}"
		else
			eval "${name}_t=\$5 ${name}_base_t=\${10} ${name}_ratio=\${12} ${name}_diff=\${14}"
		fi
		eval "${name}_rss=\$4"
	else
		say "bench: $name failed"
		eval "${name}_t= ${name}_base_t= ${name}_ratio= ${name}_diff= ${name}_rss="
	fi
}

# the archive's files as arguments (generated names: no white space)
# shellcheck disable=SC2046
set -- $(cat "$BENCH_DIR/archive.list")
measure check_big -- "$MINUTES" --check "$big" ::: "$XMLLINT" --noout --stream "$big"
measure check_archive -- "$MINUTES" --check "$archive" ::: "$XMLLINT" --noout "$@"
measure search_acc -- "$MINUTES" --no-index --search 'Đại đoàn kết' "$archive" ::: "$XMLLINT" --noout "$@"
measure search_unacc -- "$MINUTES" --no-index --search 'dai doan ket' "$archive" ::: "$XMLLINT" --noout "$@"
set --

# --- the archive index --------------------------------------------------
# index_figures TAG DIR: on the archive DIR (its files listed in
# DIR.list), against one xmllint pass over the same files:
#   TAG_first  a search that builds the index (the cache emptied each run)
#   TAG_warm   the same search, the index warm
#   TAG_nohit  a search that finds nothing: the stat pass and the query
#   TAG_edit   a search right after one file was edited (copied over
#              with a word in it found nowhere else), for that word
# and sets TAG_same (warm hits = --no-index hits) and TAG_found (the
# edited file's word found, once).
edit_word=Zqxedited
index_figures() {
	tag=$1 dir=$2
	# shellcheck disable=SC2046
	set -- $(cat "$dir.list")
	victim=$1
	cp "$victim" "$dir.orig"
	sed "0,/<item\([^>]*\)>/s//<item\1>$edit_word /" "$dir.orig" >"$dir.edited"
	measure "${tag}_first" -- sh -c 'rm -rf "$1"; exec "$2" --search "Đại đoàn kết" "$3"' sh \
		"$XDG_CACHE_HOME" "$MINUTES" "$dir" ::: "$XMLLINT" --noout "$@"
	measure "${tag}_warm" -- "$MINUTES" --search 'Đại đoàn kết' "$dir" ::: "$XMLLINT" --noout "$@"
	# (nothing found is exit status 1: the wrapper makes it 0, as runtime wants)
	measure "${tag}_nohit" -- sh -c '"$1" --search zzqqxx "$2"; [ $? = 1 ]' sh \
		"$MINUTES" "$dir" ::: "$XMLLINT" --noout "$@"
	measure "${tag}_edit" -- sh -c 'cp "$1" "$2" && exec "$3" --search "$4" "$5"' sh \
		"$dir.edited" "$victim" "$MINUTES" "$edit_word" "$dir" ::: "$XMLLINT" --noout "$@"
	a=$("$MINUTES" --search 'Đại đoàn kết' "$dir" | cksum)
	b=$("$MINUTES" --no-index --search 'Đại đoàn kết' "$dir" | cksum)
	if [ "$a" = "$b" ]; then eval "${tag}_same=yes"; else eval "${tag}_same=NO"; fi
	cp "$dir.edited" "$victim"
	n=$("$MINUTES" --search "$edit_word" "$dir" | wc -l | tr -d ' ')
	if [ "$n" = 1 ]; then eval "${tag}_found=yes"; else eval "${tag}_found=NO"; fi
	cp "$dir.orig" "$victim"
	set --
}
index_figures ix "$archive"
runs_saved=$BENCH_RUNS
BENCH_RUNS=$BENCH_INDEX_RUNS
for size in $BENCH_INDEX_SIZES; do
	d=$BENCH_DIR/archive-$size
	if ! [ -f "$d.list" ]; then
		say "bench: generating an archive of $size files under $d/ ..."
		rm -rf "$d"
		"$GEN" -f "$size" $((size * 75)) $((size * 15000)) "$sample" "$d" >&2 || exit 1
		find "$d" -name '*.xml' | LC_ALL=C sort > "$d.list"
	fi
	index_figures "ix$size" "$d"
done
BENCH_RUNS=$runs_saved
measure screen_big -- "$MINUTES" --replay "$empty" --dump-screen "$screen" "$big" ::: \
	"$XMLLINT" --noout --stream "$big"
# the keystrokes: the program times them itself (--replay-time: from the
# first screen drawn to the last, on the monotonic clock), so loading the
# big file, which takes far longer than the keys, adds none of its noise;
# big file and sample in turn, BENCH_RUNS times, the median of each
# key_time FILE: seconds the keys took, from one run's report
key_time() {
	"$MINUTES" --replay "$keys" --replay-time --dump-screen "$screen" "$1" 2>&1 >/dev/null |
		sed -n 's/^minutes: replay: [0-9]* keys in \([0-9.]*\) s.*/\1/p'
}
median() {
	tr ' ' '\n' | awk 'NF { v[++n] = $1 } END {
		if (!n) exit
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
		printf "%.6f", n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }'
}
say "bench: keys (big file, sample)"
key_time "$big" >/dev/null; key_time "$sample" >/dev/null # warm-up
# twice BENCH_RUNS pairs (a pair is cheap, the figure noisy), big file and
# sample back to back; the ratio is the median of the pairs' ratios, as
# for the other figures
tb= ts= tr=
i=0
while [ "$i" -lt $((2 * BENCH_RUNS)) ]; do
	b=$(key_time "$big")
	s=$(key_time "$sample")
	tb="$tb $b"
	ts="$ts $s"
	tr="$tr $(awk -v b="$b" -v s="$s" 'BEGIN { if (b != "" && s > 0) printf "%.6f", b / s }')"
	i=$((i + 1))
done
keys_big_t=$(printf '%s\n' "$tb" | median)
keys_sample_t=$(printf '%s\n' "$ts" | median)
keys_ratio=$(printf '%s\n' "$tr" | median)
ref_stream_t=$check_big_base_t
ref_archive_t=$check_archive_base_t

hits_acc=$("$MINUTES" --search 'Đại đoàn kết' "$archive" | wc -l | tr -d ' ')
hits_unacc=$("$MINUTES" --search 'dai doan ket' "$archive" | wc -l | tr -d ' ')
[ "$hits_acc" = "$hits_unacc" ] ||
	say "bench: warning: 'Đại đoàn kết' finds $hits_acc lines, 'dai doan ket' $hits_unacc"

# NFC's share: the instructions spent in text_is_clean and text_repair
# (inclusive: with what they call) over all of `minutes --check` on the
# small file, counted by callgrind.  On NFC text the loader calls
# text_is_clean on every text and attribute value and text_repair only on
# those it finds not clean (none here), so the two do not overlap.
nfc_share=
nfc_how="callgrind: Ir in text_is_clean+text_repair / all Ir, --check on $((BENCH_BYTES / 10)) B"
VALGRIND=${VALGRIND:-$(command -v valgrind)}
if [ -n "$VALGRIND" ] && command -v callgrind_annotate >/dev/null 2>&1; then
	say "bench: nfc_share (callgrind)"
	cg=$BENCH_DIR/callgrind.out
	rm -f "$cg"
	if "$VALGRIND" --tool=callgrind --callgrind-out-file="$cg" \
		"$MINUTES" --check "$small" 2>/dev/null; then
		nfc_share=$(callgrind_annotate --inclusive=yes "$cg" 2>/dev/null | awk '
			{ gsub(",", "", $1) }
			/PROGRAM TOTALS/ { total = $1 }
			/[ :]text_is_clean( |$)/ && !c++ { clean = $1 }
			/[ :]text_repair( |$)/ && !r++ { repair = $1 }
			END { if (total > 0) printf "%.2f", 100 * (clean + repair) / total }')
	fi
else
	nfc_how="not measured: needs valgrind (apt-get install valgrind)"
fi

# The keystrokes in instructions (callgrind counts inside handle_key and
# draw_screen only: the keys and the screens they draw, plus the first
# screen): the same ratio without the machine's noise, for comparing runs.
key_ir_big= key_ir_sample= key_ir_ratio=
if [ -n "$VALGRIND" ] && command -v callgrind_annotate >/dev/null 2>&1; then
	say "bench: keys in instructions (callgrind)"
	for which in big sample; do
		eval "f=\$$which"
		cg=$BENCH_DIR/callgrind.keys.$which
		rm -f "$cg"
		"$VALGRIND" --tool=callgrind --callgrind-out-file="$cg" \
			--collect-atstart=no --toggle-collect='handle_key*' \
			--toggle-collect=draw_screen \
			"$MINUTES" --replay "$keys" --dump-screen "$screen" "$f" 2>/dev/null &&
			eval "key_ir_$which=\$(callgrind_annotate \"\$cg\" 2>/dev/null |
				awk '/PROGRAM TOTALS/ { gsub(\",\", \"\", \$1); printf \"%.0f\", \$1 / $BENCH_KEYS }')"
	done
fi

# --- the figures -----------------------------------------------------------
# ratio A B: A / B with two decimals, "" if either is missing
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 <= 0) exit; printf "%.2f", a / b }'
}

# two decimals
round2() {
	awk -v a="$1" 'BEGIN { if (a != "") printf "%.2f", a }'
}
# per_key SECONDS: microseconds per key
per_key() {
	awk -v d="$1" -v n="$BENCH_KEYS" 'BEGIN { if (d != "") printf "%.1f", d * 1e6 / n }'
}

r_check_big=$(round2 "$check_big_ratio")
r_rss=$(ratio "${check_big_rss:+$((check_big_rss * 1024))}" "$big_bytes")
r_rss_screen=$(ratio "${screen_big_rss:+$((screen_big_rss * 1024))}" "$big_bytes")
r_check_archive=$(round2 "$check_archive_ratio")
r_search_acc=$(round2 "$search_acc_ratio")
r_search_unacc=$(round2 "$search_unacc_ratio")
r_screen=$(round2 "$screen_big_ratio")
us_big=$(per_key "$keys_big_t")
us_sample=$(per_key "$keys_sample_t")
r_keys=$(round2 "$keys_ratio")
key_ir_ratio=$(ratio "$key_ir_big" "$key_ir_sample")

new=$BENCH_RESULTS.new
{
	printf 'figure\tvalue\tunit\ttarget\tdescription\n'
	printf 'check_big\t%s\tx\t1.3\tminutes --check big file / xmllint --noout --stream\n' "$r_check_big"
	printf 'check_big_rss\t%s\tx\t1.5\tpeak RSS of minutes --check big file / file size (texts checked, not kept)\n' "$r_rss"
	printf 'screen_big_rss\t%s\tx\t-\tpeak RSS of the first screen, big file / file size (the whole model)\n' "$r_rss_screen"
	printf 'check_archive\t%s\tx\t1.3\tminutes --check archive / xmllint --noout same files\n' "$r_check_archive"
	printf 'search_accented\t%s\tx\t1.5\tminutes --search "Đại đoàn kết" archive / xmllint --noout\n' "$r_search_acc"
	printf 'search_unaccented\t%s\tx\t1.5\tminutes --search "dai doan ket" archive / xmllint --noout\n' "$r_search_unacc"
	printf 'first_screen\t%s\tx\t1.5\treplay 0 keys, big file / xmllint --noout --stream\n' "$r_screen"
	printf 'key_cost\t%s\tx\t1.5\tper-key time, big file / sample (timed in the program: --replay-time)\n' "$r_keys"
	printf 'nfc_share\t%s\t%%\t10\tNFC checks in load (%s)\n' "$nfc_share" "$nfc_how"
	printf 'index_first\t%s\tx\t1.5\tminutes --search archive (%s files) building its index / xmllint --noout\n' "$(round2 "$ix_first_ratio")" "$BENCH_FILES"
	printf 'index_warm\t%s\tx\t0.05\tthe same search, index warm / xmllint --noout (same lines as --no-index: %s)\n' "$(round2 "$ix_warm_ratio")" "$ix_same"
	printf 'index_edit\t%s\tx\t0.1\ta search right after one file was edited / xmllint --noout (the edit found: %s)\n' "$(round2 "$ix_edit_ratio")" "$ix_found"
	printf 'index_nohit\t%s\tx\t-\ta search finding nothing, index warm (the stat pass) / xmllint --noout\n' "$(round2 "$ix_nohit_ratio")"
	# the archives of BENCH_INDEX_SIZES: the same figures, the same
	# targets (the issue sets them at 20,000 files), and how each time
	# grew from BENCH_FILES files (xmllint's own growth beside them)
	for z in $BENCH_INDEX_SIZES; do
		eval "f_r=\$ix${z}_first_ratio w_r=\$ix${z}_warm_ratio e_r=\$ix${z}_edit_ratio n_r=\$ix${z}_nohit_ratio"
		eval "same=\$ix${z}_same found=\$ix${z}_found"
		printf 'index_first_%s\t%s\tx\t1.5\tbuilding the index, %s files / xmllint --noout\n' "$z" "$(round2 "$f_r")" "$z"
		printf 'index_warm_%s\t%s\tx\t0.05\twarm search, %s files (same lines as --no-index: %s)\n' "$z" "$(round2 "$w_r")" "$z" "$same"
		printf 'index_edit_%s\t%s\tx\t0.1\tafter one edit, %s files (the edit found: %s)\n' "$z" "$(round2 "$e_r")" "$z" "$found"
		printf 'index_nohit_%s\t%s\tx\t-\tnothing found, %s files\n' "$z" "$(round2 "$n_r")" "$z"
		for k in first warm edit nohit; do
			eval "a=\$ix${z}_${k}_t b=\$ix_${k}_t"
			printf 'grow_%s_%s\t%s\tx\t-\t%s: time at %s files / at %s\n' "$k" "$z" "$(ratio "$a" "$b")" "$k" "$z" "$BENCH_FILES"
		done
		eval "a=\$ix${z}_warm_base_t"
		printf 'grow_xmllint_%s\t%s\tx\t-\txmllint --noout: time at %s files / at %s\n' "$z" "$(ratio "$a" "$ix_warm_base_t")" "$z" "$BENCH_FILES"
	done
	printf 'clock\t%s\t-\t-\ttimes compared (BENCH_CLOCK)\n' "$BENCH_CLOCK"
	printf 'key_us_big\t%s\tus\t-\tper key, big file, %s keys at %sx%s\n' "$us_big" "$BENCH_KEYS" "$COLUMNS" "$LINES"
	printf 'key_us_sample\t%s\tus\t-\tper key, sample\n' "$us_sample"
	printf 'key_cost_ir\t%s\tx\t-\tper-key instructions, big file / sample (callgrind: handle_key + draw_screen)\n' "$key_ir_ratio"
	printf 'key_ir_big\t%s\tIr\t-\tinstructions per key, big file\n' "$key_ir_big"
	printf 'key_ir_sample\t%s\tIr\t-\tinstructions per key, sample\n' "$key_ir_sample"
	printf 'ref_stream_s\t%s\ts\t-\txmllint --noout --stream big file (%s bytes)\n' "$ref_stream_t" "$big_bytes"
	printf 'check_big_s\t%s\ts\t-\tminutes --check big file\n' "$check_big_t"
	printf 'check_big_rss_mb\t%s\tMB\t-\tminutes --check big file, peak RSS\n' "$(awk -v k="$check_big_rss" 'BEGIN { if (k != "") printf "%.1f", k / 1024 }')"
	printf 'ref_archive_s\t%s\ts\t-\txmllint --noout on %s files\n' "$ref_archive_t" "$BENCH_FILES"
	printf 'check_archive_s\t%s\ts\t-\tminutes --check archive\n' "$check_archive_t"
	printf 'search_acc_s\t%s\ts\t-\tminutes --search accented (%s hits)\n' "$search_acc_t" "$hits_acc"
	printf 'search_unacc_s\t%s\ts\t-\tminutes --search unaccented (%s hits)\n' "$search_unacc_t" "$hits_unacc"
	printf 'first_screen_s\t%s\ts\t-\tminutes --replay 0 keys, big file\n' "$screen_big_t"
	for tag in ix $(for z in $BENCH_INDEX_SIZES; do printf 'ix%s ' "$z"; done); do
		files=${tag#ix}
		files=${files:-$BENCH_FILES}
		eval "f_t=\$${tag}_first_t w_t=\$${tag}_warm_t e_t=\$${tag}_edit_t n_t=\$${tag}_nohit_t ref=\$${tag}_warm_base_t"
		eval "f_r=\$${tag}_first_ratio w_r=\$${tag}_warm_ratio e_r=\$${tag}_edit_ratio n_r=\$${tag}_nohit_ratio"
		eval "f_m=\$${tag}_first_rss w_m=\$${tag}_warm_rss same=\$${tag}_same found=\$${tag}_found"
		printf 'ref_%s_s\t%s\ts\t-\txmllint --noout on %s files\n' "$files" "$ref" "$files"
		printf 'index_first_%s_s\t%s\ts\t-\tbuilding the index of %s files (peak RSS %s MB)\n' "$files" "$f_t" "$files" "$(awk -v k="$f_m" 'BEGIN { if (k != "") printf "%.1f", k / 1024 }')"
		printf 'index_warm_%s_s\t%s\ts\t-\twarm search, %s files (peak RSS %s MB)\n' "$files" "$w_t" "$files" "$(awk -v k="$w_m" 'BEGIN { if (k != "") printf "%.1f", k / 1024 }')"
		printf 'index_edit_%s_s\t%s\ts\t-\tsearch after an edit, %s files\n' "$files" "$e_t" "$files"
		printf 'index_nohit_%s_s\t%s\ts\t-\tsearch finding nothing, %s files\n' "$files" "$n_t" "$files"
	done
} > "$new"

prev=
[ -f "$BENCH_RESULTS" ] && prev=$BENCH_RESULTS
table=$(awk -F '\t' -v prev="$prev" '
	function u(unit) { return unit == "x" || unit == "%" ? unit : "" }
	BEGIN {
		if (prev != "")
			while ((getline line < prev) > 0) {
				split(line, f, "\t")
				old[f[1]] = f[2]
			}
		printf "%-18s %11s %11s %8s %5s  %s\n", "figure", "value",
			"previous", "target", "holds", "what"
	}
	NR == 1 { next }
	{
		v = $2 == "" ? "n/a" : $2 u($3)
		o = ($1 in old) && old[$1] != "" ? old[$1] u($3) : "-"
		if ($3 == "us" || $3 == "s" || $3 == "MB" || $3 == "Ir") {
			if ($2 != "") v = v " " $3
			if (o != "-") o = o " " $3
		}
		if ($4 == "-") { t = "-"; h = "" }
		else {
			t = "<= " $4 u($3)
			if ($2 == "") {
				h = "n/a"
				if ($5 !~ /not measured/) bad++
			} else if ($2 + 0 <= $4 + 0) h = "yes"
			else { h = "NO"; bad++ }
			targets++
		}
		printf "%-18s %11s %11s %8s %5s  %s\n", $1, v, o, t, h, $5
	}
	END { printf "#%d %d\n", bad, targets }' "$new")
mv "$new" "$BENCH_RESULTS"

cpu=$(sed -n 's/^model name[ \t]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
echo
echo "minutes benchmark: $(nproc 2>/dev/null || echo '?') CPUs, ${cpu:-unknown CPU}, ${mem:-? RAM}; median of $BENCH_RUNS runs, $BENCH_CLOCK time; load average before: $load0"
echo "big file: $big_bytes bytes, $BENCH_ITEMS items; archive: $BENCH_FILES files under $archive/"
echo
printf '%s\n' "$table" | sed '$d'
# a busy machine: the reference's wall time well above its CPU time
load1=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null)
busy=$(awk -v l="$load1" -v n="$(nproc 2>/dev/null || echo 1)" 'BEGIN { if (l != "" && l > n / 2 + 0.5) print "yes" }')
if [ -n "$busy" ]; then
	echo
	echo "note: other work shares this machine (load average $load1 now): each figure pairs runs of minutes and its reference back to back, but expect the ratios to move by a few tenths from run to run"
fi
counts=$(printf '%s\n' "$table" | sed -n '$s/^#//p')
bad=${counts% *}
echo
echo "$((${counts#* } - bad)) of ${counts#* } targets hold; results in $BENCH_RESULTS${prev:+ (previous values from the last run)}"
if [ "$bad" -gt 0 ] && [ "${BENCH_STRICT:-0}" = 1 ]; then
	exit 1
fi
exit 0
