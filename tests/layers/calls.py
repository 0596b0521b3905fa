#!/usr/bin/env python3
# calls.py - which file of tui/ calls which: every function or table a
# .c file defines for others (not static) and every other .c file that
# names it.  Prints the circles (groups of files that reach each other,
# Tarjan's strongly connected components) and the layer rule's breaks.
#
#   calls.py TUI_DIR            prints "circle: a.c b.c ..." per circle,
#                               "layer: FILE uses ..." per break, and
#                               "files: N" at the end
#   calls.py TUI_DIR --edges    prints "a.c -> b.c (names)" per edge
import os
import re
import sys

tui = sys.argv[1]
files = sorted(f for f in os.listdir(tui) if f.endswith('.c'))
src = {}
for f in files:
    with open(os.path.join(tui, f), encoding='utf-8') as fh:
        text = fh.read()
    # comments and strings say nothing about calls
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(\\.|[^'\\\n])*'", "''", text)
    # a struct or enum tag is a type, not a use of a function of the
    # same name (struct notes_signoff and notes_signoff())
    text = re.sub(r'\b(struct|enum|union)\s+[A-Za-z_]\w*', r'\1 _', text)
    src[f] = text

# definitions: the style puts a function's name at the start of a line,
# its return type on the line before; tables are "const struct x name ="
defined = {}
for f, text in src.items():
    lines = text.split('\n')
    for i, line in enumerate(lines):
        m = re.match(r'([A-Za-z_]\w*)\(', line)
        if m and i > 0 and not re.match(r'\s*static\b', lines[i - 1]) \
                and not lines[i - 1].startswith('static ') \
                and lines[i - 1].strip() and not lines[i - 1].rstrip().endswith(';'):
            prev = lines[i - 1]
            if 'static' not in prev.split():
                defined.setdefault(m.group(1), f)
        m = re.match(r'const struct \w+ (\w+)\s*=', line)
        if m:
            defined.setdefault(m.group(1), f)

edges = {f: {} for f in files}
for f, text in src.items():
    for name in set(re.findall(r'\b[A-Za-z_]\w*\b', text)):
        g = defined.get(name)
        if g and g != f:
            edges[f].setdefault(g, []).append(name)

if '--edges' in sys.argv:
    for f in files:
        for g in sorted(edges[f]):
            print('%s -> %s (%s)' % (f, g, ' '.join(sorted(edges[f][g]))))
    sys.exit(0)

# Tarjan's strongly connected components
index = {}
low = {}
stack = []
on = set()
circles = []
counter = [0]
sys.setrecursionlimit(10000)


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in edges[v]:
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            circles.append(sorted(comp))


for f in files:
    if f not in index:
        visit(f)
for c in sorted(circles):
    print('circle: ' + ' '.join(c))

# the layers: the core and the middle have no curses and use nothing of
# the curses layer
CURSES = set(sys.argv[3].split()) if len(sys.argv) > 3 else set()
if len(sys.argv) > 2 and sys.argv[2] == '--curses':
    for f in files:
        if f in CURSES:
            continue
        if re.search(r'#\s*include\s*<n?curses(w/curses)?\.h>', src[f]):
            print('layer: %s includes curses' % f)
        for g in sorted(edges[f]):
            if g in CURSES:
                print('layer: %s uses %s (%s)' % (f, g, ' '.join(sorted(edges[f][g]))))
print('files: %d' % len(files))
