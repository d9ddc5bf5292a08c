#!/usr/bin/env python3
"""No line of the sources in src/ is wider than 140 columns (the README's convention; .clang-format's
ColumnLimit). Width as a terminal shows it: East Asian wide and full-width characters take two columns.

Usage: check_line_length.py SRC_DIR. Prints each offending line as FILE:LINE: WIDTH and exits 1."""
import os
import sys
import unicodedata

LIMIT = 140


def width(line):
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)


def main():
    long_lines = []
    for folder, _, files in os.walk(sys.argv[1]):
        for name in sorted(files):
            if not name.endswith((".cpp", ".h")):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as source:
                for number, line in enumerate(source, 1):
                    if width(line.rstrip("\n")) > LIMIT:
                        long_lines.append("%s:%d: %d columns" % (path, number, width(line.rstrip("\n"))))
    print("\n".join(long_lines) or "every line of %s is at most %d columns wide" % (sys.argv[1], LIMIT))
    return 1 if long_lines else 0


if __name__ == "__main__":
    sys.exit(main())
