# Sourced first by every script in scripts/ (`source "$(dirname "$0")/usage.sh"`): with -h or --help as
# the first argument, prints the calling script's header comment (what it does and its usage) and exits 0.
if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
  exit 0
fi
