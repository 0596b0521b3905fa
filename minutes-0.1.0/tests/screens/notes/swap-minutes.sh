#!/bin/sh
# An "editor" for the reload test: writes the note, and meanwhile the
# minutes file is replaced by other minutes (more attendees, other items).
printf 'Ghi chú trước khi tải lại\n' > "$1"
cp m/other.xml m/ngan-son-2020.xml
