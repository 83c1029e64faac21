#!/usr/bin/env bash
# End-to-end throughput of `dyad code` on the shared news corpus
# (docs/performance.md): documents, sentences, events, sentences/s, MB/s,
# peak RSS, startup (dictionary and lexicon load: coding an empty input), and
# the speed-up of --threads 2 over one thread.
#
# Usage: scripts/bench-corpus.sh [--no-build] [--runs N]
#   DYAD_CORPUS_DIR  corpus folder (default: ../shared/corpus next to the repo)
#   DYAD_BENCH_OUT   scratch folder for outputs (default: /tmp/dyad-bench-corpus)
# Builds the `bench` preset (Release) first unless --no-build. hyperfine,
# when installed, repeats each run N times (default 3) and gives medians.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=1
runs=3
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --runs) runs="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

corpus_dir=${DYAD_CORPUS_DIR:-$root/../shared/corpus}
shopt -s nullglob
files=("$corpus_dir"/allsides-world-*.jsonl "$corpus_dir"/reuters21578-*.jsonl)
if ((${#files[@]} == 0)); then
  echo "bench-corpus: no allsides-world-*.jsonl or reuters21578-*.jsonl in $corpus_dir;" \
       "set DYAD_CORPUS_DIR. Nothing measured." >&2
  exit 0
fi

dyad=$root/build/bench/cli/dyad
if ((build)); then
  # Configure only once: reconfiguring a tree that other work shares is slow.
  [[ -f build/bench/build.ninja ]] || cmake --preset bench >/dev/null
  cmake --build --preset bench --target dyad >/dev/null
fi
[[ -x $dyad ]] || { echo "bench-corpus: $dyad not built" >&2; exit 1; }

out=${DYAD_BENCH_OUT:-/tmp/dyad-bench-corpus}
mkdir -p "$out"
have_hyperfine=0
command -v hyperfine >/dev/null && have_hyperfine=1

# Seconds from /usr/bin/time's "h:mm:ss" or "m:ss.ss".
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0
    for (i = 1; i <= n; i++) s = s * 60 + p[i]
    print s }' "$1"
}
peak_rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
summary_field() { awk -v key="$1:" '$1 == key {print $2; exit}' "$2"; }
# The coding time RunCoding reports ("seconds: 6.123 (...)"): load excluded.
coding_seconds() { awk '$1 == "seconds:" {print $2; exit}' "$1"; }
median_seconds() {  # hyperfine JSON, command index
  jq -r ".results[$2].median" "$1"
}
div() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.0f", a / b; else print "-"}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }

echo "dyad: $dyad"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# Startup: everything before the first document, i.e. Coder::Load.
: > "$out/empty.jsonl"
if ((have_hyperfine)); then
  hyperfine -N --runs 10 --warmup 1 --export-json "$out/startup.json" \
    "$dyad code -q $out/empty.jsonl -o /dev/null" >/dev/null
  startup=$(median_seconds "$out/startup.json" 0)
else
  /usr/bin/time -v "$dyad" code -q "$out/empty.jsonl" -o /dev/null 2> "$out/startup.time"
  startup=$(wall_seconds "$out/startup.time")
fi
/usr/bin/time -v "$dyad" code -q "$out/empty.jsonl" -o /dev/null 2> "$out/startup.time"
printf 'startup (empty input): %.0f ms, peak RSS %s MB\n\n' \
  "$(awk -v s="$startup" 'BEGIN {print s * 1000}')" "$(peak_rss_mb "$out/startup.time")"

cpu_seconds() {
  awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ {s += $2} END {print s}' "$1"
}

printf '%-22s %5s %9s %6s | %8s %6s %9s %6s | %8s %6s %6s\n' \
  file docs sentences events "sent/s" "MB/s" "cpu sent/s" "RSS MB" "sent/s" "RSS MB" "ratio"
printf '%-22s %5s %9s %6s | %-35s | %s\n' "" "" "" "" "one thread" "--threads 2 (ratio: over one)"
for file in "${files[@]}"; do
  name=$(basename "$file" .jsonl)
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {print b / 1e6}')
  for threads in 1 2; do
    /usr/bin/time -v "$dyad" code "$file" -o "$out/$name.t$threads.jsonl" --threads "$threads" \
      2> "$out/$name.t$threads.log"
  done
  one=$out/$name.t1.log
  two=$out/$name.t2.log
  documents=$(summary_field documents "$one")
  sentences=$(summary_field sentences "$one")
  events=$(summary_field events "$one")
  coding1=$(coding_seconds "$one")
  coding2=$(coding_seconds "$two")
  # CPU time (load included) resists a busy machine better than wall time.
  cpu1=$(awk -v c="$(cpu_seconds "$one")" -v s="$startup" 'BEGIN {print c - s}')
  if ((have_hyperfine && runs > 1)); then
    # Medians of repeated quiet runs replace the single timings above; the
    # load time is the same for both, so it is taken off to compare coding.
    hyperfine -N --runs "$runs" --export-json "$out/$name.hyperfine.json" \
      "$dyad code -q $file -o $out/$name.h1.jsonl --threads 1" \
      "$dyad code -q $file -o $out/$name.h2.jsonl --threads 2" >/dev/null
    coding1=$(awk -v w="$(median_seconds "$out/$name.hyperfine.json" 0)" -v s="$startup" \
      'BEGIN {print w - s}')
    coding2=$(awk -v w="$(median_seconds "$out/$name.hyperfine.json" 1)" -v s="$startup" \
      'BEGIN {print w - s}')
  fi
  printf '%-22s %5s %9s %6s | %8s %6.2f %9s %6s | %8s %6s %6s\n' \
    "$name" "$documents" "$sentences" "$events" "$(div "$sentences" "$coding1")" \
    "$(awk -v m="$mb" -v s="$coding1" 'BEGIN {print (s > 0) ? m / s : 0}')" \
    "$(div "$sentences" "$cpu1")" "$(peak_rss_mb "$one")" \
    "$(div "$sentences" "$coding2")" "$(peak_rss_mb "$two")" "$(ratio "$coding1" "$coding2")"
done

# Flat memory: every file in one run should peak no higher than the largest
# single file (RunCoding holds one batch of documents at a time).
/usr/bin/time -v "$dyad" code -q "${files[@]}" -o "$out/all.jsonl" 2> "$out/all.time"
echo
echo "all ${#files[@]} files in one run: peak RSS $(peak_rss_mb "$out/all.time") MB"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "sent/s, MB/s: coding only (wall time minus startup; MB are file bytes)."
echo "cpu sent/s: sentences over user+system time minus startup (one run)."
if ((have_hyperfine && runs > 1)); then
  echo "Wall times are hyperfine medians of $runs runs; logs and JSON in $out."
else
  echo "Wall times are single runs (RunCoding's own 'seconds:'); logs in $out."
fi
