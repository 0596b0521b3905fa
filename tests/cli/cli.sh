# cli.sh - the command-line modes: exact stdout, stderr and exit status.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1
exp=tests/cli/expected

# run CMD...: sets $out, $err and $rc
run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# check NAME RC STDOUT STDERR: one run, three assertions
check() {
	is "$rc" "$2" "$1: exit status"
	is "$out" "$3" "$1: stdout"
	is "$err" "$4" "$1: stderr"
}

# --- options -----------------------------------------------------------
run "$MINUTES" --version
check "--version" 0 "minutes 0.1.0" ""
run "$MINUTES" --help
is "$rc" 0 "--help exits 0"
is "$(printf '%s\n' "$out" | head -n 1)" "Usage: minutes [OPTION]... [FILE|DIR]..." "--help starts with the usage line"
run "$MINUTES" --bogus
check "unknown option" 2 "" "minutes: unknown option '--bogus'
Try 'minutes --help' for more information."
run "$MINUTES" --check
check "--check without FILE" 2 "" "minutes: no FILE given
Try 'minutes --help' for more information."
run "$MINUTES" --dump --width 0 data/ngan-son-2020.xml
check "--width 0" 2 "" "minutes: --width wants a number of columns from 1 to 10000, not '0'
Try 'minutes --help' for more information."
run "$MINUTES" --check --dump data/ngan-son-2020.xml
check "two modes" 2 "" "minutes: choose one of --check, --dump, --search, --export-notes
Try 'minutes --help' for more information."
run "$MINUTES" --search
check "--search without a query" 2 "" "minutes: option '--search' needs an argument
Try 'minutes --help' for more information."

# --- --check ---------------------------------------------------------------
# the spelling warnings of the samples (tests/cli/text.sh tests them)
ngan_son_spelling() { # PATH
	printf '%s\n' "$1:49:28: warning: \"phuơng\" is not a Vietnamese syllable (phương?)" \
		"$1:50:77: warning: tone placement: \"Uỷ\" (3) where this document mostly writes \"Ủy\" (19)" \
		"$1:102:19: warning: \"Hồ Chí minh\": the name is written \"Hồ Chí Minh\" elsewhere"
}
ban_ke_hoach_spelling() { # PATH: none (its persons keep their spellings)
	:
}
run "$MINUTES" --check data/ngan-son-2020.xml data/ban-ke-hoach-2021.xml
check "--check valid samples" 0 "" "$(ngan_son_spelling data/ngan-son-2020.xml; ban_ke_hoach_spelling data/ban-ke-hoach-2021.xml)"
run "$MINUTES" --check --verbose data
check "--check --verbose DIR" 0 "data/ban-ke-hoach-2021.xml: ok
data/ngan-son-2020.xml: ok
data/tan-lap-nong-thon-moi-2019.xml: ok" "$(ban_ke_hoach_spelling data/ban-ke-hoach-2021.xml; ngan_son_spelling data/ngan-son-2020.xml)"
run "$MINUTES" --check --verbose data/
check "--check DIR/ gives no double slash" 0 "data/ban-ke-hoach-2021.xml: ok
data/ngan-son-2020.xml: ok
data/tan-lap-nong-thon-moi-2019.xml: ok" "$(ban_ke_hoach_spelling data/ban-ke-hoach-2021.xml; ngan_son_spelling data/ngan-son-2020.xml)"
run "$MINUTES" --check tests/fixtures/ngan-son-2020-nfd.xml
check "--check NFD sample" 0 "" "$(ngan_son_spelling tests/fixtures/ngan-son-2020-nfd.xml | sed 's/:49:28:/:49:32:/; s/:50:77:/:50:95:/; s/:102:19:/:102:23:/')"

printf '' >"$tmp/empty.xml"
run "$MINUTES" --check "$tmp/empty.xml"
check "--check empty file" 1 "" "$tmp/empty.xml: error: empty file"

printf '<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY a "b">]>\n<minutes/>\n' >"$tmp/doctype.xml"
run "$MINUTES" --check "$tmp/doctype.xml"
check "--check DOCTYPE" 1 "" "$tmp/doctype.xml:2:1: error: DOCTYPE not allowed"

printf '<minutes version="1" id="x">\n <meeting><title>A</title></meeting>\n <bogus/>\n</minutes>\n' >"$tmp/invalid.xml"
run "$MINUTES" --check "$tmp/invalid.xml"
is "$rc" 1 "--check invalid: exit 1"
is "$(printf '%s\n' "$err" | wc -l)" 4 "--check invalid: every problem of the file in one pass"
printf '%s\n' "$err" | grep -q "^$tmp/invalid.xml:3:2: error: unknown element <bogus>\$"
ok $? "--check invalid: unknown element with line and column"
printf '%s\n' "$err" | grep -q "^$tmp/invalid.xml:2:2: error: missing <date> in <meeting>\$"
ok $? "--check invalid: missing required element"

# v2: form warnings leave the file valid; --strict makes them count
fx=tests/fixtures
run "$MINUTES" --check "$fx/warn-v2-approved.xml"
check "--check form warnings" 0 "" "$fx/warn-v2-approved.xml:5:5: warning: number \"5/BB-UBND\" takes a leading zero below 10 (as 05/BB-UBND)
$fx/warn-v2-approved.xml:20:3: warning: approved minutes without the chair's <signature>"
run "$MINUTES" --check --strict --verbose "$fx/warn-v2-approved.xml" data/tan-lap-nong-thon-moi-2019.xml
check "--check --strict: warnings count as errors" 1 "data/tan-lap-nong-thon-moi-2019.xml: ok" "$fx/warn-v2-approved.xml:5:5: warning: number \"5/BB-UBND\" takes a leading zero below 10 (as 05/BB-UBND)
$fx/warn-v2-approved.xml:20:3: warning: approved minutes without the chair's <signature>"
run "$MINUTES" --check --verbose "$fx/warn-v2-number.xml"
check "--check --verbose: a file with warnings is ok" 0 "$fx/warn-v2-number.xml: ok" "$fx/warn-v2-number.xml:5:5: warning: number \"15/QĐ-UBND\" is not a biên bản's: the type after the slash is BB (as 27/BB-UBND)"
run "$MINUTES" --check --strict data/ngan-son-2020.xml data/ban-ke-hoach-2021.xml data/tan-lap-nong-thon-moi-2019.xml
check "--check --strict: the samples meet the form" 0 "" "$(ngan_son_spelling data/ngan-son-2020.xml; ban_ke_hoach_spelling data/ban-ke-hoach-2021.xml)"
run "$MINUTES" --dump --strict data/ngan-son-2020.xml
check "--strict without --check" 2 "" "minutes: --strict goes with --check
Try 'minutes --help' for more information."
run "$MINUTES" --check "$fx/semantic-v2-counts.xml"
is "$rc" 1 "--check v2 errors: exit 1"
is "$(printf '%s\n' "$err" | sed -n 5p)" "$fx/semantic-v2-counts.xml:22:7: error: adopted, but 2 of 4 present voted for: a majority needs 3" "--check v2 errors: a result the tally contradicts, with the numbers"

mkfifo "$tmp/fifo.xml"
run timeout 10 "$MINUTES" --check "$tmp/fifo.xml"
check "--check FIFO does not hang" 1 "" "$tmp/fifo.xml: error: not a regular file (a FIFO, device or socket)"

mkdir "$tmp/dir.xml"
run "$MINUTES" --dump "$tmp/dir.xml"
check "--dump a directory" 1 "" "$tmp/dir.xml: error: is a directory"

run "$MINUTES" --check "$tmp/nonexistent.xml"
check "--check a missing file" 1 "" "$tmp/nonexistent.xml: error: No such file or directory"

mkdir -p "$tmp/loop/a"
cp data/ngan-son-2020.xml "$tmp/loop/a/m.xml"
ln -s .. "$tmp/loop/a/up"
run timeout 10 "$MINUTES" --check --verbose "$tmp/loop"
check "--check a symlink loop in an archive" 0 "$tmp/loop/a/m.xml: ok" "$(ngan_son_spelling "$tmp/loop/a/m.xml")"

# --- --dump ----------------------------------------------------------------
run "$MINUTES" --dump data/ngan-son-2020.xml
check "--dump sample" 0 "$(cat $exp/ngan-son-2020.dump)" ""
run "$MINUTES" --dump --width 60 data/ngan-son-2020.xml
check "--dump --width 60 sample" 0 "$(cat $exp/ngan-son-2020.dump60)" ""
run "$MINUTES" --dump --width 60 tests/fixtures/ngan-son-2020-nfd.xml
check "--dump NFD sample is the NFC dump" 0 "$(cat $exp/ngan-son-2020.dump60)" ""
run "$MINUTES" --dump --width 72 tests/fixtures/ban-ke-hoach-2021-v1.xml
check "--dump --width 72 second sample (its v1 form)" 0 "$(cat $exp/ban-ke-hoach-2021.dump72)" ""
run "$MINUTES" --dump --width 72 data/ban-ke-hoach-2021.xml
check "--dump --width 72 second sample in v2: its number, agency, officers, signatures" 0 "$(cat $exp/ban-ke-hoach-2021-v2.dump72)" ""
run "$MINUTES" --dump --width 80 data/tan-lap-nong-thon-moi-2019.xml
check "--dump --width 80 the v2 sample: every part" 0 "$(cat $exp/tan-lap-nong-thon-moi-2019.dump80)" ""
run "$MINUTES" --dump --width 60 data/ngan-son-2020.xml
is "$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)" 60 "--dump --width 60: the widest line is 60 columns"

# hostile text that is valid XML: nothing raw reaches stdout
printf '<?xml version="1.0" encoding="UTF-8"?>\n<minutes version="1" id="x"><meeting><title>T\302\233[31mred \342\200\256live</title><date>2020-01-01</date></meeting><attendees/><section id="s" kind="other"><heading>H</heading><item id="i">\314\201abc x\302\2332J</item></section></minutes>\n' >"$tmp/c1.xml"
run "$MINUTES" --dump "$tmp/c1.xml"
is "$rc" 0 "--dump C1/bidi text: exit 0"
printf '%s' "$out" | LC_ALL=C grep -q "$(printf '\302\233')"
ok $((! $?)) "--dump: no raw C1 CSI (U+009B) in the output"
printf '%s' "$out" | LC_ALL=C grep -q "$(printf '\342\200\256')"
ok $((! $?)) "--dump: no raw bidi override (U+202E) in the output"
is "$(printf '%s\n' "$out" | head -n 1)" "T�[31mred live" "--dump: C1 shown as U+FFFD, bidi override dropped"
is "$(printf '%s\n' "$out" | tail -n 1)" "$(printf '  1. \302\240\314\201abc x\357\277\2752J')" "--dump: a leading combining mark sits on a no-break space"

# --- --search ----------------------------------------------------------------
v2=data/tan-lap-nong-thon-moi-2019.xml
run "$MINUTES" --search 'son ha' "$v2"
check "--search a v2 agency's parent" 0 "$v2:12:tan-lap-nong-thon-moi-2019-06: Ủy ban nhân dân huyện Sơn Hà" ""
run "$MINUTES" --search 'tap huan nghiep vu' "$v2"
check "--search a v2 reason" 0 "$v2:43:hien: Đi tập huấn nghiệp vụ tại huyện" ""
run "$MINUTES" --search 'co bo sung tien do' "$v2"
check "--search a v2 motion, under the vote id" 0 "$v2:89:bq1: Thông qua kế hoạch xây dựng nông thôn mới sáu tháng cuối năm 2019, có bổ sung tiến độ giải quyết hồ sơ đất đai." ""
run "$MINUTES" --search 'thu gom rac' "$v2"
check "--search a v2 task, under its item" 0 "$v2:102:kl2: Giao đồng chí Hoàng Thị Nga, đồng chí Bế Thị Uyên xây dựng kế hoạch thu gom rác thải ở các thôn; Văn phòng hoàn chỉnh biên bản, gửi các thôn." ""
run "$MINUTES" --search 'luu: vt' "$v2"
check "--search a v2 recipient, under the minutes id" 0 "$v2:115:tan-lap-nong-thon-moi-2019-06: Lưu: VT, Hồ sơ" ""
run "$MINUTES" --search 'dai doan ket' data
check "--search unaccented" 0 "$(cat $exp/search-dai-doan-ket)" ""
run "$MINUTES" --search 'ĐẠI ĐOÀN KẾT' data
check "--search accented upper-case finds the same" 0 "$(cat $exp/search-dai-doan-ket)" ""
run "$MINUTES" --search 'Uỷ ban' data/ngan-son-2020.xml
is "$rc" 0 "--search 'Uỷ ban': exit 0"
printf '%s\n' "$out" | grep -q '^data/ngan-son-2020.xml:[0-9]*:hoang: Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Bắc Kạn$'
ok $? "--search 'Uỷ ban' finds 'Ủy ban' (tone placement)"
run "$MINUTES" --search 'Lan' data/ngan-son-2020.xml
printf '%s\n' "$out" | grep -q '^data/ngan-son-2020.xml:[0-9]*:lan: Hoàng Thị Ngọc Lan$'
ok $? "--search: an attendee match gives the person id"
run "$MINUTES" --search 'khong co dau nay' data
check "--search without a match" 1 "" ""
run "$MINUTES" --search '' data
check "--search empty query" 2 "" "minutes: the search query is empty"
run "$MINUTES" --search 'dai doan ket' tests/fixtures/ngan-son-2020-nfd.xml
check "--search NFD file" 0 "$(sed 's|^data/ngan-son-2020.xml|tests/fixtures/ngan-son-2020-nfd.xml|' $exp/search-dai-doan-ket | grep nfd)" ""

# --- the browser's locale: C falls back to C.UTF-8 ----------------------------
printf '' >"$tmp/none.keys"
LC_ALL=C COLUMNS=80 LINES=24 "$MINUTES" --replay "$tmp/none.keys" --dump-screen "$tmp/c.screen" data/ngan-son-2020.xml
is "$?" 0 "LC_ALL=C: the browser falls back to C.UTF-8"
is "$(cat "$tmp/c.screen")" "$(cat tests/screens/sample-80x24.screen)" "LC_ALL=C: the same screen as under C.UTF-8"
run "$MINUTES" --replay "$tmp/none.keys" data/ngan-son-2020.xml
check "--replay without --dump-screen" 2 "" "minutes: --replay and --dump-screen go together
Try 'minutes --help' for more information."
run "$MINUTES" --replay-time data/ngan-son-2020.xml
check "--replay-time without --replay" 2 "" "minutes: --replay-time goes with --replay
Try 'minutes --help' for more information."
printf 'j\nj\n<Tab>\n' >"$tmp/three.keys"
COLUMNS=80 LINES=24 "$MINUTES" --replay "$tmp/three.keys" --dump-screen "$tmp/t1.screen" data/ngan-son-2020.xml
COLUMNS=80 LINES=24 "$MINUTES" --replay "$tmp/three.keys" --replay-time --dump-screen "$tmp/t2.screen" data/ngan-son-2020.xml 2>"$tmp/t2.err"
is "$?" 0 "--replay-time: exit 0"
LC_ALL=C grep -Eq '^minutes: replay: 3 keys in [0-9]+\.[0-9]{6} s \([0-9]+\.[0-9] us per key\)$' "$tmp/t2.err"
ok $? "--replay-time: one line on stderr, the keys counted ($(cat "$tmp/t2.err"))"
is "$(wc -l <"$tmp/t2.err" | tr -d ' ')" 1 "--replay-time: nothing else on stderr"
is "$(cat "$tmp/t2.screen")" "$(cat "$tmp/t1.screen")" "--replay-time: the same screen as without it"
printf 'j\nq\nj\nj\n' >"$tmp/quit.keys"
COLUMNS=80 LINES=24 "$MINUTES" --replay "$tmp/quit.keys" --replay-time --dump-screen "$tmp/t3.screen" data/ngan-son-2020.xml 2>"$tmp/t3.err"
LC_ALL=C grep -Eq '^minutes: replay: 2 keys in ' "$tmp/t3.err"
ok $? "--replay-time: keys after q are not counted ($(cat "$tmp/t3.err"))"
for bad in '<Click 5>' '<Click 5,6,7>' '<Click -1,2>' '<Click 5,6>x' '<WheelUp 1000,2>' \
	'<Click 4294967297,1>' '<Click +1,2>' '<Click  1,2>' '<Click 1, 2>' '<Resize 4294967377x24>' \
	'<Resize +80x24>'; do
	printf '%s\n' "$bad" >"$tmp/mouse.keys"
	run "$MINUTES" --replay "$tmp/mouse.keys" --dump-screen "$tmp/x" data/ngan-son-2020.xml
	check "--replay with '$bad'" 2 "" "minutes: $tmp/mouse.keys:1: not a key name '$bad'"
done
run "$MINUTES" --mouse --check data/ngan-son-2020.xml
check "--mouse with --check" 2 "" "minutes: --mouse is for the browser, not with another mode
Try 'minutes --help' for more information."
printf 'j\n<Bogus>\n' >"$tmp/bad.keys"
run "$MINUTES" --replay "$tmp/bad.keys" --dump-screen "$tmp/x" data/ngan-son-2020.xml
check "--replay with a bad key name" 2 "" "minutes: $tmp/bad.keys:2: not a key name '<Bogus>'"

# figures: value and actual are compared as the decimals they are
# (never as doubles: the same string is never "missed") and shown as
# written, whatever their length (no %g, no fixed buffers)
d400=$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "9" }')
a500=$(awk 'BEGIN { for (i = 0; i < 500; i++) printf "%d", i % 10 }')
u600=$(awk 'BEGIN { for (i = 0; i < 100; i++) printf "đơn vị " }')
cat >"$tmp/figures.xml" <<EOF
<minutes version="1" id="m"><meeting><title>T</title><date>2020-01-01</date></meeting>
<attendees><person id="p"><name>P</name></person></attendees>
<section id="s" kind="targets"><heading>H</heading>
<item id="i1"><figure op="eq" value="961.6360837783533" actual="961.6360837783533">x</figure></item>
<item id="i2"><figure op="ge" value="120000000" actual="119999999.5" unit="đồng">y</figure></item>
<item id="i3"><figure op="ge" value="$d400" actual="$d400.0">z</figure></item>
<item id="i4"><figure op="lt" value="0.30000000000000004" actual="0.3" unit="$u600">w</figure></item>
<item id="i5"><figure op="le" value="-0" actual="$a500">v</figure></item>
</section></minutes>
EOF
run "$MINUTES" --dump "$tmp/figures.xml"
is "$rc:$err" "0:" "--dump figures: exit 0, nothing on stderr"
is "$(grep 'Target:' "$tmp/out")" "     Target: =961.6360837783533, actual 961.6360837783533 (met)
     Target: ≥120000000 đồng, actual 119999999.5 (missed)
     Target: ≥$d400, actual $d400.0 (met)
     Target: <0.30000000000000004 ${u600% }, actual 0.3 (met)
     Target: ≤-0, actual $a500 (missed)" "--dump figures: compared exactly, shown as written and whole"
is "$(grep 'figures:' "$tmp/out")" "    (targets; 5 items; figures: 3 met, 2 missed, 0 unknown)" \
	"--dump figures: the section's count agrees"
if LC_ALL=vi_VN.UTF-8 locale -k decimal_point 2>/dev/null | grep -q '","'; then
	env -u LC_ALL LANG=C.UTF-8 LC_NUMERIC=vi_VN.UTF-8 "$MINUTES" --dump "$tmp/figures.xml" >"$tmp/out" 2>"$tmp/err"
	is "$(grep 'Target:' "$tmp/out" | head -n 2)" "     Target: =961,6360837783533, actual 961,6360837783533 (met)
     Target: ≥120000000 đồng, actual 119999999,5 (missed)" "--dump figures: a Vietnamese locale's decimal comma"
else
	skip "--dump figures: a Vietnamese locale's decimal comma" "no vi_VN.UTF-8 locale (Debian: locales)"
fi
printf 'j\nj\n' >"$tmp/fig.keys"
COLUMNS=200 LINES=30 "$MINUTES" --replay "$tmp/fig.keys" --dump-screen "$tmp/fig.screen" "$tmp/figures.xml"
grep -q '=961.6360837783533 ✓' "$tmp/fig.screen" && grep -q '≥120000000 đồng ✗' "$tmp/fig.screen"
ok $? "the browser shows figures as written, with their verdicts"

# error messages quoting an argument or a line of a key file are made
# safe like file names: ESC and C1 become the placeholder, bidi controls
# go, and a long line is cut by characters (never inside one)
ph=$(printf '\357\277\275')
run "$MINUTES" --dump --width "$(printf '\033[2J')" data/ngan-son-2020.xml
check "--width with an escape sequence" 2 "" "minutes: --width wants a number of columns from 1 to 10000, not '${ph}[2J'
Try 'minutes --help' for more information."
run "$MINUTES" "$(printf -- '--x\302\2332J\342\200\256y')"
check "an unknown option with C1 and bidi controls" 2 "" "minutes: unknown option '--x${ph}2Jy'
Try 'minutes --help' for more information."
printf 'j\n<\033]0;owned\007>\n' >"$tmp/esc.keys"
run "$MINUTES" --replay "$tmp/esc.keys" --dump-screen "$tmp/x" data/ngan-son-2020.xml
check "--replay with an escape sequence in a key file" 2 "" "minutes: $tmp/esc.keys:2: not a key name '<${ph}]0;owned${ph}>'"
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\ngggggggggggggggggggggggggggggggggggggggĐức\n' >"$tmp/long.keys"
run "$MINUTES" --replay "$tmp/long.keys" --dump-screen "$tmp/x" data/ngan-son-2020.xml
check "--replay with a long bad line: cut at 40 columns" 2 "" "minutes: $tmp/long.keys:1: not a key name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…'"
sed -i 1d "$tmp/long.keys"
run "$MINUTES" --replay "$tmp/long.keys" --dump-screen "$tmp/x" data/ngan-son-2020.xml
check "--replay with a long bad line: never cut inside a character" 2 "" "minutes: $tmp/long.keys:1: not a key name 'ggggggggggggggggggggggggggggggggggggggg…'"
esc_keys="$tmp/$(printf 'k\033[2J\302\233.keys')"
run "$MINUTES" --replay "$esc_keys" --dump-screen "$tmp/x" data/ngan-son-2020.xml
check "--replay with a missing key file whose name has controls" 2 "" "minutes: $tmp/k${ph}[2J${ph}.keys: No such file or directory"
printf 'q\n' >"$tmp/q.keys"
run "$MINUTES" --replay "$tmp/q.keys" --dump-screen "$tmp/$(printf 'no\033[2Jdir')/x" data/ngan-son-2020.xml
check "--dump-screen into a missing folder whose name has controls" 2 "" "minutes: $tmp/no${ph}[2Jdir/x: No such file or directory"

# --- notes: --dump shows them under their elements; --export-notes ------------
mkdir -p "$tmp/n/m/ngan-son-2020.notes"
cp data/ngan-son-2020.xml "$tmp/n/m/"
cp tests/screens/notes/Nguyen_Minh.xml "$tmp/n/m/ngan-son-2020.notes/"
(cd "$tmp/n" && "$MINUTES" --dump m/ngan-son-2020.xml >"$tmp/out" 2>"$tmp/err")
is "$?" 0 "--dump with notes: exit 0"
is "$(grep -A1 'Ngày hội tổ chức' "$tmp/out" | head -n 1)" "       Ngày hội tổ chức ở bao nhiêu thôn?" "--dump: a note's text under its item"
is "$(grep -B1 'Ngày hội tổ chức' "$tmp/out" | head -n 1)" "     [question, open] Nguyễn Minh, 2025-11-28 08:00 UTC" "--dump: the note's kind, status, author and date"
grep -q '^     \[agreed, open\] Nguyễn Minh, 2025-11-28 08:00 UTC (text changed since this note)$' "$tmp/out"
ok $? "--dump: a note on changed text says so"
(cd "$tmp/n" && TZ=Asia/Ho_Chi_Minh "$MINUTES" --export-notes m/ngan-son-2020.xml >"$tmp/out" 2>"$tmp/err")
is "$?" 0 "--export-notes: exit 0"
is "$(cat "$tmp/out")" "$(cat $exp/ngan-son-2020.review.md)" "--export-notes: the Markdown review report"
is "$(cat "$tmp/err")" "" "--export-notes: nothing on stderr"
(cd "$tmp/n" && "$MINUTES" --dump --width 50 m/ngan-son-2020.xml >"$tmp/out" 2>"$tmp/err")
is "$(LC_ALL=C.UTF-8 wc -L <"$tmp/out")" 50 "--dump --width 50 with notes: notes are wrapped too"
is "$(grep -A2 '\[agreed, open\]' "$tmp/out")" "     [agreed, open] Nguyễn Minh, 2025-11-28
       08:00 UTC (text changed since this note)
       Đồng ý với cách viết này." "--dump --width 50: a note wrapped under its item"
run "$MINUTES" --check --verbose "$tmp/n/m"
check "--check DIR skips the NAME.notes folders" 0 "$tmp/n/m/ngan-son-2020.xml: ok" "$(ngan_son_spelling "$tmp/n/m/ngan-son-2020.xml")"
run "$MINUTES" --export-notes
check "--export-notes without FILE" 2 "" "minutes: no FILE given
Try 'minutes --help' for more information."
(cd "$tmp/n" && "$MINUTES" --dump data/none.xml >/dev/null 2>&1)
is "$?" 1 "--dump of a missing file: exit 1"
cmp -s data/ngan-son-2020.xml "$tmp/n/m/ngan-son-2020.xml"
ok $? "the minutes file is never modified"

# a bracketed paste longer than the line holds is refused whole, never cut
{
	printf 'j\nj\n<Enter>\n/\n<PasteStart>\n"'
	head -c 65537 /dev/zero | tr '\0' a
	printf '"\n<PasteEnd>\n'
} >"$tmp/paste-long.keys"
COLUMNS=100 LINES=24 "$MINUTES" --replay "$tmp/paste-long.keys" --dump-screen "$tmp/pl.screen" data/ngan-son-2020.xml
is "$(tail -n 1 "$tmp/pl.screen" | sed 's/ *$//')" "/" "a paste of 65,537 bytes leaves the search line empty"
{
	printf 'j\nj\n<Enter>\n/\n<PasteStart>\n"'
	head -c 65536 /dev/zero | tr '\0' a
	printf '"\n<PasteEnd>\n<Esc>\n'
} >"$tmp/paste-fits.keys"
printf '<Esc>\n' >>"$tmp/paste-long.keys"
COLUMNS=100 LINES=24 "$MINUTES" --replay "$tmp/paste-long.keys" --dump-screen "$tmp/pl.screen" data/ngan-son-2020.xml
tail -n 1 "$tmp/pl.screen" | grep -q "The pasted text has more than 65536 bytes; nothing was pasted"
ok $? "a paste of 65,537 bytes: a message says it was refused"
COLUMNS=100 LINES=24 "$MINUTES" --replay "$tmp/paste-fits.keys" --dump-screen "$tmp/pf.screen" data/ngan-son-2020.xml
tail -n 1 "$tmp/pf.screen" | grep -q "pasted"
ok $((! $?)) "a paste of 65,536 bytes is taken (no message)"

# the browser lists at most 1000 spelling warnings of a file, the last
# line saying how many more there are
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<minutes version="1" id="m">\n'
	printf '<meeting><title>T</title><date>2020-01-16</date></meeting>\n<attendees/>\n'
	printf '<section id="s1" kind="report"><heading>H</heading>\n'
	i=0
	while [ $i -lt 1003 ]; do printf '<item id="i%d">địa phuơng</item>\n' $i; i=$((i + 1)); done
	printf '</section>\n</minutes>\n'
} >"$tmp/spelling-many.xml"
printf 'p\n<End>\n' >"$tmp/spelling-many.keys"
COLUMNS=100 LINES=12 "$MINUTES" --replay "$tmp/spelling-many.keys" --dump-screen "$tmp/sm.screen" "$tmp/spelling-many.xml"
is "$(sed -n '2p;11p' "$tmp/sm.screen" | sed 's/.*│//; s/ *$//')" "Problems (1000)
0:0: warning: and 4 more spelling warnings" \
	"1003 spelling warnings: 999 listed and a count of the 4 more"

done_testing
