#!/usr/bin/env bash
# The main job on the bundled examples: install what is needed, build in
# Release, code examples/ into out/events.jsonl and dyad.db, print a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
mkdir -p out
./build/release/cli/dyad code examples/*.txt examples/*.jsonl \
  --date 2026-11-20 --threads 2 -o out/events.jsonl --db dyad.db
echo "events: out/events.jsonl ($(wc -l < out/events.jsonl) lines), database: dyad.db"
