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
for f in data/ngan-son-2020.xml data/ban-ke-hoach-2021.xml \
	 data/tan-lap-nong-thon-moi-2019.xml; do
	# (the attendees' heading wraps too: "Attendees (9; present 8,
	# expected 9)" is 36 columns)
	for w in 24 27 33 40 51; do
		run "$MINUTES" --dump --width "$w" "$f"
		widest=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
		[ "$rc" -eq 0 ] && [ "$widest" -le "$w" ]
		ok $? "--dump --width $w $f: widest line $widest"
	done
done
run "$MINUTES" --dump --width 24 data/tan-lap-nong-thon-moi-2019.xml
is "$(printf '%s\n' "$out" | grep -A1 '^Attendees')" "Attendees (9; present 8,
  expected 9)" "--dump --width 24: the attendees' heading wraps, indented"
run "$MINUTES" --dump --width 24 data/ngan-son-2020.xml
is "$(printf '%s\n' "$out" | sed -n '/^Organizer:/,/^Status:/p')" "Organizer: Ủy ban MTTQ
  huyện Ngân Sơn
Status: draft" "--dump --width 24: Organizer wraps after its label"

# --- encodings: TCVN3 by name, raw legacy bytes in a UTF-8 file -----------
sed 's/encoding="UTF-8"/encoding="TCVN3"/' tests/fixtures/valid-full.xml |
	iconv -f UTF-8 -t TCVN5712-1 >"$tmp/tcvn3.xml"
run "$MINUTES" --check "$tmp/tcvn3.xml"
is "$rc:$err" "0:" "encoding=\"TCVN3\" is accepted"
"$MINUTES" --dump tests/fixtures/valid-full.xml >"$tmp/want"
run "$MINUTES" --dump "$tmp/tcvn3.xml"
is "$out" "$(cat "$tmp/want")" "encoding=\"TCVN3\" reads as the UTF-8 original"
sed 's/encoding="UTF-8"/encoding="tcvn-3"/' tests/fixtures/valid-full.xml |
	iconv -f UTF-8 -t TCVN5712-1 >"$tmp/tcvn3b.xml"
run "$MINUTES" --check "$tmp/tcvn3b.xml"
is "$rc:$err" "0:" "encoding=\"tcvn-3\" is accepted"
iconv -f UTF-8 -t TCVN5712-1 tests/fixtures/valid-full.xml >"$tmp/raw3.xml"
run "$MINUTES" --check "$tmp/raw3.xml"
# (the bytes are shown as U+FFFD and listed, the first with the hint)
is "$rc:$(head -n 1 "$tmp/err")" "1:$tmp/raw3.xml:7:13: error: invalid UTF-8 (byte 0xE9), shown as U+FFFD; the bytes look like TCVN3 (ABC): declare encoding=\"TCVN3\" in the XML declaration, or convert the file to UTF-8" \
	"raw TCVN3 bytes in a UTF-8 file: the hint, with the line"
# VNI has no converter in iconv: "Biên bản hội nghị Việt Nam" in VNI bytes
printf '<?xml version="1.0" encoding="UTF-8"?>\n<minutes version="1" id="x">\n <meeting><title>Bie\342n ba\373n ho\344i ngh\362 Vie\344t Nam</title>\n</meeting></minutes>\n' >"$tmp/vni.xml"
run "$MINUTES" --check "$tmp/vni.xml"
is "$rc:$(grep -m 1 'UTF-8' "$tmp/err")" "1:$tmp/vni.xml:3:21: error: invalid UTF-8 (byte 0xE2), shown as U+FFFD; the bytes look like VNI, which no XML encoding name covers: convert the file to UTF-8 (e.g. with a converter such as Unikey's)" \
	"raw VNI bytes in a UTF-8 file: the hint, with the line"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<minutes version="1" id="x">\n <meeting><title>caf\351 cr\350me</title>\n</meeting></minutes>\n' >"$tmp/latin1.xml"
run "$MINUTES" --check "$tmp/latin1.xml"
is "$rc:$(grep -m 1 'UTF-8' "$tmp/err")" "1:$tmp/latin1.xml:3:21: error: invalid UTF-8 (byte 0xE9), shown as U+FFFD" \
	"raw Latin-1 bytes: no Vietnamese hint"

# --- --check: the spelling check warns, the status stays ------------------
run "$MINUTES" --check data/ngan-son-2020.xml
is "$rc" 0 "spelling warnings leave the exit status at 0"
is "$err" "data/ngan-son-2020.xml:49:28: warning: \"phuơng\" is not a Vietnamese syllable (phương?)
data/ngan-son-2020.xml:50:77: warning: tone placement: \"Uỷ\" (3) where this document mostly writes \"Ủy\" (19)
data/ngan-son-2020.xml:102:19: warning: \"Hồ Chí minh\": the name is written \"Hồ Chí Minh\" elsewhere" \
	"--check: the seed's slips, one warning each, nothing else"
run "$MINUTES" --check tests/fixtures/valid-full.xml
is "$rc:$err" "0:" "--check: no warning on correct minutes"
mkdir "$tmp/archive"
sed 's|<p>Chiều ngày 16/01|<p>Bà Lê Thị Hồng Gấm dự. Chiều ngày 16/01|' data/ngan-son-2020.xml >"$tmp/archive/a.xml"
sed 's|<p>Chiều ngày 16/01|<p>Bà Lê Thị hồng Gấm dự. Chiều ngày 16/01|' data/ngan-son-2020.xml >"$tmp/archive/b.xml"
run "$MINUTES" --check "$tmp/archive"
is "$rc" 0 "--check an archive: exit 0"
is "$(printf '%s\n' "$err" | grep 'Gấm')" "$tmp/archive/b.xml:34:20: warning: \"Lê Thị hồng Gấm\": the name is written \"Lê Thị Hồng Gấm\" elsewhere" \
	"--check an archive: a name spelt in capitals in one file, not in another"
run "$MINUTES" --check "$tmp/archive/b.xml"
is "$(printf '%s\n' "$err" | grep -c 'Gấm')" 0 "--check one file: the other file's names are not known"
printf '<minutes version="1" id="x"><meeting><title>kái b\xc3\xa0n</title><date>2020-01-01</date></meeting></minutes>\n' >"$tmp/bad.xml"
run "$MINUTES" --check "$tmp/bad.xml"
is "$rc" 1 "an invalid file: still exit 1"
is "$(printf '%s\n' "$err" | grep warning)" "$tmp/bad.xml:1:45: warning: \"kái\" is not a Vietnamese syllable (cái?)" \
	"an invalid file: its spelling is checked too"

done_testing
