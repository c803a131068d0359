#!/usr/bin/env bash
# The Debian package, built from one source: builds the release binary, has that binary write
# its manual pages and shell completions (generated from its clap definitions) into
# target/deb-assets, where Cargo.toml's [package.metadata.deb] assets point, then packages with
# `cargo deb --no-build`. See docs/install.md.
#
#   scripts/build-deb.sh [CARGO-DEB OPTIONS]     # e.g. --output DIR
#
# Needs cargo-deb (`cargo install cargo-deb --locked`). Honours CARGO_TARGET_DIR. Prints the
# path of the .deb on standard output, cargo's and cargo-deb's progress on standard error.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${CARGO_TARGET_DIR:-target}
command -v cargo-deb >/dev/null || {
    echo "build-deb: needs cargo-deb: cargo install cargo-deb --locked" >&2
    exit 1
}

cargo build --release --locked --bin skillscope >&2
skillscope="$target/release/skillscope"

# Always in the checkout's target/ (cargo-deb reads assets relative to Cargo.toml), and made
# afresh, so the package never carries pages of an earlier build.
assets=target/deb-assets
rm -rf "$assets"
mkdir -p "$assets/completions"
"$skillscope" man --out-dir "$assets/man" >/dev/null
"$skillscope" completions bash >"$assets/completions/skillscope.bash"
"$skillscope" completions zsh >"$assets/completions/_skillscope"
"$skillscope" completions fish >"$assets/completions/skillscope.fish"

cargo deb --no-build --locked "$@"
