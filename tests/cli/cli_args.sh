# Sourced by the CLI test scripts: checks "<path-to-vicsim> <source-dir>" and sets VICSIM and SRC.
if [[ $# -ne 2 ]]; then
  echo "usage: bash $0 <path-to-vicsim> <source-dir>" >&2
  exit 2
fi
VICSIM=$1
SRC=$2
