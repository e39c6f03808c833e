#!/usr/bin/env bash
# Scores the seeds and every test corpus with the project's scorer (../shared/eval/score.py), one
# summary line each. The on-story corpora are built together with the seeds, as a user adds
# articles to the dossier; the others alone. Usage: bench/evaluate.sh [OUTPUT_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-$(mktemp -d /tmp/dossier-eval-XXXX)}
SCORE=../shared/eval/score.py
PY=.venv/bin/python
corpus() {   # name gold seed-folders...
  local name=$1 gold=$2; shift 2
  rm -rf "$OUT/$name"; mkdir -p "$OUT/$name/seeds"
  for folder in "$@"; do cp "$folder"/* "$OUT/$name/seeds/"; done
  $PY -m generator build --seeds "$OUT/$name/seeds" --docs "$OUT/$name/docs" --dossier dossier.yml --quiet \
      2> "$OUT/$name/problems.txt" || true
  $PY "$SCORE" --gold "$gold" --docs "$OUT/$name/docs" > "$OUT/$name/score.txt" || true
  printf '%-12s %s\n' "$name" "$(tail -1 "$OUT/$name/score.txt" | sed -E 's/articles_(found|total)=[0-9]+ //g; s/event_pages=[0-9]+//')"
}
corpus seeds ../shared/eval/gold/seeds.yml seeds
corpus heldout tests/heldout/gold.yml tests/heldout/seeds
corpus tuning2 tests/tuning2/gold.yml tests/tuning2/seeds
corpus tuning4 tests/tuning4/gold.yml tests/tuning4/seeds
for name in tuning3 tuning5 tuning6 tuning7 tuning8 tuning9 tuning10 tuning11 tuning12 tuning13 tuning14 tuning15 tuning16 tuning17 tuning18 tuning19 tuning20 tuning21 tuning22 tuning23 tuning24 tuning25 tuning26 tuning27 tuning28 tuning29 tuning30 tuning31 tuning32 tuning33 tuning34 validation2; do
  [ -f "tests/$name/gold.yml" ] && corpus "$name" "tests/$name/gold.yml" seeds "tests/$name/seeds"
done
echo "details (missed and wrong, per article): $OUT/*/score.txt"
