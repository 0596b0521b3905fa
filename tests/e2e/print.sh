# print.sh - the printed documents in a real browser: chromium prints the
# biên bản and the review report to PDF, poppler-utils read them back: A4
# (portrait; landscape for the report), the parts of Mẫu 1.9 in the text,
# a Times-compatible font embedded, no page that ends on a section heading.
# A screenshot of the first page is kept beside the test log.  Skips with
# the reason when chromium or poppler-utils are missing (Debian: apt-get
# install chromium poppler-utils fonts-liberation fonts-croscore).
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
missing=
[ -n "$CHROMIUM" ] && [ -x "$CHROMIUM" ] ||
	missing="chromium is not installed (apt-get install chromium)"
for tool in pdfinfo pdftotext pdffonts; do
	command -v $tool >/dev/null 2>&1 ||
		missing="${missing:+$missing; }$tool is not installed (apt-get install poppler-utils)"
done
if [ -n "$missing" ]; then
	skip "print the biên bản and the review report" "$missing"
	done_testing
	exit 0
fi
# a browser that writes nothing outside the scratch folder
HOME=$tmp
export HOME
to=
command -v timeout >/dev/null 2>&1 && to="timeout 300"

# chrome ARGS...: the headless browser, quiet, in the scratch folder
chrome() {
	$to "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--no-first-run --user-data-dir="$tmp/profile" \
		--no-pdf-header-footer --print-to-pdf-no-header "$@" \
		>>"$tmp/chrome.log" 2>&1
}

# print HTML PDF: 0 when the PDF was written
print_pdf() {
	rm -f "$2"
	chrome --print-to-pdf="$2" "file://$1"
	[ -s "$2" ]
}

# --- the biên bản ---------------------------------------------------------
f=data/tan-lap-nong-thon-moi-2019.xml
"$MINUTES" --export html "$f" >"$tmp/bb.html"
print_pdf "$tmp/bb.html" "$tmp/bb.pdf"
ok $? "chromium prints the biên bản to PDF"
if [ ! -s "$tmp/bb.pdf" ]; then
	sed 's/^/# /' "$tmp/chrome.log"
fi
pdfinfo "$tmp/bb.pdf" >"$tmp/info" 2>&1
grep -q '^Page size: *59[45]\.[0-9]* x 84[12]\.[0-9]* pts (A4)' "$tmp/info"
ok $? "the biên bản is on A4 portrait"
sed 's/^/# /' "$tmp/info" | grep -E 'Pages|Page size'
pdftotext -enc UTF-8 "$tmp/bb.pdf" "$tmp/bb.txt"
tr '\n' ' ' <"$tmp/bb.txt" >"$tmp/bb.line"
for s in 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' 'Độc lập - Tự do - Hạnh phúc' \
	 'Số: 08/BB-UBND' 'BIÊN BẢN' 'ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ' \
	 'ỦY BAN NHÂN DÂN XÃ TÂN LẬP' \
	 'Thời gian bắt đầu: 08 giờ 00, ngày 27 tháng 6 năm 2019.' \
	 'Thành phần tham dự:' 'Vắng có lý do:' 'Đàm Thị Hiền' \
	 'Chủ trì (chủ tọa): Triệu Văn Toàn' 'Thư ký (người ghi biên bản): Nông Thị Mai' \
	 'I. Khai mạc' 'IV. Biểu quyết' 'Tán thành: 7' 'Kết quả: thông qua.' \
	 'thời hạn: ngày 30 tháng 9 năm 2019' \
	 'Cuộc họp kết thúc vào 10 giờ 45, ngày 27 tháng 6 năm 2019.' \
	 'THƯ KÝ' 'CHỦ TỌA' 'Nơi nhận:' '- Lưu: VT, Hồ sơ.'; do
	grep -qF -- "$s" "$tmp/bb.line"
	ok $? "the printed biên bản says: $s"
done
# the Quốc hiệu is printed on one line
grep -qx 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "$tmp/bb.txt"
ok $? "the Quốc hiệu is on one line of its own"
# the signers' names under their titles, on the page of the signatures
p=$(pdfinfo "$tmp/bb.pdf" | sed -n 's/^Pages: *//p')
pdftotext -enc UTF-8 -layout -f "$p" -l "$p" "$tmp/bb.pdf" "$tmp/sign.txt"
grep -q 'THƯ KÝ  *CHỦ TỌA' "$tmp/sign.txt" && grep -q 'Nông Thị Mai  *Triệu Văn Toàn' "$tmp/sign.txt"
ok $? "THƯ KÝ left and CHỦ TỌA right, each with its name, on one page"
pdffonts "$tmp/bb.pdf" >"$tmp/fonts" 2>&1
grep -qE 'Times|Liberation ?Serif|Tinos' "$tmp/fonts"
ok $? "a Times-compatible font is embedded (Times New Roman, Liberation Serif or Tinos)"
sed 's/^/# /' "$tmp/fonts"

# the first page, as a picture, beside the test log
shot=${top_builddir:-.}/tests/e2e/print-page1.png
rm -f "$shot"
chrome --hide-scrollbars --window-size=794,1123 --screenshot="$shot" \
	"file://$tmp/bb.html"
[ -s "$shot" ]
ok $? "a screenshot of the first page"
echo "# screenshot of the first page: $shot ($(wc -c <"$shot" 2>/dev/null || echo 0) bytes)"

# --- page breaks: never right after a section heading ---------------------
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<minutes version="2" id="long" xml:lang="vi"><meeting>'
	echo '<title>Họp dài</title><date start="08:00" end="17:00">2025-06-27</date>'
	echo '<chair ref="a"/><secretary ref="b"/></meeting><attendees>'
	echo '<person id="a"><name>Nguyễn Văn An</name></person>'
	echo '<person id="b"><name>Lê Thị Bình</name></person></attendees>'
	s=1
	while [ $s -le 24 ]; do
		echo "<section id=\"s$s\" kind=\"other\"><heading>Phần số $s</heading>"
		i=1
		while [ $i -le $((s % 4 + 1)) ]; do
			echo "<item id=\"s$s-$i\">Nội dung mục $i của phần $s: báo cáo kết quả thực hiện nhiệm vụ trong kỳ, những khó khăn, vướng mắc và kiến nghị của các đơn vị.</item>"
			i=$((i + 1))
		done
		echo '</section>'
		s=$((s + 1))
	done
	echo '</minutes>'
} >"$tmp/long.xml"
"$MINUTES" --export html "$tmp/long.xml" >"$tmp/long.html"
print_pdf "$tmp/long.html" "$tmp/long.pdf"
ok $? "chromium prints a long biên bản"
pages=$(pdfinfo "$tmp/long.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 3 ]
ok $? "the long biên bản takes several pages ($pages)"
bad=
p=1
while [ $p -le "${pages:-0}" ]; do
	last=$(pdftotext -enc UTF-8 -f $p -l $p "$tmp/long.pdf" - | grep -v '^[[:space:]]*$' | tail -n 1)
	case $last in
	*'. Phần số '*) bad="$bad $p" ;;
	esac
	p=$((p + 1))
done
is "$bad" "" "no page ends on a section heading"
# the signature block, its names and Nơi nhận are on one page, the last
pdftotext -enc UTF-8 -f "$pages" -l "$pages" "$tmp/long.pdf" "$tmp/lastpage.txt"
grep -q 'Nội dung mục' "$tmp/lastpage.txt" &&
	grep -q 'Cuộc họp kết thúc vào' "$tmp/lastpage.txt" &&
	grep -q 'THƯ KÝ' "$tmp/lastpage.txt" && grep -q 'CHỦ TỌA' "$tmp/lastpage.txt" &&
	[ "$(grep -c '(Chữ ký)' "$tmp/lastpage.txt")" -eq 2 ] &&
	grep -q 'Lê Thị Bình' "$tmp/lastpage.txt" && grep -q 'Nguyễn Văn An' "$tmp/lastpage.txt" &&
	grep -q 'Nơi nhận:' "$tmp/lastpage.txt"
ok $? "the last item, the closing sentence, the signatures with their names and Nơi nhận are whole on the last page"

# --- the review report: A4 landscape ----------------------------------------
mkdir -p "$tmp/n/ngan-son-2020.notes"
cp data/ngan-son-2020.xml "$tmp/n/"
cp tests/screens/notes/Nguyen_Minh.xml "$tmp/n/ngan-son-2020.notes/"
# the drafter's answer, so the answers column is printed too
cat >"$tmp/n/ngan-son-2020.notes/thu.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<notes version="2" minutes="mttq-ngan-son-2020" reviewer="thu">
  <note id="thu-20251129T020000Z-1" target="kq5" kind="response" status="open" created="2025-11-29T02:00:00Z" modified="2025-11-29T02:00:00Z" status-at="2025-11-29T02:00:00Z" hash="fbd8a1767eb75bad" reply-to="Nguyen_Minh-20251128T080000Z-1" disposition="accepted">
    <quote>Chỉ đạo các thôn, khu tổ chức tốt Ngày hội Đại đoàn kết toàn dân tộc trên địa bàn.</quote>
    <text>Đã bổ sung: 46/46 thôn, khu tổ chức Ngày hội.</text>
  </note>
</notes>
EOF
TZ=Asia/Ho_Chi_Minh "$MINUTES" --export-notes --format html \
	"$tmp/n/ngan-son-2020.xml" >"$tmp/review.html"
print_pdf "$tmp/review.html" "$tmp/review.pdf"
ok $? "chromium prints the review report"
pdfinfo "$tmp/review.pdf" >"$tmp/info" 2>&1
grep -q '^Page size: *84[12]\.[0-9]* x 59[45]\.[0-9]* pts (A4)' "$tmp/info"
ok $? "the review report is on A4 landscape"
pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
is "$pages" 1 "the review report of 4 notes fits on one page"
pdftotext -enc UTF-8 "$tmp/review.pdf" - | tr '\n' ' ' >"$tmp/review.txt"
for s in 'BẢN TỔNG HỢP Ý KIẾN' 'STT' 'Ngày hội tổ chức ở bao nhiêu thôn?' \
	 'Nguyễn Minh' 'chưa xử lý' 'Tiếp thu: Đã bổ sung: 46/46 thôn, khu tổ chức Ngày hội.' \
	 'đã xử lý: thu'; do
	grep -qF -- "$s" "$tmp/review.txt"
	ok $? "the printed review report says: $s"
done

# an archive: the summary, then each meeting on a page of its own
cp data/tan-lap-nong-thon-moi-2019.xml "$tmp/n/"
TZ=Asia/Ho_Chi_Minh "$MINUTES" --export-notes --format html "$tmp/n" >"$tmp/archive.html"
print_pdf "$tmp/archive.html" "$tmp/archive.pdf"
ok $? "chromium prints the archive's review report"
is "$(pdfinfo "$tmp/archive.pdf" | sed -n 's/^Pages: *//p')" 3 \
	"the archive's report: the summary page, then one page per meeting"
pdftotext -enc UTF-8 -f 1 -l 1 "$tmp/archive.pdf" - | tr '\n' ' ' >"$tmp/p1.txt"
grep -q 'Số cuộc họp: 2' "$tmp/p1.txt" && grep -q 'Tổng cộng' "$tmp/p1.txt"
ok $? "the first page is the summary, with its totals"

done_testing
