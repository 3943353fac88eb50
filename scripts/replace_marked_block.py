#!/usr/bin/env python3
"""Replace the text between a BEGIN and an END marker line of a document with a generated block.

Usage: python3 scripts/replace_marked_block.py DOC BEGIN_MARKER END_MARKER CONTENT_FILE

The BEGIN marker is a whole line (kept); the block ends just before the END marker (kept). The document is
rewritten through a temporary file and a rename, so an interrupted run never leaves it half-written. Used by
scripts/update_parameter_table.sh and scripts/scenarios_readme_numbers.sh.
"""
import os
import sys
import script_help  # scripts/script_help.py: -h and --help

script_help.exit_on_help(__doc__)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip().splitlines()[2])
    doc_path, begin, end, content_path = sys.argv[1:]
    begin += "\n"
    doc = open(doc_path, encoding="utf-8").read()
    content = open(content_path, encoding="utf-8").read()
    try:
        b = doc.index(begin)
        e = doc.index(end, b)
    except ValueError:
        sys.exit(f"{doc_path}: markers not found: expected a line '{begin.strip()}' followed by '{end}'")
    tmp = doc_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(doc[:b + len(begin)] + content + doc[e:])
    os.replace(tmp, doc_path)


if __name__ == "__main__":
    main()
