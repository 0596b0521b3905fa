# copy.sh - y and Y copy to the terminal's clipboard with OSC 52: the
# exact bytes the program sends (in --replay they go to standard
# output), the tmux passthrough, the text made safe, the size limit;
# and v refused without a terminal.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1
unset TMUX

# run KEYS FILE: the replay at 160x30; what it sends in $tmp/out, its
# status line in $tmp/status
run() {
	printf "$1" >"$tmp/keys"
	shift
	env COLUMNS=160 LINES=30 "$MINUTES" --replay "$tmp/keys" \
		--dump-screen "$tmp/screen" "$@" >"$tmp/out" </dev/null
	tail -n 1 "$tmp/screen" | sed 's/ *$//' >"$tmp/status"
}
esc=$(printf '\033')
bel=$(printf '\007')
kq1='VHJvbmcgbsSDbSAyMDE5LCBNVFRRIGPDoWMgY+G6pXAgdHLDqm4gxJHhu4thIGLDoG4gaHV54buHbiDEkcOjIHThu5UgY2jhu6ljIHRow6BuaCBjw7RuZyDEkOG6oWkgaOG7mWkgbmhp4buHbSBr4buzIDIwMTkgLSAyMDI0IHRoZW8ga+G6vyBob+G6oWNoOw=='

# --- y: the item's text ------------------------------------------------------
run 'j\nj\nj\n<Enter>\ny\n' data/ngan-son-2020.xml
is "$(cat "$tmp/out")" "${esc}]52;c;${kq1}${bel}" "y on kq1: ESC ] 52 ; c ; its text in base64, BEL"
if command -v base64 >/dev/null 2>&1; then
	is "$(printf '%s' "$kq1" | base64 -d)" \
		"Trong năm 2019, MTTQ các cấp trên địa bàn huyện đã tổ chức thành công Đại hội nhiệm kỳ 2019 - 2024 theo kế hoạch;" \
		"... which is kq1's text, whitespace collapsed (base64(1) agrees)"
else
	skip "... base64(1) agrees" "base64 is not installed (Debian: coreutils)"
fi
is "$(cat "$tmp/status")" " Kết quả công tác mặt trận năm 2019 · 1/8 Copied 113 characters, if the terminal allows OSC 52" \
	"y: the status line counts the characters and says the terminal must allow it"

# --- Y: the id and FILE:LINE -------------------------------------------------
run 'j\nj\nj\n<Enter>\nY\n' data/ngan-son-2020.xml
is "$(cat "$tmp/out")" "${esc}]52;c;a3ExIGRhdGEvbmdhbi1zb24tMjAyMC54bWw6NDQ=${bel}" \
	"Y on kq1: \"kq1 data/ngan-son-2020.xml:44\" in base64"

# --- inside tmux: wrapped for its passthrough, the ESC doubled ----------------
printf 'j\nj\nj\n<Enter>\nY\n' >"$tmp/keys"
TMUX=/tmp/tmux-0/default,1,0 COLUMNS=160 LINES=30 "$MINUTES" --replay "$tmp/keys" \
	--dump-screen "$tmp/screen" data/ngan-son-2020.xml >"$tmp/out" </dev/null
is "$(cat "$tmp/out")" "${esc}Ptmux;${esc}${esc}]52;c;a3ExIGRhdGEvbmdhbi1zb24tMjAyMC54bWw6NDQ=${bel}${esc}\\" \
	"\$TMUX set: ESC P tmux; ESC ESC ] 52 ... BEL ESC \\"

# --- made safe: paragraphs as line feeds, no control character -------------
cat >"$tmp/c1.xml" <<'EOX'
<?xml version="1.0" encoding="UTF-8"?>
<minutes version="1" id="m">
  <meeting><title>Họp</title><date>2024-01-02</date></meeting>
  <attendees><person id="a"><name>An</name></person></attendees>
  <section id="s" kind="report"><heading>Phần</heading>
    <item id="i1"><p>Một&#x9b;31m đỏ</p><p>Hai</p></item>
  </section>
</minutes>
EOX
run 'j\nj\n<Enter>\ny\n' "$tmp/c1.xml"
text=$(sed "s/^${esc}]52;c;//; s/${bel}\$//" "$tmp/out" | base64 -d 2>/dev/null | od -An -c | tr -s ' \n' ' ')
case $text in
*302*233*) r=1 ;; # U+009B, the C1 CSI, as it was
*) r=0 ;;
esac
ok $r "y: a C1 control character (U+009B) in the text does not reach the clipboard"
is "$(sed "s/^${esc}]52;c;//; s/${bel}\$//" "$tmp/out" | base64 -d 2>/dev/null)" "Một�31m đỏ
Hai" "y: the control character shown as U+FFFD, the second paragraph a line of its own"
grep -q 'Copied 14 characters' "$tmp/status"
ok $? "y: the made-safe text is what is counted" || cat "$tmp/status" >&2

# --- more than 100,000 bytes: refused whole --------------------------------
for n in 100000 100001; do
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n<minutes version="1" id="m">\n'
		printf '<meeting><title>Họp</title><date>2024-01-02</date></meeting>\n'
		printf '<attendees><person id="a"><name>An</name></person></attendees>\n'
		printf '<section id="s" kind="report"><heading>Phần</heading><item id="i1">'
		head -c "$n" /dev/zero | tr '\0' a
		printf '</item></section>\n</minutes>\n'
	} >"$tmp/big.xml"
	run 'j\nj\n<Enter>\ny\n' "$tmp/big.xml"
	if [ "$n" = 100000 ]; then
		is "$(wc -c <"$tmp/out")" $((8 + 133336)) "y: a text of 100,000 bytes is sent whole"
	else
		is "$(wc -c <"$tmp/out")" 0 "y: a text of 100,001 bytes sends nothing"
		grep -q 'The text has 100001 bytes, more than the 100000 a copy takes: nothing was copied' "$tmp/status"
		ok $? "... and says so" || cat "$tmp/status" >&2
	fi
done

# --- nothing to copy, and the meetings list ---------------------------------
run 'j\ny\n' data/ngan-son-2020.xml
is "$(wc -c <"$tmp/out")" 0 "y on the attendee list (no element): nothing sent"
grep -q 'Nothing to copy here: select an item, a section, an attendee or a problem' "$tmp/status"
ok $? "... said"
run 'y\n' data/
grep -q 'This key works in an open meeting (Enter opens one)' "$tmp/status"
ok $? "y in the meetings list: said"

# --- v without a terminal: refused --------------------------------------------
EDITOR=false run 'j\nj\nj\n<Enter>\nv\n' data/ngan-son-2020.xml
grep -q 'v needs a terminal: the editor is not started' "$tmp/status"
ok $? "v with no terminal: refused with a message"
# ... nor in --replay on a terminal: its keys come from a script
if command -v script >/dev/null 2>&1; then
	printf 'j\nj\nj\n<Enter>\nv\n' >"$tmp/keys"
	printf '#!/bin/sh\necho "$@" >"%s"\n' "$tmp/ran" >"$tmp/mark.sh"
	chmod +x "$tmp/mark.sh"
	VISUAL= EDITOR="$tmp/mark.sh" script -qc "env COLUMNS=160 LINES=30 $MINUTES --replay $tmp/keys --dump-screen $tmp/screen data/ngan-son-2020.xml" /dev/null >/dev/null 2>&1
	tail -n 1 "$tmp/screen" | grep -q 'v needs a terminal: the editor is not started'
	ok $? "v in --replay on a terminal: refused with a message"
	[ -e "$tmp/ran" ]
	ok $((! $?)) "... the editor was not run"
else
	skip "v in --replay on a terminal: refused" "script is not installed (Debian: bsdutils)"
	skip "... the editor was not run" "script is not installed (Debian: bsdutils)"
fi
done_testing
