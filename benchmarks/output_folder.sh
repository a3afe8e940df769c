# The output folder of benchmarks/run-peers.sh and run-targets.sh, sourced by both with their
# arguments: `--keep DIR` keeps the JSON of every run in DIR; without it they go to a temporary
# folder removed at exit. Sets `out` to the folder's absolute path; a wrong argument exits 2.
case "${1:-}" in
  "") ;;
  --keep) [ $# -eq 2 ] || { echo "usage: $0 [--keep DIR]" >&2; exit 2; } ;;
  *) echo "usage: $0 [--keep DIR]" >&2; exit 2 ;;
esac
if [ -n "${2:-}" ]; then
  mkdir -p "$2"
  out=$(cd "$2" && pwd)
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
