# figures.sh - a figure reads the same on the screen and in --dump (both
# through wording.c): the targets section of the sample, its figures as
# --dump writes them and as the content pane shows them.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1
file=data/ban-ke-hoach-2021.xml

# --dump: "     Target: ≥95%, actual 96.4 (met)" -> "≥95%"; only the
# targets section's (the one with actual values and a missing one)
"$MINUTES" --dump "$file" >"$tmp/dump" 2>"$tmp/err"
is "$?:$(cat "$tmp/err")" "0:" "--dump exits 0, nothing on stderr"
sed -n '/Kết quả thực hiện các chỉ tiêu năm 2021/,/^\[/p' "$tmp/dump" |
	sed -n 's/^ *Target: \(.*\)\(, actual .*\| (unknown)\)$/\1/p' >"$tmp/dumped"

# the screen: the same section in the content pane, each figure line
# "   ≥95% ✓" under its item (tests/screens/targets-figures.keys)
env COLUMNS=120 LINES=30 "$MINUTES" --replay tests/screens/targets-figures.keys \
	--dump-screen "$tmp/screen" "$file" 2>"$tmp/err"
is "$?:$(cat "$tmp/err")" "0:" "the replay exits 0, nothing on stderr"
awk -F'│' '{ print $2 }' "$tmp/screen" | sed -n 's/^   \(.*\) [✓✗?] *$/\1/p' >"$tmp/shown"

is "$(cat "$tmp/dumped")" "≥95%
>1.2 tỷ đồng
=3 công trình
≤4.5%
<12%" "--dump writes the five figures"
is "$(cat "$tmp/shown")" "$(cat "$tmp/dumped")" "the screen shows them the same"
done_testing
