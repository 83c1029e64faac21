#!/bin/sh
# Rebuilds data/ontology/*.tsv from the shared ontology facts
# (../shared/ontology by default, see its README.md for the sources).
# A maintainer tool: the build does not run it; its output is committed.
#
#   tools/build_ontology.sh [SOURCE_DIR [TARGET_DIR]]
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$repo/../shared/ontology}
dst=${2:-$repo/data/ontology}

for f in cameo_codes.tsv plover.tsv cameo_to_plover.tsv; do
  if [ ! -r "$src/$f" ]; then
    echo "build_ontology: cannot read $src/$f" >&2
    exit 1
  fi
done
mkdir -p "$dst"

# Byte-wise comparisons and sorting, whatever the maintainer's locale.
export LC_ALL=C

# The source tables carry cross-reference columns (names and Goldstein values
# from GDELT, ICEWS, Phoenix, and where each value came from); the project
# keeps only the primary values. Header names follow the project's
# snake_case (quad_class), and carriage returns are dropped in case a source
# was edited on Windows.
awk -F'\t' -v OFS='\t' '
  { sub(/\r$/, "") }
  NR == 1 { print "code", "name", "goldstein", "quad_class", "quad_class_phoenix", "level", "root"; next }
  NF == 0 { next }
  { print $1, $2, $3, $4, $5, $6, $7 }
' "$src/cameo_codes.tsv" > "$dst/cameo_codes.tsv"

awk -F'\t' -v OFS='\t' '
  { sub(/\r$/, "") }
  NR == 1 { print "kind", "event_type", "name", "quad", "description"; next }
  NF == 0 { next }
  { print $1, $2, $3, $4, $7 }
' "$src/plover.tsv" > "$dst/plover.tsv"

# One row per CAMEO code, so that a lookup has one answer. The source lists
# 175 twice with the same target (kept once) and the root 08 twice, as
# CONCEDE (for 080-083) and RETREAT (for 084-087); every 08x code has its own
# row, so the root row only serves unknown 08x codes, and the first one,
# CONCEDE (the target of 080 "Yield"), is kept.
awk -F'\t' -v OFS='\t' '
  { sub(/\r$/, "") }
  NR == 1 { print "cameo_code", "plover_event", "plover_mode", "plover_context"; next }
  NF == 0 { next }
  seen[$1]++ { next }
  { print $1, $2, $3, $4 }
' "$src/cameo_to_plover.tsv" > "$dst/cameo_to_plover.tsv"

echo "build_ontology: wrote $(($(wc -l < "$dst/cameo_codes.tsv") - 1)) CAMEO codes," \
  "$(($(wc -l < "$dst/plover.tsv") - 1)) PLOVER rows," \
  "$(($(wc -l < "$dst/cameo_to_plover.tsv") - 1)) CAMEO-to-PLOVER rows to $dst" >&2
