# documents.sh - the documents: --export html (the biên bản) and the review
# report (--export-notes, Markdown and HTML, one file and an archive):
# exact outputs against golden files, the language whatever the locale, the
# usage errors, and hostile text in every field that never reaches the page
# live.  DOCUMENTS_WRITE_GOLDEN=1 rewrites the golden files (look at them).
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1
exp=tests/cli/expected
# notes show local times: pin the zone
TZ=Asia/Ho_Chi_Minh
export TZ

run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

check() {
	is "$rc" "$2" "$1: exit status"
	is "$out" "$3" "$1: stdout"
	is "$err" "$4" "$1: stderr"
}

# golden NAME FILE: stdout of the last run is exactly FILE
golden() {
	if [ -n "$DOCUMENTS_WRITE_GOLDEN" ]; then
		cp "$tmp/out" "$2"
	fi
	if cmp -s "$tmp/out" "$2"; then
		ok 0 "$1"
	else
		ok 1 "$1"
		diff -u "$2" "$tmp/out" | head -n 40 | sed 's/^/# /'
	fi
}

# --- the biên bản ---------------------------------------------------------
for f in data/tan-lap-nong-thon-moi-2019.xml data/ban-ke-hoach-2021.xml \
	 data/ngan-son-2020.xml tests/fixtures/valid-minimal.xml; do
	b=$(basename "$f" .xml)
	run "$MINUTES" --export html "$f"
	is "$rc" 0 "--export html $b: exit 0"
	is "$err" "" "--export html $b: nothing on stderr"
	golden "--export html $b: the page, exactly" "$exp/$b.bienban.html"
done

# standalone: nothing fetched, no script
for f in "$exp"/*.bienban.html "$exp"/*.review.html; do
	is "$(grep -c -i 'src=\|href=\|url(\|@import\|<script\|<link\|<img\|<iframe\|<object' "$f")" 0 \
		"$(basename "$f"): no script, nothing fetched"
	is "$(grep -c '<style>' "$f")" 1 "$(basename "$f"): one inline style sheet"
done

# the minutes' language, whatever the locale
"$MINUTES" --export html data/ngan-son-2020.xml >"$tmp/c" 2>&1
for loc in C.UTF-8 vi_VN.UTF-8 en_US.UTF-8; do
	LC_ALL=$loc LANGUAGE=en "$MINUTES" --export html data/ngan-son-2020.xml \
		>"$tmp/l" 2>&1
	cmp -s "$tmp/c" "$tmp/l"
	ok $? "--export html under LC_ALL=$loc: the same Vietnamese page"
done
is "$(grep -c '<html lang="vi" xml:lang="vi">' "$tmp/c")" 1 "the page says lang=vi"
for f in data/*.xml; do
	grep -q 'xml:lang="vi"' "$f"
	ok $? "$f is in Vietnamese"
done

# a v1 file: the parts it does not give are blank lines, never invented
grep -q '<div class="number">Số: <span class="fill short"></span>/BB-<span class="fill short"></span></div>' \
	"$exp/ngan-son-2020.bienban.html"
ok $? "v1: Số is a blank to fill in"
grep -q '<span class="label">Chủ trì (chủ tọa):</span> <span class="fill"></span>' \
	"$exp/ngan-son-2020.bienban.html"
ok $? "v1: no chair is invented"
grep -q 'Cuộc họp kết thúc vào <span class="fill short"></span> giờ <span class="fill short"></span>, ngày 16 tháng 01 năm 2020.' \
	"$exp/ngan-son-2020.bienban.html"
ok $? "v1 without an end time: the closing sentence has blanks for it"
grep -q 'Cuộc họp kết thúc vào 11 giờ 30, ngày 20 tháng 12 năm 2021.' \
	"$exp/ban-ke-hoach-2021.bienban.html"
ok $? "the closing sentence from date/@end"

# a draft says so; approved minutes do not
is "$(grep -c '<div class="draft"><span>DỰ THẢO</span></div>' "$exp/ngan-son-2020.bienban.html")" 1 \
	"a draft is marked DỰ THẢO"
is "$(grep -c 'DỰ THẢO' "$exp/tan-lap-nong-thon-moi-2019.bienban.html")" 0 \
	"approved minutes are not marked"

# v2: the parts the file gives
h=$exp/tan-lap-nong-thon-moi-2019.bienban.html
grep -q '<div class="parent">ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ</div>' "$h"
ok $? "v2: the parent body, upper case"
grep -q '<div class="number">Số: 08/BB-UBND</div>' "$h"
ok $? "v2: Số as written"
grep -q '<li>Đàm Thị Hiền, Công chức Tài chính - Kế toán (Đi tập huấn nghiệp vụ tại huyện);</li>' "$h"
ok $? "v2: the excused member and her reason"
grep -q 'Số lượng: triệu tập 9 người; có mặt 8 người; vắng có lý do 1 người.' "$h"
ok $? "v2: the attendance counts"
grep -q 'Tán thành: 7 (87,50% số người có mặt); Không tán thành: 0 (0,00% số người có mặt); Không có ý kiến: 1 (12,50% số người có mặt).' "$h"
ok $? "v2: the tally with its ratios"
grep -q 'Kết quả: thông qua.' "$h"
ok $? "v2: the result"
grep -q 'người thực hiện: Hoàng Thị Nga, Bế Thị Uyên; thời hạn: ngày 15 tháng 7 năm 2019.' "$h"
ok $? "v2: a task's assignees and due date"
grep -q 'Cuộc họp kết thúc vào 10 giờ 45, ngày 27 tháng 6 năm 2019.' "$h"
ok $? "v2: the closing sentence"
is "$(grep -A4 '<div class="role">THƯ KÝ</div>' "$h" | grep signer)" '<div class="signer">Nông Thị Mai</div>' \
	"v2: the secretary signs on the left"
is "$(grep -A4 '<div class="role">CHỦ TỌA</div>' "$h" | grep signer)" '<div class="signer">Triệu Văn Toàn</div>' \
	"v2: the chair signs on the right"
is "$(grep -c '<li>- Lưu: VT, Hồ sơ.</li>' "$h")" 1 "v2: Nơi nhận ends with Lưu once"

# a refusal, a title before a signer's name, several chairs
cat >"$tmp/r.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<minutes version="2" id="r" xml:lang="vi">
  <meeting>
    <title>Họp</title>
    <date start="14:00" end="16:05">2025-02-05</date>
    <place>Phòng họp số 2, nhà A.</place>
    <chair ref="an"/> <chair ref="binh"/> <secretary ref="chi"/>
  </meeting>
  <attendees>
    <person id="an"><name>TS. Nguyễn Văn An</name></person>
    <person id="binh"><name>PGS.TS. Trần Thị Bình</name></person>
    <person id="chi"><name>Lê Thị Chi</name></person>
  </attendees>
  <section id="s" kind="other"><heading>Nội dung</heading><item id="i">Thảo luận.</item></section>
  <signatures>
    <signature role="secretary" ref="chi" refused="Không đồng ý với phần kết luận"/>
    <signature role="chair" ref="an"/>
  </signatures>
  <recipients><recipient>Các thành viên</recipient></recipients>
</minutes>
EOF
run "$MINUTES" --export html "$tmp/r.xml"
is "$rc" 0 "a refusal: exit 0"
is "$(printf '%s\n' "$out" | grep -A5 '<div class="role">THƯ KÝ</div>' | sed -n '3,4p')" \
'<div class="refused">(Không ký biên bản: Không đồng ý với phần kết luận)</div>
<div class="signer">Lê Thị Chi</div>' "a recorded refusal is written where the signature would go"
is "$(printf '%s\n' "$out" | grep -A4 '<div class="role">CHỦ TỌA</div>' | grep signer)" \
	'<div class="signer">Nguyễn Văn An</div>' "the signer's name without academic title"
printf '%s\n' "$out" | grep -q '<span class="label">Chủ trì (chủ tọa):</span> TS. Nguyễn Văn An; PGS.TS. Trần Thị Bình.</p>'
ok $? "the chairs as the file names them"
printf '%s\n' "$out" | grep -q 'Thời gian bắt đầu:</span> 14 giờ 00, ngày 05 tháng 02 năm 2025.'
ok $? "ngày 05 tháng 02: leading zeros"
printf '%s\n' "$out" | grep -q '<span class="label">Địa điểm:</span> Phòng họp số 2, nhà A.</p>'
ok $? "a place that ends with a period gets no second one"
is "$(printf '%s\n' "$out" | sed -n '/<p class="label">Nơi nhận:<\/p>/,/<\/ul>/p' | sed 1,2d)" \
'<li>- Các thành viên;</li>
<li>- Lưu: VT, Hồ sơ.</li>
</ul>' "Nơi nhận ends with the form's Lưu line when the file has none"

# usage
run "$MINUTES" --export pdf data/ngan-son-2020.xml
check "--export pdf" 2 "" "minutes: --export wants html
Try 'minutes --help' for more information."
run "$MINUTES" --export html data/ngan-son-2020.xml data/ban-ke-hoach-2021.xml
check "--export html with two files" 2 "" "minutes: --export html wants one FILE
Try 'minutes --help' for more information."
run "$MINUTES" --export html
check "--export html without FILE" 2 "" "minutes: no FILE given
Try 'minutes --help' for more information."
run "$MINUTES" --export html data/none.xml
is "$rc" 1 "--export html of a missing file: exit 1"
is "$out" "" "--export html of a missing file: no page"
run "$MINUTES" --dump --format html data/ngan-son-2020.xml
check "--format without --export-notes" 2 "" "minutes: --format goes with --export-notes
Try 'minutes --help' for more information."
run "$MINUTES" --export-notes --format txt data/ngan-son-2020.xml
check "--format txt" 2 "" "minutes: --format wants md or html
Try 'minutes --help' for more information."

# --- the review report ------------------------------------------------------
mkdir -p "$tmp/n/m/ngan-son-2020.notes"
cp data/ngan-son-2020.xml data/ban-ke-hoach-2021.xml "$tmp/n/m/"
cp tests/screens/notes/Nguyen_Minh.xml "$tmp/n/m/ngan-son-2020.notes/"
(cd "$tmp/n" && "$MINUTES" --export-notes --format md m/ngan-son-2020.xml) \
	>"$tmp/out" 2>"$tmp/err"
is "$?" 0 "--export-notes --format md: exit 0"
golden "--export-notes --format md: the table, exactly" "$exp/ngan-son-2020.review.md"
(cd "$tmp/n" && "$MINUTES" --export-notes --format html m/ngan-son-2020.xml) \
	>"$tmp/out" 2>"$tmp/err"
is "$?" 0 "--export-notes --format html: exit 0"
is "$(cat "$tmp/err")" "" "--export-notes --format html: nothing on stderr"
golden "--export-notes --format html: the page, exactly" "$exp/ngan-son-2020.review.html"
grep -q '@page { size: A4 landscape;' "$tmp/out"
ok $? "the review report prints on A4 landscape"
(cd "$tmp/n" && "$MINUTES" --export-notes m) >"$tmp/out" 2>"$tmp/err"
is "$?" 0 "--export-notes DIR: exit 0"
is "$(cat "$tmp/err")" "" "--export-notes DIR: nothing on stderr"
golden "--export-notes DIR: the summary, then each meeting, newest first" \
	"$exp/archive.review.md"
(cd "$tmp/n" && "$MINUTES" --export-notes --format html m) >"$tmp/out" 2>"$tmp/err"
is "$?" 0 "--export-notes --format html DIR: exit 0"
golden "--export-notes --format html DIR: one page, a section per meeting" \
	"$exp/archive.review.html"

# the report's language and its times are the minutes', whatever the
# locale: "15 giờ 00 ngày 28/11/2025" for Vietnamese minutes, and an
# English copy of the same minutes stays English under LANGUAGE=vi
for e in "LC_ALL=C.UTF-8 LANGUAGE=vi" "LC_ALL=C.UTF-8 LANGUAGE=en" "LC_ALL=C"; do
	(cd "$tmp/n" && env $e "$MINUTES" --export-notes --format md m/ngan-son-2020.xml) \
		>"$tmp/out" 2>"$tmp/err"
	golden "--export-notes under $e: the same Vietnamese table" \
		"$exp/ngan-son-2020.review.md"
done
is "$(grep -c '| Nguyễn Minh, 15 giờ 00 ngày 28/11/2025 (UTC+07:00) |' "$exp/ngan-son-2020.review.md")" 4 \
	"--export-notes in Vietnamese: a time as documents write it, in local time"
mkdir -p "$tmp/en/ngan-son-2020.notes"
sed 's/xml:lang="vi"/xml:lang="en"/' data/ngan-son-2020.xml >"$tmp/en/ngan-son-2020.xml"
cp tests/screens/notes/Nguyen_Minh.xml "$tmp/en/ngan-son-2020.notes/"
(cd "$tmp" && LC_ALL=C.UTF-8 LANGUAGE=vi "$MINUTES" --export-notes --format md en/ngan-son-2020.xml) \
	>"$tmp/out" 2>"$tmp/err"
is "$(grep -c '| Nguyễn Minh, 2025-11-28 15:00 (UTC+07:00) | open |$' "$tmp/out"):$(grep -c 'giờ\|ngày' "$tmp/out")" "4:0" \
	"--export-notes of English minutes under LANGUAGE=vi: English times"
sed 's/xml:lang="vi"/xml:lang="en"/' data/ban-ke-hoach-2021.xml >"$tmp/en/ban-ke-hoach-2021.xml"
LC_ALL=C.UTF-8 LANGUAGE=vi "$MINUTES" --export html "$tmp/en/ban-ke-hoach-2021.xml" >"$tmp/out" 2>&1
grep -q '<p><span class="label">Start:</span> 08:00, 20 December 2021.</p>' "$tmp/out" &&
	grep -q '<p class="closing">The meeting ended at 11:30, 20 December 2021.</p>' "$tmp/out"
ok $? "--export html of English minutes under LANGUAGE=vi: English times"
is "$(grep -c 'giờ' "$tmp/out")" 0 "--export html of English minutes: no giờ"
for e in "LC_ALL=C.UTF-8 LANGUAGE=vi" "LC_ALL=C"; do
	env $e "$MINUTES" --export html data/ban-ke-hoach-2021.xml >"$tmp/out" 2>&1
	grep -q '<p><span class="label">Thời gian bắt đầu:</span> 08 giờ 00, ngày 20 tháng 12 năm 2021.</p>' "$tmp/out"
	ok $? "--export html of Vietnamese minutes under $e: 08 giờ 00"
done

mkdir "$tmp/empty"
run "$MINUTES" --export-notes "$tmp/empty"
is "$rc" 0 "--export-notes of a folder without minutes: exit 0"
is "$out" "# BẢN TỔNG HỢP Ý KIẾN

- Số cuộc họp: 0
- Số ý kiến: 0 (chưa xử lý: 0)

## Tổng hợp theo cuộc họp

| STT | Cuộc họp | Tệp | Số ý kiến | Chưa xử lý |
|---:|---|---|---:|---:|
| | **Tổng cộng** | | 0 | 0 |" "--export-notes of a folder without minutes: a summary of none"

# --- hostile text in every field ---------------------------------------------
# markup, an event attribute, a character reference, Markdown, C1
# controls (U+0085, U+009B: CSI, the one escape XML lets through) and bidi
# overrides (U+202E, U+2066)
P='&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;&gt;&lt;img src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt; *x* _y_ | \| # [a](javascript:alert(1)) `c` ~~s~~ &lt;!-- --&gt; '"$(printf '[31m\302\205\302\233\342\200\256\342\201\246')"' end'
PL="$P&#10;# heading&#10;- [x] agreed — **lan**&#10;&#96;&#96;&#96;&#10;&lt;div onclick=x&gt;&#10;    code"
mkdir -p "$tmp/h/h.notes"
cat >"$tmp/h/h.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<minutes version="2" id="h1" xml:lang="vi&quot; onload=&quot;alert(1)">
  <meeting>
    <agency parent="A $P">G $P</agency>
    <number>M $P</number>
    <title>T $P</title>
    <organizer>O $P</organizer>
    <date start="08:00" end="09:30">2025-06-27</date>
    <place>P $P</place>
    <chair ref="a"/> <secretary ref="e"/>
    <source>S $P</source>
  </meeting>
  <attendees expected="3">
    <person id="a"><name>N $P</name><role>R $P</role></person>
    <person id="e" presence="excused"><name>E $P</name><reason>W $P</reason></person>
  </attendees>
  <section id="s1" kind="other">
    <heading>H $P</heading>
    <item id="i1" by="a"><p>I $P</p><p>second $P</p></item>
    <item id="i2">F <figure op="ge" value="95" unit="U $P" actual="96.4">x</figure></item>
    <vote id="v" method="K $P"><motion>V $P</motion><tally for="1"/><result>adopted</result></vote>
    <item id="i3">Giao <task assignee="a" due="2025-07-01">J $P</task>.</item>
  </section>
  <signatures>
    <signature role="secretary" ref="e" refused="Z $P"/>
    <signature role="chair" ref="a"/>
  </signatures>
  <recipients><recipient>Y $P</recipient></recipients>
</minutes>
EOF
for target in h1 a s1 i1 gone; do
	cat <<EOF
  <note id="x-20250101T000000Z-$target" target="$target" kind="comment" status="open" created="2025-01-01T00:00:00Z" modified="2025-01-01T00:00:00Z" status-at="2025-01-01T00:00:00Z" hash="0000000000000000">
    <quote>Q $PL</quote>
    <text>X $PL</text>
  </note>
EOF
done >"$tmp/notes"
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo "<notes version=\"1\" minutes=\"h1\" reviewer=\"W $P\">"
	cat "$tmp/notes"
	echo '</notes>'
} >"$tmp/h/h.notes/x.xml"
# the drafter's answer to the note on i1, hostile too (format 2)
cat >"$tmp/h/h.notes/thu.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<notes version="2" minutes="h1" reviewer="thu">
  <note id="thu-20250102T000000Z-1" target="i1" kind="response" status="open" created="2025-01-02T00:00:00Z" modified="2025-01-02T00:00:00Z" status-at="2025-01-02T00:00:00Z" hash="0000000000000000" reply-to="x-20250101T000000Z-i1" disposition="explained">
    <quote>Q $PL</quote>
    <text>B $PL</text>
  </note>
</notes>
EOF

# no_live NAME FILE: no control, no bidi override, no ESC in FILE
no_live() {
	LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$2"
	ok $((!$?)) "$1: no C1 control"
	LC_ALL=C grep -q "$(printf '\342\200[\252-\256]')\|$(printf '\342\201[\246-\251]')" "$2"
	ok $((!$?)) "$1: no bidi override or isolate"
	LC_ALL=C grep -q "$(printf '\033')" "$2"
	ok $((!$?)) "$1: no ESC"
}

# only_our_tags NAME FILE: every tag on the page is one the program writes,
# with only its own attributes
only_our_tags() {
	grep -o '<[^>]*>' "$2" | grep -v -E \
		'^<!DOCTYPE html>$|^</?(html|head|meta|title|style|body|table|thead|tbody|tr|td|th|div|span|p|h1|h2|h3|ul|li|section|b|em|br)( (class|lang|xml:lang|charset)="[a-z0-9 -]*")*>$' \
		>"$tmp/tags"
	is "$(cat "$tmp/tags")" "" "$1: only the program's own elements and attributes"
	grep -q '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt;' "$2"
	ok $? "$1: the markup is there, as text"
}

"$MINUTES" --export html "$tmp/h/h.xml" >"$tmp/h.html" 2>"$tmp/h.err"
rc=$?
# the text checks may flag the hostile text (exit 1): the page is printed
[ "$rc" -le 1 ]
ok $? "hostile --export html: exit 0 or 1, not $rc"
is "$(tail -n 1 "$tmp/h.html")" "</html>" "hostile --export html: the whole page is printed"
only_our_tags "hostile --export html" "$tmp/h.html"
no_live "hostile --export html" "$tmp/h.html"
is "$(grep -c '<html lang="vi" xml:lang="vi">' "$tmp/h.html")" 1 \
	"hostile --export html: a bad xml:lang gives lang=vi"
grep -q '<div class="agency">G &lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;' "$tmp/h.html"
ok $? "hostile --export html: the agency, in upper case, escaped"
grep -q '<div class="parent">A &lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;' "$tmp/h.html"
ok $? "hostile --export html: the parent body, in upper case, escaped"
for field in M T P N R E W H I second U K V J Z Y; do
	grep -q ">$field &lt;script&gt;\|[ (]$field &lt;script&gt;\|^$field &lt;script&gt;" "$tmp/h.html"
	ok $? "hostile --export html: field $field is on the page, escaped"
done

"$MINUTES" --export-notes --format html "$tmp/h/h.xml" >"$tmp/hr.html" 2>"$tmp/hr.err"
only_our_tags "hostile review report (HTML)" "$tmp/hr.html"
no_live "hostile review report (HTML)" "$tmp/hr.html"

"$MINUTES" --export-notes "$tmp/h/h.xml" >"$tmp/hr.md" 2>"$tmp/hr.err"
no_live "hostile review report (Markdown)" "$tmp/hr.md"
is "$(grep -c '^|' "$tmp/hr.md")" 7 "hostile Markdown: the header, the rule and 5 rows, nothing more"
# every row has its 8 cell borders once escaped pipes are set aside
bad=$(grep '^|' "$tmp/hr.md" | sed 's/\\\\//g; s/\\|//g' |
	awk -F'|' 'NF != 9 { n++ } END { print n + 0 }')
is "$bad" 0 "hostile Markdown: no note, quote or name adds or ends a cell"
is "$(grep -v '^|' "$tmp/hr.md" | grep -v -E '^$|^# BẢN TỔNG HỢP Ý KIẾN$|^\*\*Góp ý về biên bản:\*\* T |^- Biên bản: |^- Số ý kiến: |^- Người góp ý: |^- Tình trạng: ')" "" \
	"hostile Markdown: no line of its own (no heading, list, fence or HTML block)"
is "$(sed 's/<br>//g' "$tmp/hr.md" | grep -c '<')" 0 "hostile Markdown: no raw HTML but <br>"
grep -q 'X &lt;script&gt;alert(1)&lt;/script&gt;"'"'"'&gt;&lt;img src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt; \\\*x\\\* \\_y\\_ \\| \\\\\\| # \\\[a\\\](javascript:alert(1)) \\`c\\` \\~\\~s\\~\\~ &lt;\\!-- --&gt;' "$tmp/hr.md"
ok $? "hostile Markdown: emphasis, links, code and strike are escaped"
grep -q '<br># heading<br>- \\\[x\\\] agreed — \\\*\\\*lan\\\*\\\*<br>\\`\\`\\`<br>&lt;div onclick=x&gt;<br>    code' "$tmp/hr.md"
ok $? "hostile Markdown: a multi-line note stays in its cell, with hard breaks"
# the file x.xml claims to be another reviewer's: shown by its file name
grep -q '| chưa xác thực (x.xml), 07 giờ 00 ngày 01/01/2025 (UTC+07:00) |' "$tmp/hr.md"
ok $? "hostile Markdown: a file that is not its reviewer's is unverified, by file name"
grep -q 'W &lt;script' "$tmp/hr.md"
ok $((!$?)) "hostile Markdown: the name it claims is never shown"
grep -q '| \*Giải trình\*: B &lt;script&gt;alert(1)&lt;/script&gt;.*<br>    code — thu, 07 giờ 00 ngày 02/01/2025 (UTC+07:00)<br>chưa xử lý |$' "$tmp/hr.md"
ok $? "hostile Markdown: the answer in the answers cell, escaped, with hard breaks"
# and as a GFM viewer renders it (raw HTML allowed, as some viewers do)
if command -v cmark-gfm >/dev/null 2>&1; then
	cmark-gfm --unsafe -e table -e strikethrough -e autolink "$tmp/hr.md" >"$tmp/hr.gfm.html"
	is "$(grep -o '<[^>]*>' "$tmp/hr.gfm.html" | grep -v -E '^</?(h1|p|ul|li|strong|em|table|thead|tbody|tr|th|td|br)( align="right")?>$')" "" \
		"hostile Markdown rendered by cmark-gfm: only the report's own elements"
	is "$(grep -c '<tr>' "$tmp/hr.gfm.html")" 6 "rendered: one table, the header and 5 rows"
	is "$(grep -o '<td[ >]' "$tmp/hr.gfm.html" | wc -l)" 35 "rendered: 7 cells in each row"
	is "$(grep -o '<em>' "$tmp/hr.gfm.html" | wc -l)" 5 "rendered: no emphasis but the report's own (4 changed texts, 1 disposition)"
	is "$(grep -o '<strong>' "$tmp/hr.gfm.html" | wc -l)" 1 "rendered: no strong emphasis but the report's own"
else
	skip "hostile Markdown rendered by cmark-gfm" "cmark-gfm is not installed (apt-get install cmark-gfm)"
fi

done_testing
