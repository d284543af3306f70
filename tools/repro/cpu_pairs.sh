#!/bin/bash
# Six EmoBox folds of one `ser_nb_train` command on a 2-core CPU, as most CPU runs in results/experiments were made:
# folds 1 and 2, then 3 and 4, then 5 and 6 side by side at one torch thread each, from a copy of the package as
# committed (HEAD), so that edits made during the hours a run takes cannot reach its later folds; then `--fold all`
# writes the six-fold summary. Every call passes `--resume`: run it again after an interruption and it goes on.
#
#   tools/repro/cpu_pairs.sh OUT [ser_nb_train options other than --fold and --out]
#   e.g. tools/repro/cpu_pairs.sh results/experiments/NAME --data ../shared/data/ravdess-speech --protocol speaker \
#          --seed 1 --preset improved --model cnn_only --epochs 40 --device cpu --overrides '{"speeds": [0.8, 0.9, 1.1, 1.2]}'
#
# Logs: $LOGS/NAME-foldN.log (LOGS defaults to runs/, which git ignores). DRY_RUN=1 prints the commands instead.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 OUT [ser_nb_train options]" >&2; exit 2; }
OUT=$1; shift
for a in "$@"; do case $a in --fold|--out) echo "error: $0 sets $a itself" >&2; exit 2;; esac; done
ROOT=$(git rev-parse --show-toplevel)
LOGS=${LOGS:-runs}; NAME=$(basename "$OUT")
SNAP=$(mktemp -d "${TMPDIR:-/tmp}/ser_nb-snapshot.XXXXXX"); trap 'rm -rf "$SNAP"' EXIT
git -C "$ROOT" archive HEAD ser_nb | tar -x -C "$SNAP"
echo "package: ser_nb as committed at $(git -C "$ROOT" rev-parse --short HEAD), copied to $SNAP"
train() {  # log-file, ser_nb_train options
  local log=$1; shift
  local cmd=(env PYTHONPATH="$SNAP" OMP_NUM_THREADS=1 python "$ROOT/tools/repro/snapshot_train.py" "$@" --resume)
  if [ -n "${DRY_RUN:-}" ]; then echo "${cmd[*]} > $log"; else mkdir -p "$LOGS"; "${cmd[@]}" > "$log" 2>&1; fi
}
for pair in "1 2" "3 4" "5 6"; do
  read -r a b <<< "$pair"
  echo "$(date -u +%T) folds $a and $b start"
  train "$LOGS/$NAME-fold$a.log" "$@" --fold "$a" --out "$OUT/fold$a" & pa=$!
  train "$LOGS/$NAME-fold$b.log" "$@" --fold "$b" --out "$OUT/fold$b" & pb=$!
  ok=1; wait $pa || ok=0; wait $pb || ok=0
  [ $ok = 1 ] || { echo "error: fold $a or $b failed: see $LOGS/$NAME-fold$a.log and $LOGS/$NAME-fold$b.log" >&2; exit 1; }
  echo "$(date -u +%T) folds $a and $b end"
done
train "$LOGS/$NAME-all.log" "$@" --fold all --out "$OUT"  # every fold is done: this only reads them and writes the summary
[ -n "${DRY_RUN:-}" ] || tail -n 9 "$LOGS/$NAME-all.log"
