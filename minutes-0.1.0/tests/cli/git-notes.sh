# git-notes.sh - reviewer notes shared through git: the same reviewer adds
# notes in two clones of a bare repository (office and home, in the same
# second), one pushes, the other pulls: with the merge driver set up as the
# README says (minutes --merge-notes %O %A %B and a .gitattributes line)
# there is no conflict and every note is there.
. "$top_srcdir/tests/tap.sh"
if ! command -v git >/dev/null 2>&1; then
	skip "notes merge through git" "git not found (Debian: apt-get install git)"
	done_testing
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
HOME=$tmp/user XDG_DATA_HOME=$tmp/xdg GIT_CONFIG_NOSYSTEM=1
GIT_AUTHOR_NAME=Lan GIT_AUTHOR_EMAIL=lan@example.org
GIT_COMMITTER_NAME=Lan GIT_COMMITTER_EMAIL=lan@example.org
VISUAL=false EDITOR=false MINUTES_NOW=1795860900
export HOME XDG_DATA_HOME GIT_CONFIG_NOSYSTEM GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL \
	GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL VISUAL EDITOR MINUTES_NOW
mkdir "$HOME"
git config --global init.defaultBranch main
git config --global pull.rebase false

# note CLONE TEXT: lan adds a note on the second item, as in the browser
note() {
	printf 'j\nj\n<Enter>\nj\na\n"%s"\n<Enter>\n' "$2" >"$tmp/add.keys"
	(cd "$1" && env COLUMNS=100 LINES=30 "$MINUTES" --reviewer lan \
		--replay "$tmp/add.keys" --dump-screen "$tmp/screen" ngan-son-2020.xml)
}
setup() { # setup CLONE: the two lines of the README
	git -C "$1" config merge.minutes-notes.driver "$MINUTES --merge-notes %O %A %B"
}

git init -q --bare remote.git
git clone -q remote.git office 2>/dev/null
cp "$top_srcdir/data/ngan-son-2020.xml" office/
printf '**/*.notes/*.xml merge=minutes-notes\n' >office/.gitattributes
git -C office add . && git -C office commit -q -m minutes && git -C office push -q origin main
ok $? "a bare repository with the minutes and the .gitattributes line"
setup office
git clone -q remote.git home
setup home

note office "Ghi chú đầu tiên, ở cơ quan"
git -C office add -A && git -C office commit -q -m "note 1" && git -C office push -q
ok $? "office: a first note, pushed"
git -C home pull -q
ok $? "home: pulled"
note office "Ghi chú thứ hai, ở cơ quan"
git -C office add -A && git -C office commit -q -m "note 2" && git -C office push -q
note home "Ghi chú thứ ba, ở nhà"
git -C home add -A && git -C home commit -q -m "note 3"
ok $? "home: a note of its own in the same second, committed"
git -C home pull -q >"$tmp/pull.out" 2>&1
is "$?" 0 "home pulls: merged, no conflict"
is "$(git -C home status --porcelain)" "" "nothing left unmerged"
f=home/ngan-son-2020.notes/lan.xml
is "$(grep -c '<note ' "$f")" 3 "all three notes are in lan's file"
for t in "Ghi chú đầu tiên, ở cơ quan" "Ghi chú thứ hai, ở cơ quan" "Ghi chú thứ ba, ở nhà"; do
	grep -q "<text>$t</text>" "$f"
	ok $? "the note '$t' is there"
done
ids=$(sed -n 's/.*<note id="\([^"]*\)".*/\1/p' "$f" | sort -u | wc -l)
is "$ids" 3 "the two clones' notes of the same second have different ids"
! grep -q '^<<<<<<<\|^>>>>>>>' "$f"
ok $? "no conflict markers"
(cd home && "$MINUTES" --export-notes ngan-son-2020.xml >"$tmp/export.md" 2>"$tmp/export.err")
is "$?:$(cat "$tmp/export.err")" "0:" "the merged file exports cleanly"
git -C home push -q && git -C office pull -q
is "$?" 0 "office pulls the merge back"
is "$(grep -c '<note ' office/ngan-son-2020.notes/lan.xml)" 3 "office has every note too"

# a side that is not a notes file: the driver refuses, git shows a conflict
printf 'not xml\n' >office/ngan-son-2020.notes/lan.xml
git -C office commit -q -am "broken" && git -C office push -q
note home "Ghi chú thứ tư"
git -C home add -A && git -C home commit -q -m "note 4"
git -C home pull -q >"$tmp/pull.out" 2>&1
is "$?" 1 "a malformed side: the pull stops with a conflict"
grep -q "^minutes: .merge_file_[^:]*:1: .*; not merged$" "$tmp/pull.out"
r=$?; [ $r -eq 0 ] || sed 's/^/# /' "$tmp/pull.out"; ok $r "the driver says which side and why"
grep -q "Ghi chú thứ tư" home/ngan-son-2020.notes/lan.xml
ok $? "our notes are not emptied"
done_testing
