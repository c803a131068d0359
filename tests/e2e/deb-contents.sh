#!/usr/bin/env bash
# The Debian package as a server would get it: unpacked (not installed) into a temporary folder,
# its binary runs from there and shows Cargo.toml's version, as does the package; the manual
# pages, the three shell completions, the README and the licence are where Debian looks for
# them; the binary carries no symbol table.
# Usage: tests/e2e/deb-contents.sh path/to/skillscope_VERSION-1_ARCH.deb   (scripts/build-deb.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=$(realpath "$1")
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
root=$work/root
failures=0
checks=0
check() { # check DESCRIPTION COMMAND...
    checks=$((checks + 1))
    if "${@:2}"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
same() { [ "$1" = "$2" ] || { echo "     got ${1@Q}, wanted ${2@Q}"; return 1; }; }
has() { [ -s "$root/$1" ] || { echo "     missing or empty: /$1"; return 1; }; }
page_of() { gzip -dc "$root/usr/share/man/man1/$1.1.gz" 2>/dev/null; }
no_symbols() { ! readelf -S "$root/usr/bin/skillscope" | grep -q '\.symtab'; }

# With empty folders of its own: the unpacked binary reads nothing of this machine's user.
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
bin=$root/usr/bin/skillscope

check "the package's version is Cargo.toml's ($version)" \
    same "$(dpkg-deb -f "$deb" Version)" "$version-1"
check "the binary runs from the unpacked package and shows that version" \
    same "$("$bin" --version)" "skillscope $version"
check "the built-in skills load" grep -q "^RELM " <("$bin" list)
check "the binary is stripped" no_symbols
check "skillscope(1) is there, of this version" \
    grep -q "^\.TH skillscope 1 .*\"skillscope $version\"" <(page_of skillscope)
# Every page the binary makes is in the package, compressed, as the binary makes it.
"$bin" man --out-dir "$work/pages" >/dev/null
for page in "$work"/pages/*.1; do
    name=$(basename "$page" .1)
    check "$name(1) is in the package" cmp -s "$page" <(page_of "$name")
done
check "bash completion" has usr/share/bash-completion/completions/skillscope
check "bash completion parses" bash -n "$root/usr/share/bash-completion/completions/skillscope"
check "zsh completion" has usr/share/zsh/vendor-completions/_skillscope
check "fish completion" has usr/share/fish/vendor_completions.d/skillscope.fish
check "README" has usr/share/doc/skillscope/README.md
check "changelog, with this version" \
    grep -q "^## \[$version\]" "$root/usr/share/doc/skillscope/CHANGELOG.md"
check "licence: both texts in the copyright file" \
    grep -q "Apache License" "$root/usr/share/doc/skillscope/copyright"
check "licence: MIT" grep -q "MIT" "$root/usr/share/doc/skillscope/copyright"

echo "deb-contents: $((checks - failures))/$checks checks passed ($(basename "$deb"))"
[ "$failures" = 0 ]
