# schema.sh - data/minutes.rng and the loader must agree: a file is valid
# by `xmllint --relaxng` exactly when `minutes --check` accepts it.  Run
# over every fixture in tests/fixtures and every data/*.xml.
# Needs MINUTES, XMLLINT and top_srcdir in the environment.
. "$top_srcdir/tests/tap.sh"

schema="$top_srcdir/data/minutes.rng"

# Files only the loader refuses, on purpose: it is stricter about the file
# than XML is.  Keep this list short; every entry needs its reason.
loader_only() {
	case "$1" in
	hostile-doctype.xml) ;; # a DOCTYPE is refused, harmless or not
	hostile-xxe.xml) ;;     # likewise (xmllint leaves &pw; unexpanded)
	hostile-gzip.xml) ;;    # xmllint decompresses silently; we do not
	*) return 1 ;;
	esac
}

# Whether xmllint (and so the schema) accepts FILE: 0 or 1.
schema_ok() {
	if "$XMLLINT" --noout --nonet --relaxng "$schema" "$1" >/dev/null 2>&1; then
		echo 0
	else
		echo 1
	fi
}

loader_ok() {
	if timeout 60 "$MINUTES" --check "$1" >/dev/null 2>&1; then
		echo 0
	else
		echo 1
	fi
}

if [ -z "$XMLLINT" ] || ! command -v "$XMLLINT" >/dev/null 2>&1; then
	skip "schema and loader agree" "no xmllint"
	done_testing
	exit $?
fi
if [ ! -x "$MINUTES" ]; then
	skip "schema and loader agree" "no $MINUTES"
	done_testing
	exit $?
fi

"$XMLLINT" --noout --relaxng "$schema" \
	"$top_srcdir/tests/fixtures/valid-minimal.xml" >/dev/null 2>&1
ok $? "the schema compiles and takes the minimal file"

for f in "$top_srcdir"/tests/fixtures/*.xml "$top_srcdir"/data/*.xml; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	s=$(schema_ok "$f")
	l=$(loader_ok "$f")
	if loader_only "$name"; then
		[ "$l" = 1 ]
		ok $? "$name: the loader refuses it"
		[ "$s" = 0 ]
		ok $? "$name: xmllint takes it (the loader is stricter by design)"
		continue
	fi
	case "$s$l" in
	00) ok 0 "$name: both accept" ;;
	11) ok 0 "$name: both refuse" ;;
	01) ok 1 "$name: schema accepts, the loader refuses" ;;
	10) ok 1 "$name: the loader accepts, schema refuses" ;;
	esac
	# the fixtures say what they should be
	case "$name" in
	valid-*)
		[ "$s$l" = 00 ]
		ok $? "$name: valid" ;;
	invalid-* | hostile-*)
		[ "$s$l" = 11 ]
		ok $? "$name: refused" ;;
	esac
done

done_testing
