#!/usr/bin/env bash
# Install, build (preset ci) and run every test: unit tests, golden records,
# command-line tests and the dictionary check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
./build/ci/cli/dyad dict check | tail -n 3
ctest --preset ci -j2
