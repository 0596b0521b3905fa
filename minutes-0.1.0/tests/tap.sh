# tap.sh - TAP helpers for the shell tests (sourced).  Every check is one
# counted test; the Automake TAP driver reads the output.
tap_n=0
tap_failed=0

ok() { # ok STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		tap_failed=$((tap_failed + 1))
		echo "not ok $tap_n - $2"
	fi
}

# is GOT WANT DESCRIPTION: exact comparison, with a diff on failure.
is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "$2" > "${TMPDIR:-/tmp}/tap-want.$$"
		printf '%s\n' "$1" > "${TMPDIR:-/tmp}/tap-got.$$"
		diff -u "${TMPDIR:-/tmp}/tap-want.$$" "${TMPDIR:-/tmp}/tap-got.$$" | sed 's/^/# /'
		rm -f "${TMPDIR:-/tmp}/tap-want.$$" "${TMPDIR:-/tmp}/tap-got.$$"
	fi
}

skip() { # skip DESCRIPTION REASON
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
