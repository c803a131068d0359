#!/usr/bin/env bash
# `skillscope search` against `fzf --filter` on the same synthetic skills, whole process (reading
# and loading the data included), timed with hyperfine; then skillscope's peak memory against the
# size of the data file. See BENCHMARKS.md.
#
# skillscope caches big data files once parsed, and keeps a search snapshot of them (the index and
# each skill encoded on its own), here in a cache folder of its own, so the user's is left alone.
# The first run, which parses big.ron and writes both, is timed on its own (five times, each from
# an empty cache) and serves as the warm-up: it leaves them written, so every query in the table
# is timed with the snapshot warm (after hyperfine's own warm-up run), which is what a repeated
# `skillscope search` over the same data does. The last two columns time the same search parsing
# big.ron every time (--no-cache: neither the cache nor the snapshot).
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
export XDG_CACHE_HOME="$work/cache"

# The same skills twice: our RON data file, and one line per skill (code, name, category,
# subcategory, description, guidance, statements, notes) for fzf.
"$target/release/examples/generate" "$skills" >"$work/big.ron"
"$target/release/examples/generate" "$skills" --records >"$work/big.txt"
"$skillscope" validate "$work/big.ron" >/dev/null
echo "data: $skills skills; big.ron $(stat -c %s "$work/big.ron") bytes," \
    "big.txt $(stat -c %s "$work/big.txt") bytes" >&2

search=("$skillscope" search --data "$work/big.ron" --no-user-data --no-default-data)
hyperfine --style none --runs 5 --prepare "rm -rf $XDG_CACHE_HOME" --export-csv "$work/first.csv" \
    "${search[*]} g >/dev/null" >/dev/null
awk -F, 'NR == 2 { printf "first run, parsing big.ron and writing the cache and the snapshot: %.0f ms\n", $2 * 1000 }' \
    "$work/first.csv" >&2

queries=(g go gov gove gover govern governa governan governanc governance
    "release security" "deploy rollback" "gov sec")

echo "| query | skillscope search | fzf --filter | skillscope / fzf | --no-cache | --no-cache / fzf |"
echo "|---|---:|---:|---:|---:|---:|"
for query in "${queries[@]}"; do
    csv="$work/times.csv"
    hyperfine --style none --warmup 1 --runs "$runs" --export-csv "$csv" \
        -n skillscope "${search[*]} $query >/dev/null" \
        -n fzf "fzf --filter '$query' <$work/big.txt >/dev/null" \
        -n parsing "${search[*]} --no-cache $query >/dev/null" \
        >/dev/null
    # command,mean,stddev,median,user,system,min,max (seconds)
    awk -F, -v q="$query" '
        $1 == "skillscope" { s = $2 }
        $1 == "fzf" { f = $2 }
        $1 == "parsing" { p = $2 }
        END {
            printf "| `%s` | %.0f ms | %.0f ms | %.2f | %.0f ms | %.2f |\n",
                q, s * 1000, f * 1000, s / f, p * 1000, p / f
        }
    ' "$csv"
done

echo
size=$(stat -c %s "$work/big.ron")
for how in "snapshot warm" "writing the cache and the snapshot" "--no-cache"; do
    flags=()
    case $how in
        "writing the cache and the snapshot") rm -rf "$XDG_CACHE_HOME" ;;
        --no-cache) flags=(--no-cache) ;;
    esac
    /usr/bin/time -f "%M" -o "$work/rss" "${search[@]}" "${flags[@]}" governance >/dev/null
    awk -v kb="$(cat "$work/rss")" -v size="$size" -v how="$how" 'BEGIN {
        printf "peak memory of `skillscope search governance` (%s): %.1f MB for a %.1f MB file (%.2f×)\n",
            how, kb * 1024 / 1e6, size / 1e6, kb * 1024 / size
    }'
done
