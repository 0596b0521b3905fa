#!/usr/bin/env python3
# keys.py ACTIONS_DEF MAN_PAGE - prints "NAME: KEY" for each key of
# actions.def the manual's KEYS section does not list (tests/cli/keys.sh).
import re
import sys

# replay names -> the manual's names
NAMES = {
    'Down': 'Down', 'Up': 'Up', 'Left': 'Left', 'Right': 'Right',
    'Tab': 'Tab', 'S-Tab': 'Shift-Tab', 'PageDown': 'PgDn',
    'PageUp': 'PgUp', 'Space': 'Space', 'Home': 'Home', 'End': 'End',
    'Enter': 'Enter', 'BS': 'Backspace', 'Esc': 'Esc', 'Del': 'Delete',
    'F1': 'F1', 'lt': '<',
}

rows = []
for line in open(sys.argv[1], encoding='utf-8'):
    m = re.match(r'ACTION\(\s*(\w+),\s*"([^"]*)",\s*"([^"]*)",\s*\w+,\s*([^,]*),', line)
    if m:
        rows.append((m.group(2), m.group(3).split(), 'IN_PROMPT' in m.group(4)))

man = open(sys.argv[2], encoding='utf-8').read()
keys = man[man.index('\n.SH KEYS'):]
keys = keys[:keys.index('\n.SH ', 1)]
items, prose = set(), set()
for line in keys.split('\n'):
    words = line.replace('\\-', '-').replace('"', ' ').replace(',', ' ')
    if re.match(r'\.(B|BR|BI)\s', line):
        items |= set(words.split()[1:])
    else:
        prose |= set(words.replace('/', ' ').split())

for name, ks, in_prompt in rows:
    for k in ks:
        if k.startswith('<') and len(k) > 1:
            k = k[1:-1]
            m = re.match(r'C-(\w)$', k)
            k = 'Ctrl-' + m.group(1).upper() if m else NAMES.get(k, k)
        found = k in items or (in_prompt and k.rstrip('.') in
                               {w.rstrip('.') for w in prose})
        if not found:
            print('%s: %s' % (name, k))
