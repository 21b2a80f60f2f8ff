#!/usr/bin/env bash
# Checks the C reference pipeline (bench/c-reference/overdue-ref) against plangraph: for generated JSON
# plans of each size, with seeds 1, 7 and 42, as of a day in the middle of the plans and a day after
# everything, `overdue-ref` must write exactly the bytes `plangraph overdue --format json` writes and exit
# with the same status. Run by `make check-reference` (and by hand for 1,000,000 tasks), never by
# `make test`: the reference is the bench's yardstick, and a yardstick that differs measures nothing.
#
# Usage: scripts/check-c-reference.sh PLANGRAPH OVERDUE_REF [SIZE ...]   (sizes default to 1000 10000 100000)
set -uo pipefail

plangraph=${1:?usage: check-c-reference.sh PLANGRAPH OVERDUE_REF [SIZE ...]}
reference=${2:?usage: check-c-reference.sh PLANGRAPH OVERDUE_REF [SIZE ...]}
shift 2
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
for program in "$plangraph" "$reference"; do
  if [ ! -x "$program" ]; then
    echo "check-c-reference: $program is not built (make reference; swift build -c release --product plangraph)" >&2
    exit 2
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checked=0
failed=0
for size in "${sizes[@]}"; do
  for seed in 1 7 42; do
    plan="$work/plan-$size-$seed.json"
    "$plangraph" generate --tasks "$size" --seed "$seed" --format json -o "$plan" || exit 2
    for as_of in 2020-06-01 2026-06-01; do
      "$plangraph" overdue "$plan" --as-of "$as_of" --format json >"$work/plangraph.json" 2>/dev/null
      ours=$?
      "$reference" "$plan" --as-of "$as_of" --format json >"$work/reference.json"
      theirs=$?
      checked=$((checked + 1))
      if [ "$ours" -ne "$theirs" ] || ! cmp -s "$work/plangraph.json" "$work/reference.json"; then
        failed=$((failed + 1))
        echo "DIFFERENT: $size tasks, seed $seed, as of $as_of (exit $ours vs $theirs)"
        cmp "$work/plangraph.json" "$work/reference.json" | head -1
        diff <(tr ',' '\n' <"$work/plangraph.json") <(tr ',' '\n' <"$work/reference.json") | head -10
      else
        echo "identical: $size tasks, seed $seed, as of $as_of ($(wc -c <"$work/plangraph.json") bytes, exit $ours)"
      fi
    done
  done
done
if [ "$failed" -gt 0 ]; then
  echo "check-c-reference: $failed of $checked outputs differ" >&2
  exit 1
fi
echo "check-c-reference: all $checked outputs byte-identical"
