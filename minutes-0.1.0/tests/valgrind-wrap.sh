#!/bin/sh
# valgrind-wrap.sh - runs a program under valgrind (make check-valgrind).
#
#   valgrind-wrap.sh --exec PROGRAM ARG...  runs PROGRAM (the tests' LOG_COMPILER)
#   valgrind-wrap.sh ARG...                 runs $VALGRIND_PROGRAM: this script
#                                           stands in for $MINUTES
# Any valgrind error, or a definitely or indirectly lost block, makes the
# exit status 99 (and valgrind's report goes to stderr, which the tests
# compare).  $VALGRIND is the valgrind to use.
if [ "${1-}" = --exec ]; then
	shift
else
	set -- "${VALGRIND_PROGRAM:?VALGRIND_PROGRAM is not set}" "$@"
fi
exec "${VALGRIND:-valgrind}" --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --quiet "$@"
