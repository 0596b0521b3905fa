# text.sh - the text engine seen from the command line: search keys,
# wrapping in --dump, encodings and mojibake hints, the spelling check.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1

run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# --- search: an ASCII quote finds typographic ones -------------------------
run "$MINUTES" --search '"Vì người nghèo"' data/ngan-son-2020.xml
is "$rc" 0 "search with ASCII quotes: found"
is "$(printf '%s\n' "$out" | cut -d: -f2,3)" "54:kq4
121:mt9" "search with ASCII quotes: both “Vì người nghèo”"

# --- --dump --width N: no line wider than N, header fields included --------
for f in data/ngan-son-2020.xml data/ban-ke-hoach-2021.xml; do
	for w in 20 27 33 40 51; do
		run "$MINUTES" --dump --width "$w" "$f"
		widest=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
		[ "$rc" -eq 0 ] && [ "$widest" -le "$w" ]
		ok $? "--dump --width $w $f: widest line $widest"
	done
done
run "$MINUTES" --dump --width 24 data/ngan-son-2020.xml
is "$(printf '%s\n' "$out" | sed -n '/^Organizer:/,/^Status:/p')" "Organizer: Ủy ban MTTQ
  huyện Ngân Sơn
Status: draft" "--dump --width 24: Organizer wraps after its label"

done_testing
