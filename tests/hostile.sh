# hostile.sh - hostile input: for each file the exit status and the exact
# first line of stderr; the limits (size, item count, nesting) hold in
# time and memory; --dump never writes what a terminal would act on; the
# headless browser survives tiny screens and a storm of keys and resizes.
# Every file is generated here, in a scratch folder, from fixed patterns.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# notes written by the browser stay here
HOME=$tmp/home XDG_DATA_HOME=$tmp/xdg MINUTES_REVIEWER=storm
VISUAL=false EDITOR=false
export HOME XDG_DATA_HOME MINUTES_REVIEWER VISUAL EDITOR
mkdir "$HOME"

# Sanitizer builds take more time and far more address space.
asan=
grep -q __asan_init "$MINUTES" 2>/dev/null && asan=yes

# run CMD...: sets $rc, $out and $err (first line of stderr) and $secs
run() {
	t0=$(date +%s)
	"$@" >out 2>err
	rc=$?
	secs=$(($(date +%s) - t0))
	out=$(cat out)
	err=$(head -n 1 err)
}

# instructions CMD...: the instructions CMD runs, as valgrind's callgrind
# counts them (the same count on a busy machine or an idle one: a bound
# on work, not a timing); empty without valgrind or in a sanitizer build
vg=$(command -v valgrind)
instructions() {
	[ -n "$vg" ] && [ -z "$asan" ] || return 0
	"$vg" --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p'
}

# at_most NAME A B FACTOR: A is at most FACTOR times B (skipped when
# either count is missing)
at_most() {
	if [ -z "$2" ] || [ -z "$3" ]; then
		skip "$1" "valgrind is needed (Debian: apt-get install valgrind), and no sanitizer build"
		return
	fi
	awk -v a="$2" -v b="$3" -v f="$4" 'BEGIN { exit !(a <= b * f) }'
	ok $? "$1 ($2 against $3, at most $4 times)"
}

# rss KIB NAME CMD...: CMD's peak resident memory is at most KIB KiB
# (skipped without /usr/bin/time or in a sanitizer build, which reserves
# and touches far more); CMD's output goes to out and err
tm=
[ -x /usr/bin/time ] && tm='/usr/bin/time -f %M -o rss'
rss() {
	bound=$1 name=$2
	shift 2
	if [ -z "$tm" ] || [ -n "$asan" ]; then
		"$@" >out 2>err
		skip "$name: peak memory at most $bound KiB" "needs /usr/bin/time (Debian: time) and no sanitizer build"
		return
	fi
	$tm "$@" >out 2>err
	# (time adds a line before the figure when CMD exits non-zero)
	peak=$(tail -n 1 rss)
	[ "$peak" -le "$bound" ]
	ok $? "$name: peak memory at most $bound KiB ($peak KiB)"
}

# expect NAME RC FIRST-LINE-OF-STDERR
expect() {
	is "$rc" "$2" "$1: exit status"
	is "$err" "$3" "$1: first line of stderr"
}

# no_passwd NAME: nothing of /etc/passwd came out
no_passwd() {
	! grep -q 'root:' out err
	ok $? "$1: no /etc/passwd content in stdout or stderr"
}

# Minutes around one item's content (arguments: printf format and args
# for the item's text go to stdout between the two halves).
head_xml='<minutes version="1" id="m"><meeting><title>T</title><date>2020-01-01</date></meeting><attendees><person id="p"><name>P</name></person></attendees><section id="s" kind="other"><heading>H</heading>'
tail_xml='</section></minutes>'

# --- size and count limits ------------------------------------------------
{
	printf '%s<item id="i">' "$head_xml"
	head -c 52428800 /dev/zero | tr '\0' a
	printf '</item>%s\n' "$tail_xml"
} >big.xml
run timeout 120 "$MINUTES" --check big.xml
expect "50 MB text node" 0 ""
echo "# 50 MB single text node: --check took ${secs}s (not a test: no time is asserted)"
# the man page's memory figures are bounds (LIMITS)
rss 262144 "50 MB text node: --dump" "$MINUTES" --dump big.xml
rm -f big.xml

truncate -s 257M huge.xml
run timeout 60 "$MINUTES" --check huge.xml
expect "257 MiB file" 1 "huge.xml: error: file too large: 257 MiB (the limit is 256 MiB)"
rm -f huge.xml

{
	printf '%s\n' "$head_xml"
	awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "<item id=\"i%d\">x</item>\n", i }'
	printf '%s\n' "$tail_xml"
} >many.xml
# 57 MB of input: the model must stay within a few times that (the
# address space is capped, but not under ASan, which reserves terabytes)
cap='ulimit -v 1048576;'
[ -z "$asan" ] || cap=
run sh -c "$cap exec timeout 300 $tm \"\$1\" --check many.xml" sh "$MINUTES"
expect "2,000,000 items" 0 ""
echo "# 2,000,000 items: --check took ${secs}s${tm:+, peak resident memory $(cat rss) KiB}"
rss 262144 "2,000,000 items: --check" "$MINUTES" --check many.xml
run timeout 300 "$MINUTES" --search x many.xml
is "$rc" 0 "2,000,000 items: --search x finds them"
is "$(tail -n 1 out)" "many.xml:2000001:i1999999: x" "2,000,000 items: the last one is found"
is "$(wc -l <out)" 2000000 "2,000,000 items: every one is found"
rm -f many.xml out

# 150,000 items of 200 bytes (30 MB): the browser takes at most twice
# the file and 32 MB, --check at most 64 MB
awk 'BEGIN { printf "<minutes version=\"1\" id=\"m\"><meeting><title>T</title><date>2020-01-01</date></meeting><attendees><person id=\"p\"><name>P</name></person></attendees>\n"
	for (s = 0; s < 150; s++) {
		printf "<section id=\"s%d\" kind=\"other\"><heading>Part %d</heading>\n", s, s
		for (i = 0; i < 1000; i++) {
			printf "<item id=\"i%d_%d\" by=\"p\">", s, i
			for (w = 0; w < 16; w++) printf "Vi\341\273\207t Nam "
			printf "</item>\n"
		}
		printf "</section>\n"
	}
	printf "</minutes>\n" }' >items30.xml
kib=$(($(wc -c <items30.xml) / 1024))
printf 'j\nj\nj\n<Tab>\nG\n/\n"zzz"\n<Enter>\n' >items30.keys
rss $((2 * kib + 32768)) "150,000 items ($kib KiB): the browser" env COLUMNS=120 LINES=40 "$MINUTES" --replay items30.keys --dump-screen screen items30.xml
rss 65536 "150,000 items ($kib KiB): --check" "$MINUTES" --check items30.xml
rm -f items30.xml

# nesting: 64 levels are fine, 65 are refused, 100,000 too (no stack use)
nest() { # nest DEPTH: <minutes> and DEPTH-1 elements inside it
	printf '<minutes version="1" id="m">'
	awk -v d="$1" 'BEGIN { for (i = 1; i < d; i++) printf "<p>"
			      for (i = 1; i < d; i++) printf "</p>" }'
	printf '</minutes>\n'
}
nest 64 >deep64.xml
run "$MINUTES" --check deep64.xml
expect "64 levels" 1 "deep64.xml:1:1: error: missing <meeting> in <minutes>"
nest 65 >deep65.xml
run "$MINUTES" --check deep65.xml
expect "65 levels" 1 "deep65.xml:1:218: error: elements nested deeper than 64 levels"
nest 100000 >deep.xml
run timeout 60 "$MINUTES" --check deep.xml
expect "100,000 levels" 1 "deep.xml:1:218: error: elements nested deeper than 64 levels"
{
	printf '%s<item id="i">' "$head_xml"
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<p>"
		     for (i = 0; i < 100000; i++) printf "</p>" }'
	printf '</item>%s\n' "$tail_xml"
} >deep-item.xml
run timeout 60 "$MINUTES" --check deep-item.xml
expect "100,000 <p> in an item" 1 "deep-item.xml:1:393: error: elements nested deeper than 64 levels"

# 8,000 unknown attributes on one tag: the first 1,000 are listed, the
# rest counted, and placing them (which reads the tag) stops at the cap:
# --check does about the work of xmllint reading the file (it was 26
# times that, and quadratic)
awk -v n=8000 -v h="$head_xml" -v t="$tail_xml" 'BEGIN { printf "%s<item id=\"i\"", h
	for (i = 0; i < n; i++) printf " x%d=\"1\"", i
	printf ">t</item>%s\n", t }' >unknown-attrs.xml
run "$MINUTES" --check unknown-attrs.xml
expect "8,000 unknown attributes" 1 "unknown-attrs.xml:1:210: error: unknown attribute x0 on <item>"
is "$(tail -n 2 err)" "unknown-attrs.xml:1:9091: error: unknown attribute x999 on <item>
unknown-attrs.xml:0: error: 7000 more problems not listed" "8,000 unknown attributes: 1,000 listed, the rest counted"
at_most "8,000 unknown attributes: --check works no more than 3 times as much as xmllint" \
	"$(instructions "$MINUTES" --check unknown-attrs.xml)" \
	"$(instructions "${XMLLINT:-xmllint}" --noout unknown-attrs.xml)" 3

# --- speakers: repeated references, long lists, long names -----------------
# a name given twice in one `by` is a problem, and counts once
printf '%s<item id="i" by="p q p x x q p">t</item></section></minutes>\n' \
	'<minutes version="1" id="m"><meeting><title>T</title><date>2020-01-01</date></meeting><attendees><person id="p"><name>P</name></person><person id="q"><name>Q</name></person></attendees><section id="s" kind="other"><heading>H</heading>' >repeat-by.xml
run "$MINUTES" --dump repeat-by.xml
is "$rc" 1 "repeated references in one by: --dump exits 1"
is "$(cat err)" "repeat-by.xml:1:248: error: by names \"p\" more than once
repeat-by.xml:1:248: error: by names \"x\" more than once
repeat-by.xml:1:248: error: by names \"q\" more than once
repeat-by.xml:1:248: error: by refers to unknown person \"x\"" \
	"repeated references in one by: each repeated name reported once, where by is"
is "$(grep -- '—' out)" "     — P, Q" "repeated references in one by: each speaker once"

# 2,000,000 references to two people in a 4 MB file: two speakers, and
# --dump does about the work of xmllint reading the file
awk 'BEGIN { printf "<minutes version=\"1\" id=\"m\"><meeting><title>T</title><date>2020-01-01</date></meeting><attendees><person id=\"p\"><name>P</name></person><person id=\"q\"><name>Q</name></person></attendees><section id=\"s\" kind=\"other\"><heading>H</heading><item id=\"i\" by=\""
	for (i = 0; i < 2000000; i++) printf (i % 2 ? "p " : "q ")
	printf "\">t</item></section></minutes>\n" }' >refs.xml
run timeout 300 "$MINUTES" --dump refs.xml
is "$rc:$(grep -- '—' out)" "1:     — Q, P" "2,000,000 references: --dump shows two speakers"
is "$(cat err)" "refs.xml:1:248: error: by names \"q\" more than once
refs.xml:1:248: error: by names \"p\" more than once" "2,000,000 references: two problems"
at_most "2,000,000 references: --dump works no more than 3 times as much as xmllint" \
	"$(instructions "$MINUTES" --dump refs.xml)" \
	"$(instructions "${XMLLINT:-xmllint}" --noout refs.xml)" 3
rm -f refs.xml

# one item said by 10,000 and by 40,000 different people: the speakers
# line is built at a running end, the work grows with the list (it was
# quadratic: strcat read the line again for each name)
speakers() { # speakers N: N people, one item said by all of them
	awk -v n="$1" 'BEGIN { printf "<minutes version=\"1\" id=\"m\"><meeting><title>T</title><date>2020-01-01</date></meeting><attendees>"
		for (i = 0; i < n; i++) printf "<person id=\"p%d\"><name>N%d</name></person>", i, i
		printf "</attendees><section id=\"s\" kind=\"other\"><heading>H</heading><item id=\"i\" by=\""
		for (i = 0; i < n; i++) printf "p%d ", i
		printf "\">t</item></section></minutes>\n" }'
}
speakers 10000 >speakers1.xml
speakers 40000 >speakers4.xml
run "$MINUTES" --dump speakers4.xml
is "$rc:$err" "0:" "40,000 speakers: --dump exits 0"
is "$(grep -c 'N39999$' out)" 2 "40,000 speakers: the last one in the list and in the speakers line"
at_most "4 times the speakers: --dump works at most 6 times as much (linear)" \
	"$(instructions "$MINUTES" --dump speakers4.xml)" \
	"$(instructions "$MINUTES" --dump speakers1.xml)" 6
rm -f speakers1.xml speakers4.xml

# a 1 MB name said 2,000 times in one by: the name once in the speakers
# line, and the memory the man page states as a bound (64 MB); the
# browser lays out no more of the line than its row shows
awk 'BEGIN { printf "<minutes version=\"1\" id=\"m\"><meeting><title>T</title><date>2020-01-01</date></meeting><attendees><person id=\"p\"><name>"
	for (i = 0; i < 131072; i++) printf "Nguyễn "
	printf "</name></person></attendees><section id=\"s\" kind=\"other\"><heading>H</heading><item id=\"i\" by=\""
	for (i = 0; i < 2000; i++) printf "p "
	printf "\">t</item></section></minutes>\n" }' >bigname.xml
# (1 GiB of address space: the 2 GB line it once built cannot be had)
vcap='ulimit -v 1048576;'
[ -z "$asan" ] || vcap=
rss 65536 "1 MB name said 2,000 times: --dump" sh -c "$vcap"' exec "$1" --dump bigname.xml' sh "$MINUTES"
is "$(grep -c -- '^     — Nguyễn' out)" 1 "1 MB name said 2,000 times: one speakers line"
is "$(grep -- '^     — ' out | wc -c)" $((131072 * 9 - 1 + 9 + 1)) "1 MB name said 2,000 times: the name once in it, whole"
printf 'j\nj\n<Tab>\n<Tab>\nj\nj\n' >bigname.keys
rss 65536 "1 MB name said 2,000 times: the browser" env COLUMNS=120 LINES=40 "$MINUTES" --replay bigname.keys --dump-screen screen bigname.xml
rm -f bigname.xml

# the 'Speaks in' list of the detail pane is never longer than the pane
awk 'BEGIN { printf "<minutes version=\"1\" id=\"m\"><meeting><title>T</title><date>2020-01-01</date></meeting><attendees><person id=\"p\"><name>Lan</name></person></attendees><section id=\"s\" kind=\"other\"><heading>H</heading>"
	for (i = 1; i <= 100000; i++) printf "<item id=\"i%d\" by=\"p\">Item %d</item>\n", i, i
	printf "</section></minutes>\n" }' >speaks.xml
printf 'j\n<Tab>\n<Tab>\nG\n' >speaks.keys
run env COLUMNS=140 LINES=24 "$MINUTES" --replay speaks.keys --dump-screen screen speaks.xml
is "$rc:$err" "0:" "an attendee who speaks in 100,000 items: exit 0"
is "$(sed -n '21,23p' screen | sed 's/.*│//')" "  Item 20
  Item 21
  … and 99979 more items" "an attendee who speaks in 100,000 items: the pane's rows, then how many more"
rm -f speaks.xml
# nor the speakers of an item said by 100 people
awk 'BEGIN { printf "<minutes version=\"1\" id=\"m\"><meeting><title>T</title><date>2020-01-01</date></meeting><attendees>"
	for (i = 0; i < 100; i++) printf "<person id=\"p%d\"><name>N%d</name></person>", i, i
	printf "</attendees><section id=\"s\" kind=\"other\"><heading>H</heading><item id=\"i\" by=\""
	for (i = 0; i < 100; i++) printf "p%d ", i
	printf "\">t</item></section></minutes>\n" }' >many-by.xml
printf 'j\nj\n<Tab>\n<Tab>\nG\n' >many-by.keys
run env COLUMNS=140 LINES=24 "$MINUTES" --replay many-by.keys --dump-screen screen many-by.xml
is "$rc:$err" "0:" "an item said by 100 people: exit 0"
is "$(sed -n '22,23p' screen | sed 's/.*│//')" "  N20
  … and 79 more speakers" "an item said by 100 people: the pane's rows, then how many more"
rm -f many-by.xml
# nor the names of nobody of an item whose by names 100,000 of them
awk 'BEGIN { printf "<minutes version=\"1\" id=\"m\"><meeting><title>T</title><date>2020-01-01</date></meeting><attendees><person id=\"p\"><name>Lan</name></person></attendees><section id=\"s\" kind=\"other\"><heading>H</heading><item id=\"i\" by=\""
	for (i = 0; i < 100000; i++) printf "x%d ", i
	printf "\">t</item></section></minutes>\n" }' >nobody.xml
printf 'j\nj\n<Tab>\n<Tab>\nG\n' >nobody.keys
run env COLUMNS=140 LINES=24 "$MINUTES" --replay nobody.keys --dump-screen screen nobody.xml
is "$rc:$err" "0:" "an item whose by names 100,000 nobodies: exit 0"
is "$(sed -n '23p' screen | sed 's/.*│//')" "  x186, x187, …" \
	"an item whose by names 100,000 nobodies: the pane's rows of them, then …"
rm -f nobody.xml

# --- bytes that are not XML ------------------------------------------------
printf '<minutes version="1" id="m">\0</minutes>' >nul.xml
run "$MINUTES" --check nul.xml
expect "NUL byte" 1 "nul.xml:1:29: error: NUL byte (not allowed in XML)"

# random binary from a fixed linear congruential sequence (reproducible)
random_bytes() { # random_bytes N: N bytes, none of them NUL, then '\n'
	LC_ALL=C awk -v n="$1" 'BEGIN { s = 12345
		for (i = 0; i < n; i++) {
			s = (s * 1103515245 + 12345) % 2147483648
			c = int(s / 65536) % 256
			printf "%c", c ? c : 1
		}
		printf "\n" }'
}
random_bytes 100000 >random.xml
run "$MINUTES" --check random.xml
expect "random binary" 1 "random.xml:1:1: error: not an XML document (it must start with '<')"
{ printf '<minutes version="1" id="m"><meeting><title>'; random_bytes 100000; } >random-text.xml
run "$MINUTES" --check random-text.xml
# (its first byte, 0xDC, is shown as U+FFFD; the control character
# after it is not XML and stops the load)
expect "random binary in a title" 1 "random-text.xml:1:46: error: character U+0004 not allowed in XML"
run "$MINUTES" --dump random-text.xml
expect "--dump random binary in a title" 1 "random-text.xml:1:46: error: character U+0004 not allowed in XML"
is "$out" "" "--dump random binary in a title: nothing on stdout"

cp "$top_srcdir/data/ngan-son-2020.xml" sample.xml
gzip -c sample.xml >sample.xml.gz
run "$MINUTES" --check sample.xml.gz
expect ".gz file" 1 "sample.xml.gz: error: compressed file: decompress it first"
cp sample.xml.gz gzipped.xml
run "$MINUTES" --dump gzipped.xml
expect "gzip data named .xml" 1 "gzipped.xml: error: compressed file: decompress it first"

printf '<?xml version="1.0"?>\n<minutes version="1" id="m\300\257x">\n</minutes>\n' >overlong.xml
run "$MINUTES" --check overlong.xml
is "$rc" 1 "overlong UTF-8 in an attribute: exit status"
is "$(grep UTF-8 err)" "overlong.xml:2:27: error: invalid UTF-8 (bytes 0xC0 0xAF), shown as U+FFFD" \
	"overlong UTF-8 in an attribute: a problem where it is"

# one invalid byte (a mail gateway's damage) no longer makes a meeting
# unreadable: it is shown as U+FFFD, listed as a problem (FILE:LINE:COL,
# so --check exits 1), and the rest of the file is there; markup that is
# not well-formed still stops the load
printf '<minutes version="1" id="m"><meeting><title>H\xE1\xBB\x8Dp \xFF giao ban</title><date>2020-01-01</date></meeting>\r\n<attendees><person id="p"><name>Lan</name></person></attendees>\r\n<section id="s" kind="other"><heading>H</heading><item id="i" by="p">Vi\xE1\xBB t \xC0\xAF Nam</item><ti\xFEtle/></section></minutes>\n' >damaged.xml
run "$MINUTES" --check damaged.xml
is "$rc" 1 "an invalid byte: --check exits 1"
is "$(cat err)" "damaged.xml:1:49: error: invalid UTF-8 (byte 0xFF), shown as U+FFFD
damaged.xml:3:72: error: invalid UTF-8 (bytes 0xE1 0xBB), shown as U+FFFD
damaged.xml:3:77: error: invalid UTF-8 (bytes 0xC0 0xAF), shown as U+FFFD
damaged.xml:3:90: error: unknown element <ti$(printf '\357\277\275')tle>
damaged.xml:3:93: error: invalid UTF-8 (byte 0xFE), shown as U+FFFD" "an invalid byte: each run a problem, where it is"
run "$MINUTES" --dump damaged.xml
is "$rc" 1 "an invalid byte: --dump exits 1"
is "$(head -n 1 out)" "$(printf 'H\341\273\215p \357\277\275 giao ban')" "an invalid byte: --dump shows the title, U+FFFD in place of the byte"
is "$(grep '^  1\.' out)" "$(printf '  1. Vi\357\277\275\357\277\275 t \357\277\275\357\277\275 Nam')" "an invalid byte: --dump shows the item"
is "$(grep -c 'U+FFFD' err)" 4 "an invalid byte: --dump lists the problems too"
printf 'j\nj\n' >damaged.keys
run env COLUMNS=100 LINES=20 "$MINUTES" --replay damaged.keys --dump-screen screen damaged.xml
is "$rc:$err" "0:" "an invalid byte: the browser opens the file"
grep -q 'Vi.* t .* Nam' screen && ! grep -q 'could not be loaded' screen
ok $? "an invalid byte: the browser shows the item"
printf '<minutes version="1" id="m"><meeting><title>H\xFFp</titel></meeting></minutes>\n' >damaged-markup.xml
run "$MINUTES" --check damaged-markup.xml
expect "an invalid byte and a mismatched tag" 1 "damaged-markup.xml:1:56: error: Opening and ending tag mismatch: title line 1 and titel"
# a character cut by a chunk of the read (64 KiB) is whole, a bad byte
# there is found where it is
awk 'BEGIN { printf "<minutes version=\"1\" id=\"m\"><meeting><title>"
	for (i = 0; i < 65536 - 46; i++) printf "a"
	printf "\341\273\207"
	for (i = 0; i < 65536 - 1; i++) printf "b"
	printf "\377c</title><date>2020-01-01</date></meeting><attendees/><section id=\"s\" kind=\"other\"><heading>H</heading></section></minutes>\n" }' >chunks.xml
run "$MINUTES" --dump chunks.xml
is "$rc:$err" "1:chunks.xml:1:131071: error: invalid UTF-8 (byte 0xFF), shown as U+FFFD" \
	"bytes across the 64 KiB chunks: one problem, where the bad byte is"
is "$(head -n 1 out | tr -d ab)" "$(printf '\341\273\207\357\277\275c')" \
	"bytes across the 64 KiB chunks: the character cut by the read is whole"

# --- files that go away or cannot be read -----------------------------------
mkdir dir
cp sample.xml dir/a.xml
ln -s "$tmp/vanished.xml" dir/gone.xml
run "$MINUTES" --check dir
# the sample's spelling warnings (tests/cli/text.sh) are not the point here
grep -v ': warning: ' err >err.nowarn; mv err.nowarn err
err=$(head -n 1 err)
expect "--check DIR with a dangling symlink" 1 "dir/gone.xml: error: broken symbolic link (to $tmp/vanished.xml, which does not exist)"
is "$(wc -l <err)" 1 "--check DIR with a dangling symlink: the other file is fine"

cp sample.xml unreadable.xml
chmod 000 unreadable.xml
if [ "$(id -u)" -eq 0 ]; then
	skip "unreadable file: exit status" "root reads any file"
	skip "unreadable file: first line of stderr" "root reads any file"
else
	run "$MINUTES" --check unreadable.xml
	expect "unreadable file" 1 "unreadable.xml: error: Permission denied"
fi

# --- reaching outside the file ------------------------------------------------
printf '<?xml version="1.0"?>\n<!DOCTYPE minutes [<!ENTITY pw SYSTEM "file:///etc/passwd">]>\n<minutes version="1" id="m"><meeting><title>&pw;</title><date>2020-01-01</date></meeting></minutes>\n' >xxe.xml
run "$MINUTES" --dump xxe.xml
expect "external entity" 1 "xxe.xml:2:1: error: DOCTYPE not allowed"
no_passwd "external entity"
printf '<?xml version="1.0"?>\n<!DOCTYPE minutes [<!ENTITY %% pe SYSTEM "file:///etc/passwd"> %%pe;]>\n<minutes/>\n' >xxe-pe.xml
run "$MINUTES" --check xxe-pe.xml
expect "external parameter entity" 1 "xxe-pe.xml:2:1: error: DOCTYPE not allowed"
no_passwd "external parameter entity"
printf '<?xml version="1.0"?>\n<minutes version="1" id="m"><meeting><title>&pw;</title></meeting></minutes>\n' >entity.xml
run "$MINUTES" --check entity.xml
expect "entity without a DOCTYPE" 1 "entity.xml:2:49: error: Entity 'pw' not defined (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)"
cat >xinclude.xml <<'EOF'
<?xml version="1.0"?>
<minutes version="1" id="m" xmlns:xi="http://www.w3.org/2001/XInclude">
<meeting><title><xi:include href="/etc/passwd" parse="text"/></title><date>2020-01-01</date></meeting>
<attendees><person id="p"><name>P</name></person></attendees>
<section id="s" kind="other"><heading>H</heading><item id="i"><xi:include href="/etc/passwd" parse="text"/></item></section></minutes>
EOF
run "$MINUTES" --check xinclude.xml
expect "XInclude" 1 "xinclude.xml:3:17: error: unknown element <xi:include>"
run "$MINUTES" --dump xinclude.xml
is "$rc" 1 "XInclude: --dump exit status"
no_passwd "XInclude --dump"

# --- --dump writes nothing a terminal would act on ---------------------------
# C1 controls (raw and as references), U+202E and the other bidi
# controls, ZWSP, unassigned code points, combining marks at the start,
# a 100,000-character line, a long line of words.
evil() { # evil WORDS XS: the hostile minutes, WORDS words, XS x's in a line
	printf '<minutes version="1" id="m"><meeting>'
	printf '<title>\302\23331mRed \342\200\256evil\342\200\254 \342\201\246iso\342\201\251 z\342\200\213w \315\270 \363\240\200\201 \364\217\277\277</title>'
	printf '<date>2020-01-01</date><place>&#x9B;2J &#x85; &#x202E;rlo &#x200F;&#x200E; &#x61C;</place></meeting>'
	printf '<attendees><person id="p"><name>\314\201Orphan</name><role>\342\200\217y\342\200\216</role></person></attendees>'
	printf '<section id="s" kind="other"><heading>\314\201\314\202H</heading><item id="i">'
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "Vi\341\273\207t " }'
	printf '</item><item id="j">'
	awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "x" }'
	printf '</item><item id="k">\302\205\302\237 \342\200\252\342\200\253\342\200\255 \342\201\247\342\201\250 &#x2066;</item>'
	printf '</section></minutes>\n'
}
evil 20000 100000 >evil.xml

# unsafe FILE: the offsets of ESC, C1 (C2 80-9F) and bidi controls
# (E2 80 AA-AE, E2 81 A6-A9, E2 80 8E-8F, D8 9C) in FILE's bytes
unsafe() {
	od -An -v -tx1 "$1" | tr -s ' \n' '\n\n' | awk '
		$0 == "" { next }
		{ b[n++] = $0 }
		END {
			for (i = 0; i < n; i++) {
				if (b[i] == "1b") print i ": ESC"
				else if (b[i] == "c2" && b[i+1] >= "80" && b[i+1] <= "9f") print i ": C1"
				else if (b[i] == "e2" && b[i+1] == "80" && ((b[i+2] >= "aa" && b[i+2] <= "ae") || b[i+2] == "8e" || b[i+2] == "8f")) print i ": bidi"
				else if (b[i] == "e2" && b[i+1] == "81" && b[i+2] >= "a6" && b[i+2] <= "a9") print i ": bidi isolate"
				else if (b[i] == "d8" && b[i+1] == "9c") print i ": ALM"
			}
		}'
}
run "$MINUTES" --check evil.xml
expect "C1, bidi, ZWSP, unassigned, orphan marks" 0 ""
run "$MINUTES" --dump evil.xml
expect "--dump hostile text" 0 ""
is "$(unsafe out)" "" "--dump hostile text: no ESC, C1 or bidi control in the output"
run "$MINUTES" --dump --width 80 evil.xml
expect "--dump --width 80 hostile text" 0 ""
is "$(unsafe out)" "" "--dump --width 80: no ESC, C1 or bidi control in the output"
widest=$(LC_ALL=C.UTF-8 wc -L <out)
[ "$widest" -le 80 ] && [ "$widest" -ge 70 ]
ok $? "--dump --width 80: no line wider than 80 columns (the widest: $widest)"
grep -q "^ *xxxxxxxx" out
ok $? "--dump --width 80: the 100,000-character line is there, cut into lines"
is "$(tr -cd x <out | wc -c)" 100000 "--dump --width 80: every x of the long line is printed"
run "$MINUTES" --search vi evil.xml
is "$(unsafe out)" "" "--search hostile text: no ESC, C1 or bidi control in the output"
run "$MINUTES" --search x evil.xml
is "$(unsafe out)" "" "--search on the hostile file: output safe"

# ids that are not XML names are still searched, and every field of a
# result line is printed safe: a line feed in an id cannot forge a line;
# CR and TAB show as the placeholder, C1 controls too, bidi controls go
printf '%s<item id="a&#10;forged.xml:1:x: TRUSTED">needle</item><item id="b&#x9B;c&#x85;d&#x202E;e&#9;f&#13;g">needle &#x9B;2J&#9;x</item>%s\n' \
	"$head_xml" "$tail_xml" >bad-ids.xml
run "$MINUTES" --search needle bad-ids.xml
is "$rc" 0 "--search with bad ids: exit 0"
is "$out" "$(printf 'bad-ids.xml:1:a\357\277\275forged.xml:1:x: TRUSTED: needle\nbad-ids.xml:1:b\357\277\275c\357\277\275de\357\277\275f\357\277\275g: needle \357\277\2752J x')" \
	"--search with bad ids: one line per hit, every field made safe"
is "$(unsafe out)" "" "--search with bad ids: no ESC, C1 or bidi control in the output"
is "$(grep -c . out)" 2 "--search with bad ids: an id's line feed forges no line"

# a file name with ESC and C1 in it: reported made safe
esc_name=$(printf 'bad\033]0;owned\007\302\233name.xml')
printf '' >"$esc_name"
run "$MINUTES" --check "$esc_name"
expect "a file name with control characters" 1 "$(printf 'bad\357\277\275]0;owned\357\277\275\357\277\275name.xml: error: empty file')"
is "$(unsafe err)" "" "a file name with control characters: stderr is safe"
run "$MINUTES" --check --verbose "$esc_name" sample.xml
is "$(unsafe out)$(unsafe err)" "" "--check --verbose: file names made safe"
run "$MINUTES" --check "$tmp/no such dir/$esc_name"
is "$(unsafe err)" "" "a missing file with control characters in its name: stderr is safe"

# libxml2's messages quote the file: a C1 CSI in an unterminated comment
printf '<minutes>\n<!-- \302\23331m red' >c1-comment.xml
run "$MINUTES" --check c1-comment.xml
expect "C1 quoted in a parser message" 1 "c1-comment.xml:2:14: error: Comment not terminated <!-- $(printf '\357\277\275')31m r"
is "$(unsafe err)" "" "C1 quoted in a parser message: stderr is safe"

# --- the headless browser at tiny sizes ------------------------------------
printf 'j\n<Enter>\nj\n<Tab>\n/\n"a"\n<Enter>\nn\n<Tab>\n<Enter>\nG\n' >walk.keys
for file in sample.xml evil.xml nul.xml deep.xml; do
	for size in 1x1 2x2 5x3 19x5 20x5; do
		run env COLUMNS="${size%x*}" LINES="${size#*x}" timeout 60 \
			"$MINUTES" --replay walk.keys --dump-screen screen "$file"
		is "$rc:$err" "0:" "replay $file at $size: exit 0, nothing on stderr"
	done
done

# keys while the screen is too small to draw on: nothing keeps the
# cursors on screen then, and they must still stay inside their lists
# (a search after <End> at 1x1 read past the end; found by review)
cp "$top_srcdir/tests/fixtures/valid-full.xml" small-screen.xml
printf '/\nG\n:\n<Enter>\n<End>\n<Resize 1x1>\n<Esc>\n<Esc>\nj\n?\n<Enter>\n<Resize 80x24>\n' >small.keys
run env COLUMNS=80 LINES=24 "$MINUTES" --replay small.keys --dump-screen screen small-screen.xml
is "$rc:$err" "0:" "keys and a search at 1x1: exit 0, nothing on stderr"
grep -q "Contents" screen
ok $? "keys and a search at 1x1: the screen is drawn again at 80x24"

# --- notes never written outside NAME.notes/ ---------------------------------
# (a planted link: the reviewer's file, the lock, the folder itself)
mkdir -p links/m links/victim
cp "$top_srcdir/data/ngan-son-2020.xml" links/m/
printf 'ssh-ed25519 AAAA original\n' >links/victim/authorized_keys
mkdir links/m/ngan-son-2020.notes
ln -s ../../victim/authorized_keys links/m/ngan-son-2020.notes/bob.xml
ln -s ../../victim/nologin links/m/ngan-son-2020.notes/.lock
run "$MINUTES" --dump links/m/ngan-son-2020.xml
[ ! -e links/victim/nologin ]
ok $? "a linked .lock: --dump creates nothing through it"
run "$MINUTES" --export-notes links/m/ngan-son-2020.xml
[ ! -e links/victim/nologin ]
ok $? "a linked .lock: --export-notes creates nothing through it"
printf 'q\n' >quit.keys
run env COLUMNS=80 LINES=24 "$MINUTES" --reviewer bob --replay quit.keys \
	--dump-screen screen links/m/ngan-son-2020.xml
[ ! -e links/victim/nologin ]
ok $? "a linked .lock: opening the browser creates nothing through it"
printf 'j\nj\n<Enter>\nj\na\n"ssh-ed25519 AAAA attacker"\n<Enter>\n' >add.keys
run env COLUMNS=120 LINES=24 "$MINUTES" --reviewer bob --replay add.keys \
	--dump-screen screen links/m/ngan-son-2020.xml
[ ! -e links/victim/nologin ]
ok $? "a linked .lock: adding a note creates nothing through it"
rm links/m/ngan-son-2020.notes/.lock
run env COLUMNS=120 LINES=24 "$MINUTES" --reviewer bob --replay add.keys \
	--dump-screen screen links/m/ngan-son-2020.xml
is "$(cat links/victim/authorized_keys)" "ssh-ed25519 AAAA original" \
	"a linked reviewer file: its target is never written"
[ -L links/m/ngan-son-2020.notes/bob.xml ]
ok $? "a linked reviewer file: the link stays a link"
grep -q 'ngan-son-2020.notes/bob.xml is a symbolic link: it is not followed' screen
ok $? "a linked reviewer file: the screen says so"
is "$rc" 1 "a linked reviewer file: the unsaved note makes the exit status 1"
is "$err" "minutes: 1 change to your notes was not saved: links/m/ngan-son-2020.notes/bob.xml is a symbolic link: it is not followed (notes are read and written inside the notes folder only); your notes are kept here, not saved" \
	"a linked reviewer file: on quit, what was not saved is said"
grep -q '^    ssh-ed25519 AAAA attacker$' err
ok $? "a linked reviewer file: and the note's text is written out"
rm -rf links/m/ngan-son-2020.notes
ln -s ../victim links/m/ngan-son-2020.notes
run env COLUMNS=120 LINES=24 "$MINUTES" --reviewer bob --replay add.keys \
	--dump-screen screen links/m/ngan-son-2020.xml
is "$(ls links/victim)" "authorized_keys" \
	"NAME.notes linked out of the folder: nothing written there"
ls "$XDG_DATA_HOME"/minutes/notes/*-ngan-son-2020/bob.xml >/dev/null 2>&1
ok $? "NAME.notes linked out of the folder: the note went to the fallback"
run "$MINUTES" --export-notes links/m/ngan-son-2020.xml
case $err in
*"ngan-son-2020.notes is a symbolic link to ../victim, outside the minutes' folder: your notes are written to $XDG_DATA_HOME/minutes/notes/"*) r=0 ;;
*) r=1; echo "# $err" ;;
esac
ok $r "NAME.notes linked out of the folder: where it points is said"
rm -rf links "$XDG_DATA_HOME"/minutes

# a storm: 5,000 keys from the key grammar (no Q or q: the storm must
# reach its end, no E: no editor) with resizes between 1x1 and 200x60
# and mouse clicks and wheel turns anywhere,
# from a fixed sequence
LC_ALL=C awk 'BEGIN {
	n = split("j|k|h|l|<Down>|<Up>|<Left>|<Right>|<PageDown>|<PageUp>|" \
		  "<Home>|<End>|<Tab>|<S-Tab>|<Enter>|<Enter>|<Esc>|<BS>|" \
		  "<Space>|<Del>|g|G|/|?|n|N|:|a|e|d|x|c|J|K|]|[|f|s|p|H|" \
		  "<F1>|r|<C-l>|<C-f>|<C-b>|<C-u>|\"Vi\341\273\207t\"|\"x y\"|" \
		  "\"goto km1\"|<lt>|1|0|-", keys, "|")
	s = 20240601
	print "<Resize 1x1>"
	for (i = 2; i < 5000; i++) {
		s = (s * 1103515245 + 12345) % 2147483648
		r = int(s / 65536)
		if (r % 40 == 0) {
			s = (s * 1103515245 + 12345) % 2147483648
			c = 1 + int(s / 65536) % 200
			s = (s * 1103515245 + 12345) % 2147483648
			printf "<Resize %dx%d>\n", c, 1 + int(s / 65536) % 60
		} else if (r % 9 == 1) {
			# the mouse anywhere, on the screen or far off it
			s = (s * 1103515245 + 12345) % 2147483648
			c = int(s / 65536) % 240
			s = (s * 1103515245 + 12345) % 2147483648
			printf "<%s %d,%d>\n", r % 3 == 0 ? "Click" : \
				r % 3 == 1 ? "WheelDown" : "WheelUp", c, int(s / 65536) % 80
		} else {
			print keys[1 + r % n]
		}
	}
	print "<Resize 200x60>"
}' >storm.keys
is "$(grep -c . storm.keys)" 5000 "the storm has 5,000 keys"
# evil.xml's hostile characters with shorter long lines (the storm redraws
# after every key)
evil 2000 5000 >storm.xml
for file in sample.xml storm.xml; do
	rm -rf "${file%.xml}.notes" screen
	run env COLUMNS=80 LINES=24 timeout 300 "$MINUTES" --replay storm.keys \
		--dump-screen screen "$file"
	is "$rc:$err" "0:" "key storm on $file: exit 0, nothing on stderr"
	is "$(wc -l <screen)" 60 "key storm on $file: it ran to the last key (200x60)"
done

done_testing
