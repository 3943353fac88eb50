"""-h/--help for the Python scripts in scripts/: `script_help.exit_on_help(__doc__)` first thing prints the
calling script's docstring (what it does and its usage) and exits 0 when the first argument asks for help.

Usage: import script_help; script_help.exit_on_help(__doc__)
"""
import sys


def exit_on_help(doc):
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print((doc or "").strip())
        sys.exit(0)
