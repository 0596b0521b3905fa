# screens.sh - golden-screen tests through the headless replay mode.
#
# Each tests/screens/NAME.keys is a replay script whose leading comment
# lines say how to run it:
#   #@ args: data/ngan-son-2020.xml      (relative to the source tree)
#   #@ size: 120x40                       (default 80x24)
#   #@ attrs                              (dump attribute rows too)
#   #@ env: NO_COLOR=1                    (extra environment)
#   #@ golden: OTHER                      (compare with OTHER.screen)
#   #@ copy: SRC DEST                     (run in a scratch folder holding
#                                          SRC under the name DEST; as
#                                          many as needed)
# and tests/screens/NAME.screen is the exact screen expected.
# UPDATE_GOLDEN=1 rewrites the golden files instead of comparing.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1

for keys in tests/screens/*.keys; do
	name=$(basename "$keys" .keys)
	args=$(sed -n 's/^#@ args: //p' "$keys")
	size=$(sed -n 's/^#@ size: //p' "$keys")
	envs=$(sed -n 's/^#@ env: //p' "$keys")
	attrs=
	grep -q '^#@ attrs' "$keys" && attrs=--dump-attrs
	golden=$(sed -n 's/^#@ golden: //p' "$keys")
	copies=$(sed -n 's/^#@ copy: //p' "$keys")
	[ -n "$golden" ] || golden=$name
	[ -n "$size" ] || size=80x24
	dir=.
	# fresh_dir: the scratch folder anew (notes saved by a run go with it)
	fresh_dir() {
		[ -n "$copies" ] || return 0
		dir="$tmp/run-$name"
		rm -rf "$dir"
		printf '%s\n' "$copies" | while read -r src dest; do
			mkdir -p "$dir/$(dirname "$dest")"
			cp "$src" "$dir/$dest"
		done
	}
	fresh_dir
	cols=${size%x*}
	rows=${size#*x}
	# shellcheck disable=SC2086
	(cd "$dir" && env COLUMNS="$cols" LINES="$rows" MINUTES_NOW=1764320000 \
		MINUTES_REVIEWER=lan $envs "$MINUTES" \
		--replay "$top_srcdir/$keys" --dump-screen "$tmp/$name.screen" \
		$attrs $args 2>"$tmp/$name.err")
	status=$?
	is "$status" 0 "$name: replay exits 0"
	# drawn from a blank screen (Ctrl-L) it must look the same: panes
	# left as they were since the last key never keep anything stale
	{ cat "$keys"; echo '<C-l>'; } >"$tmp/$name.redraw.keys"
	fresh_dir
	(cd "$dir" && env COLUMNS="$cols" LINES="$rows" MINUTES_NOW=1764320000 \
		MINUTES_REVIEWER=lan $envs "$MINUTES" \
		--replay "$tmp/$name.redraw.keys" --dump-screen "$tmp/$name.redraw" \
		$attrs $args 2>/dev/null)
	is "$(cat "$tmp/$name.redraw")" "$(cat "$tmp/$name.screen")" \
		"$name: the same after a full redraw"
	if [ -n "${UPDATE_GOLDEN:-}" ] && [ "$golden" = "$name" ]; then
		cp "$tmp/$name.screen" "tests/screens/$name.screen"
	fi
	if [ -f "tests/screens/$golden.screen" ]; then
		is "$(cat "$tmp/$name.screen")" "$(cat "tests/screens/$golden.screen")" \
			"$name: screen matches $golden.screen"
	else
		ok 1 "$name: golden file tests/screens/$golden.screen is missing"
	fi
done
done_testing
