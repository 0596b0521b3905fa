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

# Fixtures named semantic-*.xml break rules a grammar cannot say (who was
# present, counts that add up, a vote's result against its tally, the end
# after the start, a reference to a person rather than any id): the
# schema takes them, the loader refuses them.  warn-*.xml are valid but
# break the official form (NĐ 30/2020): both take them, and
# `--check --strict` refuses them.

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
	case "$name" in
	semantic-*)
		[ "$s$l" = 01 ]
		ok $? "$name: schema takes it, the loader refuses it"
		continue ;;
	esac
	case "$s$l" in
	00) ok 0 "$name: both accept" ;;
	11) ok 0 "$name: both refuse" ;;
	01) ok 1 "$name: schema accepts, the loader refuses" ;;
	10) ok 1 "$name: the loader accepts, schema refuses" ;;
	esac
	# the fixtures say what they should be
	case "$name" in
	warn-*)
		[ "$s$l" = 00 ]
		ok $? "$name: valid"
		timeout 60 "$MINUTES" --check --strict "$f" >/dev/null 2>&1
		is "$?" 1 "$name: --check --strict refuses it" ;;
	valid-*)
		[ "$s$l" = 00 ]
		ok $? "$name: valid" ;;
	invalid-* | hostile-*)
		[ "$s$l" = 11 ]
		ok $? "$name: refused" ;;
	esac
done

# --- tui/format.def, the loader's table, and the schema name the same
# elements and attributes ---------------------------------------------------
def="$top_srcdir/tui/format.def"
# NAME of each ELEMENT row; "ELEMENT ATTRIBUTE" of each ATTR row
def_elements=$(sed -n 's/^ELEMENT([A-Z0-9_]*, *"\([a-z:]*\)".*/\1/p' "$def" | sort -u)
def_attr_name() { # A -> its name
	sed -n "s/^ATTRIBUTE($1, *\"\([a-z:]*\)\").*/\1/p" "$def"
}
def_el_name() { # E -> its name
	sed -n "s/^ELEMENT($1, *\"\([a-z]*\)\".*/\1/p" "$def"
}
rng_elements=$("$XMLLINT" --xpath "//*[local-name()='element']/@name" "$schema" 2>/dev/null |
	sed 's/ name="\([^"]*\)"/\1\n/g' | sed '/^$/d' | sort -u)
is "$rng_elements" "$def_elements" "format.def and the schema declare the same elements"
[ "$(printf '%s\n' "$def_elements" | wc -l)" -ge 31 ]
ok $? "format.def: every element read ($(printf '%s\n' "$def_elements" | wc -l))"

# each element's attributes, as written inside it in the schema (in any of
# its versions) and as listed in format.def
for el in $def_elements; do
	want=""
	for row in $(sed -n 's/^ATTR(\([A-Z0-9_]*\), *\([A-Z0-9_]*\),.*/\1:\2/p' "$def"); do
		[ "$(def_el_name "${row%%:*}")" = "$el" ] || continue
		want="$want$(def_attr_name "${row#*:}")
"
	done
	want=$(printf '%s' "$want" | sed '/^$/d' | sort -u)
	got=$("$XMLLINT" --xpath "//*[local-name()='element'][@name='$el']//*[local-name()='attribute'][ancestor::*[local-name()='element'][1]/@name='$el']" "$schema" 2>/dev/null |
		sed 's/<[^>]*attribute name="\([^"]*\)"\( ns="http:\/\/www.w3.org\/XML\/1998\/namespace"\)\{0,1\}/\n@\1\2@\n/g' |
		sed -n 's/^@\(.*\)@$/\1/p' |
		sed 's/^lang ns=.*/xml:lang/' | sort -u)
	is "$got" "$want" "<$el>: the same attributes in format.def and the schema"
done

# each element's children: the elements written inside it, or reached
# through <ref> to a define, in the schema (any of its versions), and the
# CHILDREN of its row in format.def
names_of() { # xmllint's name="a" name="b" -> a, b one a line
	sed 's/ name="\([^"]*\)"/\1\n/g' | sed '/^$/d'
}
xp() { "$XMLLINT" --xpath "$1" "$schema" 2>/dev/null | names_of; }
E="*[local-name()='element']"
R="*[local-name()='ref']"
D="*[local-name()='define']"
# define_children NAME VISITED: the elements a define stands for
define_children() {
	case " $2 " in *" $1 "*) return ;; esac
	xp "//$D[@name='$1']//$E[not(ancestor::$E)]/@name"
	for r in $(xp "//$D[@name='$1']//$R[not(ancestor::$E)]/@name"); do
		define_children "$r" "$2 $1"
	done
}
for el in $def_elements; do
	row=$(sed -n "s/^ELEMENT([A-Z0-9_]*, *\"$el\", *[0-9], *[^,]*, *[0-9], *\([^,]*\),.*/\1/p" "$def")
	want=""
	for c in $(printf '%s' "$row" | grep -o 'C([A-Z0-9_]*)' | sed 's/C(\(.*\))/\1/'); do
		want="$want$(def_el_name "$c")
"
	done
	want=$(printf '%s' "$want" | sed '/^$/d' | sort -u)
	got=$( {
		xp "//$E[@name='$el']//$E[ancestor::$E[1]/@name='$el']/@name"
		for r in $(xp "//$E[@name='$el']//$R[ancestor::$E[1]/@name='$el']/@name"); do
			define_children "$r" ""
		done
	} | sort -u)
	is "$got" "$want" "<$el>: the same children in format.def and the schema"
done

done_testing
