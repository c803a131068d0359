#!/usr/bin/env bash
# `skillscope search` against `fzf --filter` on the same synthetic skills, whole process (reading
# and loading the data included), timed with hyperfine; then skillscope's peak memory against the
# size of the data file. See BENCHMARKS.md.
#
# skillscope keeps no cache: every run reads and parses big.ron, as a first run would.
#
#   scripts/compare-fzf.sh [SKILLS] [RUNS]      # defaults: 10000 skills, 5 runs per command
#
# Needs fzf, hyperfine and GNU time (`apt-get install fzf hyperfine time`); `cargo bench` needs
# none of them. Honours CARGO_TARGET_DIR. Prints a Markdown table of mean times and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."

skills=${1:-10000}
runs=${2:-5}
target=${CARGO_TARGET_DIR:-target}
for tool in fzf hyperfine /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "compare-fzf: needs $tool" >&2; exit 1; }
done

cargo build --quiet --release --bin skillscope --example generate
skillscope="$target/release/skillscope"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same skills twice: our RON data file, and one line per skill (code, name, category,
# subcategory, description, guidance, statements, notes) for fzf.
"$target/release/examples/generate" "$skills" >"$work/big.ron"
"$target/release/examples/generate" "$skills" --records >"$work/big.txt"
"$skillscope" validate "$work/big.ron" >/dev/null
echo "data: $skills skills; big.ron $(stat -c %s "$work/big.ron") bytes," \
    "big.txt $(stat -c %s "$work/big.txt") bytes" >&2

search=("$skillscope" search --data "$work/big.ron" --no-user-data --no-default-data)
queries=(g go gov gove gover govern governa governan governanc governance
    "release security" "deploy rollback" "gov sec")

echo "| query | skillscope search | fzf --filter | skillscope / fzf |"
echo "|---|---:|---:|---:|"
for query in "${queries[@]}"; do
    csv="$work/times.csv"
    hyperfine --style none --warmup 1 --runs "$runs" --export-csv "$csv" \
        -n skillscope "${search[*]} $query >/dev/null" \
        -n fzf "fzf --filter '$query' <$work/big.txt >/dev/null" \
        >/dev/null
    # command,mean,stddev,median,user,system,min,max (seconds)
    awk -F, -v q="$query" '
        $1 == "skillscope" { s = $2 }
        $1 == "fzf" { f = $2 }
        END {
            printf "| `%s` | %.0f ms | %.0f ms | %.2f |\n", q, s * 1000, f * 1000, s / f
        }
    ' "$csv"
done

echo
size=$(stat -c %s "$work/big.ron")
/usr/bin/time -f "%M" -o "$work/rss" "${search[@]}" governance >/dev/null
awk -v kb="$(cat "$work/rss")" -v size="$size" 'BEGIN {
    printf "peak memory of `skillscope search governance`: %.1f MB for a %.1f MB file (%.2f×)\n",
        kb * 1024 / 1e6, size / 1e6, kb * 1024 / size
}'
