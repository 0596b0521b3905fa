# po.sh - every translation is complete: po/LANG.po has no fuzzy and no
# untranslated message, neither as it is nor against the strings the
# sources hold now (xgettext with the options of `make pot`), so a new
# _() string without its translation fails here.  `make update-po` then
# shows the new strings in po/LANG.po.
. "$top_srcdir/tests/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top_srcdir" || exit 1

if [ -z "${MSGFMT:-}" ] || [ -z "${XGETTEXT:-}" ] || [ -z "${MSGMERGE:-}" ]; then
	skip "translations are complete" "msgfmt, xgettext or msgmerge missing (Debian: apt-get install gettext)"
	done_testing
	exit
fi

# stats PO: msgfmt's count line, e.g. "211 translated messages."
stats() {
	LC_ALL=C "$MSGFMT" --check --statistics -o /dev/null "$1" 2>&1
}

# shellcheck disable=SC2086
"$XGETTEXT" $XGETTEXT_OPTIONS -o "$tmp/sources.pot" $POT_INPUTS 2>"$tmp/xgettext.err"
ok $? "xgettext reads the sources"
nsrc=$(LC_ALL=C "$MSGFMT" --statistics -o /dev/null "$tmp/sources.pot" 2>&1 |
	sed -n 's/^0 translated messages, \([0-9]*\) untranslated.*/\1/p')
[ -n "$nsrc" ] && [ "$nsrc" -gt 100 ]
ok $? "the sources hold interface strings ($nsrc)"

for po in po/*.po; do
	lang=$(basename "$po" .po)
	got=$(stats "$po")
	is "$got" "$(echo "$got" | sed -n 's/^\([0-9]* translated messages\.\)$/\1/p')" \
		"$lang.po: msgfmt --check passes, nothing fuzzy or untranslated ($got)"
	# obsolete entries (#~, kept for strings still to come) are left out:
	# msgmerge would revive them here but the catalog make builds has
	# them not, so only the live entries count
	msgattrib --no-obsolete -o "$tmp/$lang.live.po" "$po"
	"$MSGMERGE" --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$tmp/$lang.live.po" "$tmp/sources.pot"
	merged=$(stats "$tmp/$lang.po")
	is "$merged" "$nsrc translated messages." \
		"$lang.po: every string of the sources is translated"
	if [ "$merged" != "$nsrc translated messages." ]; then
		echo "# untranslated in $lang.po (make update-po, then translate them):"
		msgattrib --untranslated --no-obsolete "$tmp/$lang.po" 2>/dev/null |
			sed -n 's/^msgid //p' | sed '1d; s/^/#   /' | head -40
	fi
done

# Vietnamese has one form for every number
is "$(sed -n 's/^"Plural-Forms: \(.*\)\\n"$/\1/p' po/vi.po)" "nplurals=1; plural=0;" \
	"vi.po: one plural form"
is "$(sed -n 's/^"Language: \(.*\)\\n"$/\1/p' po/vi.po)" "vi" "vi.po: Language is vi"
is "$(sed -n 's/^"Content-Type: \(.*\)\\n"$/\1/p' po/vi.po)" "text/plain; charset=UTF-8" \
	"vi.po: written in UTF-8"
done_testing
