#!/usr/bin/env bash
# Every command as a whole process at real size: the built-in data (3 skills) and 150 generated
# skills (about SFIA's size, 0.56 MB of RON), timed with hyperfine. See BENCHMARKS.md.
#
#   scripts/command-times.sh [RUNS]      # default: 30 runs per command
#
# Needs hyperfine (`apt-get install hyperfine`). Honours CARGO_TARGET_DIR. Prints a Markdown
# table of mean times; the user's own data, config and state are not read (empty XDG folders).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-30}
target=${CARGO_TARGET_DIR:-target}
command -v hyperfine >/dev/null || { echo "command-times: needs hyperfine" >&2; exit 1; }

cargo build --quiet --release --bin skillscope --example generate
skillscope="$(pwd)/$target/release/skillscope"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
"$target/release/examples/generate" 150 >"$work/real.ron"

real=(--data "$work/real.ron")
commands=(
    "list"
    "show RELM"
    "search rollback"
    "compare RELM:4 RELM:5"
    "paths"
    "list ${real[*]}"
    "show RELM ${real[*]} --format json"
    "search governance ${real[*]}"
    "search governance ${real[*]} --format json"
    "compare RELM:4 RELM:5 ${real[*]} --format markdown"
    "validate $work/real.ron"
)

echo "| command | mean | σ |"
echo "|---|---:|---:|"
for command in "${commands[@]}"; do
    hyperfine -N --warmup 3 --runs "$runs" --export-csv "$work/t.csv" \
        "$skillscope $command" >/dev/null 2>&1
    shown=${command//$work\//}
    # command,mean,stddev,median,user,system,min,max (seconds)
    awk -F, -v c="$shown" 'NR == 2 { printf "| `skillscope %s` | %.1f ms | %.1f ms |\n", c, $2 * 1000, $3 * 1000 }' \
        "$work/t.csv"
done
