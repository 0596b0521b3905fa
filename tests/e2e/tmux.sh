# tmux.sh - end-to-end tests in a real terminal emulator (tmux), under
# LC_ALL=C.UTF-8: what a person sees must be what the headless replay
# mode shows for the same keys at the same size.
. "$top_srcdir/tests/tap.sh"
TMUX_BIN=${TMUX_BIN:-tmux}
if ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	skip "tmux end-to-end tests" "tmux is not installed"
	done_testing
	exit 0
fi
export LC_ALL=C.UTF-8
unset TMUX
tmp=$(mktemp -d)
# One tmux server per test case: ending the last session of a server makes
# it exit, and a new session started on the same socket at that moment can
# meet the dying server ("server exited unexpectedly"). Each case gets a
# socket of its own (stop moves on to the next), so no case waits for or
# races with the previous case's server.
sock_n=0
sock() { echo "minutes-e2e-$$-$sock_n"; }
t() { "$TMUX_BIN" -L "$(sock)" -f /dev/null "$@"; }
stop() {
	t kill-server 2>/dev/null
	sock_n=$((sock_n + 1))
}
trap 't kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1

# wait_for TEXT: polls the pane until TEXT shows (5 s at most)
wait_for() {
	for _ in $(seq 1 100); do
		t capture-pane -p -t e2e 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

# settle: waits until the screen stops changing
settle() {
	prev=
	for _ in $(seq 1 40); do
		cur=$(t capture-pane -p -t e2e 2>/dev/null)
		[ -n "$cur" ] && [ "$cur" = "$prev" ] && return 0
		prev=$cur
		sleep 0.1
	done
}

screen() { t capture-pane -p -t e2e | sed 's/ *$//'; }

# shows WANT: polls until the pane shows exactly WANT (5 s at most), then
# prints what it shows
shows() {
	for _ in $(seq 1 100); do
		[ "$(screen)" = "$1" ] && break
		sleep 0.05
	done
	screen
}

# replay KEYSFILE COLS ROWS ARGS...: the headless screen for comparison
replay() {
	k=$1 c=$2 r=$3
	shift 3
	COLUMNS=$c LINES=$r "$MINUTES" --replay "$k" --dump-screen "$tmp/replay.out" "$@" &&
		sed 's/ *$//' "$tmp/replay.out"
}

start() { # start COLS ROWS ARGS...
	c=$1 r=$2
	shift 2
	rm -f "$tmp/status"
	t new-session -d -s e2e -x "$c" -y "$r" \
		"TERM=screen-256color $MINUTES $*; echo \$? > $tmp/status; sleep 30"
	t set-option -t e2e remain-on-exit on >/dev/null
}

wait_exit() {
	for _ in $(seq 1 100); do
		[ -s "$tmp/status" ] && { cat "$tmp/status"; return 0; }
		sleep 0.05
	done
	echo timeout
}

# --- start, navigate, compare with the replay mode -------------------------
start 100 30 data/ngan-son-2020.xml
wait_for "Contents"
ok $? "the browser starts in tmux"
settle
printf '' >"$tmp/none.keys"
want=$(replay "$tmp/none.keys" 100 30 data/ngan-son-2020.xml)
is "$(shows "$want")" "$want" \
	"first screen: tmux shows what the replay mode shows"

# o: sections grouped by kind, the targets fourth
t send-keys -t e2e o j j j Enter j Enter
settle
printf 'o\nj\nj\nj\n<Enter>\nj\n<Enter>\n' >"$tmp/nav.keys"
nav_screen=$(replay "$tmp/nav.keys" 100 30 data/ngan-son-2020.xml)
is "$(shows "$nav_screen")" "$nav_screen" "navigation: the same screen as the replay mode"

# --- resize down to 10x4 and back ------------------------------------------
t resize-window -t e2e -x 10 -y 4
settle
small=$(printf '\nToo small\nneed 20x5')
is "$(shows "$small")" "$small" "at 10x4: the too-small screen"
t resize-window -t e2e -x 100 -y 30
settle
is "$(shows "$nav_screen")" "$nav_screen" "back at 100x30: the same screen as before"

# a resize storm while scrolling: no crash, same screen at the end
for i in $(seq 1 20); do
	t resize-window -t e2e -x $((20 + i * 4)) -y $((5 + i))
	t send-keys -t e2e j k
done
t resize-window -t e2e -x 100 -y 30
settle
is "$(shows "$nav_screen")" "$nav_screen" "after a resize storm with keys: the same screen"

# --- search ----------------------------------------------------------------
t send-keys -t e2e / 'dai doan ket' Enter
settle
printf 'o\nj\nj\nj\n<Enter>\nj\n<Enter>\n/\n"dai doan ket"\n<Enter>\n' >"$tmp/search.keys"
want=$(replay "$tmp/search.keys" 100 30 data/ngan-son-2020.xml)
is "$(shows "$want")" "$want" "search: the same screen as the replay mode"
screen | grep -q "7/16"
ok $? "search moved on to the next match after the cursor (target 7 of 16)"

# --- quit: status 0 and the terminal restored --------------------------------
t send-keys -t e2e q q q q
is "$(wait_exit)" 0 "q from the top quits with status 0"
is "$(t display-message -p -t e2e '#{alternate_on}')" 0 "the terminal left the alternate screen"
stop

# --- Vietnamese typed into the search prompt ---------------------------------
start 100 30 data/ngan-son-2020.xml
wait_for "Contents"
t send-keys -t e2e / 'Đại đoàn kếx' BSpace 't' Enter
settle
screen | grep -q "5/8"
ok $? "Vietnamese typed with a Backspace correction finds the match"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "Q quits at once with status 0"
stop

# --- a file name with an escape sequence does not reach the terminal ---------
evil="$tmp/$(printf 'x\033]2;PWNED\007y').xml"
cp data/ngan-son-2020.xml "$evil"
t new-session -d -s e2e -x 100 -y 30
t set-option -t e2e allow-rename on >/dev/null 2>&1
t send-keys -t e2e "printf '\\033]2;clean\\007'; $MINUTES $tmp/x*y.xml" Enter
wait_for "Contents"
ok $? "a file named with an escape sequence opens"
settle
title=$(t display-message -p -t e2e '#{pane_title}')
is "$title" "clean" "the escape sequence in the file name did not change the terminal's title"
screen | head -n 1 | grep -q "x�]2;PWNED�y.xml"
ok $? "the file name is shown with its control characters made visible"
t send-keys -t e2e q
stop

# --- notes typed in Vietnamese survive a restart ---------------------------
mkdir -p "$tmp/notes"
cp data/ngan-son-2020.xml "$tmp/notes/"
start 120 30 "--reviewer lan $tmp/notes/ngan-son-2020.xml"
wait_for "Contents"
t send-keys -t e2e j j Enter a
t send-keys -t e2e -l 'Cần kiểm tra lại số liệu nhiệm kỳ'
t send-keys -t e2e Tab Enter
wait_for "Note saved"
ok $? "a note typed in Vietnamese is saved"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "quit after saving"
stop
grep -q '<text>Cần kiểm tra lại số liệu nhiệm kỳ</text>' "$tmp/notes/ngan-son-2020.notes/lan.xml"
ok $? "the note is in the reviewer's notes file, NFC"
grep -q 'kind="question"' "$tmp/notes/ngan-son-2020.notes/lan.xml"
ok $? "Tab chose the kind: question"
start 120 30 "--reviewer minh $tmp/notes/ngan-son-2020.xml"
wait_for "Contents"
t send-keys -t e2e j j Enter
wait_for "Cần kiểm tra lại số liệu nhiệm kỳ"
ok $? "after a restart another reviewer reads the note in the detail pane"
t send-keys -t e2e x
wait_for "Note resolved"
ok $? "x resolves another reviewer's note"
t send-keys -t e2e Q
wait_exit >/dev/null
stop
grep -q '<status note="lan-[^"]*" status="resolved" by="minh"' "$tmp/notes/ngan-son-2020.notes/minh.xml"
ok $? "the resolution is recorded in the resolver's own file"

# --- E: a note written in $EDITOR, with the screen handed over and back ------
cat >"$tmp/editor.sh" <<'EOS'
#!/bin/sh
printf 'Dòng một của ghi chú\nDòng hai\n' > "$1"
EOS
chmod +x "$tmp/editor.sh"
t new-session -d -s e2e -x 120 -y 30 \
	"EDITOR=$tmp/editor.sh TERM=screen-256color $MINUTES --reviewer lan $tmp/notes/ngan-son-2020.xml; echo \$? > $tmp/status; sleep 30"
wait_for "Contents"
t send-keys -t e2e j j Enter j j E
wait_for "Dòng hai"
ok $? "E: the note written in the editor shows, both lines"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "quit after the editor"
stop

# --- E: a long note from $EDITOR is taken whole; one over 1 MiB is refused --
cat >"$tmp/editor.sh" <<'EOS'
#!/bin/sh
head -c "$NOTE_BYTES" /dev/zero | tr '\0' a > "$1"
EOS
for bytes in 100000 1048577; do
	t new-session -d -s e2e -x 120 -y 30 \
		"NOTE_BYTES=$bytes EDITOR=$tmp/editor.sh TERM=screen-256color $MINUTES --reviewer lan $tmp/notes/ngan-son-2020.xml; echo \$? > $tmp/status; sleep 30"
	wait_for "Contents"
	t send-keys -t e2e j j Enter j j j E
	if [ "$bytes" = 100000 ]; then
		wait_for "Note saved"
		ok $? "E: a note of 100,000 bytes is saved"
	else
		wait_for "the note has more than 1048576 bytes"
		ok $? "E: a note of 1 MiB and a byte is refused with a message"
	fi
	t send-keys -t e2e Q
	wait_exit >/dev/null
	stop
done
is "$(grep -o '<text>aaa*</text>' "$tmp/notes/ngan-son-2020.notes/lan.xml" | wc -c)" 100014 \
	"E: the 100,000-byte note is in the file whole, and the refused one is not"

# --- $EDITOR round trip: a template, the final newline, "no change" --------
cat >"$tmp/editor.sh" <<'EOS'
#!/bin/sh
mode=$(cat "$EDITOR_MODE")
cp "$1" "$EDITOR_SEEN.$mode"
case $mode in
new) printf 'Dòng một\nDòng hai\n' > "$1" ;;
append) echo "Dòng ba" >> "$1" ;;
esac
EOS
chmod +x "$tmp/editor.sh"
rm -rf "$tmp/rt" && mkdir -p "$tmp/rt" && cp data/ngan-son-2020.xml "$tmp/rt/"
rm -f "$tmp/status"
echo new >"$tmp/mode"
t new-session -d -s e2e -x 120 -y 30 \
	"EDITOR_MODE=$tmp/mode EDITOR_SEEN=$tmp/seen EDITOR=$tmp/editor.sh TERM=screen-256color $MINUTES --reviewer lan $tmp/rt/ngan-son-2020.xml; echo \$? > $tmp/status; sleep 30"
wait_for "Contents"
t send-keys -t e2e j j j Enter E
wait_for "Note saved"
ok $? "E: the new note is saved"
is "$(sed -n 1,4p "$tmp/seen.new")" "
# ------------------------ >8 ------------------------
# The note is what is above the line; the lines behind # are left out.
# item kq1" "E: a new note's file: an empty line, the cut line, what it is about"
sed -n 5p "$tmp/seen.new" | grep -q '^# > Trong năm 2019, MTTQ các cấp'
ok $? "E: ... and the item's text quoted in the comment block"
echo append >"$tmp/mode"
t send-keys -t e2e e
wait_for "Dòng ba"
ok $? "e: a line appended in the editor shows"
is "$(sed -n 1,4p "$tmp/seen.append")" "Dòng một
Dòng hai

# ------------------------ >8 ------------------------" "e: the note's file keeps its final newline, the block below"
grep -q "<text>Dòng một
Dòng hai
Dòng ba</text>" "$tmp/rt/ngan-son-2020.notes/lan.xml"
ok $? "e: the appended line is a line of its own, the comment block left out"
echo none >"$tmp/mode"
t send-keys -t e2e e
wait_for "No change: the note is as it was"
ok $? "e: leaving the editor without a change says so"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "quit after the round trips"
stop

# --- --mouse: a real terminal's mouse reports (xterm's ESC [ M b x y, which
# screen-256color names kmous), the same as <Click X,Y> in the replay mode
# mouse CODE X Y: the report of button code CODE at column X, row Y (from 0):
# 0 a press of the left button, 3 a release, 65 the wheel down
mouse() {
	b=$(printf '\\%03o\\%03o\\%03o' $((32 + $1)) $((33 + $2)) $((33 + $3)))
	t send-keys -t e2e -l "$(printf "\033[M$b")"
}
start 120 30 --mouse data/ngan-son-2020.xml
wait_for "Contents"
settle
is "$(t display-message -p -t e2e '#{mouse_any_flag}')" 1 \
	"--mouse asks the terminal for mouse reports"
# one event at a time, each read before the next is sent: under load the
# pty can hand the program several reports in one read, which is a case
# of its own, not this one
t send-keys -t e2e o # sections grouped by kind, the targets fourth
settle
mouse 0 5 6; settle; mouse 3 5 6; settle # press, release
mouse 0 40 9; settle; mouse 3 40 9; settle
mouse 65 60 12 # the wheel: a press only
settle
printf 'o\n<Click 5,6>\n<Click 40,9>\n<WheelDown 60,12>\n' >"$tmp/mouse.keys"
want=$(replay "$tmp/mouse.keys" 120 30 data/ngan-son-2020.xml)
is "$(shows "$want")" "$want" "--mouse: two clicks and the wheel, as in the replay mode"
screen | grep -q "Item 5/16"
ok $? "--mouse: the click selected item 2, the wheel moved three on"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "--mouse: quit"
stop
# without --mouse the terminal is not asked for mouse reports: it keeps
# the mouse for selecting text
start 120 30 data/ngan-son-2020.xml
wait_for "Contents"
settle
is "$(t display-message -p -t e2e '#{mouse_any_flag}')" 0 \
	"without --mouse the terminal's mouse is left alone"
stop

# --- emoji sequences (skin tone, ZWJ family, flags) drawn whole -----------
# ncurses keeps one spacing code point per cell: each part gets cells of
# its own that no terminal joins, so the pane border stays in its column
# and moving on leaves no stale cell
start 80 20 tests/fixtures/emoji-sequences.xml
wait_for "Contents"
t send-keys -t e2e j j Enter
settle
printf 'j\nj\n<Enter>\n' >"$tmp/emoji.keys"
want=$(replay "$tmp/emoji.keys" 80 20 tests/fixtures/emoji-sequences.xml)
is "$(shows "$want")" "$want" "emoji sequences: tmux shows what the replay mode shows"
cols=$(screen | sed -n '2,18p' | sed 's/│.*//' | while IFS= read -r l; do
	printf '%s' "$l" | wc -L; done | sort -u | tr '\n' ' ')
is "$cols" "24 " "emoji sequences: the pane border is in column 24 on every row"
# the title and the status line end where they end for any file: "H:help"
# and "DRAFT" in column 79 (the last column is left blank)
is "$(screen | sed -n '1p;$p' | while IFS= read -r l; do printf '%s' "$l" | wc -L; done | tr '\n' ' ')" \
	"79 79 " "emoji sequences: the title and the status line end in column 79"
t send-keys -t e2e Tab j j
settle
printf 'j\nj\n<Enter>\n<Tab>\nj\nj\n' >"$tmp/emoji2.keys"
want=$(replay "$tmp/emoji2.keys" 80 20 tests/fixtures/emoji-sequences.xml)
is "$(shows "$want")" "$want" "emoji sequences: after moving on, no stale cell"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "emoji sequences: quit"
stop

# --- bracketed paste: a pasted block goes into the note whole ---------------
# (tmux's paste-buffer -p marks the paste when the program asked for it;
# its line ends arrive as CR)
rm -rf "$tmp/paste"
mkdir -p "$tmp/paste"
cp data/ngan-son-2020.xml "$tmp/paste/"
rm -f "$tmp/status" "$tmp/after"
t new-session -d -s e2e -x 120 -y 30 \
	"TERM=screen-256color $MINUTES --reviewer lan $tmp/paste/ngan-son-2020.xml; echo \$? > $tmp/status; cat -v > $tmp/after; sleep 30"
wait_for "Contents"
t send-keys -t e2e j j Enter a
wait_for "[comment]"
t set-buffer -b minutes-e2e "$(printf 'Dòng một của ghi chú\ndòng hai\nq\n')"
t paste-buffer -p -b minutes-e2e -t e2e
wait_for "[comment] Dòng một của ghi chú dòng hai q"
ok $? "a pasted block of three lines is in the note editor as one line"
t send-keys -t e2e Enter
wait_for "Note saved"
ok $? "Enter after the paste saves the note"
grep -c '<text>' "$tmp/paste/ngan-son-2020.notes/lan.xml" >"$tmp/count"
is "$(cat "$tmp/count")" 1 "the paste made one note, not one per line"
grep -q '<text>Dòng một của ghi chú dòng hai q</text>' "$tmp/paste/ngan-son-2020.notes/lan.xml"
ok $? "the note holds the whole pasted block, line ends as spaces"
# a paste with no line being typed: not run as keys (Q would quit)
t set-buffer -b minutes-e2e "$(printf 'jj\nQ\n')"
t paste-buffer -p -b minutes-e2e -t e2e
wait_for "Pasted text is not taken as keys"
ok $? "a paste outside a prompt is not run as keys: a message says so"
[ -s "$tmp/status" ]
ok $((! $?)) "the pasted Q did not quit"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "quit after the pastes"
# the terminal no longer marks pastes: what cat reads has no ESC [ 200 ~
t set-buffer -b minutes-e2e "after"
t paste-buffer -p -b minutes-e2e -t e2e
t send-keys -t e2e Enter C-d
for _ in $(seq 1 50); do [ -s "$tmp/after" ] && break; sleep 0.1; done
is "$(cat "$tmp/after")" "after" "on exit the terminal's bracketed paste is off again"
stop

# a paste whose end mark never comes: taken when nothing more comes,
# and the keys after it work again
start 120 30 "--reviewer lan $tmp/paste/ngan-son-2020.xml"
wait_for "Contents"
t send-keys -t e2e j j Enter a
wait_for "[comment]"
t send-keys -t e2e -l "$(printf '\033[200~không kết thúc')"
wait_for "[comment] không kết thúc"
ok $? "a paste with no end mark is taken after a pause"
t send-keys -t e2e -l ' nữa'
wait_for "[comment] không kết thúc nữa"
ok $? "keys typed after it are typed again"
t send-keys -t e2e Escape
wait_for "(y/n)"
t send-keys -t e2e y
t send-keys -t e2e Q
is "$(wait_exit)" 0 "quit after the unended paste"
stop

# the editor gets the terminal with pastes unmarked (and the browser
# marks them again after it): an editor reading a pasted line gets it
# without ESC [ 200 ~
cat >"$tmp/editor-read.sh" <<'EOS'
#!/bin/sh
IFS= read -r line
printf '%s\n' "$line" > "$1"
EOS
chmod +x "$tmp/editor-read.sh"
t new-session -d -s e2e -x 120 -y 30 \
	"EDITOR=$tmp/editor-read.sh TERM=screen-256color $MINUTES --reviewer lan $tmp/paste/ngan-son-2020.xml; echo \$? > $tmp/status; sleep 30"
wait_for "Contents"
t send-keys -t e2e j j Enter j j E
sleep 0.5
t set-buffer -b minutes-e2e 'dán trong trình soạn'
t paste-buffer -p -b minutes-e2e -t e2e
t send-keys -t e2e Enter
wait_for "Note saved"
ok $? "E: a line pasted into the editor is saved"
grep -q '<text>dán trong trình soạn</text>' "$tmp/paste/ngan-son-2020.notes/lan.xml"
ok $? "E: the editor read the paste without the paste marks"
t send-keys -t e2e a
wait_for "[comment]"
t set-buffer -b minutes-e2e "$(printf 'sau\nkhi\n')"
t paste-buffer -p -b minutes-e2e -t e2e
wait_for "[comment] sau khi"
ok $? "after the editor, pastes are marked again"
t send-keys -t e2e Escape
wait_for "(y/n)"
t send-keys -t e2e y
t send-keys -t e2e Q
wait_exit >/dev/null
stop

# --- SIGHUP: the terminal goes away, the program ends (no busy loop) --------
rm -f "$tmp/pid"
t new-session -d -s e2e -x 100 -y 30 \
	"echo \$\$ > $tmp/pid; TERM=screen-256color exec $MINUTES data/ngan-son-2020.xml"
wait_for "Contents"
pid=$(cat "$tmp/pid")
kill -0 "$pid" 2>/dev/null
ok $? "the program runs (pid $pid)"
stop
gone=1
for _ in $(seq 1 50); do
	kill -0 "$pid" 2>/dev/null || { gone=0; break; }
	sleep 0.1
done
ok $gone "closing the terminal ends the program"

# --- the terminal's cursor follows the selection (screen readers) ----------
start 100 30 data/ngan-son-2020.xml
wait_for "Contents"
t send-keys -t e2e j j
settle
is "$(t display-message -p -t e2e '#{cursor_flag} #{cursor_x},#{cursor_y}')" "1 0,4" \
	"the cursor is on the navigator's selected row (the third entry), visible"
t send-keys -t e2e j Enter j
settle
cx=$(t display-message -p -t e2e '#{cursor_x}')
cy=$(t display-message -p -t e2e '#{cursor_y}')
screen | sed -n "$((cy + 1))p" | grep -q '│2\. '
r=$?
[ "$cx" -gt 0 ] || r=1
ok $r "in the content pane the cursor is on the second item's first row ($cx,$cy)"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "cursor: quit"
stop

# --- quitting with notes not saved asks first; quitting anyway exits 1 ----
mkdir -p "$tmp/unsaved/ngan-son-2020.notes"
cp data/ngan-son-2020.xml "$tmp/unsaved/"
ln -s nowhere "$tmp/unsaved/ngan-son-2020.notes/lan.xml" # never followed
rm -f "$tmp/status"
t new-session -d -s e2e -x 120 -y 30 \
	"TERM=screen-256color $MINUTES --reviewer lan $tmp/unsaved/ngan-son-2020.xml 2>$tmp/unsaved.err; echo \$? > $tmp/status; sleep 30"
wait_for "Contents"
t send-keys -t e2e j j Enter a
t send-keys -t e2e -l "Chưa lưu được"
t send-keys -t e2e Enter
wait_for "NOT SAVED"
ok $? "unsaved: the note is marked NOT SAVED"
t send-keys -t e2e Q
wait_for "quit anyway? (y/n)"
ok $? "unsaved: Q asks before quitting"
t send-keys -t e2e n
wait_for "Not quitting"
ok $? "unsaved: n stays"
t send-keys -t e2e q q
wait_for "quit anyway? (y/n)"
ok $? "unsaved: q at the top asks too"
t send-keys -t e2e y
is "$(wait_exit)" 1 "unsaved: quitting anyway exits 1"
grep -q '^    Chưa lưu được$' "$tmp/unsaved.err"
ok $? "unsaved: the note's text is written out on quit"
stop

# --- the Vietnamese interface in a real terminal ----------------------------
# under LANG=vi_VN.UTF-8 when this system has that locale, else under
# LANGUAGE=vi with C.UTF-8; the same screens as the replay mode in
# Vietnamese (LANGUAGE=vi), help included
if locale -a 2>/dev/null | grep -qix 'vi_VN\.utf-\{0,1\}8'; then
	vi_env="LANG=vi_VN.UTF-8"
else
	vi_env="LANG=C.UTF-8 LANGUAGE=vi"
fi
rm -f "$tmp/status"
t new-session -d -s e2e -x 100 -y 30 \
	"env -u LC_ALL $vi_env TERM=screen-256color $MINUTES data/ngan-son-2020.xml; echo \$? > $tmp/status; sleep 30"
t set-option -t e2e remain-on-exit on >/dev/null
wait_for "Mục lục"
ok $? "$vi_env: the browser starts in Vietnamese"
settle
t send-keys -t e2e j Enter H
settle
printf 'j\n<Enter>\nH\n' >"$tmp/vi.keys"
want=$(LANGUAGE=vi replay "$tmp/vi.keys" 100 30 data/ngan-son-2020.xml)
is "$(shows "$want")" "$want" "$vi_env: the help, as the replay mode shows it in Vietnamese"
printf '%s\n' "$want" | grep -q "Các phím — q hoặc Esc để đóng trợ giúp"
ok $? "$vi_env: the help's title is Vietnamese"
t send-keys -t e2e q Q
is "$(wait_exit)" 0 "$vi_env: quit"
stop

# --- the terminal's habits: Ctrl-C, TERM=dumb, ESCDELAY ----------------------
# Ctrl-C (the terminal's SIGINT) in the note prompt asks before it throws
# the typed note away, as Esc does; at the top level it quits with 130.
# The pane runs bash (given as its own arguments, no shell between):
# Ctrl-C reaches the whole foreground group, and bash, unlike dash, goes
# on when its child handled the signal and exited on its own.
rm -f "$tmp/status"
t new-session -d -s e2e -x 100 -y 30 bash -c \
	"TERM=screen-256color $MINUTES data/ngan-son-2020.xml; echo \$? > $tmp/status; sleep 30"
t set-option -t e2e remain-on-exit on >/dev/null
wait_for "Contents"
t send-keys -t e2e j j Enter a
wait_for "Note on item"
t send-keys -t e2e -l "nháp"
settle
t send-keys -t e2e C-c
wait_for "Discard what you typed? (y/n)"
ok $? "Ctrl-C in the note prompt asks before discarding"
t send-keys -t e2e n
settle
screen | grep -q "nháp"
ok $? "answered no, the typed note is still there"
t send-keys -t e2e C-c
wait_for "Discard what you typed? (y/n)"
t send-keys -t e2e y
wait_for "Discarded"
ok $? "answered yes, the note is discarded"
t send-keys -t e2e / M T T Q
wait_for "/MTTQ"
t send-keys -t e2e C-c
settle
screen | grep -q "^/MTTQ"
ok $((!$?)) "Ctrl-C cancels the search prompt"
t send-keys -t e2e C-c
is "$(wait_exit)" 130 "Ctrl-C at the top level quits with 130"
stop

# TERM=dumb cannot draw a screen: refused, pointing at --dump
rm -f "$tmp/status"
t new-session -d -s e2e -x 100 -y 30 \
	"TERM=dumb $MINUTES data/ngan-son-2020.xml 2>$tmp/dumb.err; echo \$? > $tmp/status; sleep 30"
is "$(wait_exit)" 2 "TERM=dumb: exit 2"
is "$(cat "$tmp/dumb.err")" "minutes: this terminal cannot move the cursor (TERM is dumb or unknown to it)
hint: --dump prints the minutes, or set TERM to the terminal's name" "TERM=dumb: the message suggests --dump"
stop

# ESCDELAY is honoured: an arrow key whose bytes arrive apart (a slow link)
# is still one key, not Esc and two letters
rm -f "$tmp/status"
t new-session -d -s e2e -x 100 -y 30 \
	"ESCDELAY=3000 TERM=screen-256color $MINUTES data/ngan-son-2020.xml; echo \$? > $tmp/status; sleep 30"
wait_for "Contents"
settle
kd=$(infocmp -1 screen-256color 2>/dev/null | sed -n 's/^[[:space:]]*kcud1=\\E\(.*\),$/\1/p')
[ -n "$kd" ] || kd=OB
t send-keys -t e2e Escape
sleep 0.5
t send-keys -t e2e -l "$kd"
settle
printf '<Down>\n' >"$tmp/down.keys"
want=$(replay "$tmp/down.keys" 100 30 data/ngan-son-2020.xml)
is "$(shows "$want")" "$want" "ESCDELAY=3000: Esc, a pause, then [B or OB is the Down key"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "ESCDELAY: quit"
stop

# --- a folder's index: progress in the status line while it is built,
# Ctrl-C keeps what is done and the next run goes on (issue 18)
gen="$top_builddir/tests/bench/gen"
if [ -x "$gen" ] && "$gen" -f 2000 10000 4000000 data/ngan-son-2020.xml "$tmp/big" >/dev/null 2>&1; then
	rm -f "$tmp/status"
	t new-session -d -s e2e -x 100 -y 20 \
		"XDG_CACHE_HOME=$tmp/xcache MINUTES_PROGRESS_NS=1 TERM=screen-256color $MINUTES $tmp/big 2>$tmp/intr.err; echo \$? > $tmp/status; sleep 30"
	wait_for "Indexing the folder: "
	ok $? "the status line says how far the index is"
	t send-keys -t e2e C-c
	is "$(wait_exit)" 130 "Ctrl-C while the index is built: exit 130"
	is "$(cat "$tmp/intr.err")" "minutes: interrupted: the index keeps the files done so far, the next run goes on" \
		"Ctrl-C: the index keeps what is done"
	stop
	if command -v sqlite3 >/dev/null 2>&1; then
		n=$(sqlite3 "$tmp"/xcache/minutes/big-*.sqlite 'SELECT count(*) FROM files' 2>/dev/null)
		ok "$([ "${n:-0}" -gt 0 ] && [ "${n:-0}" -lt 2000 ] && echo 0 || echo 1)" \
			"the partial index holds the files done ($n of 2000)"
	else
		skip "the partial index holds the files done" "sqlite3 is not installed (Debian: sqlite3)"
	fi
	rm -f "$tmp/status"
	t new-session -d -s e2e -x 100 -y 20 \
		"XDG_CACHE_HOME=$tmp/xcache TERM=screen-256color $MINUTES $tmp/big; echo \$? > $tmp/status; sleep 30"
	wait_for "minutes · 2000 meetings"
	ok $? "the next run completes the index: 2000 meetings"
	t send-keys -t e2e q
	is "$(wait_exit)" 0 "and quits"
	stop
else
	skip "the index's progress and Ctrl-C" "tests/bench/gen is not built (make check builds it)"
fi

# r in the meetings list reads the folder again (issue 16 item 6): new
# files come in, deleted ones go, and the status line says so
mkdir "$tmp/rescan"
cp data/*.xml "$tmp/rescan/"
rm -f "$tmp/status"
t new-session -d -s e2e -x 120 -y 12 \
	"XDG_CACHE_HOME=$tmp/xcache TERM=screen-256color $MINUTES $tmp/rescan; echo \$? > $tmp/status; sleep 30"
wait_for "minutes · 3 meetings"
settle
cp data/ngan-son-2020.xml "$tmp/rescan/copy.xml"
rm "$tmp/rescan/tan-lap-nong-thon-moi-2019.xml"
t send-keys -t e2e r
wait_for "1 new, 1 removed"
ok $? "r: the status line says what changed"
is "$(screen | grep -c 'Ủy ban MTTQ')" 2 "r: the new file is listed (a copy of ngan-son)"
is "$(screen | grep -c 'Họp Ủy ban nhân')" 0 "r: the deleted one is gone"
t send-keys -t e2e q
is "$(wait_exit)" 0 "r: quit"
stop

# --- v: the minutes in $EDITOR at the element's line, reloaded by id --------
# the fake editor records its arguments and edits the file as $V_MODE says
cat >"$tmp/v-editor.sh" <<'EOS'
#!/bin/sh
printf '%s\n' "$*" >> "$V_ARGS"
for f; do :; done
case $(cat "$V_MODE") in
insert) sed -i 's|^    <item id="kq1">|    <item id="kq0">Một mục mới.</item>\n&|' "$f" ;;
break) sed -i '0,/<\/heading>/s|</heading>||' "$f" ;;
drop) sed -i '/<item id="kq3">/,/<\/item>/d' "$f" ;;
fail) exit 3 ;;
intr) kill -INT 0; sleep 1 ;;
esac
EOS
chmod +x "$tmp/v-editor.sh"
rm -rf "$tmp/v" && mkdir -p "$tmp/v" && cp data/ngan-son-2020.xml "$tmp/v/"
rm -f "$tmp/status" "$tmp/v.args"
echo insert >"$tmp/v.mode"
t new-session -d -s e2e -x 200 -y 30 \
	"V_ARGS=$tmp/v.args V_MODE=$tmp/v.mode VISUAL= EDITOR='$tmp/v-editor.sh' TERM=screen-256color $MINUTES $tmp/v/ngan-son-2020.xml; echo \$? > $tmp/status; sleep 30"
wait_for "Contents"
t send-keys -t e2e j j j Enter j v
wait_for "Reloaded: 3 problems"
ok $? "v: the file changed, reloaded: the status line says so with the problems"
is "$(cat "$tmp/v.args")" "+46 $tmp/v/ngan-son-2020.xml" "v: the editor got +LINE of item kq2's start tag, then the file"
screen | grep -q '│kq2 · line 47'
ok $? "v: after the reload the cursor is on kq2 again (by id: an item was added before it), at its new line"
screen | grep -q '· 3/9 '
ok $? "v: ... the third of nine items now"
echo none >"$tmp/v.mode"
t send-keys -t e2e v
wait_for "Not changed"
ok $? "v: the editor left without a change: Not changed"
is "$(sed -n 2p "$tmp/v.args")" "+47 $tmp/v/ngan-son-2020.xml" "v: the line comes from the reloaded model"
echo break >"$tmp/v.mode"
t send-keys -t e2e v
wait_for "Not reloaded, the minutes from before are kept: $tmp/v/ngan-son-2020.xml:41:13: error: Opening and ending tag mismatch"
ok $? "v: a file that no longer loads: the error with FILE:LINE:COL, the old model kept"
screen | grep -q '│kq2 · line 47'
ok $? "v: ... and the screen still shows it, the cursor where it was"
sed -i 's|<heading>Hội nghị tổng kết công tác mặt trận năm 2019$|&</heading>|' "$tmp/v/ngan-son-2020.xml"
echo drop >"$tmp/v.mode"
t send-keys -t e2e j v
wait_for "Reloaded: 3 problems; kq3 is gone: its section is shown"
ok $? "v: the element deleted in the editor: its section is selected, and said"
screen | grep -q '│ket-qua · achievements · 8 items · line 42'
ok $? "v: ... the section, in the navigator" || screen | tail -1 >&2
echo fail >"$tmp/v.mode"
t send-keys -t e2e v
wait_for "failed; the file is not changed"
ok $? "v: an editor that fails says so"
# a Ctrl-C in the editor (SIGINT to the terminal's foreground group) is
# the editor's: the browser waiting for it goes on
echo intr >"$tmp/v.mode"
t send-keys -t e2e Home v
wait_for "failed; the file is not changed"
ok $? "v: an editor ended by SIGINT: said, the browser goes on"
[ -s "$tmp/status" ]
ok $((! $?)) "v: ... and has not quit"
t send-keys -t e2e j
settle
screen | tail -n 1 | grep -q "^ Attendees · "
ok $? "v: ... it still takes keys"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "v: quit"
stop
# the meetings list: v opens the selected file at its top
rm -f "$tmp/v.args"
echo none >"$tmp/v.mode"
t new-session -d -s e2e -x 200 -y 30 \
	"V_ARGS=$tmp/v.args V_MODE=$tmp/v.mode VISUAL='$tmp/v-editor.sh' EDITOR=false TERM=screen-256color $MINUTES $tmp/v/ data/; echo \$? > $tmp/status; sleep 30"
wait_for "Open notes"
t send-keys -t e2e v
wait_for "Not changed"
ok $? "v in the meetings list: the editor ran (VISUAL before EDITOR), nothing changed"
grep -q '^+1 .*\.xml$' "$tmp/v.args"
ok $? "v in the meetings list: the selected file, at line 1"
t send-keys -t e2e Q
wait_exit >/dev/null
stop

# --- y: OSC 52 reaches a real terminal's clipboard (tmux's set-clipboard) ---
# tmux sets $TMUX in its panes: without it the sequence is sent bare, and
# tmux, told to take OSC 52 from programs, makes it a paste buffer
rm -f "$tmp/status"
t new-session -d -s e2e -x 160 -y 30 \
	"env -u TMUX TERM=screen-256color $MINUTES data/ngan-son-2020.xml; echo \$? > $tmp/status; sleep 30"
t set-option -g set-clipboard on >/dev/null
wait_for "Contents"
t send-keys -t e2e j j j Enter y
wait_for "Copied 113 characters, if the terminal allows OSC 52"
ok $? "y: the status line says what was sent"
is "$(t show-buffer 2>/dev/null)" "Trong năm 2019, MTTQ các cấp trên địa bàn huyện đã tổ chức thành công Đại hội nhiệm kỳ 2019 - 2024 theo kế hoạch;" \
	"y: tmux took kq1's text from OSC 52 into its clipboard"
t send-keys -t e2e Y
wait_for "Copied 29 characters"
is "$(t show-buffer 2>/dev/null)" "kq1 data/ngan-son-2020.xml:44" "Y: the id and FILE:LINE in the clipboard"
t send-keys -t e2e Q
is "$(wait_exit)" 0 "y: quit"
stop

done_testing
