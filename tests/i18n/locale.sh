# locale.sh - the interface's language follows the locale: Vietnamese
# under LANG=vi_VN.UTF-8, under LANGUAGE=vi with LANG=C.UTF-8 (a system
# with no Vietnamese locale), and under a Vietnamese UTF-8 locale that is
# not installed; English under C, POSIX, C.UTF-8 and English locales.
# The program under test is the build tree's: it finds the build tree's
# catalog (po/locale), in-tree, out of tree and in make distcheck.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1

# run ENV... COMMAND...: COMMAND with no locale variable but ENV, and
# the program under test as its last argument
run() {
	env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE "$@" "$MINUTES"
}

vi_usage='Cách dùng: minutes [TÙY CHỌN]... [TỆP|THƯ MỤC]...'
en_usage='Usage: minutes [OPTION]... [FILE|DIR]...'
vi_width="minutes: --width cần số cột từ 1 đến 10000, không nhận “x”
Gõ “minutes --help” để xem hướng dẫn."
en_width="minutes: --width wants a number of columns from 1 to 10000, not 'x'
Try 'minutes --help' for more information."

# check_lang WHAT LANG ENV...: --help's first line, --width x's message
# and its exit status
check_lang() {
	what=$1 want=$2
	shift 2
	if [ "$want" = vi ]; then usage=$vi_usage width=$vi_width
	else usage=$en_usage width=$en_width; fi
	is "$(run "$@" sh -c '"$0" --help' | head -n 1)" "$usage" "$what: --help"
	out=$(run "$@" sh -c '"$0" --width x 2>&1')
	status=$?
	is "$out" "$width" "$what: a usage error"
	is "$status" 2 "$what: a usage error exits 2"
}

# --- no Vietnamese locale needed ---------------------------------------
check_lang "LANGUAGE=vi LANG=C.UTF-8 is Vietnamese" vi LANGUAGE=vi LANG=C.UTF-8
check_lang "LANGUAGE=vi LC_ALL=C.UTF-8 is Vietnamese" vi LANGUAGE=vi LC_ALL=C.UTF-8
check_lang "LANGUAGE=vi_VN LANG=C.UTF-8 is Vietnamese" vi LANGUAGE=vi_VN LANG=C.UTF-8
check_lang "LANG=C.UTF-8 is English" en LANG=C.UTF-8
check_lang "LANG=C with LANGUAGE=vi is English" en LANG=C LANGUAGE=vi
check_lang "LC_ALL=POSIX with LANGUAGE=vi is English" en LC_ALL=POSIX LANGUAGE=vi
check_lang "no locale at all is English" en
# a Vietnamese UTF-8 locale that this system does not have: C.UTF-8 with
# the messages in Vietnamese (vi_QQ is no territory, so never installed)
check_lang "LANG=vi_QQ.UTF-8 (not installed) is Vietnamese" vi LANG=vi_QQ.UTF-8
check_lang "LANG=en_QQ.UTF-8 (not installed) is English" en LANG=en_QQ.UTF-8
check_lang "LC_MESSAGES=vi_QQ.UTF-8 over LANG=C.UTF-8 is Vietnamese" vi \
	LANG=C.UTF-8 LC_MESSAGES=vi_QQ.UTF-8
check_lang "LC_ALL=C.UTF-8 over LANG=vi_QQ.UTF-8 is English" en \
	LANG=vi_QQ.UTF-8 LC_ALL=C.UTF-8

# --check's problems: FILE:LINE:COL: then the message in the language
f=tests/fixtures/invalid-root.xml
out=$(run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$1" --check "$0" 2>&1' "$f")
status=$?
is "$status:$out" "1:$f:2:1: lỗi: phần tử gốc là <minute>, cần <minutes>" \
	"--check in Vietnamese: the problem and exit status 1"
out=$(run LANG=C.UTF-8 sh -c '"$1" --check "$0" 2>&1' "$f")
is "$out" "$f:2:1: error: root element is <minute>, expected <minutes>" \
	"--check in English under C.UTF-8"
out=$(run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$1" --check "$0" 2>&1' tests/fixtures/hostile-gzip.xml)
is "$out" "tests/fixtures/hostile-gzip.xml: lỗi: tệp nén: hãy giải nén trước" \
	"a file-level error in Vietnamese"
out=$(run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$1" --check --verbose "$0" 2>/dev/null' data/ngan-son-2020.xml)
is "$out" "data/ngan-son-2020.xml: hợp lệ" "--check --verbose in Vietnamese"
# the spelling check's warnings (the seed's slips) in Vietnamese
out=$(run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$1" --check "$0" 2>&1 >/dev/null' data/ngan-son-2020.xml)
is "$out" "data/ngan-son-2020.xml:49:28: cảnh báo: “phuơng” không phải là một âm tiết tiếng Việt (phương?)
data/ngan-son-2020.xml:50:77: cảnh báo: vị trí dấu thanh: “Uỷ” (3 lần) trong khi biên bản này phần lớn viết “Ủy” (19 lần)
data/ngan-son-2020.xml:102:19: cảnh báo: “Hồ Chí minh”: ở chỗ khác tên này được viết “Hồ Chí Minh”" \
	"--check's warnings in Vietnamese"

# libxml2's common errors in our words: libxml2's (or close) in English,
# translated in Vietnamese, FILE:LINE:COL kept
# xml_error WHAT DOC EN VI: --check of a file holding DOC
xml_error() {
	printf '%s\n' "$2" >"$tmp/bad.xml"
	is "$(cd "$tmp" && run LANG=C.UTF-8 sh -c '"$0" --check bad.xml 2>&1')" "bad.xml:$3" \
		"libxml2's error in English: $1"
	is "$(cd "$tmp" && run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$0" --check bad.xml 2>&1')" "bad.xml:$4" \
		"libxml2's error in Vietnamese: $1"
}
xml_error "a mismatched tag" '<minutes version="1"><meeting></minutes>' \
	"1:41: error: Opening and ending tag mismatch: meeting line 1 and minutes" \
	"1:41: lỗi: thẻ mở <meeting> ở dòng 1 không khớp với thẻ đóng </minutes>"
xml_error "the file ends too soon" '<minutes version="1"><meeting>' \
	"1:31: error: the file ends before the document does (is it cut short?)" \
	"1:31: lỗi: tệp kết thúc trước khi tài liệu kết thúc (tệp có bị cắt cụt không?)"
xml_error "a bare &" '<minutes version="1">a & b</minutes>' \
	"1:25: error: unescaped '&' (write it as &amp;)" \
	"1:25: lỗi: dấu “&” đứng riêng (phải viết là &amp;)"
xml_error "an entity reference without ;" '<minutes version="1">a &amp b</minutes>' \
	"1:28: error: EntityRef: expecting ';' (write a bare & as &amp;)" \
	"1:28: lỗi: tham chiếu thực thể thiếu dấu “;” (dấu & đứng riêng phải viết là &amp;)"
xml_error "an attribute without a value" '<minutes version="1" x></minutes>' \
	"1:23: error: attribute x has no value" \
	"1:23: lỗi: thuộc tính x không có giá trị"
xml_error "an unquoted attribute" '<minutes version=1></minutes>' \
	"1:18: error: attribute value without quotes (\" or ' expected)" \
	"1:18: lỗi: giá trị thuộc tính không nằm trong dấu nháy (cần \" hoặc ')"
xml_error "an undefined entity" '<minutes version="1">&nbsp;</minutes>' \
	"1:28: error: Entity 'nbsp' not defined (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)" \
	"1:28: lỗi: không có thực thể “nbsp” (chỉ được dùng &amp; &lt; &gt; &quot; &apos; và tham chiếu ký tự)"
xml_error "content after the end" '<minutes version="1"></minutes><x/>' \
	"1:32: error: Extra content at the end of the document" \
	"1:32: lỗi: còn nội dung sau khi tài liệu đã kết thúc"
xml_error "< in an attribute" '<minutes version="1" a="<"/>' \
	"1:25: error: Unescaped '<' not allowed in attribute values" \
	"1:25: lỗi: không được dùng dấu “<” trong giá trị thuộc tính (phải viết là &lt;)"
xml_error "a bad character reference" '<minutes version="1">&#1;</minutes>' \
	"1:26: error: character reference to U+0001, not allowed in XML" \
	"1:26: lỗi: tham chiếu tới ký tự U+0001, XML không cho phép"
xml_error "an attribute twice" '<minutes version="1" version="1"/>' \
	"1:33: error: Attribute version redefined" \
	"1:33: lỗi: thuộc tính version được ghi hai lần"
xml_error "an invalid element name" '<minutes version="1"><1/></minutes>' \
	"1:23: error: invalid element name after '<'" \
	"1:23: lỗi: tên phần tử không hợp lệ sau dấu “<”"
xml_error "not XML" '   hello' \
	"1:4: error: not an XML document (it must start with '<')" \
	"1:4: lỗi: không phải tài liệu XML (phải bắt đầu bằng “<”)"
xml_error "a start tag not closed" '<minutes version="1" a="1"b="2"/>' \
	"1:27: error: attributes construct error" \
	"1:27: lỗi: các thuộc tính viết sai (cần: dấu cách, tên, “=”, giá trị trong dấu nháy)"
xml_error "a comment not closed" '<minutes version="1"><!-- x</minutes>' \
	"2:1: error: Comment not terminated" \
	"2:1: lỗi: chú thích chưa được đóng (thiếu “-->”)"
xml_error "a control character in an attribute" "$(printf '<minutes version="1" a="\001"/>')" \
	"1:25: error: invalid character in attribute value" \
	"1:25: lỗi: ký tự không hợp lệ trong giá trị thuộc tính"
xml_error "a control character in a comment" "$(printf '<minutes version="1"><!-- \001 --></minutes>')" \
	"1:27: error: character U+0001 not allowed in XML" \
	"1:27: lỗi: XML không cho phép ký tự U+0001"
xml_error "a second XML declaration" "$(printf '<minutes version="1"><a></a ></minutes>\n<?xml version="1.0"?>')" \
	"2:6: error: XML declaration allowed only at the start of the document" \
	"2:6: lỗi: phần khai báo XML chỉ được đặt ở đầu tài liệu"
xml_error "an unknown encoding" '<?xml version="1.0" encoding="nope"?><minutes/>' \
	"1:36: error: Unsupported encoding nope" \
	"1:36: lỗi: không hỗ trợ bảng mã nope"
xml_error "an unknown XML version" '<?xml version="2.0"?><minutes/>' \
	"1:20: error: Unsupported version '2.0'" \
	"1:20: lỗi: không hỗ trợ phiên bản XML “2.0”"
xml_error "an error worded by libxml2 alone: its English" '<minutes version="1"><?pi x</minutes>' \
	"2:1: error: ParsePI: PI pi never end ..." \
	"2:1: lỗi: ParsePI: PI pi never end ..."

# and in a notes file
mkdir -p "$tmp/nn/m.notes"
cp data/ngan-son-2020.xml "$tmp/nn/m.xml"
cp tests/fixtures/notes/malformed.xml "$tmp/nn/m.notes/x.xml"
is "$(cd "$tmp" && run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$0" --export-notes nn/m.xml 2>&1 >/dev/null')" \
	"nn/m.notes/x.xml:6: thẻ mở <text> ở dòng 6 không khớp với thẻ đóng </txet>" \
	"a notes file's libxml2 error in Vietnamese"

# the legacy-encoding hints are translated too
printf '<?xml version="1.0" encoding="UTF-8"?>\n<minutes version="1"><meeting><title>Vi\326t Nam</title><date>2020-01-16</date></meeting></minutes>\n' >"$tmp/tcvn3-bytes.xml"
is "$(cd "$tmp" && run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$0" --check tcvn3-bytes.xml 2>&1' | grep ':2:40:')" \
	'tcvn3-bytes.xml:2:40: lỗi: UTF-8 không hợp lệ (byte 0xD6), hiện thành U+FFFD; các byte có vẻ là bảng mã TCVN3 (ABC): hãy khai báo encoding="TCVN3" ở phần khai báo XML, hoặc chuyển tệp sang UTF-8' \
	"raw TCVN3 bytes: the hint in Vietnamese"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<minutes version="1"><meeting><title>Nguy\303\224n V\302\250n An h\303\244p</title><date>2020-01-16</date></meeting></minutes>\n' >"$tmp/tcvn3-text.xml"
is "$(cd "$tmp" && run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$0" --check tcvn3-text.xml 2>&1' | grep ':2:31:')" \
	'tcvn3-text.xml:2:31: lỗi: văn bản có vẻ bị lỗi phông: văn bản có vẻ là bảng mã TCVN3 (ABC) bị đọc thành Latin-1; hãy chuyển tệp sang UTF-8 (chẳng hạn bằng công cụ chuyển mã của Unikey) và khai báo encoding="UTF-8"' \
	"TCVN3 read as Latin-1: the hint in Vietnamese"
is "$(cd "$tmp" && run LANG=C.UTF-8 sh -c '"$0" --check tcvn3-text.xml 2>&1' | grep ':2:31:')" \
	"tcvn3-text.xml:2:31: error: text looks mangled: the text looks like TCVN3 (ABC) read as Latin-1; convert the file to UTF-8 (e.g. with a converter such as Unikey's) and declare encoding=\"UTF-8\"" \
	"TCVN3 read as Latin-1: the hint in English"

# a count of bytes through ngettext: no English plural in Vietnamese
printf '<?xml version="1.0" encoding="UTF-8"?>\n<minutes version="1"><meeting><title>A\303(B \341\273</title><date>2020-01-16</date></meeting></minutes>\n' >"$tmp/utf8.xml"
is "$(cd "$tmp" && run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$0" --check utf8.xml 2>&1' | grep 'UTF-8')" \
	"utf8.xml:2:39: lỗi: UTF-8 không hợp lệ (byte 0xC3), hiện thành U+FFFD
utf8.xml:2:43: lỗi: UTF-8 không hợp lệ (byte 0xE1 0xBB), hiện thành U+FFFD" \
	"invalid UTF-8 in Vietnamese: one form for one byte and two"
is "$(cd "$tmp" && run LANG=C.UTF-8 sh -c '"$0" --check utf8.xml 2>&1' | grep 'UTF-8')" \
	"utf8.xml:2:39: error: invalid UTF-8 (byte 0xC3), shown as U+FFFD
utf8.xml:2:43: error: invalid UTF-8 (bytes 0xE1 0xBB), shown as U+FFFD" \
	"invalid UTF-8 in English: byte, bytes"

# --dump's labels and counts in Vietnamese; the document's own text as it is
run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$1" --dump --width 72 "$0"' \
	data/ban-ke-hoach-2021.xml >"$tmp/dump.vi"
is "$(grep -E '^(Cơ quan|Số|Ngày|Chủ trì|Thư ký|Tình trạng|Thành phần tham dự)[: ]' "$tmp/dump.vi")" \
"Cơ quan: Ủy ban nhân dân xã Hòa Thuận
Số: 15/BB-UBND
Ngày: 20/12/2021 08:00–11:30
Chủ trì: Đặng Văn Đức — Chủ tịch UBND xã, chủ trì
Thư ký: Nguyễn Thị Thuỷ — Công chức Văn phòng - Thống kê, thư ký
Tình trạng: đã thông qua
Thành phần tham dự (9; có mặt 9)" "--dump in Vietnamese: the header's labels"
grep -qx '    (kết quả đạt được; 3 mục)' "$tmp/dump.vi" &&
	grep -qx '    (hạn chế, tồn tại; 2 mục)' "$tmp/dump.vi" &&
	grep -qx '    (opening; 2 mục)' "$tmp/dump.vi"
ok $? "--dump in Vietnamese: the kinds the format knows are translated, others kept"

# tasks' due dates the interface's way, in --dump and in the browser
is "$(run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$1" --dump "$0"' data/tan-lap-nong-thon-moi-2019.xml | grep -o 'thời hạn [0-9/-]*')" \
"thời hạn 30/09/2019
thời hạn 15/07/2019" "--dump in Vietnamese: due dates as DD/MM/YYYY"
is "$(run LANG=C.UTF-8 sh -c '"$1" --dump "$0"' data/tan-lap-nong-thon-moi-2019.xml | grep -o 'due [0-9/-]*')" \
"due 2019-09-30
due 2019-07-15" "--dump in English: due dates as YYYY-MM-DD"

printf 'j\nj\nj\nj\nj\nj\nj\n' >"$tmp/tasks.keys"
rm -f "$tmp/tasks.screen"
run LANGUAGE=vi LANG=C.UTF-8 COLUMNS=160 LINES=40 sh -c '"$2" --replay "$0" --dump-screen "$1" data/tan-lap-nong-thon-moi-2019.xml' \
	"$tmp/tasks.keys" "$tmp/tasks.screen"
grep -q 'thời hạn 30/09/2019' "$tmp/tasks.screen" && ! grep -q 'thời hạn 2019' "$tmp/tasks.screen"
ok $? "the browser in Vietnamese: due dates as DD/MM/YYYY"

# --dump's notes: their dates the way the screen writes them
mkdir -p "$tmp/dn/ngan-son-2020.notes"
cp data/ngan-son-2020.xml "$tmp/dn/"
cp tests/screens/notes/Nguyen_Minh.xml "$tmp/dn/ngan-son-2020.notes/"
is "$(run LANGUAGE=vi LANG=C.UTF-8 TZ=Asia/Ho_Chi_Minh sh -c '"$1" --dump "$0"' "$tmp/dn/ngan-son-2020.xml" | grep -c '^     \[.*\] Nguyễn Minh, 28/11/2025 15:00 +07')" 3 \
	"--dump in Vietnamese: the notes' dates as DD/MM/YYYY"
is "$(run LANG=C.UTF-8 TZ=Asia/Ho_Chi_Minh sh -c '"$1" --dump "$0"' "$tmp/dn/ngan-son-2020.xml" | grep -c '^     \[.*\] Nguyễn Minh, 2025-11-28 15:00 +07')" 3 \
	"--dump in English: the notes' dates as YYYY-MM-DD"

# the whole --help, translated (the catalog's text, so both can't drift)
run LANGUAGE=vi LANG=C.UTF-8 sh -c '"$0" --help' >"$tmp/help.vi"
grep -q 'Mã thoát: 0 thành công' "$tmp/help.vi"
ok $? "--help's last paragraph is Vietnamese too"
tr -d '\n' <"$tmp/help.vi" | LC_ALL=C grep -q '[[:cntrl:]]'
ok $((! $?)) "--help in Vietnamese has no control character but line ends"

# the decimal mark follows the interface's language: a comma in
# Vietnamese even where LC_NUMERIC is C.UTF-8 (LANGUAGE=vi, or a
# Vietnamese locale that is not installed), a point in English
# check_mark WHAT MARK ENV...: --dump's targets and the browser's figures
check_mark() {
	what=$1 mark=$2
	shift 2
	if [ "$mark" = , ]; then
		want="     Chỉ tiêu: ≥95%, thực hiện 96,4 (đạt)
     Chỉ tiêu: >1,2 tỷ đồng, thực hiện 1,05 (không đạt)
     Chỉ tiêu: ≤4,5%, thực hiện 5,1 (không đạt)"
		fig='>1,2 tỷ đồng ✗'
	else
		want="     Target: ≥95%, actual 96.4 (met)
     Target: >1.2 tỷ đồng, actual 1.05 (missed)
     Target: ≤4.5%, actual 5.1 (missed)"
		fig='>1.2 tỷ đồng ✗'
	fi
	is "$(run "$@" sh -c '"$1" --dump "$0"' data/ban-ke-hoach-2021.xml |
		grep -E '^ +(Chỉ tiêu|Target): [^ ]*[.,]' | head -n 3)" "$want" \
		"$what: --dump's figures with '$mark'"
	printf 'j\nj\nj\nj\nj\nj\n' >"$tmp/fig.keys"
	rm -f "$tmp/fig.screen"
	run "$@" COLUMNS=200 LINES=40 sh -c '"$2" --replay "$0" --dump-screen "$1" data/ban-ke-hoach-2021.xml' \
		"$tmp/fig.keys" "$tmp/fig.screen"
	grep -qF "$fig" "$tmp/fig.screen"
	ok $? "$what: the browser's figures with '$mark'"
}
check_mark "LANGUAGE=vi LC_ALL=C.UTF-8" , LANGUAGE=vi LC_ALL=C.UTF-8
check_mark "LANGUAGE=vi LANG=C.UTF-8" , LANGUAGE=vi LANG=C.UTF-8
check_mark "LANG=vi_QQ.UTF-8 (not installed)" , LANG=vi_QQ.UTF-8
mkdir -p "$tmp/nolocales"
check_mark "LANG=vi_VN.UTF-8 with no locale installed (LOCPATH)" , \
	LOCPATH="$tmp/nolocales" LANG=vi_VN.UTF-8
check_mark "LANG=C.UTF-8" . LANG=C.UTF-8
check_mark "LC_ALL=C with LANGUAGE=vi" . LC_ALL=C LANGUAGE=vi

# --- the real vi_VN.UTF-8 locale ----------------------------------------
# The system's (made with: localedef -i vi_VN -f UTF-8 vi_VN.UTF-8, from
# Debian's locales), else one built here from the same definitions into a
# private folder (LOCPATH), else skipped.
vi_env=
if locale -a 2>/dev/null | grep -qix 'vi_VN\.utf-\{0,1\}8'; then
	vi_env=LANGUAGE=
elif command -v localedef >/dev/null 2>&1 && mkdir -p "$tmp/locale" &&
	localedef -i vi_VN -f UTF-8 "$tmp/locale/vi_VN.UTF-8" >/dev/null 2>&1; then
	vi_env=LOCPATH=$tmp/locale
fi
if [ -n "$vi_env" ]; then
	is "$(env -u LC_ALL -u LC_CTYPE "$vi_env" LANG=vi_VN.UTF-8 locale charmap 2>&1)" "UTF-8" \
		"vi_VN.UTF-8 is a real locale here ($vi_env)"
	check_lang "LANG=vi_VN.UTF-8 is Vietnamese" vi "$vi_env" LANG=vi_VN.UTF-8
	check_lang "LC_ALL=vi_VN.UTF-8 over LANG=C is Vietnamese" vi "$vi_env" \
		LANG=C LC_ALL=vi_VN.UTF-8
	check_lang "LANG=vi_VN.UTF-8 with LC_MESSAGES=C is English" en "$vi_env" \
		LANG=vi_VN.UTF-8 LC_MESSAGES=C
	check_lang "LANG=vi_VN.UTF-8 with LANGUAGE=en is English" en "$vi_env" \
		LANG=vi_VN.UTF-8 LANGUAGE=en
	check_mark "LANG=vi_VN.UTF-8" , "$vi_env" LANG=vi_VN.UTF-8
	check_mark "LANG=vi_VN.UTF-8 with LANGUAGE=en" . "$vi_env" \
		LANG=vi_VN.UTF-8 LANGUAGE=en
else
	skip "LANG=vi_VN.UTF-8 is Vietnamese" \
		"no vi_VN.UTF-8 locale and localedef cannot make one (Debian: apt-get install locales; localedef -i vi_VN -f UTF-8 vi_VN.UTF-8)"
fi
done_testing
